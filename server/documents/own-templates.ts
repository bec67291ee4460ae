import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { and, desc, eq, lt, ne, sql } from "drizzle-orm";
import { actorOf, created, rowChange, writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";
import type { ResourceCtx } from "@/server/resources/define";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from "./language";
import { renderDocx, templateProblems, type TemplateData } from "./render";
import { ConversionError, pdfAvailable, pdfConverter } from "./pdf/converter";
import { documentStorage } from "./storage";
import { DOCUMENT_TYPES, defaultTemplate, type TemplateName } from "./templates";

/** The largest template a centre may upload: a letterhead with a logo, not a book. */
export const TEMPLATE_MAX_BYTES = 5 * 1024 * 1024;

const tagsOf = (template: TemplateName) => DOCUMENT_TYPES.find((d) => d.template === template)!.tags;
/** The names of the placeholder pictures a template may hold (its alternative text), filled when printing. */
const picturesOf = (template: TemplateName): string[] => {
  const type = DOCUMENT_TYPES.find((d) => d.template === template)!;
  return "pictures" in type ? [...type.pictures] : [];
};

/** A sample record for each template: every tag filled, each loop twice, so that an upload is tried as it will be used. */
function sampleData(template: TemplateName): TemplateData {
  const data: TemplateData = {};
  for (const tag of tagsOf(template)) data[tag] = `«${tag}»`;
  data.translation = true;
  data.printRecipient = true;
  if (template === "fileSheet") {
    const row = { start: "01/01/2014", end: "", coach: "Hubert Huppertz", type: "ASD" };
    data.coachings = [row, { ...row, start: "02/02/2014" }];
  }
  if (template === "isipContract") {
    // Each rich text and each partner's duties as two paragraphs, two partners.
    const paragraphs = [{ text: "«text»" }, { text: "«text»" }];
    for (const tag of ["goals", "stages", "dutiesPcsw", "dutiesAsd", "dutiesDsbe", "dutiesPerson"])
      data[tag] = paragraphs;
    const partner = { company: "«company»", contact: "«contact»", duties: paragraphs };
    data.partners = [partner, partner];
    data.hasUntil = true;
    data.hasAsd = true;
  }
  if (template === "art60Contract" || template === "immersionContract") {
    data.responsibilities = [{ text: "«text»" }, { text: "«text»" }];
    data.hasUntil = true;
  }
  return data;
}

/**
 * Why an uploaded template is refused, as a translated message naming the tag: a syntax error
 * (an unclosed tag, a loop without its end), a tag that no data fills, or a failure to render it
 * with a sample record. Nothing when it can be used.
 */
export function checkTemplate(template: TemplateName, content: Buffer): void {
  const [problem] = templateProblems(content, tagsOf(template));
  if (problem)
    throw new AppError("INVALID_INPUT", {
      field: "file",
      messageKey: `documents.errors.template.${TEMPLATE_PROBLEMS.has(problem.id) ? problem.id : "other"}`,
      tag: problem.tag,
    });
  try {
    renderDocx(content, sampleData(template));
  } catch {
    throw new AppError("INVALID_INPUT", { field: "file", messageKey: "documents.errors.template.other", tag: "" });
  }
}

/** The problems whose message names them (messages `documents.errors.template.<id>`); the others read as "other". */
const TEMPLATE_PROBLEMS = new Set([
  "unknown_tag",
  "unclosed_tag",
  "unopened_tag",
  "unclosed_loop",
  "unopened_loop",
  "closing_tag_does_not_match_opening_tag",
  "duplicate_open_tag",
  "duplicate_close_tag",
]);

/**
 * The preview of an upload, before it is accepted: checked like an upload, then rendered with the
 * sample record (each tag shows its name where it lands, each loop twice) as a PDF where the server
 * makes PDFs, else as the Word file.
 */
export async function previewTemplate(input: {
  template: TemplateName;
  content: Buffer;
}): Promise<{ mimeType: string; extension: "pdf" | "docx"; content: string }> {
  if (input.content.length > TEMPLATE_MAX_BYTES)
    throw new AppError("UPLOAD_TOO_LARGE", { max: TEMPLATE_MAX_BYTES / (1024 * 1024) });
  checkTemplate(input.template, input.content);
  const docx = renderDocx(input.content, sampleData(input.template));
  if (pdfAvailable()) {
    try {
      const pdf = await pdfConverter().convert(docx);
      return { mimeType: "application/pdf", extension: "pdf", content: pdf.toString("base64") };
    } catch (e) {
      if (!(e instanceof ConversionError)) throw e;
    }
  }
  return { mimeType: DOCX_TYPE, extension: "docx", content: docx.toString("base64") };
}

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The template a centre prints with: its own current version for the language, else the shipped default. */
export async function templateOf(
  handle: TenantHandle,
  tx: TenantHandle["db"],
  template: TemplateName,
  language: DocumentLanguage,
): Promise<Buffer> {
  const { t } = handle;
  const [own] = await tx
    .select({ key: t.documentTemplates.storageKey })
    .from(t.documentTemplates)
    .where(
      and(
        eq(t.documentTemplates.template, template),
        eq(t.documentTemplates.language, language),
        eq(t.documentTemplates.current, true),
      ),
    );
  if (!own) return defaultTemplate(template, language);
  return buffer((await documentStorage().get(handle.tenantId, own.key)).stream);
}

/**
 * Stores a centre's own template for a language once it passed the checks (the administrator saw
 * its preview first); it becomes the current version, used from the next print on, and the
 * version it replaces is kept.
 */
export async function uploadTemplate(
  ctx: ResourceCtx,
  input: { template: TemplateName; language: DocumentLanguage; fileName: string; content: Buffer },
): Promise<{ id: number }> {
  if (input.content.length > TEMPLATE_MAX_BYTES)
    throw new AppError("UPLOAD_TOO_LARGE", { max: TEMPLATE_MAX_BYTES / (1024 * 1024) });
  checkTemplate(input.template, input.content);
  const { db, t, tenantId } = ctx.handle;
  const storage = documentStorage();
  const key = storage.newKey();
  const { size } = await storage.put(tenantId, key, Readable.from([input.content]));
  try {
    return await db.transaction(async (tx) => {
      await setCurrent(tx, ctx, input, null);
      const row = {
        template: input.template,
        language: input.language,
        storageKey: key,
        fileName: input.fileName,
        fileSize: size,
        userId: ctx.user.id,
        current: true,
      };
      const [saved] = await tx.insert(t.documentTemplates).values(row).returning({ id: t.documentTemplates.id });
      const { storageKey: _key, ...shown } = row;
      await writeAudit(tx, t, actorOf(ctx.user), rowChange("documents.templates", "create", saved!.id, created(shown)));
      return { id: saved!.id };
    });
  } catch (e) {
    await storage.delete(tenantId, key);
    throw e;
  }
}

type Which = { template: TemplateName; language: DocumentLanguage };

/** Makes `id` the current version of a template and language (none: the default), audited per row that changes. */
async function setCurrent(tx: TenantHandle["db"], ctx: ResourceCtx, which: Which, id: number | null) {
  const t = ctx.handle.t;
  const same = and(eq(t.documentTemplates.template, which.template), eq(t.documentTemplates.language, which.language));
  const unset = await tx
    .update(t.documentTemplates)
    .set({ current: false, version: sql`${t.documentTemplates.version} + 1` })
    .where(and(same, eq(t.documentTemplates.current, true), id === null ? undefined : ne(t.documentTemplates.id, id)))
    .returning({ id: t.documentTemplates.id });
  const set =
    id === null
      ? []
      : await tx
          .update(t.documentTemplates)
          .set({ current: true, version: sql`${t.documentTemplates.version} + 1` })
          .where(and(same, eq(t.documentTemplates.id, id), eq(t.documentTemplates.current, false)))
          .returning({ id: t.documentTemplates.id });
  for (const [rows, from, to] of [
    [unset, true, false],
    [set, false, true],
  ] as const)
    for (const row of rows)
      await writeAudit(
        tx,
        t,
        actorOf(ctx.user),
        rowChange("documents.templates", "update", row.id, { current: { from, to } }),
      );
}

/**
 * "Go back to" an earlier version of the centre's template of a language, or to the default
 * (`id` null). Every version stays kept and listed.
 */
export async function chooseTemplateVersion(ctx: ResourceCtx, input: Which & { id: number | null }): Promise<void> {
  const { db, t } = ctx.handle;
  await db.transaction(async (tx) => {
    if (input.id !== null) {
      const [version] = await tx
        .select({ id: t.documentTemplates.id })
        .from(t.documentTemplates)
        .where(
          and(
            eq(t.documentTemplates.id, input.id),
            eq(t.documentTemplates.template, input.template),
            eq(t.documentTemplates.language, input.language),
          ),
        );
      if (!version) throw new AppError("NOT_FOUND");
    }
    await setCurrent(tx, ctx, input, input.id);
  });
}

/** "Back": the version uploaded before the current one becomes current again, else the default. */
export async function revertTemplate(ctx: ResourceCtx, input: Which): Promise<void> {
  const { db, t } = ctx.handle;
  const same = and(eq(t.documentTemplates.template, input.template), eq(t.documentTemplates.language, input.language));
  const [current] = await db
    .select({ id: t.documentTemplates.id, createdAt: t.documentTemplates.createdAt })
    .from(t.documentTemplates)
    .where(and(same, eq(t.documentTemplates.current, true)));
  if (!current) throw new AppError("NOT_FOUND");
  const [earlier] = await db
    .select({ id: t.documentTemplates.id })
    .from(t.documentTemplates)
    .where(and(same, lt(t.documentTemplates.id, current.id)))
    .orderBy(desc(t.documentTemplates.id))
    .limit(1);
  await chooseTemplateVersion(ctx, { ...input, id: earlier?.id ?? null });
}

/** Every language of a template: the version in use (the centre's own or the default) and all versions kept. */
export async function templatesInUse(handle: TenantHandle, template: TemplateName) {
  const { t } = handle;
  const rows = await handle.db
    .select({
      id: t.documentTemplates.id,
      language: t.documentTemplates.language,
      fileName: t.documentTemplates.fileName,
      createdAt: sql<string>`${t.documentTemplates.createdAt}`,
      current: t.documentTemplates.current,
      user: sql<string>`(select concat_ws(' ', ${t.users.firstName}, ${t.users.lastName}) from ${t.users} where ${t.users.id} = ${t.documentTemplates.userId})`,
    })
    .from(t.documentTemplates)
    .where(eq(t.documentTemplates.template, template))
    .orderBy(desc(t.documentTemplates.createdAt), desc(t.documentTemplates.id));
  return DOCUMENT_LANGUAGES.map((language) => {
    const versions = rows.filter((r) => r.language === language).map(({ language: _l, ...v }) => v);
    const own = versions.find((v) => v.current);
    return {
      language,
      own: own ? { fileName: own.fileName, createdAt: own.createdAt, versions: versions.length } : null,
      versions,
    };
  });
}

/** The excerpt type detail's panel "Templates": which template each language uses, for its administrators to replace. */
export async function templatesPanel(ctx: ResourceCtx, id: number) {
  const { t } = ctx.handle;
  const [type] = await ctx.handle.db
    .select({ template: t.excerptTypes.template })
    .from(t.excerptTypes)
    .where(eq(t.excerptTypes.id, id));
  if (!type) throw new AppError("NOT_FOUND");
  const template = type.template as TemplateName;
  return {
    template,
    tags: [...tagsOf(template)],
    pictures: picturesOf(template),
    languages: await templatesInUse(ctx.handle, template),
  };
}
export type TemplatesPanel = Awaited<ReturnType<typeof templatesPanel>>;
