import { and, eq, sql } from "drizzle-orm";
import { qualified as q } from "@/server/resources/query";
import { userNameOf } from "@/server/users/sql";
import { actorOf } from "@/server/audit";
import { updateUploadReminder } from "@/server/calendar/reminders";
import { AppError } from "@/server/errors";
import type { ResourceCtx } from "@/server/resources/define";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { shownInline } from "./rules/files";
import { uploadStorage } from "./storage";

type Tx = TenantHandle["db"];

/** A new upload is "needed" when its type announces an expiry (domain-people §13). */
export async function neededByDefault(tx: Tx, ctx: ResourceCtx, typeId: number): Promise<boolean> {
  const t = ctx.handle.t;
  const [type] = await tx
    .select({ unit: t.uploadTypes.warnExpiryUnit })
    .from(t.uploadTypes)
    .where(eq(t.uploadTypes.id, typeId));
  return !!type?.unit;
}

/** After every save of an upload: its uploader's expiry reminder follows it (server/calendar/reminders.ts). */
export async function afterUploadSave(tx: Tx, ctx: ResourceCtx, id: string | number) {
  const t = ctx.handle.t;
  const [row] = await tx
    .select({
      userId: t.uploads.userId,
      language: t.users.language,
      endDate: t.uploads.endDate,
      needed: t.uploads.needed,
      unit: t.uploadTypes.warnExpiryUnit,
      value: t.uploadTypes.warnExpiryValue,
      typeNames: t.uploadTypes.names,
    })
    .from(t.uploads)
    .innerJoin(t.uploadTypes, eq(t.uploadTypes.id, t.uploads.typeId))
    .innerJoin(t.users, eq(t.users.id, t.uploads.userId))
    .where(eq(t.uploads.id, Number(id)));
  if (row) await updateUploadReminder(tx, t, actorOf(ctx.user), { uploadId: Number(id), ...row });
}

/** The file goes once its row is gone for good: after the deletion commits, never before. */
export async function beforeUploadDelete(tx: Tx, ctx: ResourceCtx, id: string | number) {
  const t = ctx.handle.t;
  const [row] = await tx
    .select({ key: t.uploads.storageKey })
    .from(t.uploads)
    .where(eq(t.uploads.id, Number(id)));
  if (!row) return;
  const centre = ctx.handle.tenantId;
  return () => uploadStorage().delete(centre, row.key);
}

/** Where an upload is downloaded from; its name shows in the address, so a saved file keeps it. */
export const downloadHref = (id: number, fileName: string) => `/api/uploads/${id}/${encodeURIComponent(fileName)}`;

export interface UploadFileLink {
  href: string;
  fileName: string;
  size: number;
  mimeType: string;
  /** Opens in the browser (a PDF, an image) rather than being saved. */
  inline: boolean;
  /** Its expiry reminder, when it has one: the uploader's task (server/calendar/reminders.ts). */
  reminders: { summary: string; date: string; user: string; state: string }[];
}

/** The upload detail's link to its file (the panel "File"). */
export async function fileLinkOf(ctx: ResourceCtx, id: number): Promise<UploadFileLink> {
  const t = ctx.handle.t;
  const [row] = await ctx.handle.db
    .select({ fileName: t.uploads.fileName, size: t.uploads.fileSize, mimeType: t.uploads.mimeType })
    .from(t.uploads)
    .where(eq(t.uploads.id, id));
  if (!row) throw new AppError("NOT_FOUND");
  const reminders = await ctx.handle.db
    .select({
      summary: t.tasks.summary,
      date: sql<string>`${t.tasks.startDate}`,
      user: userNameOf(t, q(t.tasks.userId)),
      state: t.tasks.state,
    })
    .from(t.tasks)
    .where(and(eq(t.tasks.ownerType, "upload"), eq(t.tasks.ownerId, id)))
    .orderBy(t.tasks.startDate);
  return { href: downloadHref(id, row.fileName), ...row, inline: shownInline(row.mimeType), reminders };
}
