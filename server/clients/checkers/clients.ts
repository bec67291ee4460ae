import { and, eq, sql } from "drizzle-orm";
import { actorOf, rowChange, writeAudit } from "@/server/audit";
import { belgianToday } from "@/lib/format";
import { CLIENT_STATE } from "@/server/clients/choices";
import { coachingActive, primaryCoachOf } from "@/server/coachings/sql";
import { isIncompleteDate } from "@/lib/format";
import { checkStoredNiss } from "@/server/clients/rules/niss";
import { personPhoneticWords } from "@/server/clients/rules/phonetic";
import { AppError } from "@/server/errors";
import type { ResourceCtx } from "@/server/resources/define";
import { qualified as q } from "@/server/resources/query";
import { defineChecker, type Handle, type Problem, type Tx } from "@/server/checks/define";
import { forOwner } from "@/server/checks/sql";

/** The client checkers of domain-people §3.3, §5, §6, the eID card (§7) and birth dates. */

/** A fix on a client: the changed columns, a version bump and one audit row, like an edit. */
async function updateClient(
  tx: Tx,
  ctx: ResourceCtx,
  id: number,
  before: Record<string, unknown>,
  values: Record<string, unknown>,
) {
  const t = ctx.handle.t;
  await tx
    .update(t.partners)
    .set({ ...values, version: sql`${t.partners.version} + 1`, modifiedAt: new Date() })
    .where(eq(t.partners.id, id));
  const changes = Object.fromEntries(Object.keys(values).map((k) => [k, { from: before[k] ?? null, to: values[k] }]));
  await writeAudit(
    tx,
    t,
    actorOf(ctx.user),
    rowChange("clients.clients", "update", id, { ...changes, fixedBy: { from: null, to: "dataCheck" } }),
  );
}

/** Clients (optionally one) with the columns a checker reads and their primary coach. */
function clientRows({ db, t }: Handle, ownerId: number | undefined, where: ReturnType<typeof sql>) {
  const p = t.partners;
  return db
    .select({ id: p.id, nationalId: p.nationalId, responsible: primaryCoachOf(t, q(p.id)) })
    .from(p)
    .where(sql`${q(p.isClient)}${forOwner(q(p.id), ownerId)} and ${where}`)
    .orderBy(p.id);
}

/** "Check for invalid SSINs": malformed values can be reformatted, invalid ones need a person. */
export const nissChecker = defineChecker({
  id: "niss",
  label: "checks.checkers.niss",
  ownerType: "partner",
  forClients: true,
  find: async (h, ownerId) => {
    const rows = await clientRows(h, ownerId, sql`${q(h.t.partners.nationalId)} is not null`);
    return rows.flatMap((r): Problem[] => {
      const check = checkStoredNiss(r.nationalId!);
      if (check.status === "ok") return [];
      if (check.status === "malformed")
        return [
          {
            ownerId: r.id,
            messageKey: "niss.malformed",
            params: { got: r.nationalId!, expected: check.expected },
            responsibleUserId: r.responsible,
            fixable: true,
          },
        ];
      return [
        {
          ownerId: r.id,
          messageKey: `niss.${check.error.code}`,
          params: { value: r.nationalId!, ...check.error.params },
          responsibleUserId: r.responsible,
        },
      ];
    });
  },
  fix: async (tx, ctx, id) => {
    const p = ctx.handle.t.partners;
    const [row] = await tx
      .select({ nationalId: p.nationalId })
      .from(p)
      .where(and(eq(p.id, id), eq(p.isClient, true)))
      .for("update");
    if (!row?.nationalId) return;
    const check = checkStoredNiss(row.nationalId);
    if (check.status === "invalid") throw new AppError("NOT_FIXABLE");
    if (check.status === "malformed") await updateClient(tx, ctx, id, row, { nationalId: check.expected });
  },
});

/** "Check coachings" (§3.3): the state must agree with the coachings active today. */
export const coachingsChecker = defineChecker({
  id: "coachings",
  label: "checks.checkers.coachings",
  ownerType: "partner",
  forClients: true,
  find: async ({ db, t }, ownerId) => {
    const p = t.partners;
    const today = belgianToday();
    const activeToday = sql`exists (select 1 from ${t.coachings} where ${q(t.coachings.clientId)} = ${q(p.id)} and ${coachingActive(t, today, today)})`;
    const rows = await db
      .select({ id: p.id, coachedObsolete: sql<boolean>`${q(p.isObsolete)}`, responsible: primaryCoachOf(t, q(p.id)) })
      .from(p)
      .where(
        sql`${q(p.isClient)}${forOwner(q(p.id), ownerId)} and (
        (${q(p.clientState)} = ${CLIENT_STATE.coached} and ${q(p.isObsolete)})
        or (${q(p.clientState)} is distinct from ${CLIENT_STATE.coached} and ${activeToday}))`,
      )
      .orderBy(p.id);
    return rows.map((r) => ({
      ownerId: r.id,
      messageKey: r.coachedObsolete ? "checks.coachings.coachedObsolete" : "checks.coachings.activeNotCoached",
      responsibleUserId: r.responsible,
    }));
  },
});

/** "Check for missing phonetic words" (§5): fixable by computing them from the name. */
export const phoneticWordsChecker = defineChecker({
  id: "phoneticWords",
  label: "checks.checkers.phoneticWords",
  ownerType: "partner",
  forClients: true,
  find: async ({ db, t }, ownerId) => {
    const p = t.partners;
    const rows = await db
      .select({
        id: p.id,
        firstName: p.firstName,
        lastName: p.lastName,
        words: p.phoneticWords,
        responsible: primaryCoachOf(t, q(p.id)),
      })
      .from(p)
      .where(sql`${q(p.isClient)}${forOwner(q(p.id), ownerId)} and cardinality(${q(p.phoneticWords)}) = 0`)
      .orderBy(p.id);
    // A name without any phonetic word (only digits, say) has nothing to fix.
    return rows
      .filter((r) => personPhoneticWords(r).length > 0)
      .map((r) => ({
        ownerId: r.id,
        messageKey: "checks.phoneticWords.missing",
        responsibleUserId: r.responsible,
        fixable: true,
      }));
  },
  fix: async (tx, ctx, id) => {
    const p = ctx.handle.t.partners;
    const [row] = await tx
      .select({ firstName: p.firstName, lastName: p.lastName, phoneticWords: p.phoneticWords })
      .from(p)
      .where(and(eq(p.id, id), eq(p.isClient, true)))
      .for("update");
    if (!row) return;
    const words = personPhoneticWords(row);
    if (JSON.stringify(words) !== JSON.stringify(row.phoneticWords))
      await updateClient(tx, ctx, id, row, { phoneticWords: words });
  },
});

/** Coached clients whose eID card is no longer valid: the coach should ask for the new card. */
export const eidCardChecker = defineChecker({
  id: "eidCard",
  label: "checks.checkers.eidCard",
  ownerType: "partner",
  forClients: true,
  find: async ({ db, t }, ownerId) => {
    const p = t.partners;
    const rows = await db
      .select({ id: p.id, until: p.cardValidUntil, responsible: primaryCoachOf(t, q(p.id)) })
      .from(p)
      .where(
        sql`${q(p.isClient)}${forOwner(q(p.id), ownerId)} and ${q(p.clientState)} = ${CLIENT_STATE.coached} and ${q(p.cardValidUntil)} < ${belgianToday()}`,
      )
      .orderBy(p.id);
    return rows.map((r) => ({
      ownerId: r.id,
      messageKey: "checks.eidCard.expired",
      params: { date: r.until! },
      responsibleUserId: r.responsible,
    }));
  },
});

/**
 * "Check birth dates": a stored birth date that is no date (`2026-02-30`, written before the rule
 * of server/clients/rules/incomplete-date.ts or by an import) leaves the age blank until a person
 * corrects it. The database passes on only what may be wrong (a late day, year 0000, another form).
 */
export const birthDatesChecker = defineChecker({
  id: "birthDates",
  label: "checks.checkers.birthDates",
  ownerType: "partner",
  forClients: true,
  find: async (h, ownerId) => {
    const b = q(h.t.partners.birthDate);
    const rows = await h.db
      .select({
        id: h.t.partners.id,
        birthDate: h.t.partners.birthDate,
        responsible: primaryCoachOf(h.t, q(h.t.partners.id)),
      })
      .from(h.t.partners)
      .where(
        sql`${q(h.t.partners.isClient)}${forOwner(q(h.t.partners.id), ownerId)} and (${b} !~ '^[0-9]{4}-(00-00|(0[1-9]|1[0-2])-([01][0-9]|2[0-8]))$' or ${b} like '0000%')`,
      )
      .orderBy(h.t.partners.id);
    return rows
      .filter((r) => !isIncompleteDate(r.birthDate!))
      .map((r) => ({
        ownerId: r.id,
        messageKey: "checks.birthDates.invalid",
        params: { value: r.birthDate! },
        responsibleUserId: r.responsible,
      }));
  },
});
