import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { isLocale, type Locale } from "@/server/i18n/locale";
import { translatorFor, type Translator } from "@/server/i18n/translator";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { enqueue } from "@/server/jobs/queue";
import { MASKED_TYPES } from "./choices";
import { announce } from "./live";
import { mailOftenJob } from "./mail";

type Tx = TenantHandle["db"];

/** A notification to make, written in each recipient's language by `compose`. */
export interface Notice {
  type: string;
  /** What it is about: a second unseen message about the same owner is not made (§16). */
  owner: { type: string; id: number } | null;
  compose: (t: Translator, locale: Locale) => { subject: string; body?: string };
}

/**
 * Makes a notification for each recipient who should get one (domain-people §16): users with a
 * user type, active, not silent, not the acting user unless they asked to be told about their own
 * changes, whose user type does not mask the message type, and who have no unseen message about
 * the same owner. Runs in the caller's transaction; the recipients' open pages hear of it at commit.
 * Returns the users notified.
 */
export async function notify(
  tx: Tx,
  handle: Pick<TenantHandle, "t" | "tenantId">,
  actorId: number | null,
  recipientIds: readonly number[],
  notice: Notice,
): Promise<number[]> {
  if (recipientIds.length === 0) return [];
  const { t } = handle;
  const users = await tx
    .select({
      id: t.users.id,
      language: t.users.language,
      userType: t.users.userType,
      mailMode: t.users.mailMode,
      notifyMyself: t.users.notifyMyself,
    })
    .from(t.users)
    .where(and(inArray(t.users.id, [...new Set(recipientIds)]), eq(t.users.active, true)));
  const wanted = users.filter(
    (u) =>
      u.userType &&
      u.mailMode !== "silent" &&
      (u.id !== actorId || u.notifyMyself) &&
      !MASKED_TYPES[u.userType]?.includes(notice.type),
  );
  if (wanted.length === 0) return [];
  const rows = wanted.map((u) => {
    const locale: Locale = isLocale(u.language) ? u.language : "fr";
    const { subject, body = "" } = notice.compose(translatorFor(locale), locale);
    return {
      userId: u.id,
      ownerType: notice.owner?.type ?? null,
      ownerId: notice.owner?.id ?? null,
      messageType: notice.type,
      subject,
      body,
      mailMode: u.mailMode,
    };
  });
  const made = await tx
    .insert(t.notifyMessages)
    .values(rows)
    .onConflictDoNothing()
    .returning({ userId: t.notifyMessages.userId });
  const notified = made.map((m) => m.userId);
  await announce(tx, handle.tenantId, notified);
  // Users who want each message by e-mail at once get it now, not at the next scheduled run.
  if (wanted.some((u) => u.mailMode === "often" && notified.includes(u.id)))
    await enqueue(handle, mailOftenJob, {}, { tx });
  return notified;
}

/** Marks the user's messages seen (all unseen ones when `ids` is absent); returns how many changed. */
export async function markSeen(handle: TenantHandle, userId: number, ids?: readonly number[]): Promise<number> {
  const { db, t } = handle;
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(t.notifyMessages)
      .set({ seenAt: sql`now()` })
      .where(
        and(
          eq(t.notifyMessages.userId, userId),
          isNull(t.notifyMessages.seenAt),
          ids ? inArray(t.notifyMessages.id, [...ids]) : undefined,
        ),
      )
      .returning({ id: t.notifyMessages.id });
    if (changed.length) await announce(tx, handle.tenantId, [userId]);
    return changed.length;
  });
}

/** The user's unseen count and latest unseen messages: the bell's content. */
export async function unseenSummary({ db, t }: Pick<TenantHandle, "db" | "t">, userId: number, latest = 8) {
  const m = t.notifyMessages;
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: m.id, type: m.messageType, subject: m.subject, body: m.body, createdAt: m.createdAt })
      .from(m)
      .where(and(eq(m.userId, userId), isNull(m.seenAt)))
      .orderBy(sql`${m.createdAt} desc`, sql`${m.id} desc`)
      .limit(latest),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(m)
      .where(and(eq(m.userId, userId), isNull(m.seenAt))),
  ]);
  return { count: total?.n ?? 0, latest: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}

/** Whose notifications a session shows: the person signed in, also while acting for a colleague. */
export const recipientOf = (user: { id: number; realUser: { id: number } | null }) => user.realUser?.id ?? user.id;
