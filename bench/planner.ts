// The planners at volume (issue 15): a week of 10 agents side by side in a centre holding many
// calendar entries, beside the same SQL run raw, and the free-slot proposal of one agent over four
// weeks. Imported by bench/run.ts once the environment is set.
import { eq, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { belgianToday } from "@/lib/format";
import { claimsFor } from "@/server/auth/session";
import { rangeSql } from "@/server/calendar/planner";
import { getPool } from "@/server/db/pool";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle, type TenantHandle } from "@/server/tenancy/tenant-db";
import { createInnerContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { line, percentile, sideBySide, timed } from "./lib";

const TARGET_RANGE_P95_MS = 50;
const TARGET_RATIO = 2;
const TARGET_SLOTS_P95_MS = 30;
/** Agents whose calendars hold the entries: the 10 of the week view and their colleagues. */
const AGENTS = 50;

/**
 * `count` entries over AGENTS agents and the five years around today (working days, 08:00–17:00, of
 * the seeded types, some with a client and a room), and the holidays of those years, by one
 * INSERT … SELECT over generate_series.
 */
async function generateEntries({ db, t }: TenantHandle, count: number, agents: number[], clients: number[]) {
  const n = (v: number) => sql.raw(String(Math.trunc(v)));
  await db.execute(sql`
    with ty as (select array_agg(id order by id) ids from ${t.entryTypes} where not all_rooms),
         r as (select array_agg(id order by id) ids from ${t.rooms})
    insert into ${t.calendarEntries} (type_id, summary, client_id, start_date, start_time, end_time, user_id, room_id, state)
    select ty.ids[1 + g % array_length(ty.ids, 1)], 'Entrée ' || g,
      case when g % 3 = 0 then (${sql.raw(`array[${clients.join(",")}]`)})[1 + g % ${n(clients.length)}] end,
      d, make_time(8 + (g / ${n(agents.length)}) % 9, (g % 2) * 30, 0), make_time(8 + (g / ${n(agents.length)}) % 9, (g % 2) * 30 + 25, 0),
      (${sql.raw(`array[${agents.join(",")}]`)})[1 + g % ${n(agents.length)}],
      case when g % 4 = 0 and r.ids is not null then r.ids[1 + g % array_length(r.ids, 1)] end,
      case when d < current_date then 'tookPlace' else 'published' end
    from generate_series(1, ${n(count)}) g, ty, r,
      lateral (select current_date - 900 + ((g / ${n(agents.length)}) * 1825 / greatest(${n(count)} / ${n(agents.length)}, 1))::int as d0) x,
      lateral (select x.d0 + case extract(isodow from x.d0) when 6 then 2 when 7 then 1 else 0 end as d) y`);
  await db.execute(sql`
    insert into ${t.calendarEntries} (type_id, summary, start_date, state)
    select (select id from ${t.entryTypes} where ref = 'holidays'), 'Jour férié', current_date - 900 + g * 45, 'published'
    from generate_series(0, 40) g`);
  await db.execute(sql`analyze ${t.calendarEntries}`);
}

export async function benchPlanner(tenant: Tenant, count: number) {
  const handle = tenantHandle(tenant);
  const { db, t } = handle;
  const agents = (
    await db
      .insert(t.users)
      .values(
        Array.from({ length: AGENTS }, (_, i) => ({
          username: `bench-agent-${i}`,
          firstName: "Agent",
          lastName: `Bench ${i}`,
          userType: "100",
        })),
      )
      .returning({ id: t.users.id })
  ).map((u) => u.id);
  await db.insert(t.rooms).values([{ names: { fr: "Salle A" } }, { names: { fr: "Salle B" } }]);
  const clients = (
    await db
      .insert(t.partners)
      .values(
        Array.from({ length: 200 }, (_, i) => ({
          kind: "person",
          name: `BENCH ${i} Client`,
          isClient: true,
          clientState: "30",
          firstName: "Client",
          lastName: `Bench ${i}`,
        })),
      )
      .returning({ id: t.partners.id })
  ).map((p) => p.id);
  const generated = await timed(() => generateEntries(handle, count, agents, clients));
  line("planner_entries_generated", count);
  line("planner_generate_seconds", generated.seconds);

  const [viewer] = await db.select().from(t.users).where(eq(t.users.id, agents[0]!));
  const caller = createCaller(
    await createInnerContext({ host: { kind: "tenant", slug: tenant.slug }, claims: claimsFor(tenant, viewer!) }),
  );
  const today = belgianToday();
  const monday = new Date(`${today}T12:00:00Z`);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  const from = monday.toISOString().slice(0, 10);
  monday.setUTCDate(monday.getUTCDate() + 6);
  const input = { from, to: monday.toISOString().slice(0, 10), users: agents.slice(0, 10), rooms: [] };
  const rows = await caller.calendar.range(input);
  line("planner_week_10_agents_rows", rows.length);
  const raw = new PgDialect().sqlToQuery(rangeSql(t, input));
  const pool = getPool(tenant.clusterId);
  const { p95, ratioP95 } = await sideBySide(
    "planner_week_10_agents",
    ["procedure", async () => void (await caller.calendar.range(input))],
    ["raw", async () => void (await pool.query(raw.sql, raw.params))],
  );
  line("target_planner_week_10_agents_p95_ms", TARGET_RANGE_P95_MS);
  line("target_planner_week_10_agents_ratio_p95", TARGET_RATIO);
  line("planner_week_10_agents_target_met", p95 <= TARGET_RANGE_P95_MS && ratioP95 <= TARGET_RATIO ? "yes" : "no");

  // Free slots of one agent over four weeks, for a client, with the seeded appointment type.
  const [type] = await db.select({ id: t.entryTypes.id }).from(t.entryTypes).where(eq(t.entryTypes.ref, "client"));
  const find = { client: clients[0]!, user: agents[1]!, type: type!.id, weeks: 4, limit: 10 };
  line("planner_free_slots_found", (await caller.calendar.findSlots(find)).length);
  const samples: number[] = [];
  for (let i = 0; i < 20; i++) await caller.calendar.findSlots(find);
  for (let i = 0; i < 200; i++) {
    const start = performance.now();
    await caller.calendar.findSlots({ ...find, user: agents[1 + (i % 9)]! });
    samples.push(performance.now() - start);
  }
  const slotsP95 = percentile(samples, 95);
  line("planner_free_slots_4_weeks_p50_ms", percentile(samples, 50));
  line("planner_free_slots_4_weeks_p95_ms", slotsP95);
  line("target_planner_free_slots_4_weeks_p95_ms", TARGET_SLOTS_P95_MS);
  line("planner_free_slots_target_met", slotsP95 <= TARGET_SLOTS_P95_MS ? "yes" : "no");
}
