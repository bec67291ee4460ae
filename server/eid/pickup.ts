import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { AppError } from "@/server/errors";
import type { ResourceCtx } from "@/server/resources/define";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { cardInputSchema, type CardInput } from "@/server/eid/card";

/**
 * A card read handed over by the reader helper (domain-people §7: the server receives the JSON keyed
 * by a one-time token). The reception page opens a read, shows the helper's link, and polls until the
 * helper has posted the card under the token; picking it up deletes it. The token is the helper's
 * only credential: 192 random bits, valid for a few minutes, good for one card, and only the user who
 * opened the read can pick it up.
 */
export const READ_LIFETIME_SECONDS = 180;
const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** Opens a read for the signed-in user; stale reads of the centre are swept on the way. */
export async function openRead(ctx: ResourceCtx): Promise<{ token: string; expiresAt: string }> {
  const { db, t } = ctx.handle;
  const token = randomBytes(24).toString("base64url");
  await db.delete(t.eidCardReads).where(lt(t.eidCardReads.expiresAt, sql`now()`));
  const [row] = await db
    .insert(t.eidCardReads)
    .values({
      tokenHash: hashOf(token),
      userId: ctx.user.id,
      expiresAt: sql`now() + make_interval(secs => ${READ_LIFETIME_SECONDS})`,
    })
    .returning({ expiresAt: t.eidCardReads.expiresAt });
  return { token, expiresAt: row!.expiresAt.toISOString() };
}

/**
 * The helper posts the card: it must have the shape of a card read (or of a failed read), and the
 * token must be open, unexpired and still empty. Nothing is interpreted here; the page's lookup does
 * that once the user has it.
 */
export async function receiveCard(handle: Pick<TenantHandle, "db" | "t">, token: string, body: unknown): Promise<void> {
  if (!cardInputSchema.safeParse(body).success) throw new AppError("INVALID_INPUT");
  const { db, t } = handle;
  const stored = await db
    .update(t.eidCardReads)
    .set({ card: JSON.stringify(body) })
    .where(
      and(
        eq(t.eidCardReads.tokenHash, hashOf(token)),
        gt(t.eidCardReads.expiresAt, sql`now()`),
        isNull(t.eidCardReads.card),
      ),
    )
    .returning({ tokenHash: t.eidCardReads.tokenHash });
  if (stored.length === 0) throw new AppError("EID_READ_CLOSED");
}

export type Pickup = { status: "waiting" } | { status: "expired" } | { status: "read"; card: CardInput };

/** What the page gets while polling: still waiting, too late, or the card (then the read is gone). */
export async function pickUp(ctx: ResourceCtx, token: string): Promise<Pickup> {
  const { db, t } = ctx.handle;
  const mine = and(eq(t.eidCardReads.tokenHash, hashOf(token)), eq(t.eidCardReads.userId, ctx.user.id));
  const [taken] = await db
    .delete(t.eidCardReads)
    .where(and(mine, sql`${t.eidCardReads.card} is not null`))
    .returning({ card: t.eidCardReads.card });
  if (taken) return { status: "read", card: JSON.parse(taken.card!) as CardInput };
  const [open] = await db
    .select({ live: sql<boolean>`${t.eidCardReads.expiresAt} > now()` })
    .from(t.eidCardReads)
    .where(mine);
  return open?.live ? { status: "waiting" } : { status: "expired" };
}
