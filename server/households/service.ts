import { and, eq, inArray, ne, or, sql } from "drizzle-orm";
import { actorOf, created, rowChange, writeAudit, type Changes } from "@/server/audit";
import { automaticLinks, newHousehold, type Gender, type Link, type Person } from "@/server/households/rules";
import { AppError } from "@/server/errors";
import type { ResourceCtx } from "@/server/resources/define";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import type { TenantTables } from "@/db/tenant/tables";

/** Household writes that span several rows, each in the caller's transaction and audited there. */

export type Tx = TenantHandle["db"];
const audit = (tx: Tx, ctx: ResourceCtx, entity: string, verb: string, id: number, changes: Changes) =>
  writeAudit(tx, ctx.handle.t, actorOf(ctx.user), rowChange(entity, verb, id, changes));

/** The single-primary rule: a person's other memberships stop being primary. */
export async function demoteOtherPrimaries(tx: Tx, ctx: ResourceCtx, personId: number, keepId: number | undefined) {
  const m = ctx.handle.t.householdMembers;
  const demoted = await tx
    .update(m)
    .set({ primary: false, version: sql`${m.version} + 1` })
    .where(and(eq(m.personId, personId), eq(m.primary, true), keepId === undefined ? undefined : ne(m.id, keepId)))
    .returning({ id: m.id });
  for (const row of demoted)
    await audit(tx, ctx, "households.members", "update", row.id, { primary: { from: true, to: false } });
}

/**
 * The parent/child links a member brings with them (Lino: a child joining gets a link from every
 * parent-role member, and the other way round), created and audited in the same transaction.
 */
export async function createAutomaticLinks(
  tx: Tx,
  ctx: ResourceCtx,
  householdId: number,
  member: { personId: number; role: string },
  excludeMemberId?: number,
) {
  const t = ctx.handle.t;
  const others = await tx
    .select({ personId: t.householdMembers.personId, role: t.householdMembers.role })
    .from(t.householdMembers)
    .where(
      and(
        eq(t.householdMembers.householdId, householdId),
        ne(t.householdMembers.personId, member.personId),
        excludeMemberId === undefined ? undefined : ne(t.householdMembers.id, excludeMemberId),
      ),
    );
  if (others.length === 0) return;
  const people = [member.personId, ...others.map((o) => o.personId)];
  const existing = await tx
    .select({ parentId: t.humanLinks.parentId, childId: t.humanLinks.childId, type: t.humanLinks.type })
    .from(t.humanLinks)
    .where(or(inArray(t.humanLinks.parentId, people), inArray(t.humanLinks.childId, people)));
  const genders = new Map(
    (
      await tx
        .select({ id: t.partners.id, gender: t.partners.gender })
        .from(t.partners)
        .where(inArray(t.partners.id, people))
    ).map((p) => [p.id, p.gender as Gender]),
  );
  // Genders of existing parents outside the household matter too (a second mother becomes foster mother).
  const outside = existing.map((l) => l.parentId).filter((id) => !genders.has(id));
  if (outside.length)
    for (const p of await tx
      .select({ id: t.partners.id, gender: t.partners.gender })
      .from(t.partners)
      .where(inArray(t.partners.id, outside)))
      genders.set(p.id, p.gender as Gender);
  const links = automaticLinks(member, others, existing as Link[], (id) => genders.get(id) ?? null);
  for (const link of links) {
    const [row] = await tx.insert(t.humanLinks).values(link).returning({ id: t.humanLinks.id });
    await audit(
      tx,
      ctx,
      "households.humanLinks",
      "create",
      row!.id,
      created({ parent: link.parentId, child: link.childId, type: link.type, automatic: true }),
    );
  }
}

async function personById(tx: Tx, ctx: ResourceCtx, id: number): Promise<Person> {
  const p = ctx.handle.t.partners;
  const [row] = await tx
    .select({ id: p.id, firstName: p.firstName, lastName: p.lastName, gender: p.gender, birthDate: p.birthDate })
    .from(p)
    .where(and(eq(p.id, id), eq(p.kind, "person")));
  if (!row) throw new AppError("INVALID_INPUT", { field: "partner" });
  return { ...row, gender: row.gender as Gender };
}

/** A household type that does not exist is refused on the form's field (the database would name its column). */
export async function assertHouseholdTypeExists(tx: Tx, t: TenantTables, type: unknown) {
  if (type === null || type === undefined) return;
  const [found] = await tx
    .select({ id: t.householdTypes.id })
    .from(t.householdTypes)
    .where(eq(t.householdTypes.id, type as number));
  if (!found) throw new AppError("INVALID_INPUT", { field: "type" });
}

/**
 * Lino's "create household" on a person: the household named after head and partner, the head
 * (role head) and the partner (role partner) as members, everything audited in one transaction.
 */
export async function createHousehold(
  ctx: ResourceCtx,
  headId: number,
  partnerId: number | null,
  typeId: number | null,
): Promise<number> {
  if (partnerId === headId) throw new AppError("INVALID_INPUT", { field: "partner" });
  const { db, t } = ctx.handle;
  return db.transaction(async (tx) => {
    await assertHouseholdTypeExists(tx, t, typeId);
    const head = await personById(tx, ctx, headId);
    const partner = partnerId === null ? null : await personById(tx, ctx, partnerId);
    const plan = newHousehold(head, partner);
    const [household] = await tx
      .insert(t.partners)
      .values({ kind: "household", name: plan.name, prefix: plan.prefix, language: ctx.user.language })
      .returning({ id: t.partners.id });
    const id = household!.id;
    await tx.insert(t.households).values({ partnerId: id, typeId });
    await audit(
      tx,
      ctx,
      "households.households",
      "create",
      id,
      created({ name: plan.name, prefix: plan.prefix, type: typeId, head: headId, partner: partnerId }),
    );
    for (const member of plan.members) {
      const [row] = await tx
        .insert(t.householdMembers)
        .values({ householdId: id, personId: member.personId, role: member.role })
        .returning({ id: t.householdMembers.id });
      await audit(
        tx,
        ctx,
        "households.members",
        "create",
        row!.id,
        created({ household: id, person: member.personId, role: member.role }),
      );
    }
    return id;
  });
}
