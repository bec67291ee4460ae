import { sql } from "drizzle-orm";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { clientNameOf } from "@/server/clients/sql";
import { CONTRACT_KINDS } from "@/server/isip/base";
import { qualified as q } from "@/server/resources/query";

/**
 * The integration agents' dashboard data (issue 17 item 9): their contracts ending soon and their
 * evaluation meetings this week, over every contract kind. Plain functions, so that tests call them.
 */

/** How many rows a widget shows. */
export const SHOWN = 10;

export interface EndingContract {
  kind: string;
  label: string;
  resource: string;
  id: number;
  client: string;
  ends: string;
}

/**
 * The user's contracts (as author) whose effective end (else planned end) falls between `today` and a
 * month later, soonest first: the month of the "Contract ends in a month" reminder (§2.3).
 */
export async function myContractsEndingSoon(
  { db, t }: Pick<TenantHandle, "db" | "t">,
  userId: number,
  today: string,
): Promise<{ rows: EndingContract[]; total: number }> {
  const parts = CONTRACT_KINDS.map((k) => {
    const c = k.contracts(t);
    return sql`select ${k.kind}::text as kind, ${q(c.id)} as id, ${clientNameOf(t, q(c.clientId))} as client,
      coalesce(${q(c.dateEnded)}, ${q(c.appliesUntil)})::text as ends
      from ${c} where ${q(c.userId)} = ${userId}
      and coalesce(${q(c.dateEnded)}, ${q(c.appliesUntil)}) between ${today}::date and (${today}::date + interval '1 month')::date`;
  });
  const result = await db.execute<{ kind: string; id: number; client: string; ends: string; total: number }>(
    sql`select x.*, count(*) over ()::int as total from (${sql.join(parts, sql` union all `)}) x order by x.ends, x.kind, x.id limit ${SHOWN}`,
  );
  return {
    total: Number(result.rows[0]?.total ?? 0),
    rows: result.rows.map((r) => {
      const kind = CONTRACT_KINDS.find((k) => k.kind === r.kind)!;
      return {
        kind: r.kind,
        label: kind.label,
        resource: kind.resource,
        id: Number(r.id),
        client: String(r.client),
        ends: String(r.ends),
      };
    }),
  };
}

export interface Evaluation {
  id: number;
  date: string;
  time: string;
  summary: string;
  client: string;
}

/** The Monday of `today`'s week and the Sunday after it. */
export function weekOf(today: string): { from: string; to: string } {
  const d = new Date(`${today}T00:00:00Z`);
  const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  return { from: monday.toISOString().slice(0, 10), to: sunday.toISOString().slice(0, 10) };
}

/** The evaluation meetings of contracts of any kind the user manages this week (Monday to Sunday), cancelled ones aside. */
export async function myEvaluationsThisWeek(
  { db, t }: Pick<TenantHandle, "db" | "t">,
  userId: number,
  today: string,
): Promise<{ rows: Evaluation[]; total: number }> {
  const { from, to } = weekOf(today);
  const e = t.calendarEntries;
  const owners = CONTRACT_KINDS.map((k) => sql`${k.ownerType}`);
  const result = await db.execute<{
    id: number;
    date: string;
    time: string | null;
    summary: string;
    client: string | null;
    total: number;
  }>(sql`select ${q(e.id)} as id, ${q(e.startDate)}::text as date, to_char(${q(e.startTime)}, 'HH24:MI') as time,
      ${q(e.summary)} as summary, ${clientNameOf(t, q(e.clientId))} as client, count(*) over ()::int as total
    from ${e} where ${q(e.userId)} = ${userId} and ${q(e.ownerType)} in (${sql.join(owners, sql`, `)})
      and ${q(e.startDate)} between ${from} and ${to} and ${q(e.state)} <> 'cancelled'
    order by ${q(e.startDate)}, ${q(e.startTime)} nulls first, ${q(e.id)} limit ${SHOWN}`);
  return {
    total: Number(result.rows[0]?.total ?? 0),
    rows: result.rows.map((r) => ({
      id: Number(r.id),
      date: String(r.date),
      time: r.time ?? "",
      summary: r.summary,
      client: r.client ?? "",
    })),
  };
}
