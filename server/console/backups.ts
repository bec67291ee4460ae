import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { z } from "zod";
import { projectPath } from "@/lib/project-path";
import { env } from "@/server/env";
import { ERRORS, isAppError, AppError, type AppErrorCode } from "@/server/errors";
import { forgedWrite } from "@/server/http/origin";
import { fromAcceptLanguage, isLocale, LOCALE_COOKIE } from "@/server/i18n/locale";
import { translatorFor } from "@/server/i18n/translator";
import { rootLogger } from "@/server/logger";
import { backUp, listBackups, storedBackupPath } from "@/server/tenancy/backup-store";
import { importTenant } from "@/server/tenancy/backup";
import { findTenantBySlug, invalidateTenant } from "@/server/tenancy/registry";
import { router } from "@/server/trpc/init";
import { createContext, parseCookies } from "@/server/trpc/context";
import { operatorProcedure } from "@/server/trpc/procedures";

const storedBackup = z.object({ name: z.string(), bytes: z.number(), sha256: z.string(), createdAt: z.date() });

async function centre(slug: string) {
  invalidateTenant(slug);
  const tenant = await findTenantBySlug(slug);
  if (!tenant) throw new AppError("TENANT_NOT_FOUND", { slug });
  return tenant;
}

/** The console's backups of a centre: the list (with size and checksum) and "back up now". */
export const backupsRouter = router({
  list: operatorProcedure
    .input(z.object({ slug: z.string().min(1).max(63) }))
    .output(z.object({ retentionDays: z.number(), backups: z.array(storedBackup) }))
    .query(async ({ input }) => ({
      retentionDays: env().BACKUP_RETENTION_DAYS,
      backups: await listBackups((await centre(input.slug)).id),
    })),
  create: operatorProcedure
    .input(z.object({ slug: z.string().min(1).max(63) }))
    .output(storedBackup)
    .mutation(async ({ ctx, input }) => {
      const made = await backUp(await centre(input.slug));
      ctx.log.info({ slug: input.slug, file: made.file, bytes: made.bytes }, "backup made from console");
      const name = path.basename(made.file);
      return { name, bytes: made.bytes, sha256: made.sha256, createdAt: new Date() };
    }),
});

const statusOf = (code: AppErrorCode) => getHTTPStatusCodeFromError(new TRPCError({ code: ERRORS[code] }));

/** The console's operator, or the refusal a route answers (the same checks as an operator procedure). */
async function operatorOf(req: Request) {
  const ctx = await createContext({ req, claims: null });
  // The console has no centre nor user profile: its language is the device's choice, else the browser's.
  const chosen = parseCookies(req.headers.get("cookie"))[LOCALE_COOKIE];
  const tr = translatorFor(
    isLocale(chosen) ? chosen : (fromAcceptLanguage(req.headers.get("accept-language")) ?? ctx.locale),
  );
  const refuse = (code: AppErrorCode, params: Record<string, string | number> = {}) =>
    Response.json(
      { error: code, message: tr(`errors.${code}`, params), data: { appCode: code, params } },
      { status: statusOf(code), headers: { "cache-control": "no-store" } },
    );
  if (ctx.host.kind !== "operator") return { refusal: refuse("NOT_FOUND") };
  if (forgedWrite(req.method, new URL(req.url).pathname, req.headers)) return { refusal: refuse("FORGED_REQUEST") };
  if (!ctx.operator) return { refusal: refuse("UNAUTHORIZED") };
  return { ctx: { ...ctx, operator: ctx.operator }, refuse };
}

/** `GET /api/operator/backups/<slug>/<name>`: one of the centre's backups, as a download. */
export async function backupDownload(req: Request, slug: string, name: string): Promise<Response> {
  const op = await operatorOf(req);
  if (op.refusal) return op.refusal;
  const tenant = await findTenantBySlug(slug);
  const file = tenant && storedBackupPath(tenant.id, name);
  if (!file) return op.refuse("NOT_FOUND");
  const stream = createReadStream(file);
  const opened = await new Promise<boolean>((resolve) => {
    stream.once("open", () => resolve(true));
    stream.once("error", () => resolve(false));
  });
  if (!opened) return op.refuse("NOT_FOUND");
  op.ctx.log.info({ slug, name }, "backup downloaded");
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      "content-type": "application/gzip",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
}

/**
 * `POST /api/operator/backups/import?as=<slug>`: the body is a backup file (streamed to disk, never
 * held whole); the answer is `{ slug, status }`, or `{ error, message }` in the operator's language.
 */
export async function backupImport(req: Request, body: AsyncIterable<Uint8Array> | null = req.body): Promise<Response> {
  const op = await operatorOf(req);
  if (op.refusal) return op.refusal;
  if (!body) return op.refuse("INVALID_INPUT", { field: "file" });
  const as = new URL(req.url).searchParams.get("as")?.trim() || undefined;
  const incoming = path.join(projectPath(env().BACKUP_DIR), "incoming");
  await mkdir(incoming, { recursive: true });
  const file = path.join(incoming, `${randomUUID()}.part`);
  try {
    await pipeline(Readable.from(body), createWriteStream(file));
    const tenant = await importTenant(file, { as, actor: `operator:${op.ctx.operator.email}` });
    op.ctx.log.info({ slug: tenant.slug }, "centre imported from console");
    return Response.json({ slug: tenant.slug, status: tenant.status }, { status: 201 });
  } catch (e) {
    if (isAppError(e)) return op.refuse(e.code, e.params);
    rootLogger.error({ err: e }, "backup import failed");
    return op.refuse("INTERNAL");
  } finally {
    await rm(file, { force: true });
  }
}
