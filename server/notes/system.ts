import { eq } from "drizzle-orm";
import { actorOf, created, rowChange, writeAudit } from "@/server/audit";
import { centreLocaleOf } from "@/server/tenancy/registry";
import type { Locale } from "@/server/i18n/locale";
import { translatorFor, type Translator } from "@/server/i18n/translator";
import type { ResourceCtx } from "@/server/resources/define";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { belgianToday, brusselsWallClock } from "@/lib/format";
import { escapeHtml } from "./html";

type Tx = TenantHandle["db"];

/** The centre's own language (what its system notes are written in). */
export const centreLocale = (handle: Pick<TenantHandle, "tenantId">): Promise<Locale> =>
  centreLocaleOf(handle.tenantId);

export interface SystemNote {
  clientId: number;
  subject: string;
  /** Plain text; written as one paragraph per line. */
  body?: string;
}

/**
 * Writes a system note about a client (domain-people §0, §12: "automatic notes written when
 * refusing a client, marking former, …") in the caller's transaction, audited with it. Its event
 * type is the centre's system note type: the event type flagged `system` (Configure → Office →
 * Event types), which the reference seed creates and an administrator may choose again. Like
 * Lino, a centre without one writes no system notes. The author is the user who acted.
 */
export async function writeSystemNote(tx: Tx, ctx: ResourceCtx, note: SystemNote): Promise<number | null> {
  const t = ctx.handle.t;
  const [type] = await tx
    .select({ id: t.noteEventTypes.id })
    .from(t.noteEventTypes)
    .where(eq(t.noteEventTypes.system, true))
    .limit(1);
  if (!type) return null;
  const body = (note.body ?? "")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join("");
  const values = {
    date: belgianToday(),
    time: brusselsWallClock(new Date()).toISOString().slice(11, 19),
    eventTypeId: type.id,
    subject: note.subject.slice(0, 200),
    body,
    clientId: note.clientId,
    ownerType: "client",
    ownerId: note.clientId,
    userId: ctx.user.id,
    language: await centreLocale(ctx.handle),
  };
  const [row] = await tx.insert(t.notes).values(values).returning({ id: t.notes.id });
  const { eventTypeId, clientId, userId, ownerType, ownerId, ...same } = values;
  const fields = { ...same, eventType: eventTypeId, client: clientId, user: userId, ownerType, ownerId };
  await writeAudit(tx, t, actorOf(ctx.user), rowChange("notes.notes", "create", row!.id, created(fields)));
  return row!.id;
}

/** A system note written in the centre's language: `compose` gets the centre's translator. */
export async function writeSystemNoteOf(
  tx: Tx,
  ctx: ResourceCtx,
  clientId: number,
  compose: (tr: Translator) => { subject: string; body?: string },
): Promise<number | null> {
  const tr = translatorFor(await centreLocale(ctx.handle));
  return writeSystemNote(tx, ctx, { clientId, ...compose(tr) });
}
