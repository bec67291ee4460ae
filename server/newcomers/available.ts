import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { LocalizedText } from "@/db/control/schema";
import { belgianToday } from "@/lib/format";
import { ROLE_MATRIX } from "@/server/auth/user-types";
import { CLIENT_STATE } from "@/server/clients/choices";
import { coachingActive } from "@/server/coachings/sql";
import { AppError } from "@/server/errors";
import { localized, type Locale } from "@/server/i18n/locale";
import { qualified as q } from "@/server/resources/query";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { activeStaff, byStaffName } from "@/server/users/sql";
import { rank, type Candidate, type Workload } from "./scoring";

type Db = Pick<TenantHandle, "db" | "t">;

/** One row of "available coaches" (domain-people §9.1), with the columns Lino shows. */
export interface AvailableCoach extends Workload {
  id: number;
  name: string;
  /** Number of coachings the agent has (Lino's "primary clients": CoachingsByUser). */
  primaryClients: number;
  newClients: number;
  quota: number;
}

export interface AvailableCoaches {
  client: { id: number; faculty: { id: number; names: LocalizedText } } | null;
  since: string;
  coaches: AvailableCoach[];
}

/** One month before a day (Lino's `amonthago`): the default start of "new clients". */
export function aMonthBefore(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 2, 1));
  const last = new Date(Date.UTC(y, m - 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(d, last));
  return date.toISOString().slice(0, 10);
}

/** The newcomer whose coach is being chosen, with their faculty (which the scoring needs). */
export async function newcomerWithFaculty({ db, t }: Db, clientId: number, locale: Locale) {
  const p = t.partners;
  const [client] = await db
    .select({ id: p.id, state: p.clientState, facultyId: p.facultyId, names: t.faculties.names })
    .from(p)
    .leftJoin(t.faculties, eq(t.faculties.id, p.facultyId))
    .where(and(eq(p.id, clientId), eq(p.isClient, true)));
  if (!client) throw new AppError("NOT_FOUND");
  if (client.facultyId === null || !client.names) throw new AppError("NEWCOMER_WITHOUT_FACULTY");
  const faculty = { id: client.facultyId, names: client.names };
  return { id: client.id, state: client.state, faculty, facultyName: localized(faculty.names, locale) };
}

/**
 * Available coaches, least loaded first (domain-people §9.1): social workers with a newcomer quota,
 * and for a client only those competent for the client's faculty; "new clients" are the clients
 * coached today by the agent of whom a coaching started on or after `since` (a month ago by default).
 */
export async function availableCoaches(
  handle: Db,
  locale: Locale,
  opts: { clientId?: number; since?: string } = {},
): Promise<AvailableCoaches> {
  const { db, t } = handle;
  const today = belgianToday();
  const since = opts.since ?? aMonthBefore(today);
  const client = opts.clientId === undefined ? null : await newcomerWithFaculty(handle, opts.clientId, locale);
  const u = t.users;
  const competent = client
    ? sql`exists (select 1 from ${t.competences} where ${q(t.competences.userId)} = ${q(u.id)} and ${q(t.competences.facultyId)} = ${client.faculty.id})`
    : undefined;
  const agents = await db
    .select({
      id: u.id,
      name: sql<string>`trim(${u.firstName} || ' ' || ${u.lastName})`,
      quota: u.newcomerQuota,
      primaryClients: sql<number>`(select count(*)::int from ${t.coachings} where ${q(t.coachings.userId)} = ${q(u.id)})`,
    })
    .from(u)
    .where(
      and(
        activeStaff(t),
        // Lino's AvailableCoaches lists social workers only.
        inArray(u.userType, [...ROLE_MATRIX.SocialUser]),
        gt(u.newcomerQuota, 0),
        competent,
      ),
    )
    .orderBy(...byStaffName(u), u.id);
  if (agents.length === 0) {
    if (client) throw new AppError("NO_COACH_AVAILABLE", { faculty: client.facultyName });
    return { client: null, since, coaches: [] };
  }
  const ids = agents.map((a) => a.id);
  const [competences, newClients] = await Promise.all([
    db
      .select({ userId: t.competences.userId, facultyId: t.competences.facultyId, weight: t.competences.weight })
      .from(t.competences)
      .where(inArray(t.competences.userId, ids)),
    newClientsByFaculty(handle, ids, since, today),
  ]);
  const candidates = agents.map((a) => ({
    ...a,
    competences: new Map(competences.filter((c) => c.userId === a.id).map((c) => [c.facultyId, c.weight])),
    newClients: new Map(newClients.filter((n) => n.userId === a.id).map((n) => [n.facultyId, n.count])),
  })) satisfies Candidate[];
  const coaches = rank(candidates, client?.faculty.id ?? null).map(
    ({ competences: _c, newClients: counts, ...row }) => ({
      ...row,
      newClients: [...counts.values()].reduce((sum, n) => sum + n, 0),
    }),
  );
  return { client: client && { id: client.id, faculty: client.faculty }, since, coaches };
}

/**
 * How many new clients each agent has, per faculty: coached clients (not obsolete) whom the agent
 * coaches today, one of whose coachings started on or after `since`. Driven by the coachings of the
 * period (an index on their start): each such client is probed by key, then its coachings by client,
 * so the cost follows the month's new coachings, not every coaching of every agent.
 */
async function newClientsByFaculty({ db, t }: Db, userIds: number[], since: string, today: string) {
  const c = t.coachings;
  const p = t.partners;
  const rows = await db.execute<{ user_id: number; faculty_id: number | null; n: number }>(sql`
    select coach.user_id, ${q(p.facultyId)} as faculty_id, count(*)::int as n
    from ${p}
    cross join lateral (
      select distinct ${q(c.userId)} as user_id from ${c}
      where ${q(c.clientId)} = ${q(p.id)} and ${coachingActive(t, today, today)}
        and ${q(c.userId)} = any(${sql.param(userIds)}::int[])) coach
    where ${q(p.id)} = any(array(select ${q(c.clientId)} from ${c} where ${q(c.startDate)} >= ${since}))
      and ${q(p.isClient)} and ${q(p.clientState)} = ${CLIENT_STATE.coached} and not ${q(p.isObsolete)}
    group by 1, 2`);
  return rows.rows.map((r) => ({ userId: r.user_id, facultyId: r.faculty_id, count: r.n }));
}
