import { sql } from "drizzle-orm";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import { addressLine } from "@/server/clients/sql";
import { countryRef, placeRef } from "@/server/geo/fields";
import type { FieldDef } from "@/server/resources/define";
import {
  boolean,
  choice,
  datetime,
  integer,
  localizedMatches,
  longText,
  reference,
  text,
} from "@/server/resources/fields";
import { likePattern, qualified as q } from "@/server/resources/query";
import { uiLanguages } from "@/server/users/resource";

/** Fields every kind of partner shows the same way (domain-people §2.1), for persons and organisations. */

const p = (t: TenantTables) => t.partners;
const readOnly = { editable: false } as const;

/** A partner's client contact type, shown by its name in the reader's language. */
export const clientContactTypeRef = (label = "resources.clientContactTypes.one") =>
  reference(
    label,
    "contacts.clientContactTypes",
    (t) => p(t).clientContactTypeId,
    (t) =>
      sql`(select ${t.clientContactTypes.names} from ${t.clientContactTypes} where ${q(t.clientContactTypes.id)} = ${q(p(t).clientContactTypeId)})`,
    { localized: true },
  );

export const partnerFields = {
  id: integer("fields.id", (t) => p(t).id, { editable: false, plain: true, width: 7 }),
  language: choice("languages.label", (t) => p(t).language, uiLanguages, { required: true, width: 10 }),
  email: { ...text("fields.email", (t) => p(t).email), input: z.union([z.email(), z.literal("")]) },
  phone: text("fields.phone", (t) => p(t).phone, { max: 40, width: 14 }),
  gsm: text("fields.gsm", (t) => p(t).gsm, { max: 40, width: 14 }),
  fax: text("resources.partners.fax", (t) => p(t).fax, { max: 40, width: 14 }),
  url: {
    ...text("resources.partners.url", (t) => p(t).url, { max: 200 }),
    input: z.union([z.url({ protocol: /^https?$/ }), z.literal("")]),
  },
  clientContactType: clientContactTypeRef(),
  remarks: longText("fields.remarks", (t) => p(t).remarks),
  isObsolete: boolean("fields.isObsolete", (t) => p(t).isObsolete),
  createdAt: datetime("fields.createdAt", (t) => p(t).createdAt),
  modifiedAt: datetime("fields.modifiedAt", (t) => p(t).modifiedAt),
  // The primary postal address, mirrored from the addresses (edited there, read here).
  address: { type: "text", label: "fields.address", width: 32, expr: (t) => addressLine(p(t), t) },
  street: text("fields.street", (t) => p(t).street, readOnly),
  streetNo: text("fields.streetNo", (t) => p(t).streetNo, { ...readOnly, width: 6 }),
  streetBox: text("fields.streetBox", (t) => p(t).streetBox, { ...readOnly, width: 6 }),
  zipCode: text("fields.zipCode", (t) => p(t).zipCode, { ...readOnly, width: 8 }),
  place: { ...placeRef("fields.place", (t) => p(t).placeId), column: undefined, input: undefined },
  country: { ...countryRef("fields.country", (t) => p(t).countryCode), column: undefined, input: undefined },
  addr1: text("resources.addresses.addr1", (t) => p(t).addr1, readOnly),
  addr2: text("resources.addresses.addr2", (t) => p(t).addr2, readOnly),
} satisfies Record<string, FieldDef>;

export const CONTACT_DATA = ["email", "phone", "gsm", "fax", "url"];
export const POSTAL_ADDRESS = ["street", "streetNo", "streetBox", "zipCode", "place", "country", "addr1", "addr2"];

/** Partners of one client contact type, by its name in any language ("pharm" finds pharmacies). */
export const clientContactTypeFilter = {
  label: "resources.clientContactTypes.one",
  widget: "text" as const,
  schema: z.string().trim().min(1).max(100),
  where: (v: string, t: TenantTables) => sql`exists (select 1 from ${t.clientContactTypes}
    where ${q(t.clientContactTypes.id)} = ${q(p(t).clientContactTypeId)} and ${localizedMatches(q(t.clientContactTypes.names), likePattern(v))})`,
};

export const hideObsoleteFilter = {
  label: "resources.clients.hideObsolete",
  widget: "boolean" as const,
  schema: z.boolean(),
  where: (v: boolean, t: TenantTables) => (v ? sql`not ${p(t).isObsolete}` : undefined),
};
