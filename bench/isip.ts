// ISIP evaluation meetings at volume (issue 17): 1 000 contracts of a year each, every one with the
// monthly policy, regenerated in one transaction the way a save regenerates one (contract rows, the
// clients' coachings, the policy and the author's language read from the database; client guests
// added), then again (nothing to change). Imported by bench/run.ts once the environment is set.
import { eq, sql } from "drizzle-orm";
import { systemActor } from "@/server/audit";
import { addDays, addMonths } from "@/server/calendar/rules/reminders";
import { isipKind, regenerateEvaluations } from "@/server/isip/base";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { line, timed } from "./lib";

const TARGET_SECONDS = 2;
const WHO = systemActor("bench");

export async function benchIsip(tenant: Tenant, contracts = 1_000) {
  const { db, t } = tenantHandle(tenant);
  const today = new Date().toISOString().slice(0, 10);
  const [user] = await db
    .insert(t.users)
    .values({ username: "bench-isip", firstName: "Bench", lastName: "Isip", userType: "100", language: "de" })
    .returning();
  const [type] = await db.select().from(t.isipContractTypes).where(eq(t.isipContractTypes.ref, "vseb"));
  const clients = await db
    .insert(t.partners)
    .values(
      Array.from({ length: contracts }, (_, i) => ({
        kind: "person",
        name: `Bench ${i}`,
        lastName: `Bench ${i}`,
        isClient: true,
        clientState: "30",
      })),
    )
    .returning({ id: t.partners.id });
  const rows = clients.map((c, i) => {
    // Contracts start on every day of a month, so that some evaluations fall on holidays and weekends.
    const appliesFrom = addDays(today, i % 28);
    return {
      clientId: c.id,
      userId: user!.id,
      typeId: type!.id,
      examPolicyId: type!.examPolicyId,
      appliesFrom,
      appliesUntil: addDays(addMonths(appliesFrom, 12), -1),
    };
  });
  const ids = (await db.insert(t.isipContracts).values(rows).returning({ id: t.isipContracts.id })).map((r) => r.id);
  const first = await timed(() => db.transaction((tx) => regenerateEvaluations(tx, t, WHO, isipKind, ids)));
  const again = await timed(() => db.transaction((tx) => regenerateEvaluations(tx, t, WHO, isipKind, ids)));
  const [guests] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(t.calendarGuests)
    .where(sql`${t.calendarGuests.entryId} in (select id from ${t.calendarEntries} where owner_type = 'isipContract')`);
  line("isip_contracts", contracts);
  line("isip_evaluations_created", first.result.created);
  line("isip_evaluation_guests", guests!.n);
  line("isip_regenerate_seconds", first.seconds);
  line("target_isip_regenerate_seconds", TARGET_SECONDS);
  line("isip_regenerate_unchanged_seconds", again.seconds);
}
