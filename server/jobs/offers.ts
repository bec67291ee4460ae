import type { TenantTables } from "@/db/tenant/tables";
import { defineResource } from "@/server/resources/define";
import { date, filters, integer, longText, text, wordSearch } from "@/server/resources/fields";
import { providerRef } from "./refs";

const o = (t: TenantTables) => t.jobOffers;

/**
 * Integration → Job offers (Lino's Offers, IntegUser): a provider's offer with its selection period
 * and start date. Lino shows beside it the experiences and candidatures of the offer's sector and
 * function; those lists belong to the CV's sectors and functions, which this area does not copy
 * (see `offerMatches` in ./matching.ts, the seam they plug into).
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
    selectionFrom: date("jobs.offers.selectionFrom", (t) => o(t).selectionFrom),
    selectionUntil: date("jobs.offers.selectionUntil", (t) => o(t).selectionUntil),
    startDate: date("fields.startDate", (t) => o(t).startDate),
    remark: longText("fields.remark", (t) => o(t).remark),
  },
  columns: ["name", "provider", "selectionFrom", "selectionUntil", "startDate"],
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
        { fields: ["id", "name", "provider"] },
        { fields: ["selectionFrom", "selectionUntil", "startDate"] },
        { fields: ["remark"] },
      ],
    },
  ],
  insert: { fields: ["name", "provider", "selectionFrom", "selectionUntil", "startDate", "remark"] },
});
