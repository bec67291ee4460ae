import { sql } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { experiencesResource } from "@/server/cv/resources";
import { defineResource, type FieldDef, type ResourceDef } from "@/server/resources/define";
import { date, filters, integer, longText, text, wordSearch } from "@/server/resources/fields";
import { candidaturesResource } from "./candidatures";
import { offerMatchesSql } from "./matching";
import { cvNameRef, providerRef } from "./refs";

const o = (t: TenantTables) => t.jobOffers;

/**
 * Integration → Job offers (Lino's Offers, IntegUser): a provider's offer with its selection period
 * and start date, its sector and function (the CV's lists); beside it the work experiences and the
 * candidatures of that sector and function (Lino's ExperiencesByOffer, CandidaturesByOffer: ./matching.ts).
 */
export const jobOffersResource = defineResource({
  id: "jobs.offers",
  title: "jobs.offers.title",
  table: o,
  pk: (t) => o(t).id,
  version: (t) => o(t).version,
  fields: {
    id: integer("fields.id", (t) => o(t).id, { editable: false, plain: true, width: 6 }),
    name: text("fields.name", (t) => o(t).name, { width: 28, max: 100 }),
    provider: providerRef("jobs.jobs.provider", (t) => o(t).providerId),
    sector: cvNameRef("cv.fields.sector", "cv.sectors", "cvSectors", (t) => o(t).sectorId),
    function: cvNameRef("cv.fields.function", "cv.functions", "cvFunctions", (t) => o(t).functionId),
    selectionFrom: date("jobs.offers.selectionFrom", (t) => o(t).selectionFrom),
    selectionUntil: date("jobs.offers.selectionUntil", (t) => o(t).selectionUntil),
    startDate: date("fields.startDate", (t) => o(t).startDate),
    remark: longText("fields.remark", (t) => o(t).remark),
  },
  columns: ["name", "provider", "sector", "function", "selectionFrom", "selectionUntil", "startDate"],
  hiddenColumns: ["id", "remark"],
  titleField: "name",
  filters: { selectionUntil: filters.dateRange("jobs.offers.selectionUntil", (t) => o(t).selectionUntil) },
  search: wordSearch(
    (t) => [o(t).name, o(t).remark],
    (t) => [o(t).id],
  ),
  defaultSort: [{ field: "name", dir: "asc" }],
  access: { view: ["IntegUser"], edit: ["IntegUser"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["id", "name", "provider", "sector", "function"] },
        { fields: ["selectionFrom", "selectionUntil", "startDate"] },
        { fields: ["remark"] },
      ],
      slaves: [
        { resource: "jobs.offerExperiences", label: "jobs.offers.experiences", masterField: "offer" },
        { resource: "jobs.offerCandidatures", label: "jobs.offers.candidates", masterField: "offer" },
      ],
    },
  ],
  insert: {
    fields: ["name", "provider", "sector", "function", "selectionFrom", "selectionUntil", "startDate", "remark"],
  },
});

/** The offer a panel's rows are shown beside: no column, only the rows matching the offer (`masterWhere`). */
const offerMaster = (row: (t: TenantTables) => { sectorId: never; functionId: never }): FieldDef => ({
  type: "integer",
  label: "jobs.offers.offer",
  expr: () => sql<number | null>`null::int`,
  sortable: false,
  masterWhere: (t, value) => offerMatchesSql(t, Number(value), row(t)),
});

/** The work experiences of the offer's sector and function (Lino's ExperiencesByOffer), read by integration agents. */
export const offerExperiencesResource: ResourceDef = {
  ...experiencesResource,
  id: "jobs.offerExperiences",
  title: "jobs.offers.experiences",
  fields: { ...experiencesResource.fields, offer: offerMaster((t) => t.cvExperiences as never) },
  hiddenColumns: [...(experiencesResource.hiddenColumns ?? []), "offer"],
  access: { view: ["IntegUser"], edit: [], create: [], listAll: [] },
  insert: undefined,
  variantOf: experiencesResource.id,
};

/** The candidatures of the offer's sector and function (Lino's CandidaturesByOffer). */
export const offerCandidaturesResource: ResourceDef = {
  ...candidaturesResource,
  id: "jobs.offerCandidatures",
  title: "jobs.offers.candidates",
  fields: { ...candidaturesResource.fields, offer: offerMaster((t) => t.candidatures as never) },
  columns: ["dateSubmitted", "client", "job", "sector", "function", "state"],
  hiddenColumns: [...(candidaturesResource.hiddenColumns ?? []), "art60", "art61", "offer"],
  access: { view: ["IntegUser"], edit: [], create: [], listAll: [] },
  insert: undefined,
  workflow: undefined,
  variantOf: candidaturesResource.id,
};
