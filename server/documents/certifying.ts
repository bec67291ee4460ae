import { and, eq, isNull, sql } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { actorOf, rowChange, writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";
import type { ActionDef, ResourceCtx } from "@/server/resources/define";
import { qualified as q } from "@/server/resources/query";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { PRINTERS } from "./resources";

type Tx = TenantHandle["db"];

/** What a certifying print of a client vouches for: who the client is. Edits of these wait for "Clear printed". */
export const CERTIFIED_CLIENT_FIELDS = ["firstName", "lastName", "gender", "birthDate", "nationalId"] as const;

/** A record kind's rows that a certifying print holds: one not yet cleared of a certifying type exists. */
const certifiedBy = (t: TenantTables, ownerType: string, ownerId: ReturnType<typeof q>) =>
  sql<boolean>`exists (select 1 from ${t.excerpts} join ${t.excerptTypes} on ${q(t.excerptTypes.id)} = ${q(t.excerpts.typeId)}
    where ${q(t.excerpts.ownerType)} = ${ownerType} and ${q(t.excerpts.ownerId)} = ${ownerId}
    and ${q(t.excerptTypes.certifying)} and ${q(t.excerpts.clearedAt)} is null)`;

/** The clients resource's `certified` declaration (§14.1: "certified objects may lock fields"). */
export const certifiedClient = {
  fields: CERTIFIED_CLIENT_FIELDS,
  when: (t: TenantTables) => certifiedBy(t, "client", q(t.partners.id)),
  messageKey: "documents.certified.locked",
};

/**
 * The print a certifying type already made for a record and that was not cleared (§14.1: printing
 * a certifying type again "reuses the first existing excerpt": same document, no new version).
 */
export async function certifyingExcerptOf(
  tx: Tx,
  t: TenantTables,
  owner: { type: string; id: number },
  typeId: number,
): Promise<number | null> {
  const [row] = await tx
    .select({ id: t.excerpts.id })
    .from(t.excerpts)
    .where(
      and(
        eq(t.excerpts.typeId, typeId),
        eq(t.excerpts.ownerType, owner.type),
        eq(t.excerpts.ownerId, owner.id),
        isNull(t.excerpts.clearedAt),
      ),
    )
    .orderBy(t.excerpts.id)
    .limit(1);
  return row?.id ?? null;
}

/**
 * "Clear printed": releases a record's certifying prints, so that the next print makes a new
 * document and its certified fields can be edited again. Refused when there is nothing to clear.
 */
export async function clearPrinted(ctx: ResourceCtx, owner: { type: string; id: number }): Promise<void> {
  const { db, t } = ctx.handle;
  await db.transaction(async (tx) => {
    const cleared = await tx
      .update(t.excerpts)
      .set({ clearedAt: sql`now()`, version: sql`${t.excerpts.version} + 1` })
      .where(
        and(
          eq(t.excerpts.ownerType, owner.type),
          eq(t.excerpts.ownerId, owner.id),
          isNull(t.excerpts.clearedAt),
          sql`${t.excerpts.typeId} in (select ${t.excerptTypes.id} from ${t.excerptTypes} where ${t.excerptTypes.certifying})`,
        ),
      )
      .returning({ id: t.excerpts.id });
    if (!cleared.length) throw new AppError("INVALID_INPUT", { messageKey: "documents.certified.nothingToClear" });
    for (const { id } of cleared)
      await writeAudit(tx, t, actorOf(ctx.user), rowChange("documents.mine", "clearPrinted", id));
  });
}

/** "Clear printed" on a client. */
export const clearPrintedClientAction: ActionDef = {
  name: "clearPrinted",
  label: "documents.certified.clear",
  roles: [...PRINTERS],
  confirm: true,
  run: async (ctx, id) => {
    // Only a client the user may see (the action's row check) is cleared.
    await clearPrinted(ctx, { type: "client", id: Number(id) });
  },
};
