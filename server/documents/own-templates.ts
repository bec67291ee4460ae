import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { and, desc, eq, sql } from "drizzle-orm";
import { actorOf, created, rowChange, writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";
import type { ResourceCtx } from "@/server/resources/define";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import type { DocumentLanguage } from "./language";
import { renderDocx, templateProblems, type TemplateData } from "./render";
import { documentStorage } from "./storage";
import { DOCUMENT_TYPES, defaultTemplate, type TemplateName } from "./templates";

/** The largest template a centre may upload: a letterhead with a logo, not a book. */
export const TEMPLATE_MAX_BYTES = 5 * 1024 * 1024;

const tagsOf = (template: TemplateName) => DOCUMENT_TYPES.find((d) => d.template === template)!.tags;

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

/** The template a centre prints with: its own newest upload for the language, else the shipped default. */
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
    .where(and(eq(t.documentTemplates.template, template), eq(t.documentTemplates.language, language)))
    .orderBy(desc(t.documentTemplates.createdAt), desc(t.documentTemplates.id))
    .limit(1);
  if (!own) return defaultTemplate(template, language);
  return buffer((await documentStorage().get(handle.tenantId, own.key)).stream);
}

/** Stores a centre's own template for a language once it passed the checks; it is used from the next print on. */
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
      const row = {
        template: input.template,
        language: input.language,
        storageKey: key,
        fileName: input.fileName,
        fileSize: size,
        userId: ctx.user.id,
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

/** Removes the centre's newest own template of a language: the one before it is used again, else the default. */
export async function revertTemplate(
  ctx: ResourceCtx,
  input: { template: TemplateName; language: DocumentLanguage },
): Promise<void> {
  const { db, t, tenantId } = ctx.handle;
  const removed = await db.transaction(async (tx) => {
    const [own] = await tx
      .select({
        id: t.documentTemplates.id,
        key: t.documentTemplates.storageKey,
        fileName: t.documentTemplates.fileName,
      })
      .from(t.documentTemplates)
      .where(and(eq(t.documentTemplates.template, input.template), eq(t.documentTemplates.language, input.language)))
      .orderBy(desc(t.documentTemplates.createdAt), desc(t.documentTemplates.id))
      .limit(1);
    if (!own) throw new AppError("NOT_FOUND");
    await tx.delete(t.documentTemplates).where(eq(t.documentTemplates.id, own.id));
    await writeAudit(
      tx,
      t,
      actorOf(ctx.user),
      rowChange("documents.templates", "delete", own.id, { fileName: { from: own.fileName, to: null } }),
    );
    return own;
  });
  await documentStorage().delete(tenantId, removed.key);
}

/** Which template each language of a template uses now: the centre's own (named, dated, how many kept) or the default. */
export async function templatesInUse(handle: TenantHandle, template: TemplateName) {
  const { t } = handle;
  const rows = await handle.db
    .select({
      language: t.documentTemplates.language,
      fileName: t.documentTemplates.fileName,
      createdAt: sql<string>`${t.documentTemplates.createdAt}`,
      count: sql<number>`count(*) over (partition by ${t.documentTemplates.language})::int`,
    })
    .from(t.documentTemplates)
    .where(eq(t.documentTemplates.template, template))
    .orderBy(desc(t.documentTemplates.createdAt), desc(t.documentTemplates.id));
  return (["fr", "nl", "de", "en"] as const).map((language) => {
    const own = rows.find((r) => r.language === language);
    return { language, own: own ? { fileName: own.fileName, createdAt: own.createdAt, versions: own.count } : null };
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
  return { template, tags: [...tagsOf(template)], languages: await templatesInUse(ctx.handle, template) };
}
export type TemplatesPanel = Awaited<ReturnType<typeof templatesPanel>>;
