import { defineResource } from "@/server/resources/define";
import { boolean, integer, localizedText, text } from "@/server/resources/fields";

/**
 * Configure → Integration → Job types (Lino's JobTypes, SocialStaff): used for statistics and the
 * contracts situation, one section per type. Read by whoever edits a job (its type's picker).
 */
export const jobTypesResource = defineResource({
  id: "jobs.types",
  title: "jobs.types.title",
  table: (t) => t.jobTypes,
  pk: (t) => t.jobTypes.id,
  version: (t) => t.jobTypes.version,
  fields: {
    id: integer("fields.id", (t) => t.jobTypes.id, { editable: false, plain: true, width: 6 }),
    seqno: integer("jobs.types.seqno", (t) => t.jobTypes.seqno, { min: 0, max: 9999, plain: true, width: 6 }),
    name: text("jobs.types.name", (t) => t.jobTypes.name, { required: true, width: 30 }),
    remark: text("fields.remark", (t) => t.jobTypes.remark, { width: 30 }),
    isSocial: boolean("jobs.types.isSocial", (t) => t.jobTypes.isSocial),
  },
  columns: ["seqno", "name", "isSocial", "remark"],
  hiddenColumns: ["id"],
  titleField: "name",
  defaultSort: [
    { field: "seqno", dir: "asc" },
    { field: "name", dir: "asc" },
  ],
  access: { view: ["SocialStaff", "IntegUser"], edit: ["SocialStaff"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["id", "seqno", "name", "isSocial"] }, { fields: ["remark"] }],
      slaves: [{ resource: "jobs.jobs", label: "jobs.jobs.title", masterField: "type" }],
    },
  ],
  insert: { fields: ["name", "seqno", "isSocial", "remark"] },
});

/** Configure → Integration → Work schedules (Lino's Schedules, SocialStaff), offered to an Art. 60§7 contract. */
export const jobSchedulesResource = defineResource({
  id: "jobs.schedules",
  title: "jobs.schedules.title",
  table: (t) => t.jobSchedules,
  pk: (t) => t.jobSchedules.id,
  version: (t) => t.jobSchedules.version,
  fields: {
    id: integer("fields.id", (t) => t.jobSchedules.id, { editable: false, plain: true, width: 6 }),
    name: localizedText("fields.name", (t) => t.jobSchedules.names, { required: true }),
  },
  columns: ["name"],
  hiddenColumns: ["id"],
  titleField: "name",
  defaultSort: [{ field: "name", dir: "asc" }],
  // Social users choose a schedule on their Art. 60§7 contracts; social staff keep the list.
  access: { view: ["SocialUser"], edit: ["SocialStaff"] },
  detail: [{ key: "general", label: "resources.tabs.general", groups: [{ fields: ["id", "name"] }] }],
  insert: { fields: ["name"] },
});
