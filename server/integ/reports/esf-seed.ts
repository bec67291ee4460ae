/** The ESF summaries' seeds (domain-integ-money §2.10): the Training report's type, Lino's demo mapping and summaries. */
import { and, asc, eq, sql } from "drizzle-orm";
import { belgianToday } from "@/lib/format";
import type { Seed } from "@/server/area";
import { systemActor } from "@/server/audit";
import { computeEsf, esfFields, esfResults } from "./esf";

export { seedTrainingReportType } from "./esf-print";

/**
 * Lino's esf demo fixture: the entry types that invite clients, in their order, count in the
 * statistical fields taken in turn (10 information session, 20 individual interview, 21 evaluation
 * of external training, 30 certified integration service…). Seeded once: not where a centre has a mapping.
 */
export const seedEsfDemoMapping: Seed = async ({ db, t }) => {
  if ((await db.select({ id: t.esfEntryTypes.id }).from(t.esfEntryTypes).limit(1)).length) return;
  const types = await db
    .select({ id: t.entryTypes.id })
    .from(t.entryTypes)
    .where(eq(t.entryTypes.inviteClient, true))
    .orderBy(asc(t.entryTypes.seqno), asc(t.entryTypes.id));
  const fields = esfFields.values;
  if (types.length === 0) return;
  await db
    .insert(t.esfEntryTypes)
    .values(types.map((type, i) => ({ entryTypeId: type.id, field: fields[i % fields.length]! })));
};

/**
 * The demo's summaries of the current year, computed once every area's demo data is there (contracts,
 * presences); one in three (by id) has its result, Lino's one participation certificate.
 */
export const seedEsfDemoSummaries: Seed = async (handle) => {
  const { db, t } = handle;
  const year = Number(belgianToday().slice(0, 4));
  await computeEsf(handle, systemActor("seed"), year);
  await db
    .update(t.esfSummaries)
    .set({ result: esfResults.values[0] })
    .where(and(eq(t.esfSummaries.year, year), sql`${t.esfSummaries.id} % 3 = 0`));
};
