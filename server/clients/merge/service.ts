import { and, eq, inArray, or, sql } from "drizzle-orm";
import { getTableConfig, type AnyPgColumn } from "drizzle-orm/pg-core";
import { actorOf, rowChange, writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";
import { isEmptyValue } from "@/lib/format";
import type { ResourceCtx } from "@/server/resources/define";
import { executeDeletion, inUse, planDeletion } from "@/server/resources/deletion";
import { qualified as q } from "@/server/resources/query";
import { moveClientCalendar } from "@/server/calendar/merge";
import { writeSystemNoteOf } from "@/server/notes/system";
import { CLIENT_OWNER_TYPE, FILLABLE_GROUPS } from "./references";

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
const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

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
 * The simple references to a partner: a column that moves from the duplicate to the kept client,
 * with nothing else to keep right. The duplicate's scanned documents, notes, mails, SMS and printed documents are the kept
 * client's (domain-people §13), as are those it issued or received.
 */
const SIMPLE_REFERENCES: readonly ((t: T) => AnyPgColumn)[] = [
  (t) => t.dispenses.clientId,
  (t) => t.exclusions.clientId,
  (t) => t.convictions.clientId,
  (t) => t.roles.personId,
  (t) => t.roles.companyId,
  (t) => t.clientContacts.clientId,
  (t) => t.clientContacts.companyId,
  (t) => t.clientContacts.contactPersonId,
  (t) => t.mails.clientId,
  (t) => t.mailRecipients.partnerId,
  (t) => t.smsMessages.clientId,
  (t) => t.uploads.clientId,
  (t) => t.uploads.companyId,
  (t) => t.uploads.contactPersonId,
  (t) => t.notes.clientId,
  (t) => t.notes.companyId,
  (t) => t.excerpts.clientId,
  (t) => t.excerpts.recipientId,
  (t) => t.clientMerges.keptId,
  (t) => t.rooms.companyId,
  // The client's career, contracts, candidatures and poll answers are the kept client's (issue 17); a
  // pair held once (a language, a poll's answer of a day) on both is refused as a duplicate, nothing lost.
  (t) => t.cvLanguageKnowledge.clientId,
  (t) => t.cvStudies.clientId,
  (t) => t.cvTrainings.clientId,
  (t) => t.cvExperiences.clientId,
  (t) => t.cvSkills.clientId,
  (t) => t.cvSoftSkills.clientId,
  (t) => t.cvObstacles.clientId,
  (t) => t.isipContracts.clientId,
  (t) => t.isipPartners.companyId,
  (t) => t.isipPartners.contactPersonId,
  (t) => t.jobContracts.clientId,
  (t) => t.jobContracts.companyId,
  (t) => t.jobContracts.contactPersonId,
  (t) => t.candidatures.clientId,
  (t) => t.pollResponses.partnerId,
];

/** Moves the rows of the simple references; returns table → ids moved. */
async function moveSimple(tx: Tx, t: T, from: number, to: number) {
  const moved: Record<string, number[]> = {};
  for (const columnOf of SIMPLE_REFERENCES) {
    const column = columnOf(t);
    const table = column.table;
    const { rows } = await tx.execute<{ id: number | string }>(
      sql`update ${table} set ${sql.identifier(column.name)} = ${to} where ${column} = ${from} returning id`,
    );
    const name = getTableConfig(table).name;
    if (rows.length) moved[name] = [...(moved[name] ?? []), ...rows.map((r) => Number(r.id))];
  }
  return moved;
}

/** Coachings move; the kept client's primary coaching stays the only primary one. */
async function moveCoachings(tx: Tx, t: T, from: number, to: number) {
  const c = t.coachings;
  const [primary] = await tx
    .select({ id: c.id })
    .from(c)
    .where(and(eq(c.clientId, to), eq(c.primary, true)))
    .limit(1);
  if (primary) await tx.update(c).set({ primary: false }).where(eq(c.clientId, from));
  return ids(await tx.update(c).set({ clientId: to }).where(eq(c.clientId, from)).returning({ id: c.id }));
}

/** Addresses move; never two primary ones. */
async function moveAddresses(tx: Tx, t: T, from: number, to: number) {
  const a = t.addresses;
  const [primary] = await tx
    .select({ id: a.id })
    .from(a)
    .where(and(eq(a.partnerId, to), eq(a.primary, true)))
    .limit(1);
  if (primary) await tx.update(a).set({ primary: false }).where(eq(a.partnerId, from));
  return ids(await tx.update(a).set({ partnerId: to }).where(eq(a.partnerId, from)).returning({ id: a.id }));
}

/** Household memberships move, except in a household the kept client already belongs to; one primary household. */
async function moveMemberships(tx: Tx, t: T, from: number, to: number) {
  const m = t.householdMembers;
  const asHousehold = await tx.select({ id: m.id }).from(m).where(eq(m.householdId, from)).limit(1);
  const [household] = await tx
    .select({ id: t.households.partnerId })
    .from(t.households)
    .where(eq(t.households.partnerId, from))
    .limit(1);
  if (asHousehold.length || household)
    throw new AppError("INVALID_INPUT", { field: "merged", messageKey: "merge.notClient" });
  const dropped = ids(
    await tx
      .delete(m)
      .where(
        and(
          eq(m.personId, from),
          sql`${q(m.householdId)} in (select k.household_id from ${m} k where k.person_id = ${to})`,
        ),
      )
      .returning({ id: m.id }),
  );
  const [primary] = await tx
    .select({ id: m.id })
    .from(m)
    .where(and(eq(m.personId, to), eq(m.primary, true)))
    .limit(1);
  if (primary) await tx.update(m).set({ primary: false }).where(eq(m.personId, from));
  return {
    moved: ids(await tx.update(m).set({ personId: to }).where(eq(m.personId, from)).returning({ id: m.id })),
    dropped,
  };
}

/** Human links move; links that would join the kept client to itself, or repeat one of its links, are dropped. */
async function moveHumanLinks(tx: Tx, t: T, from: number, to: number) {
  const l = t.humanLinks;
  const self = await tx
    .delete(l)
    .where(or(and(eq(l.parentId, from), eq(l.childId, to)), and(eq(l.parentId, to), eq(l.childId, from))))
    .returning({ id: l.id });
  const twin = (mine: typeof l.parentId, other: typeof l.childId) =>
    sql`exists (select 1 from ${l} k where k.${sql.raw(mine.name)} = ${to} and k.${sql.raw(other.name)} = ${q(other)} and k.type = ${q(l.type)})`;
  const repeated = [
    ...(await tx
      .delete(l)
      .where(and(eq(l.parentId, from), twin(l.parentId, l.childId)))
      .returning({ id: l.id })),
    ...(await tx
      .delete(l)
      .where(and(eq(l.childId, from), twin(l.childId, l.parentId)))
      .returning({ id: l.id })),
  ];
  const moved = [
    ...(await tx.update(l).set({ parentId: to }).where(eq(l.parentId, from)).returning({ id: l.id })),
    ...(await tx.update(l).set({ childId: to }).where(eq(l.childId, from)).returning({ id: l.id })),
  ];
  return { moved: ids(moved), dropped: [...ids(self), ...ids(repeated)] };
}

/** Tasks and data problems about the duplicate; an automatic task the kept client already has becomes a manual one. */
async function moveOwned(tx: Tx, t: T, from: number, to: number) {
  const k = t.tasks;
  await tx
    .update(k)
    .set({ autoType: null })
    .where(
      and(
        eq(k.ownerType, CLIENT_OWNER_TYPE),
        eq(k.ownerId, from),
        sql`${q(k.autoType)} in (select o.auto_type from ${k} o where o.owner_type = ${CLIENT_OWNER_TYPE} and o.owner_id = ${to} and o.auto_type is not null)`,
      ),
    );
  const tasks = ids(
    await tx
      .update(k)
      .set({ ownerId: to })
      .where(and(eq(k.ownerType, CLIENT_OWNER_TYPE), eq(k.ownerId, from)))
      .returning({ id: k.id }),
  );
  // Notes owned by the duplicate (moved above when they are about it) now belong to the kept client.
  await tx
    .update(t.notes)
    .set({ ownerId: to })
    .where(and(eq(t.notes.ownerType, CLIENT_OWNER_TYPE), eq(t.notes.ownerId, from)));
  // So do the documents printed from it (its file sheets).
  await tx
    .update(t.excerpts)
    .set({ ownerId: to })
    .where(and(eq(t.excerpts.ownerType, CLIENT_OWNER_TYPE), eq(t.excerpts.ownerId, from)));
  const d = t.dataProblems;
  const problems = await tx
    .update(d)
    .set({ ownerId: to })
    .where(and(eq(d.ownerType, CLIENT_OWNER_TYPE), eq(d.ownerId, from)))
    .returning({ id: d.id });
  return { tasks, dataProblems: problems.map((p) => Number(p.id)) };
}

/** The duplicate's photo, when the kept client has none. */
async function movePhoto(tx: Tx, t: T, from: number, to: number) {
  const [own] = await tx
    .select({ id: t.partnerPhotos.partnerId })
    .from(t.partnerPhotos)
    .where(eq(t.partnerPhotos.partnerId, to))
    .limit(1);
  if (own) return [];
  const moved = await tx
    .update(t.partnerPhotos)
    .set({ partnerId: to })
    .where(eq(t.partnerPhotos.partnerId, from))
    .returning({ id: t.partnerPhotos.partnerId });
  return moved.length ? [from] : [];
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
    const moved = await moveSimple(tx, t, mergedId, keptId);
    const dropped: Record<string, number[]> = {};
    const put = (name: string, list: number[], into = moved) => {
      if (list.length) into[name] = [...(into[name] ?? []), ...list];
    };
    put("coachings", await moveCoachings(tx, t, mergedId, keptId));
    put("addresses", await moveAddresses(tx, t, mergedId, keptId));
    const members = await moveMemberships(tx, t, mergedId, keptId);
    put("household_members", members.moved);
    put("household_members", members.dropped, dropped);
    const links = await moveHumanLinks(tx, t, mergedId, keptId);
    put("human_links", links.moved);
    put("human_links", links.dropped, dropped);
    const owned = await moveOwned(tx, t, mergedId, keptId);
    put("tasks", owned.tasks);
    put("data_problems", owned.dataProblems);
    put("partner_photos", await movePhoto(tx, t, mergedId, keptId));
    const calendar = await moveClientCalendar(tx, t, mergedId, keptId);
    for (const [name, list] of Object.entries(calendar.moved)) put(name, list);
    for (const [name, list] of Object.entries(calendar.dropped)) put(name, list, dropped);

    const { patch, filled } = fillsOf(kept, merged);
    // The duplicate goes first: its national number may now be the kept client's (unique per centre).
    // What is left of it (its photo when the kept client has one, its data problems) goes with it as
    // the relations declare; anything that still refers to it stops the merge instead of vanishing.
    const rest = await planDeletion(tx, t, ctx.registry.relations, "partners", mergedId);
    if (rest.blockers.length) throw inUse(ctx, displayName(merged), rest.blockers);
    await executeDeletion(tx, t, rest);
    for (const group of rest.rows.slice(1)) put(group.table, group.ids.map(Number), dropped);
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
