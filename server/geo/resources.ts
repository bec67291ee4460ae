import { eq, ilike, or, sql } from "drizzle-orm";
import { defineResource } from "@/server/resources/define";
import { choice, filters, integer, localizedMatches, localizedText, text } from "@/server/resources/fields";
import { likePattern, qualified as q } from "@/server/resources/query";
import { placeKinds } from "./choices";
import { countryRef } from "./fields";

/** Countries: the ISO list, names in four languages; reference data, read-only for centres. */
export const countriesResource = defineResource({
  id: "geo.countries",
  title: "resources.countries.title",
  table: (t) => t.countries,
  pk: (t) => t.countries.isoCode,
  fields: {
    isoCode: text("fields.isoCode", (t) => t.countries.isoCode, { editable: false, width: 8 }),
    name: localizedText("fields.name", (t) => t.countries.names, { editable: false }),
    places: {
      type: "integer",
      label: "resources.countries.placeCount",
      width: 10,
      expr: (t) =>
        sql<number>`(select count(*)::int from ${t.places} where ${q(t.places.countryCode)} = ${q(t.countries.isoCode)})`,
    },
  },
  columns: ["name", "isoCode"],
  hiddenColumns: ["places"],
  titleField: "name",
  filters: { name: filters.localized("fields.name", (t) => t.countries.names) },
  // The code as typed (`be`), never as a LIKE pattern: a `%` or a trailing backslash is text, not syntax.
  search: (q, t) =>
    or(eq(t.countries.isoCode, q.toUpperCase()), localizedMatches(t.countries.names, likePattern(q, "prefix"))),
  defaultSort: [{ field: "name", dir: "asc" }],
  access: { view: ["SiteUser"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["isoCode", "name", "places"] }],
      slaves: [
        { resource: "geo.places", label: "resources.places.title", masterField: "country" },
        // Shown only to those who may list clients (a slave appears to whoever may view its resource).
        {
          resource: "clients.byNationality",
          label: "resources.clients.byNationalityTitle",
          masterField: "nationality",
        },
      ],
    },
  ],
});

/** Places (Belgian places seeded from the official list); contacts staff keep them up to date. */
export const placesResource = defineResource({
  id: "geo.places",
  title: "resources.places.title",
  table: (t) => t.places,
  pk: (t) => t.places.id,
  version: (t) => t.places.version,
  fields: {
    id: integer("fields.id", (t) => t.places.id, { editable: false, plain: true, width: 7 }),
    name: localizedText("fields.name", (t) => t.places.names, { required: true }),
    zipCode: text("fields.zipCode", (t) => t.places.zipCode, { max: 10, width: 9 }),
    kind: choice("fields.placeKind", (t) => t.places.kind, placeKinds, { required: true }),
    // Required here, and taken as typed (a place's country is set once from the official list).
    country: {
      ...countryRef("fields.country", (t) => t.places.countryCode, { width: 18 }),
      required: true,
      input: text("", (t) => t.places.countryCode, { required: true, max: 4 }).input,
    },
    province: text("fields.province", (t) => t.places.province, { max: 100 }),
    region: text("fields.region", (t) => t.places.region, { max: 100 }),
  },
  columns: ["name", "zipCode", "kind", "province", "country"],
  hiddenColumns: ["id", "region"],
  titleField: "name",
  filters: {
    kind: filters.choice("fields.placeKind", placeKinds, (t) => t.places.kind),
    zipCode: filters.text("fields.zipCode", (t) => t.places.zipCode, "prefix"),
    province: filters.text("fields.province", (t) => t.places.province),
  },
  search: (q, t) =>
    or(ilike(t.places.zipCode, likePattern(q, "prefix")), localizedMatches(t.places.names, likePattern(q, "prefix"))),
  defaultSort: [{ field: "name", dir: "asc" }],
  access: { view: ["SiteUser"], edit: ["ContactsStaff"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["name"] }, { fields: ["zipCode", "kind", "country", "province", "region"] }],
    },
  ],
  insert: {
    fields: ["name", "zipCode", "kind", "country", "province", "region"],
    defaults: () => ({ country: "BE", kind: "city" }),
  },
});
