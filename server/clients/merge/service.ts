import { eq, inArray, sql } from "drizzle-orm";
import { actorOf, rowChange, writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";
import { isEmptyValue } from "@/lib/format";
import type { ResourceCtx } from "@/server/resources/define";
import { executeDeletion, inUse, planDeletion, tableNamed } from "@/server/resources/deletion";
import { writeSystemNoteOf } from "@/server/notes/system";
import type { Relation } from "@/server/resources/relations";
import { FILLABLE_GROUPS } from "./references";

/**
 * Merging a duplicate client into the one kept (beyond Lino, which offers it on any model): every
 * row about the duplicate moves to the kept client, the kept client's empty fields are filled from
 * the duplicate, the duplicate is deleted, and the merge is recorded for review. One transaction.
 */

type Tx = ResourceCtx["handle"]["db"];
type T = ResourceCtx["handle"]["t"];
type Partner = T["partners"]["$inferSelect"];
type Changes = Record<string, { from: unknown; to: unknown }>;
const ENTITY = "clients.clients";

const displayName = (p: Pick<Partner, "id" | "firstName" | "lastName">) =>
  `${p.lastName.toUpperCase()} ${p.firstName} (${p.id})`;

/** The two partners locked (in id order, so two opposite merges cannot deadlock), with the refusals. */
async function lockBoth(tx: Tx, t: T, keptId: number, mergedId: number, version: number | undefined) {
  if (keptId === mergedId) throw new AppError("INVALID_INPUT", { field: "merged", messageKey: "merge.self" });
  if (version === undefined) throw new AppError("INVALID_INPUT", { field: "version" });
  const rows = await tx
    .select()
    .from(t.partners)
    .where(inArray(t.partners.id, [keptId, mergedId]))
    .orderBy(t.partners.id)
    .for("update");
  const kept = rows.find((r) => r.id === keptId);
  const merged = rows.find((r) => r.id === mergedId);
  if (!kept?.isClient) throw new AppError("NOT_FOUND");
  if (kept.version !== version) throw new AppError("STALE_EDIT");
  if (!merged) throw new AppError("INVALID_INPUT", { field: "merged", messageKey: "merge.notFound" });
  if (!merged.isClient || merged.kind !== "person")
    throw new AppError("INVALID_INPUT", { field: "merged", name: merged.name, messageKey: "merge.notClient" });
  if (!isEmptyValue(kept.nationalId) && !isEmptyValue(merged.nationalId) && kept.nationalId !== merged.nationalId) {
    throw new AppError("INVALID_INPUT", {
      field: "merged",
      kept: kept.nationalId!,
      merged: merged.nationalId!,
      messageKey: "merge.nationalIdsDiffer",
    });
  }
  return { kept, merged };
}

/**
 * Every reference to partners that no area's merge step handles (server/clients/merge/step.ts):
 * its rows now name the kept client. The duplicate's scanned documents, notes, mails, SMS, printed
 * documents, career and contracts are the kept client's (domain-people §13), as are those it issued
 * or received; a pair held once (a language, a poll's answer of a day) on both is refused by its
 * unique index as a duplicate, nothing lost.
 */
async function moveReferences(
  tx: Tx,
  t: T,
  relations: readonly Relation[],
  handled: Set<string>,
  from: number,
  to: number,
) {
  const moved: Record<string, number[]> = {};
  for (const relation of relations) {
    if (relation.to !== "partners" || handled.has(relation.from)) continue;
    const [table = "", column = ""] = relation.from.split(".");
    const info = tableNamed(t, table);
    const target = info.columns.get(column)!;
    const ownerType = relation.ownerType ? info.columns.get("owner_type") : undefined;
    const { rows } = await tx.execute<{ id: number | string }>(
      sql`update ${info.table} set ${sql.identifier(column)} = ${to}
          where ${target} = ${from} ${ownerType ? sql`and ${ownerType} = ${relation.ownerType}` : sql``}
          returning ${info.pk ?? sql`null`} as id`,
    );
    const keys = rows.map((r) => Number(r.id)).filter((id) => !Number.isNaN(id));
    if (keys.length) moved[table] = [...new Set([...(moved[table] ?? []), ...keys])];
  }
  return moved;
}

/** The kept client's empty fields (by group) with the duplicate's values. */
function fillsOf(kept: Partner, merged: Partner) {
  const patch: Record<string, unknown> = {};
  const filled: Changes = {};
  for (const group of FILLABLE_GROUPS) {
    if (!group.every((f) => isEmptyValue(kept[f])) || group.every((f) => isEmptyValue(merged[f]))) continue;
    for (const f of group) {
      if (isEmptyValue(merged[f])) continue;
      patch[f] = merged[f];
      filled[f] = { from: kept[f], to: merged[f] };
    }
  }
  return { patch, filled };
}

/** The duplicate's row as JSON (dates as text), kept in the merge record. */
const snapshotOf = (p: Partner): Record<string, unknown> => JSON.parse(JSON.stringify(p)) as Record<string, unknown>;

export interface MergeResult {
  mergeId: number;
  moved: Record<string, number[]>;
  filled: Changes;
}

/**
 * Merges client `mergedId` into client `keptId` (seen by the user at `version`). Refuses a merge
 * into itself, a duplicate that is not a client of this centre, two different national numbers and
 * a kept client saved since it was read (STALE_EDIT).
 */
export async function mergeClients(
  ctx: ResourceCtx,
  keptId: number,
  version: number | undefined,
  mergedId: number,
  reason = "",
): Promise<MergeResult> {
  const { db, t } = ctx.handle;
  return db.transaction(async (tx) => {
    const { kept, merged } = await lockBoth(tx, t, keptId, mergedId, version);
    const moved: Record<string, number[]> = {};
    const dropped: Record<string, number[]> = {};
    const put = (name: string, list: number[], into = moved) => {
      if (list.length) into[name] = [...new Set([...(into[name] ?? []), ...list])];
    };
    // The areas' own steps first (one refuses a household), then every other reference moves as it is.
    const steps = ctx.registry.clientMerge ?? [];
    for (const step of steps) {
      const done = await step.run(tx, t, mergedId, keptId);
      for (const [name, list] of Object.entries(done.moved ?? {})) put(name, list);
      for (const [name, list] of Object.entries(done.dropped ?? {})) put(name, list, dropped);
    }
    const handled = new Set(steps.flatMap((step) => step.handles));
    const rest = await moveReferences(tx, t, ctx.registry.relations, handled, mergedId, keptId);
    for (const [name, list] of Object.entries(rest)) put(name, list);

    const { patch, filled } = fillsOf(kept, merged);
    // The duplicate goes first: its national number may now be the kept client's (unique per centre).
    // What is left of it (its photo when the kept client has one, its data problems) goes with it as
    // the relations declare; anything that still refers to it stops the merge instead of vanishing.
    const left = await planDeletion(tx, t, ctx.registry.relations, "partners", mergedId);
    if (left.blockers.length) throw inUse(ctx, displayName(merged), left.blockers);
    await executeDeletion(tx, t, left);
    for (const group of left.rows.slice(1)) put(group.table, group.ids.map(Number), dropped);
    await tx
      .update(t.partners)
      .set({ ...patch, modifiedAt: new Date(), version: sql`${t.partners.version} + 1` } as never)
      .where(eq(t.partners.id, keptId));

    const actor = actorOf(ctx.user);
    const mergedName = displayName(merged);
    const [record] = await tx
      .insert(t.clientMerges)
      .values({
        userId: ctx.user.realUser?.id ?? ctx.user.id,
        actingForId: ctx.user.realUser ? ctx.user.id : null,
        keptId,
        mergedId,
        mergedName,
        mergedRow: snapshotOf(merged),
        moved,
        filled,
        reason,
      })
      .returning({ id: t.clientMerges.id });
    const summary: Changes = {
      merged: { from: mergedName, to: null },
      ...(reason ? { reason: { from: null, to: reason } } : {}),
    };
    await writeAudit(
      tx,
      t,
      actor,
      rowChange(ENTITY, "merge", keptId, {
        ...summary,
        ...filled,
        moved: { from: null, to: moved },
        dropped: { from: null, to: dropped },
      }),
      rowChange(ENTITY, "mergedInto", mergedId, { mergedInto: { from: null, to: displayName(kept) } }),
    );
    await writeSystemNoteOf(tx, ctx, keptId, (tr) => ({
      subject: tr("notes.system.merged", { name: mergedName }),
      body: reason || undefined,
    }));
    return { mergeId: Number(record!.id), moved, filled };
  });
}
