import { sql } from "drizzle-orm";
import { WAITING_ROOM } from "@/server/calendar/waiting-room";
import { rootLogger } from "@/server/logger";
import { watchTopic } from "@/server/notify/live";
import { serverSentEvents } from "@/server/notify/sse";
import { availability } from "@/server/tenancy/registry";
import { tenantHandle, type TenantHandle } from "@/server/tenancy/tenant-db";
import { createContext } from "@/server/trpc/context";
import { displayByToken } from "./displays";

export interface BoardLine {
  /** The ticket number of the day, or the first name: never anything that identifies the visitor further. */
  label: string;
  state: "waiting" | "busy";
  agent: string;
  position: number | null;
}

/**
 * The lounge board: today's visitors still waiting or with their agent, each named only as the
 * display shows them. Tickets number the day's check-ins in their order, so a number never changes.
 */
export async function boardLines({ db, t }: Pick<TenantHandle, "db" | "t">, shows: string): Promise<BoardLine[]> {
  const rows = await db.execute<{
    ticket: number;
    first_name: string;
    state: string;
    agent: string;
    position: number | null;
  }>(sql`
    with today as (
      select g.id, g.state, g.waiting_since, e.user_id, p.first_name,
        row_number() over (order by g.waiting_since, g.id)::int as ticket
      from ${t.calendarGuests} g
      join ${t.calendarEntries} e on e.id = g.entry_id
      join ${t.partners} p on p.id = g.partner_id
      where (g.waiting_since at time zone 'Europe/Brussels')::date = (now() at time zone 'Europe/Brussels')::date
    )
    select ticket, first_name, state,
      coalesce((select trim(u.first_name || ' ' || u.last_name) from ${t.users} u where u.id = today.user_id), '') as agent,
      case when state = 'waiting' then (select count(*)::int from today w where w.state = 'waiting'
        and w.user_id is not distinct from today.user_id and (w.waiting_since, w.id) <= (today.waiting_since, today.id)) end as position
    from today where state in ('waiting', 'busy')
    order by state desc, waiting_since, id`);
  return rows.rows.map((r) => ({
    label: shows === "firstName" ? r.first_name : String(r.ticket),
    state: r.state as BoardLine["state"],
    agent: r.agent,
    position: r.position,
  }));
}

/**
 * `GET /api/reception/board?token=…`: the board's lines for a lounge screen, pushed as server-sent
 * events at once and whenever the centre's waiting room changes. The token signs in one display
 * of the host's centre only; a revoked token ends the stream at the next heartbeat.
 */
export async function boardResponse(req: Request): Promise<Response> {
  const refuse = (status: number) => new Response(null, { status, headers: { "cache-control": "no-store" } });
  // The centre is the host's, as for every request; the board needs no session.
  const { host, tenant } = await createContext({ req, claims: null });
  if (host.kind !== "tenant" || !tenant || availability(tenant) !== "served") return refuse(404);
  const handle = tenantHandle(tenant);
  const token = new URL(req.url).searchParams.get("token") ?? "";
  const display = await displayByToken(handle, token);
  if (!display) return refuse(404);
  return serverSentEvents({
    signal: req.signal,
    log: rootLogger.child({ route: "reception.board", tenantId: tenant.id, displayId: display.id }),
    event: "board",
    watch: (changed) => watchTopic(tenant, WAITING_ROOM, () => changed(null)),
    read: async () => ({ name: display.name, lines: await boardLines(handle, display.shows) }),
    stillAllowed: async () => (await displayByToken(handle, token))?.id === display.id,
  });
}
