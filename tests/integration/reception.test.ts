import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePools } from "@/server/db/pool";
import { boardResponse } from "@/server/reception/board";
import { waitingRoomResponse } from "@/server/reception/live";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient, newCoaching, newStaff } from "./factories";
import { appCodeOf, newCentre } from "./helpers";

afterAll(closePools);

let a: Tenant;
let b: Tenant;
beforeAll(async () => {
  a = await newCentre("reception-a", "production");
  b = await newCentre("reception-b", "production");
});

type Caller = Awaited<ReturnType<typeof newStaff>>["caller"];
const listState = { page: 1, pageSize: 50, sort: [], filters: {}, q: "" };
const rowsOf = async (caller: Caller, resource: string) =>
  (await caller.resources.list({ resource: resource as never, state: listState })).rows;
const createVisit = (caller: Caller, client: number, agent: number, reason = "Question") =>
  caller.resources.action({
    resource: "reception.clients",
    id: client,
    name: "createVisit",
    params: { user: agent, summary: reason },
  });
const step = async (caller: Caller, resource: string, id: number, name: string) => {
  const row = await caller.resources.get({ resource: resource as never, id });
  return caller.resources.transition({ resource: resource as never, id, version: row.__version as number, name });
};
const label = (v: unknown) => (v as { label: string }).label;

describe("a morning at the desk (domain-people §11)", () => {
  it("a clerk sends two visitors to an agent; the agent receives and sees them out; everything is audited", async () => {
    const clerk = await newStaff(a, "210");
    const agent = await newStaff(a, "100", { firstName: "Hubert", lastName: "Huppertz", language: "de" });
    const first = await newClient(a, { firstName: "Marie", lastName: "Dubois" });
    const second = await newClient(a, { firstName: "Jean", lastName: "Martin" });
    await newCoaching(a, first, agent.id);
    await newCoaching(a, second, agent.id);

    await createVisit(clerk.caller, first, agent.id, "Loyer");
    await createVisit(clerk.caller, second, agent.id, "Facture");
    const waiting = await rowsOf(clerk.caller, "reception.waiting");
    expect(waiting.map((r) => [label(r.partner), label(r.agent), r.position, r.reason, r.state])).toEqual([
      [expect.stringContaining("Dubois Marie"), "Hubert Huppertz", 1, "Loyer", "waiting"],
      [expect.stringContaining("Martin Jean"), "Hubert Huppertz", 2, "Facture", "waiting"],
    ]);
    // The agent is told, in their language, and sees them waiting for them.
    const unseen = await agent.caller.notify.unseen();
    expect(unseen.latest.map((m) => m.subject)).toContain("Dubois Marie wartet auf Hubert Huppertz");
    expect((await rowsOf(agent.caller, "reception.waitingForMe")).length).toBe(2);

    // Another agent may not receive someone else's visitor; the agent may; the clerk may see out anyone.
    const colleague = await newStaff(a, "400");
    const marie = Number(waiting[0]!.__id);
    expect(await appCodeOf(step(colleague.caller, "reception.waiting", marie, "receive"))).toBe("FORBIDDEN");
    await step(agent.caller, "reception.waiting", marie, "receive");
    // Received from the waiting list, the visitor stays open there (the stage is the list's filter).
    expect((await agent.caller.resources.get({ resource: "reception.waiting", id: marie })).state).toBe("busy");
    expect((await rowsOf(agent.caller, "reception.busyWithMe")).map((r) => label(r.partner))).toEqual([
      expect.stringContaining("Dubois Marie"),
    ]);
    // Marie is no longer in the queue: Jean moves up.
    expect((await rowsOf(agent.caller, "reception.waitingForMe")).map((r) => r.position)).toEqual([1]);
    await step(clerk.caller, "reception.busy", marie, "checkout");
    const gone = await rowsOf(agent.caller, "reception.myGone");
    expect(gone.map((r) => [label(r.partner), r.state])).toEqual([[expect.stringContaining("Dubois Marie"), "gone"]]);
    expect(gone[0]!.busySince).not.toBeNull();

    const h = tenantHandle(a);
    const audited = await h.db
      .select({ action: h.t.auditLog.action, entity: h.t.auditLog.entity })
      .from(h.t.auditLog)
      .where(eq(h.t.auditLog.entityId, String(marie)));
    expect(audited.filter((r) => r.entity === "calendar.guests").map((r) => r.action)).toEqual(
      expect.arrayContaining([
        "calendar.guests.create",
        "calendar.guests.transition.receive",
        "calendar.guests.transition.checkout",
      ]),
    );
  });

  it("checks in an expected appointment of today", async () => {
    const clerk = await newStaff(a, "210");
    const agent = await newStaff(a, "100");
    const client = await newClient(a, { firstName: "Anna", lastName: "Expected" });
    const h = tenantHandle(a);
    const [entry] = await h.db
      .insert(h.t.calendarEntries)
      .values({
        summary: "RDV",
        clientId: client,
        startDate: new Date().toLocaleDateString("en-CA", { timeZone: "Europe/Brussels" }),
        startTime: "10:00:00",
        userId: agent.id,
        state: "published",
      })
      .returning({ id: h.t.calendarEntries.id });
    const [guest] = await h.db
      .insert(h.t.calendarGuests)
      .values({ entryId: entry!.id, partnerId: client, state: "accepted" })
      .returning({ id: h.t.calendarGuests.id });
    expect((await rowsOf(clerk.caller, "reception.expected")).map((r) => Number(r.__id))).toContain(guest!.id);
    await step(clerk.caller, "reception.expected", guest!.id, "checkin");
    expect((await rowsOf(agent.caller, "reception.waitingForMe")).map((r) => Number(r.__id))).toEqual([guest!.id]);
    expect((await rowsOf(clerk.caller, "reception.expected")).map((r) => Number(r.__id))).not.toContain(guest!.id);
  });

  it("refuses a visit to an agent who neither coaches the client nor takes newcomers, and saves nothing", async () => {
    const clerk = await newStaff(a, "210");
    const stranger = await newStaff(a, "100");
    const client = await newClient(a, { lastName: "Refused" });
    const error = await createVisit(clerk.caller, client, stranger.id).catch((e: unknown) => e);
    expect(await appCodeOf(Promise.reject(error))).toBe("INVALID_INPUT");
    expect((error as { code?: string }).code).toBe("BAD_REQUEST");
    const h = tenantHandle(a);
    expect(await h.db.select().from(h.t.calendarEntries).where(eq(h.t.calendarEntries.clientId, client))).toEqual([]);
    // Without an agent at all: the parameter is required.
    expect(
      await appCodeOf(
        clerk.caller.resources.action({ resource: "reception.clients", id: client, name: "createVisit", params: {} }),
      ),
    ).toBe("BAD_REQUEST");
    // An agent who accepts newcomer consultations may be chosen.
    const consultant = await newStaff(a, "200", { newcomerConsultations: true });
    await createVisit(clerk.caller, client, consultant.id);
    expect((await rowsOf(consultant.caller, "reception.waitingForMe")).length).toBe(1);
  });

  it("lets each user type see the lists §11 gives it, and no centre reach another's visitors", async () => {
    const clerk = await newStaff(a, "210");
    expect(await appCodeOf(rowsOf(clerk.caller, "reception.waitingForMe"))).toBe("FORBIDDEN");
    const accountant = await newStaff(a, "500");
    expect(await appCodeOf(rowsOf(accountant.caller, "reception.expected"))).toBe("FORBIDDEN");
    expect(await appCodeOf(rowsOf(accountant.caller, "reception.waiting"))).toBe("resolved");
    // B's clerk sees none of A's visitors, cannot open one, cannot send A's client anywhere.
    const otherClerk = await newStaff(b, "210");
    expect(await rowsOf(otherClerk.caller, "reception.waiting")).toEqual([]);
    const anyVisitor = (await rowsOf(clerk.caller, "reception.gone"))[0]!;
    expect(
      await appCodeOf(otherClerk.caller.resources.get({ resource: "reception.gone", id: Number(anyVisitor.__id) })),
    ).toBe("NOT_FOUND");
    const client = await newClient(a, { lastName: "Elsewhere" });
    const agentOfB = await newStaff(b, "200", { newcomerConsultations: true });
    expect(await appCodeOf(createVisit(otherClerk.caller, client, agentOfB.id))).toBe("NOT_FOUND");
  });
});

/** Reads the waiting room's server-sent events one at a time. */
function eventsOf(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  return async function next(): Promise<{ forMe: boolean }> {
    for (;;) {
      const match = /event: changed\ndata: (.*)\n\n/.exec(buffer);
      if (match) {
        buffer = buffer.slice(match.index + match[0].length);
        return JSON.parse(match[1]!) as { forMe: boolean };
      }
      const { value, done } = await reader.read();
      if (done) throw new Error("stream ended");
      buffer += value;
    }
  };
}
const liveRequest = (tenant: Tenant, signal?: AbortSignal) =>
  new Request(`http://${tenant.slug}.localhost/api/reception/live`, {
    headers: { host: `${tenant.slug}.localhost` },
    signal,
  });

describe("the live waiting room (GET /api/reception/live)", () => {
  it("pushes a check-in to the centre's open views, never to another centre's", async () => {
    const agentA = await newStaff(a, "200", { newcomerConsultations: true });
    const clerkA = await newStaff(a, "210");
    const agentB = await newStaff(b, "200", { newcomerConsultations: true });
    const clerkB = await newStaff(b, "210");
    const stop = new AbortController();
    const onA = eventsOf(await waitingRoomResponse(liveRequest(a, stop.signal), agentA.claims));
    const clerkOnA = eventsOf(await waitingRoomResponse(liveRequest(a, stop.signal), clerkA.claims));
    const onB = eventsOf(await waitingRoomResponse(liveRequest(b, stop.signal), agentB.claims));
    // Each view first gets the state it catches up with.
    for (const next of [onA, clerkOnA, onB]) expect(await next()).toEqual({ forMe: false });

    await createVisit(clerkA.caller, await newClient(a, { lastName: "Live" }), agentA.id);
    expect(await onA()).toEqual({ forMe: true });
    expect(await clerkOnA()).toEqual({ forMe: false });
    // B's view heard nothing of A: the next thing it hears is B's own check-in.
    await createVisit(clerkB.caller, await newClient(b, { lastName: "Live" }), agentB.id);
    expect(await onB()).toEqual({ forMe: true });
    stop.abort();
  }, 30_000);

  it("refuses nobody signed in, a session of another centre, and a user type without the waiting room", async () => {
    const other = await newStaff(b, "100");
    expect((await waitingRoomResponse(liveRequest(a), null)).status).toBe(401);
    expect((await waitingRoomResponse(liveRequest(a), other.claims)).status).toBe(401);
    for (const userType of ["100", "210", "220", "500", "800", "900"] as const) {
      const { claims } = await newStaff(a, userType);
      const stop = new AbortController();
      const response = await waitingRoomResponse(liveRequest(a, stop.signal), claims);
      expect(response.status, userType).toBe(200);
      stop.abort();
    }
  });
});

/** Reads the board's server-sent events one at a time. */
function boardEventsOf(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  return async function next(): Promise<{ raw: string; lines: { label: string; state: string; agent: string }[] }> {
    for (;;) {
      const match = /event: board\ndata: (.*)\n\n/.exec(buffer);
      if (match) {
        buffer = buffer.slice(match.index + match[0].length);
        return { raw: match[1]!, ...(JSON.parse(match[1]!) as { lines: never[] }) };
      }
      const { value, done } = await reader.read();
      if (done) throw new Error("stream ended");
      buffer += value;
    }
  };
}
const boardRequest = (tenant: Tenant, token: string, signal?: AbortSignal) =>
  new Request(`http://${tenant.slug}.localhost/api/reception/board?token=${encodeURIComponent(token)}`, {
    headers: { host: `${tenant.slug}.localhost` },
    signal,
  });
/** A display made by the centre's administrator, and its token as the detail shows its address. */
async function newDisplay(tenant: Tenant, shows: "ticket" | "firstName") {
  const admin = await newStaff(tenant, "900");
  const { id } = await admin.caller.resources.create({
    resource: "reception.displays",
    values: { name: "Lounge", shows },
  });
  const row = await admin.caller.resources.get({ resource: "reception.displays", id: Number(id) });
  const token = new URL(String(row.boardUrl), "http://x").searchParams.get("token")!;
  return { admin, id: Number(id), token, version: row.__version as number };
}

describe("the public waiting-room board (GET /api/reception/board)", () => {
  it("shows today's visitors by ticket or first name only, never a national number, live", async () => {
    const niss = "85.07.30-033.61";
    const clerk = await newStaff(a, "210");
    const agent = await newStaff(a, "200", { newcomerConsultations: true, firstName: "Caroline", lastName: "Carnol" });
    const client = await newClient(a, { firstName: "Zoé", lastName: "Board", nationalId: "850730 033-61" });
    const byTicket = await newDisplay(a, "ticket");
    const byName = await newDisplay(a, "firstName");
    const stop = new AbortController();
    const tickets = boardEventsOf(await boardResponse(boardRequest(a, byTicket.token, stop.signal)));
    const names = boardEventsOf(await boardResponse(boardRequest(a, byName.token, stop.signal)));
    await tickets();
    await names();

    await createVisit(clerk.caller, client, agent.id, "Secret reason");
    const [ticketView, nameView] = [await tickets(), await names()];
    const mine = (v: { lines: { agent: string; label: string }[] }) =>
      v.lines.filter((l) => l.agent === "Caroline Carnol");
    expect(mine(nameView)).toEqual([{ label: "Zoé", state: "waiting", agent: "Caroline Carnol", position: 1 }]);
    expect(mine(ticketView)).toHaveLength(1);
    expect(mine(ticketView)[0]!.label).toMatch(/^\d+$/);
    for (const view of [ticketView, nameView]) {
      expect(view.raw).not.toContain("850730");
      expect(view.raw).not.toContain(niss.replace(/\D/g, ""));
      expect(view.raw).not.toContain("Board"); // the last name
      expect(view.raw).not.toContain("Secret reason");
    }
    stop.abort();
  }, 30_000);

  it("takes a token on its own centre only, and no longer once revoked", async () => {
    const display = await newDisplay(a, "ticket");
    expect((await boardResponse(boardRequest(b, display.token))).status).toBe(404);
    expect((await boardResponse(boardRequest(a, "x".repeat(43)))).status).toBe(404);
    const stop = new AbortController();
    expect((await boardResponse(boardRequest(a, display.token, stop.signal))).status).toBe(200);
    stop.abort();
    await display.admin.caller.resources.action({ resource: "reception.displays", id: display.id, name: "revoke" });
    expect((await boardResponse(boardRequest(a, display.token))).status).toBe(404);
  });

  it("lets only the centre's administrators see and make displays; the audit never holds a token", async () => {
    const display = await newDisplay(a, "ticket");
    for (const userType of ["100", "210", "800"] as const) {
      const { caller } = await newStaff(a, userType);
      expect(await appCodeOf(caller.resources.get({ resource: "reception.displays", id: display.id })), userType).toBe(
        "FORBIDDEN",
      );
    }
    const otherAdmin = await newStaff(b, "900");
    expect(await appCodeOf(otherAdmin.caller.resources.get({ resource: "reception.displays", id: display.id }))).toBe(
      "NOT_FOUND",
    );
    const h = tenantHandle(a);
    const audit = await h.db.select({ changes: h.t.auditLog.changes }).from(h.t.auditLog);
    expect(JSON.stringify(audit)).not.toContain(display.token);
  });
});
