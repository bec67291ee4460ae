import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import { actorOf, rowChange, writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";
import { can } from "@/server/resources/access";
import type { ResourceCtx } from "@/server/resources/define";
import { canSignIn } from "@/server/auth/login";
import { hasRole, type UserType } from "@/server/auth/user-types";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import type { OfficeProgram } from "@/lib/office-link";
import { maySeeOwner } from "../owners";
import { clientExcerptsResource, PRINTERS } from "../resources";

/** How long an edit link opens the document: a working day. */
export const EDIT_LINK_HOURS = 8;
/** The user preference naming the office program that "Edit" opens. */
export const OFFICE_PROGRAM_PREFERENCE = "documents.officeProgram";

/** A token as it travels in the edit link: 32 random bytes, base64url (43 characters). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Whether a printed document may be edited in place: a Word document that does not certify anything
 * (§14.1: a certifying print is the record of what was certified; it is re-printed, never changed).
 * The one place that says so, for the "Edit" action and for every WebDAV request.
 */
export function canEditInPlace(excerpt: { certifying: boolean; fileName: string }): boolean {
  return !excerpt.certifying && excerpt.fileName.toLowerCase().endsWith(".docx");
}

/** The excerpt with what decides whether it may be edited in place, or nothing. */
export async function editableFacts(db: TenantHandle["db"], t: TenantHandle["t"], excerptId: number) {
  const [row] = await db
    .select({
      id: t.excerpts.id,
      fileName: t.excerpts.fileName,
      storageKey: t.excerpts.storageKey,
      fileSize: t.excerpts.fileSize,
      buildTime: t.excerpts.buildTime,
      ownerType: t.excerpts.ownerType,
      ownerId: t.excerpts.ownerId,
      certifying: t.excerptTypes.certifying,
    })
    .from(t.excerpts)
    .innerJoin(t.excerptTypes, eq(t.excerptTypes.id, t.excerpts.typeId))
    .where(eq(t.excerpts.id, excerptId));
  return row;
}

/**
 * "Edit" on a printed document: a fresh edit link for this user and this document, good for
 * EDIT_LINK_HOURS (its path on the host, `/dav/<token>/<file name>`), and the user's office program
 * (`program` when given, remembered as the user's preference). Refused (as not found) for a document
 * the user may not see, and with a message for one that cannot be edited in place.
 */
export async function openForEdit(
  ctx: ResourceCtx,
  excerptId: number,
  program?: OfficeProgram,
): Promise<{ path: string; program: OfficeProgram; expiresAt: Date }> {
  const { db, t } = ctx.handle;
  if (!can(clientExcerptsResource, "view", ctx.user)) throw new AppError("FORBIDDEN");
  const excerpt = await editableFacts(db, t, excerptId);
  if (!excerpt || !(await maySeeOwner(ctx, excerpt))) throw new AppError("NOT_FOUND");
  if (!canEditInPlace(excerpt)) throw new AppError("INVALID_INPUT", { messageKey: "documents.dav.notEditable" });
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + EDIT_LINK_HOURS * 3600_000);
  const chosen: OfficeProgram = await db.transaction(async (tx) => {
    const [link] = await tx
      .insert(t.davTokens)
      .values({ tokenHash: hashToken(token), userId: ctx.user.id, excerptId, expiresAt })
      .returning({ id: t.davTokens.id });
    await writeAudit(
      tx,
      t,
      actorOf(ctx.user),
      rowChange("documents.mine", "editLink", excerptId, { editLink: { from: null, to: { id: link!.id, expiresAt } } }),
    );
    if (program) {
      await tx
        .insert(t.userPreferences)
        .values({ userId: ctx.user.id, key: OFFICE_PROGRAM_PREFERENCE, value: program })
        .onConflictDoUpdate({
          target: [t.userPreferences.userId, t.userPreferences.key],
          set: { value: program, updatedAt: new Date() },
        });
      return program;
    }
    const [pref] = await tx
      .select({ value: t.userPreferences.value })
      .from(t.userPreferences)
      .where(and(eq(t.userPreferences.userId, ctx.user.id), eq(t.userPreferences.key, OFFICE_PROGRAM_PREFERENCE)));
    return pref?.value === "word" ? "word" : "libreoffice";
  });
  return { path: `/dav/${token}/${encodeURIComponent(excerpt.fileName)}`, program: chosen, expiresAt };
}

/** What a valid edit link grants: this user may read and save this document of this centre. */
export interface DavGrant {
  tenantId: string;
  handle: TenantHandle;
  tokenId: number;
  excerptId: number;
  fileName: string;
  user: { id: number; username: string };
}

/**
 * The grant of an edit link on the host's centre, or null: unknown (or another centre's) token,
 * expired or revoked, a user who can no longer sign in or print, a document gone or no longer
 * editable in place. Checked on every request, so revoking a link or certifying the type ends it at once.
 */
export async function grantOf(handle: TenantHandle, token: string, now = new Date()): Promise<DavGrant | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const { db, t } = handle;
  const [row] = await db
    .select({
      tokenId: t.davTokens.id,
      excerptId: t.davTokens.excerptId,
      userId: t.users.id,
      username: t.users.username,
      active: t.users.active,
      startDate: t.users.startDate,
      endDate: t.users.endDate,
      userType: t.users.userType,
    })
    .from(t.davTokens)
    .innerJoin(t.users, eq(t.users.id, t.davTokens.userId))
    .where(
      and(eq(t.davTokens.tokenHash, hashToken(token)), eq(t.davTokens.revoked, false), gt(t.davTokens.expiresAt, now)),
    );
  if (!row || !canSignIn(row) || !PRINTERS.some((role) => hasRole(row.userType as UserType, role))) return null;
  const excerpt = await editableFacts(db, t, row.excerptId);
  if (!excerpt || !canEditInPlace(excerpt)) return null;
  return {
    tenantId: handle.tenantId,
    handle,
    tokenId: row.tokenId,
    excerptId: row.excerptId,
    fileName: excerpt.fileName,
    user: { id: row.userId, username: row.username },
  };
}
