import { and, asc, eq, isNotNull } from "drizzle-orm";
import { created, rowChange, writeAudit } from "@/server/audit";
import { addDays } from "@/server/calendar/rules/reminders";
import { belgianToday } from "@/lib/format";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/**
 * Châtelet's demo proofs of job search (Lino's active_job_search demo: ten proofs, coached clients and
 * organisations cycling, one a demo day apart, every other one spontaneous): here a week apart, going back,
 * every third one a response to an offer.
 */
export async function seedJobSearchDemo({ db, t }: TenantHandle) {
  const [settings] = await db.select({ sets: t.siteSettings.clientFieldSets }).from(t.siteSettings);
  if (!settings?.sets.includes("chatelet")) return;
  if ((await db.select({ id: t.jobSearchProofs.id }).from(t.jobSearchProofs).limit(1)).length) return;
  const clients = await db
    .selectDistinct({ id: t.coachings.clientId })
    .from(t.coachings)
    .innerJoin(t.coachingTypes, eq(t.coachingTypes.id, t.coachings.coachingTypeId))
    .where(and(eq(t.coachingTypes.doesIntegration, true), isNotNull(t.coachings.userId)))
    .orderBy(t.coachings.clientId)
    .limit(4);
  const companies = await db
    .select({ id: t.partners.id })
    .from(t.partners)
    .where(eq(t.partners.kind, "organisation"))
    .orderBy(asc(t.partners.id))
    .limit(5);
  if (!clients.length || !companies.length) return;
  const today = belgianToday();
  const rows = Array.from({ length: 10 }, (_, i) => ({
    clientId: clients[i % clients.length]!.id,
    companyId: companies[i % companies.length]!.id,
    date: addDays(today, -7 * i),
    spontaneous: i % 2 === 1,
    response: i % 3 === 0,
  }));
  await db.transaction(async (tx) => {
    const inserted = await tx.insert(t.jobSearchProofs).values(rows).returning({ id: t.jobSearchProofs.id });
    await writeAudit(
      tx as never,
      t,
      { actor: "seed:jobsearch", actingFor: null },
      ...inserted.map((r, i) => rowChange("jobsearch.proofs", "create", r.id, created(rows[i]!))),
    );
  });
}
