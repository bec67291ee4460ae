import { sql, type SQLWrapper } from "drizzle-orm";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import { actorOf, rowChange, writeAudit } from "@/server/audit";
import { defineResource, type ResourceAccess } from "@/server/resources/define";
import { boolean, choice, integer, localizedText, longText } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { mailTemplateField } from "@/server/outbox/templates";
import { noteSpecialTypes } from "./choices";

/** The configuration of notes (Configure → Office): read by whoever writes notes, kept by office staff. */
const access: ResourceAccess = { view: ["OfficeUser", "OfficeOperator"], edit: ["OfficeStaff"] };

/** The `{fr, nl, de, en}` name of the note type whose id is `id` (an outer row's column, qualified). */
export const noteTypeNameOf = (t: TenantTables, id: SQLWrapper) =>
  sql`(select ${t.noteTypes.names} from ${t.noteTypes} where ${q(t.noteTypes.id)} = ${id})`;
export const eventTypeNameOf = (t: TenantTables, id: SQLWrapper) =>
  sql`(select ${t.noteEventTypes.names} from ${t.noteEventTypes} where ${q(t.noteEventTypes.id)} = ${id})`;

const optional = z.string().trim().max(20_000).optional();
/** A body template in each language, any of them empty. */
const localizedBody = z.strictObject({ fr: optional, nl: optional, de: optional, en: optional }).nullable();

/** Note types ("note type (content)", domain-people §12): decision, convention, first meeting… */
export const noteTypesResource = defineResource({
  id: "notes.noteTypes",
  title: "resources.noteTypes.title",
  countLabel: "relations.noteTypes",
  table: (t) => t.noteTypes,
  pk: (t) => t.noteTypes.id,
  version: (t) => t.noteTypes.version,
  fields: {
    id: integer("fields.id", (t) => t.noteTypes.id, { editable: false, plain: true, width: 6 }),
    name: localizedText("fields.name", (t) => t.noteTypes.names, { required: true }),
    important: boolean("resources.notes.important", (t) => t.noteTypes.important),
    specialType: choice("resources.noteTypes.specialType", (t) => t.noteTypes.specialType, noteSpecialTypes),
    remark: longText("fields.remark", (t) => t.noteTypes.remark),
    mailTemplate: mailTemplateField((t) => t.noteTypes.mailTemplate),
  },
  columns: ["name", "important", "specialType"],
  hiddenColumns: ["id", "remark"],
  titleField: "name",
  defaultSort: [{ field: "name", dir: "asc" }],
  access,
  // "Notes by type": the notes of this type.
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["name", "important", "specialType", "remark"] }, { fields: ["mailTemplate"] }],
      slaves: [{ resource: "notes.notes", label: "resources.notes.title", masterField: "type" }],
    },
  ],
  insert: { fields: ["name", "important", "specialType", "remark"], defaults: () => ({ important: false }) },
});

/** Event types of notes ("event type (form)", domain-people §12): phone call, home visit, letter… */
export const eventTypesResource = defineResource({
  id: "notes.eventTypes",
  title: "resources.noteEventTypes.title",
  countLabel: "relations.noteEventTypes",
  table: (t) => t.noteEventTypes,
  pk: (t) => t.noteEventTypes.id,
  version: (t) => t.noteEventTypes.version,
  fields: {
    id: integer("fields.id", (t) => t.noteEventTypes.id, { editable: false, plain: true, width: 6 }),
    name: localizedText("fields.name", (t) => t.noteEventTypes.names, { required: true }),
    remark: longText("fields.remark", (t) => t.noteEventTypes.remark),
    body: {
      ...localizedText("resources.noteEventTypes.body", (t) => t.noteEventTypes.body),
      input: localizedBody,
      sortable: false,
    },
    // The centre's "system note type" (Lino's SiteConfig.system_note_type): what the system's notes are.
    system: {
      ...boolean("resources.noteEventTypes.system", (t) => t.noteEventTypes.system),
      help: "resources.noteEventTypes.systemHelp",
    },
  },
  columns: ["name", "system"],
  hiddenColumns: ["id", "remark"],
  titleField: "name",
  defaultSort: [{ field: "name", dir: "asc" }],
  access,
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["name", "system", "remark"] }, { fields: ["body"] }],
      slaves: [{ resource: "notes.notes", label: "resources.notes.title", masterField: "eventType" }],
    },
  ],
  insert: { fields: ["name", "system", "remark"], defaults: () => ({ system: false }) },
  // One type at most is the system's: choosing another one takes the flag from the former.
  beforeSave: async (tx, ctx, id, values) => {
    if (values.system !== true) return;
    const t = ctx.handle.t;
    const former = await tx
      .update(t.noteEventTypes)
      .set({ system: false, version: sql`${t.noteEventTypes.version} + 1` })
      .where(sql`${t.noteEventTypes.system} and ${t.noteEventTypes.id} is distinct from ${id ?? null}`)
      .returning({ id: t.noteEventTypes.id });
    for (const row of former)
      await writeAudit(
        tx,
        t,
        actorOf(ctx.user),
        rowChange("notes.eventTypes", "update", row.id, { system: { from: true, to: false } }),
      );
  },
});
