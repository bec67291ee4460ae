import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { belgianToday, brusselsWallClock, pickLocalized } from "@/lib/format";
import { busyIntervals, type BusyInterval } from "@/server/calendar/busy";
import { CLIENT_STATE } from "@/server/clients/choices";
import type { ResourceCtx } from "@/server/resources/define";
import { qualified as q } from "@/server/resources/query";
import { activeStaff, byStaffName } from "@/server/users/sql";

/** An agent's state at the desk today: away (an absence or a holiday now), with a visitor, or free. */
export type AgentState = "absent" | "busy" | "free";

export interface AgentByClient {
  id: number;
  name: string;
  /** The coaching's type, or the agent's own coaching type for a client without a coach. */
  coachingType: string;
  /** "Visit" is offered: a coach of the client, or an agent who accepts newcomer consultations. */
  visit: boolean;
  /** "Find date" is offered: a coach of the client, or an agent who accepts newcomer appointments. */
  findDate: boolean;
  state: AgentState;
  /** Visitors waiting for this agent now. */
  waiting: number;
}

export interface AgentsByClientPanel {
  clientId: number;
  agents: AgentByClient[];
}

/** Whether an interval of busy time covers this moment (`day` and `time` on the Brussels wall clock). */
const covers = (b: BusyInterval, day: string, time: string) =>
  b.startDate <= day &&
  b.endDate >= day &&
  (b.startTime === null || b.startDate < day || b.startTime.slice(0, 5) <= time) &&
  (b.endTime === null || b.endDate > day || b.endTime.slice(0, 5) > time);

/**
 * "Agents by client" ("Create appointment with", domain-people §11): for a coached client one row
 * per open coaching (by start date) with Visit and Find date; for any other client the agents who
 * accept newcomer consultations (Visit) or appointments (Find date). Each agent with their state
 * today (absent, busy with a visitor, free) and how many visitors wait for them.
 */
export async function agentsByClient(ctx: ResourceCtx, clientId: number): Promise<AgentsByClientPanel> {
  const { db, t } = ctx.handle;
  const today = belgianToday();
  const [client] = await db
    .select({ state: t.partners.clientState })
    .from(t.partners)
    .where(eq(t.partners.id, clientId));
  const name = sql<string>`trim(${q(t.users.firstName)} || ' ' || ${q(t.users.lastName)})`;
  const typeName = (id: ReturnType<typeof q>) =>
    sql<Record<
      string,
      string
    > | null>`(select ${t.coachingTypes.names} from ${t.coachingTypes} where ${t.coachingTypes.id} = ${id})`;
  let rows: Omit<AgentByClient, "state" | "waiting">[];
  if (client?.state === CLIENT_STATE.coached) {
    const coachings = await db
      .select({ id: t.users.id, name, type: typeName(q(t.coachings.coachingTypeId)) })
      .from(t.coachings)
      .innerJoin(t.users, eq(t.users.id, t.coachings.userId))
      .where(
        and(
          eq(t.coachings.clientId, clientId),
          sql`${t.coachings.startDate} <= ${today}`,
          or(isNull(t.coachings.endDate), sql`${t.coachings.endDate} >= ${today}`),
          activeStaff(t),
        ),
      )
      .orderBy(asc(t.coachings.startDate), asc(t.coachings.id));
    const seen = new Set<number>();
    rows = coachings
      .filter((c) => !seen.has(c.id) && seen.add(c.id))
      .map((c) => ({
        id: c.id,
        name: c.name,
        coachingType: pickLocalized(c.type ?? {}, ctx.locale),
        visit: true,
        findDate: true,
      }));
  } else {
    const agents = await db
      .select({
        id: t.users.id,
        name,
        type: typeName(q(t.users.coachingTypeId)),
        consultations: t.users.newcomerConsultations,
        appointments: t.users.newcomerAppointments,
      })
      .from(t.users)
      .where(and(activeStaff(t), or(eq(t.users.newcomerConsultations, true), eq(t.users.newcomerAppointments, true))))
      .orderBy(...byStaffName(t.users));
    rows = agents.map((a) => ({
      id: a.id,
      name: a.name,
      coachingType: pickLocalized(a.type ?? {}, ctx.locale),
      visit: a.consultations,
      findDate: a.appointments,
    }));
  }
  const ids = rows.map((r) => r.id);
  if (!ids.length) return { clientId, agents: [] };
  const now = brusselsWallClock(new Date());
  const time = now.toISOString().slice(11, 16);
  const busy = await busyIntervals(db, t, ids, today, today);
  const visitors = await db
    .select({
      userId: t.calendarEntries.userId,
      busy: sql<number>`count(*) filter (where ${t.calendarGuests.state} = 'busy')::int`,
      waiting: sql<number>`count(*) filter (where ${t.calendarGuests.state} = 'waiting')::int`,
    })
    .from(t.calendarGuests)
    .innerJoin(t.calendarEntries, eq(t.calendarEntries.id, t.calendarGuests.entryId))
    .where(and(inArray(t.calendarEntries.userId, ids), inArray(t.calendarGuests.state, ["busy", "waiting"])))
    .groupBy(t.calendarEntries.userId);
  const byAgent = new Map(visitors.map((v) => [v.userId, v]));
  return {
    clientId,
    agents: rows.map((r) => {
      const away = (busy.get(r.id) ?? []).some((b) => b.kind !== "entry" && covers(b, today, time));
      const seen = byAgent.get(r.id);
      return {
        ...r,
        state: away ? "absent" : seen?.busy ? "busy" : "free",
        waiting: seen?.waiting ?? 0,
      };
    }),
  };
}
