import type { TenantTables } from "@/db/tenant/tables";
import { defineResource, type FieldDef } from "@/server/resources/define";
import { filters, integer, longText, text, wordSearch } from "@/server/resources/fields";
import { namesOf } from "@/server/isip/config";
import { reference } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { cvNameRef, jobTypeRef, providerRef } from "./refs";

const j = (t: TenantTables) => t.jobs;

/** An amount in euro cents (the grid and form read and write euros). */
const money = (label: string, col: (t: TenantTables) => TenantTables["jobs"]["hourlyRate"]): FieldDef => ({
  ...integer(label, col, { min: 0, max: 100_000_00, width: 10 }),
  type: "money",
});

/**
 * Integration → Jobs (Lino's Jobs, IntegUser): a place of work at a job provider, for `capacity`
 * clients at a time, with its hourly rate (the Art. 60§7 contract's default). Its candidatures are
 * listed on it; the clients working there come with the contract.
 */
export const jobsResource = defineResource({
  id: "jobs.jobs",
  title: "jobs.jobs.title",
  countLabel: "jobs.jobs.count",
  table: j,
  pk: (t) => j(t).id,
  version: (t) => j(t).version,
  fields: {
    id: integer("fields.id", (t) => j(t).id, { editable: false, plain: true, width: 6 }),
    name: text("fields.name", (t) => j(t).name, { required: true, width: 28 }),
    provider: providerRef("jobs.jobs.provider", (t) => j(t).providerId),
    type: jobTypeRef("jobs.jobs.type", (t) => j(t).typeId),
    contractType: reference(
      "jobs.jobs.contractType",
      "jobs.contractTypes",
      (t) => j(t).contractTypeId,
      (t) => namesOf(t.jobContractTypes, q(j(t).contractTypeId)),
      { localized: true },
    ),
    sector: cvNameRef("cv.fields.sector", "cv.sectors", "cvSectors", (t) => j(t).sectorId),
    function: cvNameRef("cv.fields.function", "cv.functions", "cvFunctions", (t) => j(t).functionId),
    capacity: integer("jobs.jobs.capacity", (t) => j(t).capacity, { min: 0, max: 1000, width: 8 }),
    hourlyRate: money("jobs.jobs.hourlyRate", (t) => j(t).hourlyRate),
    remark: longText("fields.remark", (t) => j(t).remark),
  },
  columns: ["name", "provider", "type", "capacity", "hourlyRate"],
  hiddenColumns: ["id", "remark", "contractType", "sector", "function"],
  titleField: "name",
  filters: {
    name: filters.text("fields.name", (t) => j(t).name),
  },
  search: wordSearch(
    (t) => [j(t).name],
    (t) => [j(t).id],
  ),
  defaultSort: [{ field: "name", dir: "asc" }],
  access: { view: ["IntegUser"], edit: ["IntegUser"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["id", "name", "provider", "type", "contractType"] },
        { fields: ["sector", "function", "capacity", "hourlyRate"] },
        { fields: ["remark"] },
      ],
      slaves: [
        { resource: "jobs.contracts", label: "jobs.contracts.byJob", masterField: "job" },
        { resource: "jobs.candidatures", label: "jobs.candidatures.byJob", masterField: "job" },
      ],
    },
  ],
  insert: {
    fields: ["name", "provider", "type", "contractType", "capacity", "hourlyRate"],
    defaults: () => ({ capacity: 1 }),
  },
});
