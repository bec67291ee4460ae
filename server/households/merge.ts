import { and, eq, or, sql } from "drizzle-orm";
import type { ClientMergeStep } from "@/server/clients/merge/step";
import { AppError } from "@/server/errors";
import { qualified as q } from "@/server/resources/query";

const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

/**
 * Merging two clients: household memberships move, except in a household the kept client already
 * belongs to; one primary household. A household is never merged as a client.
 */
export const membershipsMerge: ClientMergeStep = {
  handles: ["household_members.person_id", "household_members.household_id", "households.partner_id"],
  async run(tx, t, from, to) {
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
    const moved = ids(await tx.update(m).set({ personId: to }).where(eq(m.personId, from)).returning({ id: m.id }));
    return { moved: { household_members: moved }, dropped: { household_members: dropped } };
  },
};

/** Human links move; links that would join the kept client to itself, or repeat one of its links, are dropped. */
export const humanLinksMerge: ClientMergeStep = {
  handles: ["human_links.parent_id", "human_links.child_id"],
  async run(tx, t, from, to) {
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
    return { moved: { human_links: ids(moved) }, dropped: { human_links: [...ids(self), ...ids(repeated)] } };
  },
};
