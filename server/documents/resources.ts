import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import { formatBytes } from "@/lib/format";
import { clientNameOf } from "@/server/clients/sql";
import { actorOf, rowChange, writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";
import { defineResource, type ResourceCtx, type ResourceDef } from "@/server/resources/define";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import {
  boolean,
  choice,
  datetime,
  integer,
  localizedText,
  longText,
  reference,
  text,
} from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import type { UploadFileLink } from "@/server/uploads/service";
import { uiLanguages } from "@/server/users/resource";
import { userNameOf } from "@/server/users/sql";
import { personRef } from "@/server/contacts/refs";
import { editPanel } from "./dav/panel";
import { templatesPanel } from "./own-templates";
import { documentContentTypes, documentTemplates } from "./templates";

/** Who prints and reads printed documents (Lino: OfficeUser or OfficeOperator, like scanned documents). */
export const PRINTERS = ["OfficeUser", "OfficeOperator"] as const;

/** The name of a document type (localized), for references to it. */
const typeNameOf = (t: TenantTables, id: ReturnType<typeof q>) =>
  sql`(select ${q(t.excerptTypes.names)} from ${t.excerptTypes} where ${q(t.excerptTypes.id)} = ${id})`;

/** §14.1: "primary (at most one per entity; setting it unsets the others)": the others of its kind become extra prints. */
async function singlePrimary(
  tx: TenantHandle["db"],
  ctx: ResourceCtx,
  id: string | number | undefined,
  values: Record<string, unknown>,
) {
  if (values.isPrimary !== true) return;
  const t = ctx.handle.t;
  const contentType =
    values.contentType ??
    (
      await tx
        .select({ c: t.excerptTypes.contentType })
        .from(t.excerptTypes)
        .where(eq(t.excerptTypes.id, Number(id)))
    )[0]?.c;
  const demoted = await tx
    .update(t.excerptTypes)
    .set({ isPrimary: false, version: sql`${t.excerptTypes.version} + 1` })
    .where(
      and(
        eq(t.excerptTypes.contentType, String(contentType)),
        eq(t.excerptTypes.isPrimary, true),
        id === undefined ? undefined : ne(t.excerptTypes.id, Number(id)),
      ),
    )
    .returning({ id: t.excerptTypes.id });
  for (const row of demoted)
    await writeAudit(
      tx,
      t,
      actorOf(ctx.user),
      rowChange("documents.types", "update", row.id, { isPrimary: { from: true, to: false } }),
    );
}

/** Configure → Office → Document types (Lino's excerpt types): what prints what, and how. */
export const documentTypesResource = defineResource({
  id: "documents.types",
  title: "documents.types.title",
  countLabel: "relations.excerptTypes",
  table: (t) => t.excerptTypes,
  pk: (t) => t.excerptTypes.id,
  version: (t) => t.excerptTypes.version,
  fields: {
    id: integer("fields.id", (t) => t.excerptTypes.id, { editable: false, plain: true, width: 6 }),
    name: localizedText("fields.name", (t) => t.excerptTypes.names, { required: true }),
    contentType: choice("documents.fields.contentType", (t) => t.excerptTypes.contentType, documentContentTypes, {
      required: true,
      width: 12,
    }),
    template: choice("documents.fields.template", (t) => t.excerptTypes.template, documentTemplates, {
      required: true,
      width: 14,
    }),
    isPrimary: boolean("documents.fields.isPrimary", (t) => t.excerptTypes.isPrimary, {
      help: "documents.fields.isPrimaryHelp",
    }),
    certifying: boolean("documents.fields.certifying", (t) => t.excerptTypes.certifying),
    printRecipient: boolean("documents.fields.printRecipient", (t) => t.excerptTypes.printRecipient),
  },
  columns: ["name", "contentType", "template", "isPrimary", "certifying", "printRecipient"],
  hiddenColumns: ["id"],
  titleField: "name",
  defaultSort: [{ field: "name", dir: "asc" }],
  // Everyone reads which documents exist; office staff configure them (Lino: OfficeStaff).
  access: { view: ["SiteUser"], edit: ["OfficeStaff"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["name", "contentType", "template"] },
        { fields: ["isPrimary", "certifying", "printRecipient"] },
      ],
      // The centre's own versions of the template, per language (issue 14 §1): its administrators'.
      panels: [{ key: "documentTemplates", label: "documents.own.title", roles: ["SiteAdmin"], load: templatesPanel }],
    },
  ],
  insert: {
    fields: ["name", "contentType", "template", "isPrimary", "certifying", "printRecipient"],
    defaults: () => ({ contentType: "client", template: "letter" }),
  },
  beforeSave: singlePrimary,
});

const x = (t: TenantTables) => t.excerpts;

/** The excerpt detail's link to its file: the same panel as a scanned document's. */
async function excerptFileOf(ctx: ResourceCtx, id: number): Promise<UploadFileLink> {
  const t = ctx.handle.t;
  const [row] = await ctx.handle.db
    .select({ fileName: t.excerpts.fileName, size: t.excerpts.fileSize })
    .from(t.excerpts)
    .where(eq(t.excerpts.id, id));
  if (!row) throw new AppError("NOT_FOUND");
  return { href: excerptHref(id, row.fileName), ...row, mimeType: DOCX, inline: false, reminders: [] };
}

export const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const excerptHref = (id: number, fileName: string) => `/api/documents/${id}/${encodeURIComponent(fileName)}`;
/** The PDF's name beside the Word file's: the same, ending in ".pdf" (which is what the route reads). */
export const pdfNameOf = (docxName: string) => docxName.replace(/\.docx$/, "") + ".pdf";

/** The excerpt's PDF as its detail shows it: the link when it is made, else why there is none (yet). */
export type ExcerptPdf =
  { state: "ready"; href: string; fileName: string; size: number } | { state: "pending" | "failed" | "none" };

async function excerptPdfOf(ctx: ResourceCtx, id: number): Promise<ExcerptPdf> {
  const t = ctx.handle.t;
  const [row] = await ctx.handle.db
    .select({ state: t.excerpts.pdfState, fileName: t.excerpts.fileName, size: t.excerpts.pdfFileSize })
    .from(t.excerpts)
    .where(eq(t.excerpts.id, id));
  if (!row) throw new AppError("NOT_FOUND");
  if (row.state !== "ready") return { state: row.state as "pending" | "failed" | "none" };
  const fileName = pdfNameOf(row.fileName);
  return { state: "ready", href: excerptHref(id, fileName), fileName, size: Number(row.size) };
}

const excerptFields: ResourceDef["fields"] = {
  id: integer("fields.id", (t) => x(t).id, { editable: false, plain: true, width: 6 }),
  type: {
    ...reference(
      "documents.fields.type",
      "documents.types",
      (t) => x(t).typeId,
      (t) => typeNameOf(t, q(t.excerpts.typeId)),
      { localized: true, width: 20 },
    ),
    column: undefined,
    input: undefined,
  },
  client: {
    ...reference(
      "documents.fields.client",
      "clients.clients",
      (t) => x(t).clientId,
      (t) => clientNameOf(t, q(t.excerpts.clientId)),
      { width: 24 },
    ),
    column: undefined,
    input: undefined,
  },
  user: {
    ...reference(
      "documents.fields.user",
      "users.users",
      (t) => x(t).userId,
      (t) => userNameOf(t, q(t.excerpts.userId)),
    ),
    column: undefined,
    input: undefined,
  },
  language: choice("documents.fields.language", (t) => x(t).language, uiLanguages, { editable: false, width: 10 }),
  buildTime: datetime("documents.fields.buildTime", (t) => x(t).buildTime),
  fileName: text("documents.fields.fileName", (t) => x(t).fileName, { editable: false, width: 24 }),
  fileSize: {
    ...text("documents.fields.fileSize", (t) => x(t).fileSize, { editable: false, width: 9 }),
    present: (value, ctx) => formatBytes(value === null ? null : Number(value), ctx.locale),
    orderBy: (t) => x(t).fileSize,
  },
};

/**
 * Printed documents are records of what was printed (§14.1: "after build the recipient/language
 * fields are frozen"): read-only, listed for whoever prints, by user and by client.
 */
const excerptCommon = {
  table: x,
  pk: (t: TenantTables) => x(t).id,
  version: (t: TenantTables) => x(t).version,
  fields: excerptFields,
  titleField: "fileName",
  defaultSort: [{ field: "buildTime", dir: "desc" as const }],
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["type", "client", "language"] }, { fields: ["user", "buildTime", "fileName", "fileSize"] }],
      panels: [
        { key: "excerptPdf", label: "documents.pdf.title", top: true, load: excerptPdfOf },
        { key: "uploadFile", label: "panels.uploadFile.title", top: true, load: excerptFileOf },
        // Editing in place over WebDAV and the versions it saved (server/documents/dav).
        { key: "documentEdit", label: "documents.dav.versions", top: true, roles: [...PRINTERS], load: editPanel },
      ],
    },
  ],
};

/** Office → My excerpts (Lino's excerpts.MyExcerpts): what I printed, newest first. */
export const myExcerptsResource = defineResource({
  ...excerptCommon,
  id: "documents.mine",
  title: "documents.mine",
  scope: (t, ctx) => eq(x(t).userId, ctx.user.id),
  columns: ["buildTime", "type", "client", "language", "fileName"],
  hiddenColumns: ["id", "user", "fileSize"],
  access: { view: [...PRINTERS], edit: [], delete: [] },
});

/** A client's printed documents (Lino's ExcerptsByProject), on the client's Documents tab. */
export const clientExcerptsResource = defineResource({
  ...excerptCommon,
  id: "documents.byClient",
  title: "documents.byClient",
  columns: ["buildTime", "type", "user", "language", "fileName"],
  hiddenColumns: ["id", "client", "fileSize"],
  fields: {
    ...excerptFields,
    client: reference(
      "documents.fields.client",
      "clients.clients",
      (t) => x(t).clientId,
      (t) => clientNameOf(t, q(t.excerpts.clientId)),
      { width: 24 },
    ),
  },
  access: { view: [...PRINTERS], edit: [], delete: [], listAll: [] },
});

const s = (t: TenantTables) => t.documentSettings;

/** Site → Administration → Letterhead: the centre's address and contact details on its documents. */
export const letterheadResource = defineResource({
  id: "documents.letterhead",
  title: "documents.letterhead.title",
  table: s,
  pk: (t) => s(t).id,
  version: (t) => s(t).version,
  fields: {
    address: longText("documents.letterhead.address", (t) => s(t).address, {
      help: "documents.letterhead.addressHelp",
    }),
    place: text("documents.letterhead.place", (t) => s(t).place, { max: 60, width: 20 }),
    phone: text("documents.letterhead.phone", (t) => s(t).phone, { max: 40, width: 16 }),
    email: {
      ...text("documents.letterhead.email", (t) => s(t).email, { width: 28 }),
      input: z.union([z.email(), z.literal("")]),
    },
    // Who signs contracts for the centre (§2.3): a new contract of any kind takes them.
    signer1: {
      ...personRef("documents.letterhead.signer1", (t) => s(t).signer1Id),
      help: "documents.letterhead.signersHelp",
    },
    signer2: {
      ...personRef("documents.letterhead.signer2", (t) => s(t).signer2Id),
      help: "documents.letterhead.signersHelp",
    },
  },
  columns: ["place", "phone", "email"],
  hiddenColumns: ["signer1", "signer2"],
  titleField: "place",
  defaultSort: [{ field: "place", dir: "asc" }],
  access: { view: ["SiteAdmin"], edit: ["SiteAdmin"], delete: [] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["address"] }, { fields: ["place", "phone", "email"] }, { fields: ["signer1", "signer2"] }],
    },
  ],
});
