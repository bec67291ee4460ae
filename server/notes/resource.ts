import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import { belgianToday, brusselsWallClock } from "@/lib/format";
import { anyOf } from "@/server/resources/access";
import { clientNameOf } from "@/server/clients/sql";
import { contactPersonLabel } from "@/server/clients/computed";
import { assertKinds, organisationRef } from "@/server/contacts/refs";
import { AppError } from "@/server/errors";
import { defineResource, type ResourceCtx, type ResourceDef } from "@/server/resources/define";
import { boolean, choice, date, datetime, filters, integer, reference, text } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { uiLanguages } from "@/server/users/resource";
import { userNameOf } from "@/server/users/sql";
import { noteOwnerTypes } from "./choices";
import { eventTypeNameOf, noteTypeNameOf } from "./config";
import { createMailFromNote } from "./mail";
import { noteOwnerTitle } from "./owner";
import { sanitizeNoteBody } from "./sanitize";
import { noteSearch } from "./search";

const n = (t: TenantTables) => t.notes;
type Tx = TenantHandle["db"];

/** "14:30" as typed; stored with its seconds, as PostgreSQL gives a `time` back. */
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The time of day in Brussels now, "14:30". */
const brusselsNow = () => brusselsWallClock(new Date()).toISOString().slice(11, 16);

/**
 * Lino's notes are `UserAuthored` with office staff as managers: whoever may write notes edits and
 * deletes their own, office staff everyone's.
 */
async function assertMayChange(tx: Tx, ctx: ResourceCtx, id: string | number) {
  if (anyOf(ctx.user, ["OfficeStaff"])) return;
  const [row] = await tx
    .select({ userId: ctx.handle.t.notes.userId })
    .from(ctx.handle.t.notes)
    .where(eq(ctx.handle.t.notes.id, Number(id)));
  if (row && row.userId !== ctx.user.id) throw new AppError("FORBIDDEN");
}

/**
 * Completes a new note: its author is the user (the colleague acted for), its language the
 * client's (else the author's), its importance its type's, its owner its client.
 */
async function noteBeforeSave(
  tx: Tx,
  ctx: ResourceCtx,
  id: string | number | undefined,
  values: Record<string, unknown>,
) {
  const t = ctx.handle.t;
  if (id !== undefined) await assertMayChange(tx, ctx, id);
  await assertKinds(tx, t, {
    client: { id: values.client, kind: "person", client: true },
    company: { id: values.company, kind: "organisation" },
  });
  // A contact person names its organisation: a note given only the person is addressed to both
  // (Lino offers the persons of the chosen organisation but refuses no other).
  if (typeof values.contactPerson === "number" && (values.company ?? null) === null) {
    const company = id === undefined ? null : await currentCompany(tx, t, id);
    const [role] = await tx
      .select({ companyId: t.roles.companyId })
      .from(t.roles)
      .where(eq(t.roles.id, values.contactPerson));
    if (company === null && role) values.company = role.companyId;
  }
  if (id !== undefined) {
    // A note that belongs to its client follows it to another client.
    if ("client" in values) {
      const [row] = await tx
        .select({ clientId: t.notes.clientId, ownerType: t.notes.ownerType, ownerId: t.notes.ownerId })
        .from(t.notes)
        .where(eq(t.notes.id, Number(id)));
      const ownedByClient = row?.ownerType === "client" && row.ownerId === row.clientId;
      if (ownedByClient || row?.ownerType === null)
        Object.assign(
          values,
          values.client === null ? { ownerType: null, ownerId: null } : { ownerType: "client", ownerId: values.client },
        );
    }
    return;
  }
  values.user = ctx.user.id;
  const clientId = typeof values.client === "number" ? values.client : null;
  const [client] = clientId
    ? await tx.select({ language: t.partners.language }).from(t.partners).where(eq(t.partners.id, clientId))
    : [];
  values.language = client?.language || ctx.user.language;
  const typeId = typeof values.type === "number" ? values.type : null;
  const [type] = typeId
    ? await tx.select({ important: t.noteTypes.important }).from(t.noteTypes).where(eq(t.noteTypes.id, typeId))
    : [];
  values.important = type?.important ?? false;
  if (clientId) Object.assign(values, { ownerType: "client", ownerId: clientId });
}

async function currentCompany(tx: Tx, t: TenantTables, id: string | number) {
  const [row] = await tx
    .select({ companyId: t.notes.companyId })
    .from(t.notes)
    .where(eq(t.notes.id, Number(id)));
  return row?.companyId ?? null;
}

/**
 * Notes (domain-people §12): what happened with a client, when, of which type and by whom, with a
 * rich-text body. The same list is every note (Explorer), the notes of a client (its History tab),
 * of a type and of an event type; "My notes" shows the user's own.
 */
export const notesResource = defineResource({
  id: "notes.notes",
  title: "resources.notes.title",
  countLabel: "relations.notes",
  table: n,
  pk: (t) => t.notes.id,
  version: (t) => t.notes.version,
  // A note about a client is told to the client's observers (domain-people §12: as "coachings" messages).
  notifies: { client: (t) => t.notes.clientId, type: "coachings", what: "notify.what.note" },
  fields: {
    id: integer("fields.id", (t) => t.notes.id, { editable: false, plain: true, width: 6 }),
    date: date("fields.date", (t) => t.notes.date, { required: true }),
    time: {
      type: "text",
      label: "fields.time",
      width: 6,
      expr: (t) => sql<string>`to_char(${t.notes.time}, 'HH24:MI')`,
      orderBy: (t) => t.notes.time,
      column: (t) => t.notes.time,
      input: z.union([z.literal(""), z.string().regex(TIME)]).nullable(),
      help: "resources.notes.timeHelp",
    },
    eventType: reference(
      "resources.notes.eventType",
      "notes.eventTypes",
      (t) => t.notes.eventTypeId,
      (t) => eventTypeNameOf(t, q(t.notes.eventTypeId)),
      { localized: true },
    ),
    type: reference(
      "resources.notes.type",
      "notes.noteTypes",
      (t) => t.notes.typeId,
      (t) => noteTypeNameOf(t, q(t.notes.typeId)),
      { localized: true },
    ),
    subject: text("resources.notes.subject", (t) => t.notes.subject, { required: true, width: 36 }),
    // The subject and the client: what tells notes apart in the header search and the detail's title.
    title: {
      type: "text",
      label: "resources.notes.subject",
      width: 48,
      sortable: false,
      expr: (t) =>
        sql<string>`case when ${t.notes.clientId} is null then ${t.notes.subject} else ${t.notes.subject} || ' · ' || ${clientNameOf(t, q(t.notes.clientId))} end`,
    },
    body: {
      type: "html",
      label: "resources.notes.body",
      width: 60,
      sortable: false,
      expr: (t) => t.notes.body,
      column: (t) => t.notes.body,
      input: z.string().max(200_000),
      // Stored sanitised; sanitised again as it leaves, so a row written past the sanitiser shows no script either.
      present: (value) => sanitizeNoteBody(String(value ?? "")),
    },
    client: reference(
      "resources.notes.client",
      "clients.clients",
      (t) => t.notes.clientId,
      (t) => clientNameOf(t, q(t.notes.clientId)),
      { width: 24 },
    ),
    company: organisationRef("resources.notes.company", (t) => t.notes.companyId),
    contactPerson: reference(
      "resources.notes.contactPerson",
      "contacts.roles",
      (t) => t.notes.contactPersonId,
      (t) => contactPersonLabel(t, q(t.notes.contactPersonId)),
    ),
    // Written by the system (the author at creation, the owner with the client): read-only in forms.
    user: {
      ...reference(
        "resources.notes.user",
        "users.users",
        (t) => t.notes.userId,
        (t) => userNameOf(t, q(t.notes.userId)),
      ),
      input: undefined,
    },
    ownerType: { ...choice("resources.notes.ownerType", (t) => t.notes.ownerType, noteOwnerTypes), input: undefined },
    ownerId: { ...integer("resources.notes.ownerId", (t) => t.notes.ownerId), input: undefined },
    owner: {
      type: "text",
      label: "resources.notes.owner",
      width: 24,
      sortable: false,
      expr: (t) => noteOwnerTitle(t),
    },
    language: choice("languages.label", (t) => t.notes.language, uiLanguages, { required: true, width: 8 }),
    important: boolean("resources.notes.important", (t) => t.notes.important),
    createdAt: datetime("fields.createdAt", (t) => t.notes.createdAt),
    modifiedAt: datetime("fields.modifiedAt", (t) => t.notes.modifiedAt),
  },
  columns: ["date", "time", "client", "eventType", "type", "subject", "user"],
  hiddenColumns: ["id", "important", "language", "company", "contactPerson", "owner", "modifiedAt"],
  titleField: "title",
  filters: {
    type: {
      label: "resources.notes.type",
      widget: "ref",
      ref: "notes.noteTypes",
      schema: z.number().int(),
      where: (v: number, t) => eq(t.notes.typeId, v),
    },
    eventType: {
      label: "resources.notes.eventType",
      widget: "ref",
      ref: "notes.eventTypes",
      schema: z.number().int(),
      where: (v: number, t) => eq(t.notes.eventTypeId, v),
    },
    author: {
      label: "resources.notes.user",
      widget: "user",
      schema: z.number().int(),
      where: (v: number, t) => eq(t.notes.userId, v),
    },
    period: filters.dateRange("resources.notes.period", (t) => t.notes.date),
    important: filters.boolean("resources.notes.important", (t) => t.notes.important),
  },
  // Full-text, in each note's language (server/notes/search.ts).
  search: (q, t) => noteSearch(t, q),
  searchRank: 40,
  // "logement" is in one note in 15: its first hundred, newest first, are found in a few milliseconds;
  // counting all of them (a million notes) took longer than the page (npm run bench, notes section).
  searchCountCap: 100,
  defaultSort: [
    { field: "date", dir: "desc" },
    { field: "time", dir: "desc" },
  ],
  // Lino's NotesByProject: ContactsUser and (OfficeUser or OfficeOperator) — every type holding
  // ContactsUser holds one of the other two (server/auth/user-types.ts; tests/unit/notes-access.test.ts).
  // The base table notes.Notes lists them all for them too; Explorer → Office offers it to office staff.
  access: { view: ["ContactsUser"], create: ["ContactsUser"], edit: ["ContactsUser"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["date", "time", "eventType", "type", "subject", "important"] },
        { fields: ["client", "company", "contactPerson", "user", "language", "owner"] },
        { fields: ["body"] },
      ],
    },
  ],
  insert: {
    fields: ["date", "time", "eventType", "type", "subject", "body", "client", "company", "contactPerson"],
    defaults: () => ({ date: belgianToday(), time: brusselsNow() }),
  },
  normalize: (v) => ({
    ...v,
    ...("body" in v ? { body: sanitizeNoteBody(String(v.body ?? "")) } : {}),
    ...("time" in v ? { time: v.time ? `${String(v.time)}:00` : null } : {}),
  }),
  derive: () => ({ modifiedAt: new Date() }),
  beforeSave: noteBeforeSave,
  beforeDelete: assertMayChange,
  actions: [createMailFromNote],
});

/** My notes (Lino's MyNotes, Office menu): the notes the user wrote, newest first. */
export const myNotesResource: ResourceDef = {
  ...notesResource,
  id: "notes.mine",
  title: "resources.notes.myTitle",
  scope: (t, ctx) => eq(t.notes.userId, ctx.user.id),
  columns: ["date", "time", "client", "eventType", "type", "subject"],
  // Lino's MyNotes: OfficeUser; the reception's operators (210, 220) have it too (domain-people §1.4, Theresia).
  access: {
    view: ["OfficeUser", "OfficeOperator"],
    create: ["OfficeUser", "OfficeOperator"],
    edit: ["OfficeUser", "OfficeOperator"],
  },
  variantOf: notesResource.id,
};

/** Whether the user may read notes at all (the notes of a client, its important notes, the note filters). */
export const mayReadNotes = (ctx: Pick<ResourceCtx, "user">) => anyOf(ctx.user, notesResource.access.view);
