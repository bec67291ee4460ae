import { and, eq, isNull, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
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
export const certifiedBy = (t: TenantTables, ownerType: string, ownerId: ReturnType<typeof q>) =>
  sql<boolean>`exists (select 1 from ${t.excerpts} join ${t.excerptTypes} on ${q(t.excerptTypes.id)} = ${q(t.excerpts.typeId)}
    where ${q(t.excerpts.ownerType)} = ${ownerType} and ${q(t.excerpts.ownerId)} = ${ownerId}
    and ${q(t.excerptTypes.certifying)} and ${q(t.excerpts.clearedAt)} is null)`;

/** When a record's certifying print (not yet cleared) was made: its "printed" date, else null. */
export const certifiedAt = (t: TenantTables, ownerType: string, ownerId: ReturnType<typeof q>) =>
  sql<Date | null>`(select min(${q(t.excerpts.buildTime)}) from ${t.excerpts} join ${t.excerptTypes} on ${q(t.excerptTypes.id)} = ${q(t.excerpts.typeId)}
    where ${q(t.excerpts.ownerType)} = ${ownerType} and ${q(t.excerpts.ownerId)} = ${ownerId}
    and ${q(t.excerptTypes.certifying)} and ${q(t.excerpts.clearedAt)} is null)`.mapWith((v: unknown) =>
    v === null || v === undefined ? null : new Date(v as string),
  );

/**
 * A resource's `certified` declaration for the records printed as `ownerType` (a document type's
 * content type), keyed by `id`: while a certifying print of the row is not cleared, edits of
 * `fields` are refused and the form shows them read-only (§14.1 "certified objects may lock fields").
 * Any record kind declares its own (clients below, contracts in server/isip/print.ts).
 */
export const certifiedDeclaration = (
  ownerType: string,
  id: (t: TenantTables) => AnyPgColumn,
  fields: readonly string[],
) => ({
  fields,
  when: (t: TenantTables) => certifiedBy(t, ownerType, q(id(t))),
  messageKey: "documents.certified.locked",
});

/** The clients resource's `certified` declaration (§14.1: "certified objects may lock fields"). */
export const certifiedClient = certifiedDeclaration("client", (t) => t.partners.id, CERTIFIED_CLIENT_FIELDS);

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
export async function clearPrinted(
  ctx: ResourceCtx,
  owner: { type: string; id: number },
  nothingKey = "documents.certified.nothingToClear",
): Promise<void> {
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
    if (!cleared.length) throw new AppError("INVALID_INPUT", { messageKey: nothingKey });
    for (const { id } of cleared)
      await writeAudit(tx, t, actorOf(ctx.user), rowChange("documents.mine", "clearPrinted", id));
  });
}

/**
 * "Clear printed" on a record printed as `ownerType`, for `roles` (only a row the user may see, the
 * action's row check, is cleared); `nothingKey` says that there is nothing to clear.
 */
export const clearPrintedAction = (
  ownerType: string,
  roles: ActionDef["roles"],
  nothingKey?: string,
  /** The row's field holding when it was printed: the action is offered only while it has a value. */
  printedField?: string,
): ActionDef => ({
  name: "clearPrinted",
  label: "documents.certified.clear",
  roles,
  confirm: true,
  ...(printedField ? { onlyWhileSet: printedField } : {}),
  run: async (ctx, id) => {
    await clearPrinted(ctx, { type: ownerType, id: Number(id) }, nothingKey);
  },
});

/** "Clear printed" on a client. */
export const clearPrintedClientAction = clearPrintedAction("client", [...PRINTERS]);
