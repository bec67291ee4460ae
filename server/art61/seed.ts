import { and, asc, eq, isNotNull, notExists, sql } from "drizzle-orm";
import type { SeedCentre } from "@/server/area";
import { addDays, addMonths } from "@/server/calendar/rules/reminders";
import { belgianToday } from "@/lib/format";
import { insertSeededContracts } from "@/server/isip/base";
import { defaultDateEnded } from "@/server/isip/rules";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { art61Kind } from "./kind";

/**
 * Every centre's standard Art. 61 type (domain-integ-money §2.6: "Art61 job supplyment", fr "Mise à
 * l'emploi art.61"), evaluated every three months as Art. 60§7 contracts are, in the group "Conventions".
 */
export async function seedArt61Reference({ db, t }: TenantHandle) {
  if ((await db.select({ id: t.art61ContractTypes.id }).from(t.art61ContractTypes).limit(1)).length) return;
  const [quarterly] = await db
    .select({ id: t.examPolicies.id })
    .from(t.examPolicies)
    .where(eq(t.examPolicies.ref, "quarterly"));
  await db.insert(t.art61ContractTypes).values({
    ref: "art61",
    names: {
      fr: "Mise à l'emploi art.61",
      nl: "Tewerkstelling art. 61",
      de: "Art.61-Konvention",
      en: "Art61 job supplyment",
    },
    examPolicyId: quarterly?.id ?? null,
    overlapGroup: "contracts",
  });
}

/** Lino's demo subsidy stories, cycled over the contracts: Activa; tutorate; Activa and tutorate; Walloon Region. */
export const DEMO_SUBSIDY_STORIES = [
  { subsidize10: true },
  { subsidize20: true },
  { subsidize10: true, subsidize20: true },
  { subsidize30: true },
] as const;

/**
 * Châtelet's demo (§2.6: 7 contracts): integration-coached clients without an ISIP, each employed by
 * one of the centre's organisations, the subsidy stories cycling, a year long from a year ago on, with
 * their evaluation meetings. Only for centres using Châtelet's field set.
 */
export async function seedArt61Demo(handle: TenantHandle, _centre: SeedCentre) {
  const { db, t } = handle;
  const [settings] = await db.select({ sets: t.siteSettings.clientFieldSets }).from(t.siteSettings);
  if (!settings?.sets.includes("chatelet")) return;
  if ((await db.select({ id: t.art61Contracts.id }).from(t.art61Contracts).limit(1)).length) return;
  const coached = await db
    .selectDistinctOn([t.coachings.clientId], { clientId: t.coachings.clientId, userId: t.coachings.userId })
    .from(t.coachings)
    .innerJoin(t.coachingTypes, eq(t.coachingTypes.id, t.coachings.coachingTypeId))
    .where(
      and(
        eq(t.coachingTypes.doesIntegration, true),
        isNotNull(t.coachings.userId),
        notExists(
          db
            .select({ one: sql`1` })
            .from(t.isipContracts)
            .where(eq(t.isipContracts.clientId, t.coachings.clientId)),
        ),
      ),
    )
    .orderBy(t.coachings.clientId, t.coachings.startDate)
    .limit(7);
  const companies = await db
    .select({ id: t.partners.id })
    .from(t.partners)
    .where(eq(t.partners.kind, "organisation"))
    .orderBy(asc(t.partners.id))
    .limit(4);
  const [type] = await db
    .select({ id: t.art61ContractTypes.id, policy: t.art61ContractTypes.examPolicyId })
    .from(t.art61ContractTypes)
    .orderBy(t.art61ContractTypes.id)
    .limit(1);
  if (!coached.length || !companies.length || !type) return;
  const pick = async (table: "cvStatuses" | "cvRegimes" | "cvDurations") =>
    (await db.select({ id: t[table].id }).from(t[table]).orderBy(asc(t[table].id)).limit(2)).map((r) => r.id);
  const [statuses, regimes, durations] = await Promise.all([
    pick("cvStatuses"),
    pick("cvRegimes"),
    pick("cvDurations"),
  ]);
  const today = belgianToday();
  const rows = coached.map((c, i) => {
    const appliesFrom = addDays(addMonths(today, -12), i * 30);
    const appliesUntil = addDays(addMonths(appliesFrom, 12), -1);
    return {
      clientId: c.clientId,
      userId: c.userId,
      typeId: type.id,
      examPolicyId: type.policy,
      language: "fr",
      appliesFrom,
      appliesUntil,
      dateEnded: defaultDateEnded({ appliesFrom, appliesUntil, dateEnded: null }),
      companyId: companies[i % companies.length]!.id,
      jobTitle: ["Magasinier", "Aide-cuisinier", "Employé administratif", "Ouvrier polyvalent"][i % 4]!,
      statusId: statuses[i % 2] ?? null,
      regimeId: regimes[0] ?? null,
      cvDurationId: durations[1] ?? null,
      duration: 312,
      ...DEMO_SUBSIDY_STORIES[i % DEMO_SUBSIDY_STORIES.length],
    };
  });
  const who = { actor: "seed:art61", actingFor: null };
  await db.transaction(async (tx) => {
    await insertSeededContracts(tx as never, t, who, art61Kind, rows);
  });
}
