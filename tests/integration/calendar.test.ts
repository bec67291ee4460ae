import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { belgianToday } from "@/lib/format";
import { registry } from "@/server/areas";
import { rolesOf } from "@/server/auth/user-types";
import { myOverdueResource, todayResource } from "@/server/calendar/entries";
import { widgetRows } from "@/server/calendar/widgets";
import { closePools } from "@/server/db/pool";
import { listStateSchema } from "@/lib/resources";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient } from "./factories";
import { appCodeOf, callerOn, centreHost, newCentre, newUser } from "./helpers";

afterAll(closePools);

type Caller = Awaited<ReturnType<typeof callerOn>>;
type UserType = Parameters<typeof newUser>[1];

let eupen: Tenant;
let chatelet: Tenant;
let agent: Caller; // 100: plans appointments with their clients
let agentId: number;
let colleague: Caller; // 100 too
let colleagueId: number;
let reception: Caller; // 210: the reception (OfficeOperator), no appointments of its own
let staff: Caller; // 110: office staff
let foreign: Caller; // 900 of another centre
let client: number;
let otherClient: number;
let types: Map<string, number>;

const state = (over: Record<string, unknown> = {}) => ({
  page: 1,
  pageSize: 50,
  sort: [],
  filters: {},
  q: "",
  ...over,
});
const caller = async (tenant: Tenant, type: UserType) => {
  const { user, claims } = await newUser(tenant, type);
  return { user, caller: await callerOn(centreHost(tenant.slug), {}, claims) };
};
const today = belgianToday();
const plusDays = (days: number) => {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const plan = (c: Caller, values: Record<string, unknown>, resource = "calendar.entries") =>
  c.resources
    .create({ resource, values: { type: types.get("client"), startTime: "10:00", ...values } })
    .then((r) => Number(r.id));
const get = (c: Caller, id: number, resource = "calendar.entries") => c.resources.get({ resource, id });
const ids = async (c: Caller, resource: string, over: Record<string, unknown> = {}) =>
  (await c.resources.list({ resource, state: state(over) })).rows.map((r) => Number(r.__id));
const transition = async (c: Caller, resource: string, id: number, name: string) => {
  const row = await c.resources.get({ resource, id });
  return c.resources.transition({ resource, id, version: Number(row.__version), name, params: {} });
};
const guestsOf = async (entryId: number) => {
  const h = tenantHandle(eupen);
  return h.db.select().from(h.t.calendarGuests).where(eq(h.t.calendarGuests.entryId, entryId));
};
const messagesOf = async (userId: number) => {
  const h = tenantHandle(eupen);
  return h.db.select().from(h.t.notifyMessages).where(eq(h.t.notifyMessages.userId, userId));
};

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([
    newCentre("cal-eupen", "production"),
    newCentre("cal-chatelet", "production"),
  ]);
  const a = await caller(eupen, "100");
  agent = a.caller;
  agentId = a.user.id;
  const c = await caller(eupen, "100");
  colleague = c.caller;
  colleagueId = c.user.id;
  reception = (await caller(eupen, "210")).caller;
  staff = (await caller(eupen, "110")).caller;
  foreign = (await caller(chatelet, "900")).caller;
  client = await newClient(eupen, { firstName: "Marie", lastName: "Dubois", language: "fr" });
  otherClient = await newClient(eupen, { firstName: "Karl", lastName: "Kaivers", language: "de" });
  const h = tenantHandle(eupen);
  types = new Map(
    (await h.db.select({ id: h.t.entryTypes.id, ref: h.t.entryTypes.ref }).from(h.t.entryTypes)).map((r) => [
      r.ref!,
      r.id,
    ]),
  );
}, 120_000);

describe("reference data of every centre", () => {
  it("has Lino's entry types and guest roles in the four languages", async () => {
    const rows = (await agent.resources.list({ resource: "calendar.entryTypes", state: state() })).rows;
    expect(rows).toHaveLength(12);
    const evaluation = await get(agent, types.get("evaluation")!, "calendar.entryTypes");
    expect(evaluation.name).toEqual({ fr: "Évaluation", nl: "Evaluatie", de: "Auswertung", en: "Evaluation" });
    expect(evaluation).toMatchObject({ maxConflicting: 4, inviteClient: true });
    const holidays = await get(agent, types.get("holidays")!, "calendar.entryTypes");
    expect(holidays).toMatchObject({ allRooms: true, isAppointment: false });
    const roles = (await agent.resources.list({ resource: "calendar.guestRoles", state: state() })).rows;
    expect(roles.map((r) => (r.name as { en: string }).en).sort()).toEqual([
      "Chairman",
      "Colleague",
      "Reporter",
      "Visitor",
    ]);
  });

  it("is configured by office staff only", async () => {
    expect(
      await appCodeOf(agent.resources.create({ resource: "calendar.rooms", values: { name: { fr: "Salle" } } })),
    ).toBe("FORBIDDEN");
    expect(
      await appCodeOf(staff.resources.create({ resource: "calendar.rooms", values: { name: { fr: "Salle" } } })),
    ).toBe("resolved");
  });
});

describe("calendar entries", () => {
  it("an appointment with a client is managed by its author, belongs to the client, invites the client, audited", async () => {
    const id = await plan(agent, { startDate: plusDays(1), summary: "Suivi", client });
    const entry = await get(agent, id);
    expect(entry).toMatchObject({
      state: "draft",
      startTime: "10:00",
      summary: "Suivi",
      ownerType: "client",
      ownerId: client,
    });
    expect((entry.user as { id: number }).id).toBe(agentId);
    const [guest] = await guestsOf(id);
    expect(guest).toMatchObject({ partnerId: client, state: "accepted" });
    const h = tenantHandle(eupen);
    const audit = await h.db
      .select()
      .from(h.t.auditLog)
      .where(and(eq(h.t.auditLog.entity, "calendar.entries"), eq(h.t.auditLog.entityId, String(id))));
    expect(audit.map((a) => a.action)).toContain("calendar.entries.create");
  });

  it("a type of one day keeps no end date; an entry longer than its type allows is refused, nothing saved", async () => {
    const id = await plan(agent, { startDate: plusDays(2), summary: "Un jour" });
    const row = await get(agent, id);
    await agent.resources.update({
      resource: "calendar.entries",
      id,
      version: Number(row.__version),
      patch: { endDate: plusDays(5) },
    });
    expect((await get(agent, id)).endDate).toBeNull();
    // Meetings allow one day; an absence any number; a type limited to 3 days refuses a fourth.
    await staff.resources.update({
      resource: "calendar.entryTypes",
      id: types.get("meeting")!,
      version: Number((await get(staff, types.get("meeting")!, "calendar.entryTypes")).__version),
      patch: { maxDays: 3 },
    });
    const before = (await ids(staff, "calendar.entries")).length;
    expect(
      await appCodeOf(
        plan(agent, { type: types.get("meeting"), startDate: plusDays(1), endDate: plusDays(4), summary: "Trop long" }),
      ),
    ).toBe("ENTRY_TOO_LONG");
    expect((await ids(staff, "calendar.entries")).length).toBe(before);
    const absence = await plan(agent, { type: types.get("absences"), startDate: plusDays(1), endDate: plusDays(20) });
    expect((await get(agent, absence)).endDate).toBe(plusDays(20));
  });

  it("a manual edit of a suggested entry makes it a draft (user-modified)", async () => {
    const h = tenantHandle(eupen);
    const [row] = await h.db
      .insert(h.t.calendarEntries)
      .values({
        typeId: types.get("evaluation")!,
        summary: "Évaluation 1",
        startDate: plusDays(7),
        userId: agentId,
        state: "suggested",
        ownerType: "client",
        ownerId: client,
        clientId: client,
        autoType: 1,
      })
      .returning({ id: h.t.calendarEntries.id });
    const entry = await get(agent, row!.id);
    expect(entry.state).toBe("suggested");
    await agent.resources.update({
      resource: "calendar.entries",
      id: row!.id,
      version: Number(entry.__version),
      patch: { startTime: "14:00" },
    });
    expect((await get(agent, row!.id)).state).toBe("draft");
  });

  it("publish, close (only once the day has come, checking out the guests still there), cancel (leaves its series), reset", async () => {
    const future = await plan(agent, { startDate: plusDays(3), summary: "Demain", client });
    await transition(agent, "calendar.entries", future, "publish");
    expect((await get(agent, future)).state).toBe("published");
    expect(await appCodeOf(transition(agent, "calendar.entries", future, "close"))).toBe("TRANSITION_NOT_ALLOWED");

    const past = await plan(agent, { startDate: plusDays(-1), summary: "Hier", client, startTime: "09:00" });
    const h = tenantHandle(eupen);
    const [waiting] = await h.db
      .insert(h.t.calendarGuests)
      .values({ entryId: past, partnerId: otherClient, state: "waiting" })
      .returning({ id: h.t.calendarGuests.id });
    await transition(agent, "calendar.entries", past, "close");
    const closed = await get(agent, past);
    expect(closed.state).toBe("tookPlace");
    expect(closed.endTime).toMatch(/^\d\d:\d\d$/);
    const guest = await get(agent, waiting!.id, "calendar.guests");
    expect(guest.state).toBe("gone");
    expect(guest.goneSince).not.toBeNull();
    // The client (accepted) was not there to check out: it stays as it was.
    expect((await guestsOf(past)).find((g) => g.partnerId === client)!.state).toBe("accepted");
    await transition(agent, "calendar.entries", past, "reset");
    expect((await get(agent, past)).state).toBe("draft");

    const [generated] = await h.db
      .insert(h.t.calendarEntries)
      .values({
        typeId: types.get("evaluation")!,
        summary: "Évaluation 2",
        startDate: plusDays(30),
        userId: agentId,
        state: "suggested",
        autoType: 2,
      })
      .returning({ id: h.t.calendarEntries.id });
    await transition(agent, "calendar.entries", generated!.id, "cancel");
    expect(await get(agent, generated!.id)).toMatchObject({ state: "cancelled", autoType: null });
  });
});

describe("guests and their presence", () => {
  it("accept and reject only on a published entry, telling the entry's user", async () => {
    const id = await plan(agent, { type: types.get("meeting"), startDate: plusDays(2), summary: "Réunion" });
    const h = tenantHandle(eupen);
    const [guest] = await h.db
      .insert(h.t.calendarGuests)
      .values({ entryId: id, partnerId: otherClient })
      .returning({ id: h.t.calendarGuests.id });
    expect(await appCodeOf(transition(colleague, "calendar.guests", guest!.id, "accept"))).toBe(
      "TRANSITION_NOT_ALLOWED",
    );
    await transition(agent, "calendar.entries", id, "publish");
    await transition(colleague, "calendar.guests", guest!.id, "accept");
    expect((await get(agent, guest!.id, "calendar.guests")).state).toBe("accepted");
    expect(
      (await messagesOf(agentId)).some((m) => m.subject.includes("KAIVERS") || m.subject.includes("Kaivers")),
    ).toBe(true);
  });

  it("check-in by the reception: the guest waits, an assigned entry passes to its colleague, who is told", async () => {
    const id = await plan(agent, { startDate: today, summary: "Accueil", client, assignedTo: colleagueId });
    const [guest] = await guestsOf(id);
    await transition(reception, "calendar.guests", guest!.id, "checkin");
    const waiting = await get(agent, guest!.id, "calendar.guests");
    expect(waiting.state).toBe("waiting");
    expect(waiting.waitingSince).not.toBeNull();
    const entry = await get(agent, id);
    expect((entry.user as { id: number }).id).toBe(colleagueId);
    expect(entry.assignedTo).toBeNull();
    const told = await messagesOf(colleagueId);
    expect(told.some((m) => m.messageType === "reception" && /Dubois|DUBOIS/.test(m.subject))).toBe(true);
  });

  it("receive and checkout: on one's own entry or by the reception, never on a colleague's", async () => {
    const id = await plan(agent, { startDate: today, summary: "Consultation", client, startTime: "" });
    const [guest] = await guestsOf(id);
    await transition(reception, "calendar.guests", guest!.id, "checkin");
    expect(await appCodeOf(transition(colleague, "calendar.guests", guest!.id, "receive"))).toBe("FORBIDDEN");
    expect((await get(agent, guest!.id, "calendar.guests")).state).toBe("waiting");
    await transition(agent, "calendar.guests", guest!.id, "receive");
    const entry = await get(agent, id);
    expect(entry.startTime).toMatch(/^\d\d:\d\d$/);
    expect(await appCodeOf(transition(colleague, "calendar.guests", guest!.id, "checkout"))).toBe("FORBIDDEN");
    await transition(reception, "calendar.guests", guest!.id, "checkout");
    const gone = await get(agent, guest!.id, "calendar.guests");
    expect(gone.state).toBe("gone");
    expect(gone.busySince).not.toBeNull();
    expect((await get(agent, id)).endTime).toMatch(/^\d\d:\d\d$/);
  });

  it("present only once the entry took place", async () => {
    const id = await plan(agent, { startDate: plusDays(-2), summary: "Passé", client });
    const [guest] = await guestsOf(id);
    expect(await appCodeOf(transition(agent, "calendar.guests", guest!.id, "present"))).toBe("TRANSITION_NOT_ALLOWED");
    await transition(agent, "calendar.entries", id, "close");
    await transition(agent, "calendar.guests", guest!.id, "present");
    expect((await get(agent, guest!.id, "calendar.guests")).state).toBe("present");
  });
});

describe("the lists people start their day with (§10.6)", () => {
  it("my appointments, today's, my unconfirmed and my overdue ones are the right ones, each user's own", async () => {
    const mine = await plan(agent, { startDate: plusDays(1), summary: "Le mien", client });
    const theirs = await plan(colleague, { startDate: plusDays(1), summary: "Le sien", client });
    const todays = await plan(colleague, { startDate: today, summary: "Aujourd'hui" });
    const overdue = await plan(agent, { startDate: plusDays(-3), summary: "Oublié" });
    const absence = await plan(agent, { type: types.get("holidays"), startDate: plusDays(1), summary: "Congé" });
    const myAppointments = await ids(agent, "calendar.myAppointments");
    expect(myAppointments).toContain(mine);
    expect(myAppointments).not.toContain(theirs);
    expect(myAppointments).not.toContain(overdue);
    expect(myAppointments).not.toContain(absence); // not an appointment type
    const todayIds = await ids(reception, "calendar.today");
    expect(todayIds).toContain(todays);
    expect(todayIds).not.toContain(mine);
    expect(await ids(agent, "calendar.myUnconfirmed")).toEqual(expect.arrayContaining([mine, overdue]));
    expect(await ids(agent, "calendar.myOverdue")).toContain(overdue);
    expect(await ids(agent, "calendar.myOverdue")).not.toContain(mine);
    expect(await ids(colleague, "calendar.myOverdue")).not.toContain(overdue);
    expect(await ids(staff, "calendar.overdue")).toContain(overdue);
  });

  it("the client's calendar holds its entries and those it is a guest of; its tasks are beside them", async () => {
    const own = await plan(agent, { startDate: plusDays(4), summary: "Le sien", client: otherClient });
    const meeting = await plan(agent, { type: types.get("meeting"), startDate: plusDays(4), summary: "Réunion" });
    await agent.resources.create({ resource: "calendar.guests", values: { entry: meeting, partner: otherClient } });
    const unrelated = await plan(agent, { startDate: plusDays(4), summary: "Autre", client });
    const onClient = await ids(agent, "calendar.byClient", { master: { field: "client", value: otherClient } });
    expect(onClient).toEqual(expect.arrayContaining([own, meeting]));
    expect(onClient).not.toContain(unrelated);
    // Only on the client's detail.
    expect(await appCodeOf(agent.resources.list({ resource: "calendar.byClient", state: state() }))).toBe("FORBIDDEN");
    // A new entry there is the client's.
    const created = await agent.resources.create({
      resource: "calendar.byClient",
      values: { type: types.get("client"), startDate: plusDays(5), client: otherClient, summary: "Depuis le dossier" },
    });
    expect((await get(agent, Number(created.id))).ownerId).toBe(otherClient);
  });

  it("my guests are the guests of my entries from today on", async () => {
    const id = await plan(agent, { startDate: plusDays(1), summary: "Invités", client });
    const [guest] = await guestsOf(id);
    expect(await ids(agent, "calendar.myGuests")).toContain(guest!.id);
    expect(await ids(colleague, "calendar.myGuests")).not.toContain(guest!.id);
  });

  it("the dashboard shows my appointments of today and my overdue ones", async () => {
    const { user } = await newUser(eupen, "100");
    const ctx = {
      handle: tenantHandle(eupen),
      user: { ...user, roles: rolesOf("100") } as never,
      locale: "fr" as const,
      registry,
    };
    const h = tenantHandle(eupen);
    await h.db.insert(h.t.calendarEntries).values([
      { typeId: types.get("client")!, summary: "Ce matin", startDate: today, startTime: "08:30:00", userId: user.id },
      { typeId: types.get("client")!, summary: "La semaine passée", startDate: plusDays(-7), userId: user.id },
    ]);
    const todayRows = await widgetRows(ctx, todayResource, listStateSchema.parse({ filters: { user: user.id } }));
    expect(todayRows.rows.map((r) => [r.time, r.summary])).toEqual([["08:30", "Ce matin"]]);
    const overdueRows = await widgetRows(ctx, myOverdueResource, listStateSchema.parse({}));
    expect(overdueRows.rows.map((r) => r.summary)).toEqual(["La semaine passée"]);
  });
});

describe("merging two clients", () => {
  it("moves the duplicate's entries and presences to the kept client; a presence both had at one entry goes", async () => {
    const admin = (await caller(eupen, "900")).caller;
    const kept = await newClient(eupen, { firstName: "Paula", lastName: "Pirard" });
    const dup = await newClient(eupen, { firstName: "Paula", lastName: "Pirard" });
    const own = await plan(agent, { startDate: plusDays(6), summary: "Du doublon", client: dup });
    const meeting = await plan(agent, { type: types.get("meeting"), startDate: plusDays(6), summary: "Réunion" });
    for (const partner of [kept, dup])
      await agent.resources.create({ resource: "calendar.guests", values: { entry: meeting, partner } });
    const version = Number((await admin.resources.get({ resource: "clients.clients", id: kept })).__version);
    await admin.resources.action({
      resource: "clients.clients",
      id: kept,
      name: "mergeInto",
      params: { merged: dup, reason: "" },
      version,
    });
    expect(await get(agent, own)).toMatchObject({ ownerId: kept, client: { id: kept } });
    expect((await guestsOf(own)).map((g) => g.partnerId)).toEqual([kept]);
    expect((await guestsOf(meeting)).map((g) => g.partnerId)).toEqual([kept]);
  });
});

describe("another centre's calendar is out of reach", () => {
  it("entries and guests of Eupen are neither listed, read nor moved from Châtelet", async () => {
    const id = await plan(agent, { startDate: plusDays(1), summary: "Secret", client });
    const [guest] = await guestsOf(id);
    expect(await ids(foreign, "calendar.entries")).not.toContain(id);
    expect(await ids(foreign, "calendar.today")).not.toContain(id);
    expect(await appCodeOf(foreign.resources.get({ resource: "calendar.entries", id }))).toBe("NOT_FOUND");
    expect(await appCodeOf(foreign.resources.get({ resource: "calendar.guests", id: guest!.id }))).toBe("NOT_FOUND");
    expect(
      await appCodeOf(
        foreign.resources.transition({ resource: "calendar.entries", id, version: 1, name: "cancel", params: {} }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await appCodeOf(
        foreign.resources.transition({
          resource: "calendar.guests",
          id: guest!.id,
          version: 1,
          name: "checkin",
          params: {},
        }),
      ),
    ).toBe("NOT_FOUND");
    expect((await get(agent, id)).state).toBe("draft");
    expect((await guestsOf(id))[0]!.state).toBe("accepted");
  });
});
