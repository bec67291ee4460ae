import { and, eq, sql } from "drizzle-orm";
import { formatBytes } from "@/lib/format";
import { clientNameOf } from "@/server/clients/sql";
import { assertKinds, organisationRef, personRef } from "@/server/contacts/refs";
import { defineChoiceList } from "@/server/resources/choices";
import { defineResource, type ResourceDef } from "@/server/resources/define";
import {
  boolean,
  choice,
  date,
  datetime,
  filters,
  integer,
  localizedText,
  longText,
  reference,
  text,
  wordSearch,
} from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { EXPIRY_UNITS } from "@/server/calendar/rules/reminders";
import { userNameOf } from "@/server/users/sql";
import { mailTemplateField } from "@/server/outbox/templates";
import { createMailFromUpload } from "./mail";
import { afterUploadSave, beforeUploadDelete, fileLinkOf, neededByDefault } from "./service";

/** Lino's upload areas (domain-people §13): the client's general documents, or a contract's. */
export const uploadAreas = defineChoiceList("uploadAreas", ["90", "10"]);
/** A type the client file offers a shortcut to: the identifying document. */
export const uploadShortcuts = defineChoiceList("uploadShortcuts", ["idDocument"]);
/** The unit of an upload type's expiry warning (Lino's recurrence units). */
export const expiryUnits = defineChoiceList("expiryUnits", [...EXPIRY_UNITS]);

/** The name of an upload type (localized), for references to it. */
export const uploadTypeNameOf = (t: Parameters<typeof clientNameOf>[0], id: Parameters<typeof clientNameOf>[1]) =>
  sql`(select ${q(t.uploadTypes.names)} from ${t.uploadTypes} where ${q(t.uploadTypes.id)} = ${id})`;

/** Upload types (Configure → Office): what a scanned document is, and when its expiry is announced. */
export const uploadTypesResource = defineResource({
  id: "uploads.types",
  title: "resources.uploadTypes.title",
  countLabel: "relations.uploadTypes",
  table: (t) => t.uploadTypes,
  pk: (t) => t.uploadTypes.id,
  version: (t) => t.uploadTypes.version,
  fields: {
    id: integer("fields.id", (t) => t.uploadTypes.id, { editable: false, plain: true, width: 6 }),
    name: localizedText("fields.name", (t) => t.uploadTypes.names, { required: true }),
    uploadArea: choice("resources.uploadTypes.uploadArea", (t) => t.uploadTypes.uploadArea, uploadAreas, {
      required: true,
      width: 12,
    }),
    maxNumber: integer("resources.uploadTypes.maxNumber", (t) => t.uploadTypes.maxNumber, {
      min: -1,
      max: 1000,
      required: true,
      width: 8,
      help: "resources.uploadTypes.maxNumberHelp",
    }),
    wanted: boolean("resources.uploadTypes.wanted", (t) => t.uploadTypes.wanted, {
      help: "resources.uploadTypes.wantedHelp",
    }),
    shortcut: choice("resources.uploadTypes.shortcut", (t) => t.uploadTypes.shortcut, uploadShortcuts, { width: 14 }),
    warnExpiryUnit: choice("resources.uploadTypes.warnExpiryUnit", (t) => t.uploadTypes.warnExpiryUnit, expiryUnits, {
      width: 12,
    }),
    warnExpiryValue: integer("resources.uploadTypes.warnExpiryValue", (t) => t.uploadTypes.warnExpiryValue, {
      min: 0,
      max: 1000,
      required: true,
      width: 8,
    }),
    mailTemplate: mailTemplateField((t) => t.uploadTypes.mailTemplate),
  },
  columns: ["name", "uploadArea", "maxNumber", "wanted", "shortcut", "warnExpiryUnit", "warnExpiryValue"],
  hiddenColumns: ["id"],
  titleField: "name",
  defaultSort: [{ field: "name", dir: "asc" }],
  // Everyone who handles documents picks a type; office staff configure them (Lino: OfficeStaff).
  access: { view: ["SiteUser"], edit: ["OfficeStaff"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["name", "uploadArea", "shortcut"] },
        { fields: ["maxNumber", "wanted", "warnExpiryUnit", "warnExpiryValue"] },
        { fields: ["mailTemplate"] },
      ],
      slaves: [{ resource: "uploads.uploads", label: "resources.uploads.byType", masterField: "type" }],
    },
  ],
  insert: {
    fields: ["name", "uploadArea", "maxNumber", "wanted", "shortcut", "warnExpiryUnit", "warnExpiryValue"],
    defaults: () => ({ uploadArea: "90", maxNumber: -1, warnExpiryUnit: "monthly", warnExpiryValue: 2 }),
  },
});

/** Who may handle scanned documents at all (Lino: OfficeUser or OfficeOperator, e.g. the reception clerk). */
const HANDLERS = ["OfficeUser", "OfficeOperator"] as const;

/** "Is active" on a day: started (or no start) and not ended (or no end). */
const validOn = (t: Parameters<typeof clientNameOf>[0], day: string) =>
  sql`(${t.uploads.startDate} is null or ${t.uploads.startDate} <= ${day}) and (${t.uploads.endDate} is null or ${t.uploads.endDate} >= ${day})`;

/**
 * Scanned documents (domain-people §13). The file itself comes with the row, through the upload
 * route (`insert.upload`), and leaves only through the download route; both check what this
 * declaration says. The same rows are "my uploads", a client's documents and the explorer's list.
 */
export const uploadsResource = defineResource({
  id: "uploads.uploads",
  title: "resources.uploads.title",
  countLabel: "relations.uploads",
  table: (t) => t.uploads,
  pk: (t) => t.uploads.id,
  version: (t) => t.uploads.version,
  fields: {
    id: integer("fields.id", (t) => t.uploads.id, { editable: false, plain: true, width: 6 }),
    client: reference(
      "resources.uploads.client",
      "clients.clients",
      (t) => t.uploads.clientId,
      (t) => clientNameOf(t, q(t.uploads.clientId)),
      { required: true, createOnly: true, width: 24 },
    ),
    type: reference(
      "resources.uploads.type",
      "uploads.types",
      (t) => t.uploads.typeId,
      (t) => uploadTypeNameOf(t, q(t.uploads.typeId)),
      { required: true, localized: true, width: 20 },
    ),
    startDate: date("resources.uploads.startDate", (t) => t.uploads.startDate),
    endDate: date("resources.uploads.endDate", (t) => t.uploads.endDate),
    needed: boolean("resources.uploads.needed", (t) => t.uploads.needed, { help: "resources.uploads.neededHelp" }),
    description: text("resources.uploads.description", (t) => t.uploads.description, { max: 200, width: 24 }),
    fileName: text("resources.uploads.fileName", (t) => t.uploads.fileName, { editable: false, width: 24 }),
    // Read as "3.2 MB" in the reader's language; sorted by the number of bytes.
    fileSize: {
      ...text("resources.uploads.fileSize", (t) => t.uploads.fileSize, { editable: false, width: 9 }),
      present: (value, ctx) => formatBytes(value === null ? null : Number(value), ctx.locale),
      orderBy: (t) => t.uploads.fileSize,
    },
    mimeType: text("resources.uploads.mimeType", (t) => t.uploads.mimeType, { editable: false, width: 16 }),
    user: {
      ...reference(
        "resources.uploads.user",
        "users.users",
        (t) => t.uploads.userId,
        (t) => userNameOf(t, q(t.uploads.userId)),
      ),
      column: undefined,
      input: undefined,
    },
    company: organisationRef("resources.uploads.company", (t) => t.uploads.companyId, { width: 20 }),
    contactPerson: personRef("resources.uploads.contactPerson", (t) => t.uploads.contactPersonId, { width: 20 }),
    remark: longText("resources.uploads.remark", (t) => t.uploads.remark),
    createdAt: datetime("fields.createdAt", (t) => t.uploads.createdAt),
  },
  columns: ["client", "type", "startDate", "endDate", "needed", "description", "fileName", "user"],
  hiddenColumns: ["id", "fileSize", "mimeType", "company", "contactPerson", "createdAt"],
  titleField: "fileName",
  filters: {
    type: {
      label: "resources.uploads.type",
      widget: "ref",
      ref: "uploads.types",
      schema: integer("", (t) => t.uploads.typeId).input!,
      where: (v: number, t) => eq(t.uploads.typeId, v),
    },
    needed: filters.boolean("resources.uploads.needed", (t) => t.uploads.needed),
    endDate: filters.dateRange("resources.uploads.endDate", (t) => t.uploads.endDate),
    activeOn: {
      label: "resources.uploads.activeOn",
      widget: "date",
      schema: date("", (t) => t.uploads.startDate, { required: true }).input!,
      where: (v: string, t) => validOn(t, v),
    },
  },
  search: wordSearch(
    (t) => [t.uploads.fileName, t.uploads.description],
    (t) => [t.uploads.id],
  ),
  defaultSort: [{ field: "createdAt", dir: "desc" }],
  access: { view: [...HANDLERS], edit: [...HANDLERS], listAll: ["OfficeStaff"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["client", "type", "description", "startDate", "endDate", "needed"] },
        { label: "resources.uploads.issuedBy", fields: ["company", "contactPerson"] },
        { label: "resources.uploads.fileGroup", fields: ["fileName", "fileSize", "mimeType", "user", "createdAt"] },
        { fields: ["remark"] },
      ],
      panels: [{ key: "uploadFile", label: "panels.uploadFile.title", top: true, load: fileLinkOf }],
    },
  ],
  insert: {
    fields: ["client", "type", "description", "startDate", "endDate", "company", "contactPerson", "remark"],
    upload: "/api/uploads",
  },
  beforeSave: async (tx, ctx, id, values) => {
    await assertKinds(tx, ctx.handle.t, {
      client: { id: values.client, kind: "person", client: true },
      company: { id: values.company, kind: "organisation" },
      contactPerson: { id: values.contactPerson, kind: "person" },
    });
    // "Needed" defaults to whether the type announces an expiry (domain-people §13).
    if (id === undefined && values.needed === undefined && typeof values.type === "number")
      values.needed = await neededByDefault(tx, ctx, values.type);
  },
  afterSave: afterUploadSave,
  beforeDelete: beforeUploadDelete,
  actions: [createMailFromUpload],
});

/** My uploads (Office menu): what I uploaded, newest first (Lino's MyUploads). */
export const myUploadsResource: ResourceDef = {
  ...uploadsResource,
  id: "uploads.mine",
  title: "resources.uploads.myTitle",
  columns: ["id", "client", "type", "startDate", "endDate", "needed", "description", "fileName"],
  hiddenColumns: ["user", "fileSize", "mimeType", "company", "contactPerson", "createdAt"],
  scope: (t, ctx) => eq(t.uploads.userId, ctx.user.id),
  access: { view: [...HANDLERS], edit: [...HANDLERS] },
  variantOf: uploadsResource.id,
};

/** Needed uploads whose validity ends within a period (the dashboard's "my expiring uploads"). */
export const expiringWhere = (t: Parameters<typeof clientNameOf>[0], from: string, to: string) =>
  and(eq(t.uploads.needed, true), sql`${t.uploads.endDate} between ${from} and ${to}`);
