// The planners and finding a date (issue 15 §4–5): the range query of the planner pages, moving an
// entry from a planner, the free slots proposed for a client and booking one, per user type and
// never across centres.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { belgianToday } from "@/lib/format";
import { hasRole, USER_TYPES } from "@/server/auth/user-types";
import { closePools } from "@/server/db/pool";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient, newCoaching } from "./factories";
import { appCodeOf, callerOn, centreHost, newCentre, newUser } from "./helpers";

afterAll(closePools);

type Caller = Awaited<ReturnType<typeof callerOn>>;
type UserType = Parameters<typeof newUser>[1];

let eupen: Tenant;
let chatelet: Tenant;
let agent: Caller;
let agentId: number;
let colleague: Caller;
let colleagueId: number;
let reception: Caller;
let foreign: Caller; // an administrator of Châtelet
let foreignAgentId: number;
let client: number;
let types: Map<string, number>;

const caller = async (tenant: Tenant, type: UserType) => {
  const { user, claims } = await newUser(tenant, type);
  return { id: user.id, caller: await callerOn(centreHost(tenant.slug), {}, claims) };
};

/** The next Monday at least a week away, and the days after it: a working week with nothing planned yet. */
const day = (() => {
  const d = new Date(`${belgianToday()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 7 + ((8 - d.getUTCDay()) % 7));
  const monday = d.toISOString().slice(0, 10);
  return (n: number) => {
    const x = new Date(`${monday}T12:00:00Z`);
    x.setUTCDate(x.getUTCDate() + n);
    return x.toISOString().slice(0, 10);
  };
})();

async function entry(
  tenant: Tenant,
  values: Partial<ReturnType<typeof tenantHandle>["t"]["calendarEntries"]["$inferInsert"]>,
) {
  const h = tenantHandle(tenant);
  const [row] = await h.db
    .insert(h.t.calendarEntries)
    .values({ startDate: day(0), startTime: "10:00", endTime: "11:00", state: "published", ...values })
    .returning({ id: h.t.calendarEntries.id });
  return row!.id;
}

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("pln-eupen", "production"), newCentre("pln-chat", "production")]);
  ({ id: agentId, caller: agent } = await caller(eupen, "100"));
  ({ id: colleagueId, caller: colleague } = await caller(eupen, "100"));
  reception = (await caller(eupen, "210")).caller;
  foreign = (await caller(chatelet, "900")).caller;
  foreignAgentId = (await caller(chatelet, "100")).id;
  client = await newClient(eupen, { firstName: "Marie", lastName: "Dubois" });
  await newCoaching(eupen, client, agentId);
  const h = tenantHandle(eupen);
  types = new Map(
    (await h.db.select({ id: h.t.entryTypes.id, ref: h.t.entryTypes.ref }).from(h.t.entryTypes)).map((r) => [
      r.ref!,
      r.id,
    ]),
  );
}, 120_000);

describe("the planner's range query", () => {
  it("shows the agents' entries of the range, and a colleague's private entry only as busy", async () => {
    const mine = await entry(eupen, {
      userId: agentId,
      typeId: types.get("client"),
      clientId: client,
      summary: "Bilan",
    });
    const secret = await entry(eupen, { userId: colleagueId, typeId: types.get("private"), summary: "Dentist" });
    const later = await entry(eupen, { userId: agentId, startDate: day(20), summary: "Later" });
    const rows = await agent.calendar.range({ from: day(0), to: day(6), users: [agentId, colleagueId] });
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining([mine, secret]));
    expect(rows.map((r) => r.id)).not.toContain(later);
    expect(rows.find((r) => r.id === mine)).toMatchObject({ summary: "Bilan", busyOnly: false, editable: true });
    expect(rows.find((r) => r.id === mine)!.clientName).toContain("DUBOIS");
    expect(rows.find((r) => r.id === secret)).toMatchObject({
      summary: "",
      type: null,
      busyOnly: true,
      editable: false,
    });
    // The colleague sees his own private entry in full.
    const own = await colleague.calendar.range({ from: day(0), to: day(6), users: [colleagueId] });
    expect(own.find((r) => r.id === secret)).toMatchObject({ summary: "Dentist", busyOnly: false });
  });

  it("shows an absence of several days that began before the range, and the holidays", async () => {
    const absence = await entry(eupen, {
      userId: colleagueId,
      typeId: types.get("absences"),
      startDate: day(-3),
      endDate: day(1),
      startTime: null,
      endTime: null,
    });
    const holiday = await entry(eupen, {
      typeId: types.get("holidays"),
      startDate: day(2),
      startTime: null,
      endTime: null,
    });
    const rows = await agent.calendar.range({ from: day(0), to: day(6), users: [colleagueId] });
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining([absence, holiday]));
    expect(rows.find((r) => r.id === holiday)).toMatchObject({ allRooms: true, editable: false });
  });

  it("never shows another centre's entries, whatever ids are asked", async () => {
    await entry(chatelet, { userId: foreignAgentId, summary: "Châtelet only" });
    const rows = await agent.calendar.range({
      from: day(0),
      to: day(6),
      users: [foreignAgentId, agentId, colleagueId],
    });
    expect(rows.map((r) => r.summary)).not.toContain("Châtelet only");
    // Châtelet's administrator asking for Eupen's agents sees only Châtelet's schema.
    const there = await foreign.calendar.range({ from: day(0), to: day(6), users: [agentId, colleagueId] });
    expect(there.map((r) => r.summary)).not.toContain("Bilan");
    const ch = tenantHandle(chatelet);
    const theirs = (await ch.db.select({ id: ch.t.calendarEntries.id }).from(ch.t.calendarEntries)).map((r) => r.id);
    for (const row of there) expect(theirs).toContain(row.id);
    // Eupen's session is worthless on Châtelet's host.
    const { claims } = await newUser(eupen, "100");
    const wrongHost = await callerOn(centreHost(chatelet.slug), {}, claims);
    expect(await appCodeOf(wrongHost.calendar.range({ from: day(0), to: day(6), users: [] }))).toBe("UNAUTHORIZED");
  });

  it("refuses a range over six weeks or backwards with a 400", async () => {
    expect(await appCodeOf(agent.calendar.range({ from: day(0), to: day(60), users: [agentId] }))).toBe("BAD_REQUEST");
    expect(await appCodeOf(agent.calendar.range({ from: day(3), to: day(0), users: [agentId] }))).toBe("BAD_REQUEST");
  });

  it("is for the user types that plan (OfficeUser or OfficeOperator), and refused to the others", async () => {
    for (const type of USER_TYPES) {
      if (type === "000") continue;
      const { caller: c } = await caller(eupen, type);
      const expected = hasRole(type, "OfficeUser") || hasRole(type, "OfficeOperator") ? "resolved" : "FORBIDDEN";
      expect(await appCodeOf(c.calendar.range({ from: day(0), to: day(6), users: [agentId] })), type).toBe(expected);
      expect(await appCodeOf(c.calendar.options()), type).toBe(expected);
      expect(
        await appCodeOf(c.calendar.findSlots({ client, type: types.get("client")!, weeks: 1, limit: 1 })),
        type,
      ).toBe(expected);
    }
  });
});

describe("moving an entry from the planner", () => {
  it("moves the agent's own entry to the next day, audited, and refuses the stale version", async () => {
    const id = await entry(eupen, { userId: agentId, typeId: types.get("client"), summary: "To move" });
    const [before] = await agent.calendar
      .range({ from: day(0), to: day(0), users: [agentId] })
      .then((rows) => rows.filter((r) => r.id === id));
    const moved = await agent.calendar.move({
      id,
      version: before!.version,
      startDate: day(1),
      startTime: "14:00",
      endDate: null,
      endTime: "15:00",
    });
    expect(moved.version).toBe(before!.version + 1);
    const h = tenantHandle(eupen);
    const [row] = await h.db.select().from(h.t.calendarEntries).where(eq(h.t.calendarEntries.id, id));
    expect(row).toMatchObject({ startDate: day(1), startTime: "14:00:00", endTime: "15:00:00" });
    const audit = await h.db
      .select()
      .from(h.t.auditLog)
      .where(and(eq(h.t.auditLog.entity, "calendar.entries"), eq(h.t.auditLog.entityId, String(id))));
    expect(audit.at(-1)!.changes).toMatchObject({ startDate: { from: day(0), to: day(1) } });
    expect(
      await appCodeOf(
        agent.calendar.move({
          id,
          version: before!.version,
          startDate: day(2),
          startTime: "09:00",
          endDate: null,
          endTime: "10:00",
        }),
      ),
    ).toBe("STALE_EDIT");
    const [after] = await h.db.select().from(h.t.calendarEntries).where(eq(h.t.calendarEntries.id, id));
    expect(after!.startDate).toBe(day(1));
  });

  it("lets an agent move only his own entries, and the reception any agent's", async () => {
    const id = await entry(eupen, { userId: colleagueId, typeId: types.get("client") });
    const move = (c: Caller, version: number) =>
      c.calendar.move({ id, version, startDate: day(3), startTime: "09:00", endDate: null, endTime: "09:30" });
    expect(await appCodeOf(move(agent, 1))).toBe("FORBIDDEN");
    expect(await appCodeOf(move(reception, 1))).toBe("resolved");
  });

  it("refuses another centre's entry as not found", async () => {
    const theirs = await entry(chatelet, { userId: foreignAgentId });
    const ours = await entry(eupen, { userId: agentId });
    // Ids are per centre: the Eupen row with Châtelet's id is untouched whatever it is.
    const h = tenantHandle(chatelet);
    const code = await appCodeOf(
      foreign.calendar.move({
        id: ours + 100_000,
        version: 1,
        startDate: day(3),
        startTime: "09:00",
        endDate: null,
        endTime: "09:30",
      }),
    );
    expect(code).toBe("NOT_FOUND");
    const [row] = await h.db.select().from(h.t.calendarEntries).where(eq(h.t.calendarEntries.id, theirs));
    expect(row!.startDate).toBe(day(0));
  });

  it("creates an entry in a selected slot in the agent's own calendar, not in a colleague's", async () => {
    const values = {
      startDate: day(4),
      startTime: "11:00",
      endDate: null,
      endTime: "11:30",
      type: types.get("meeting")!,
      summary: "Slot",
    };
    const { id } = await agent.calendar.create(values);
    const rows = await agent.calendar.range({ from: day(4), to: day(4), users: [agentId] });
    expect(rows.find((r) => r.id === Number(id))).toMatchObject({ summary: "Slot", userId: agentId });
    expect(await appCodeOf(agent.calendar.create({ ...values, user: colleagueId }))).toBe("FORBIDDEN");
    expect(await appCodeOf(reception.calendar.create({ ...values, user: colleagueId }))).toBe("resolved");
  });
});

describe("finding a date for a client", () => {
  it("proposes the coach's free slots within working hours, avoiding entries and holidays", async () => {
    const h = tenantHandle(eupen);
    const coach = await caller(eupen, "100");
    const someone = await newClient(eupen, { firstName: "Paul", lastName: "Petit" });
    await newCoaching(eupen, someone, coach.id);
    await h.db.insert(h.t.workingHours).values([
      { userId: coach.id, weekday: 1, startTime: "09:00", endTime: "12:00" },
      { userId: coach.id, weekday: 2, startTime: "09:00", endTime: "10:00" },
    ]);
    await entry(eupen, { userId: coach.id, startDate: day(0), startTime: "09:00", endTime: "11:00" });
    await entry(eupen, { typeId: types.get("holidays"), startDate: day(1), startTime: null, endTime: null });
    const slots = await reception.calendar.findSlots({
      client: someone,
      type: types.get("client")!,
      from: day(0),
      duration: 30,
      limit: 4,
    });
    expect(slots.map((s) => `${s.date} ${s.start}`)).toEqual([
      `${day(0)} 11:00`,
      `${day(0)} 11:15`,
      `${day(0)} 11:30`,
      `${day(7)} 09:00`,
    ]);
    expect(slots[0]!.user).toBe(coach.id);
  });

  it("counts an entry a colleague assigned to the coach as the coach's busy time", async () => {
    const h = tenantHandle(eupen);
    const coach = await caller(eupen, "100");
    const someone = await newClient(eupen, { firstName: "Anne", lastName: "Lambert" });
    await newCoaching(eupen, someone, coach.id);
    await h.db
      .insert(h.t.workingHours)
      .values([{ userId: coach.id, weekday: 4, startTime: "09:00", endTime: "10:00" }]);
    await entry(eupen, { userId: colleagueId, assignedToId: coach.id, startDate: day(3), startTime: "09:00" });
    const slots = await reception.calendar.findSlots({
      client: someone,
      type: types.get("client")!,
      from: day(0),
      duration: 30,
      limit: 2,
    });
    // 09:00–10:00 taken by the assigned entry: nothing that Thursday, the next one from 09:00.
    expect(slots.map((s) => `${s.date} ${s.start}`)).toEqual([`${day(10)} 09:00`, `${day(10)} 09:15`]);
    const booking = { client: someone, user: coach.id, type: types.get("client")!, date: day(3), summary: "" };
    expect(await appCodeOf(reception.calendar.book({ ...booking, start: "09:30", end: "10:00" }))).toBe(
      "PLANNER_SLOT_TAKEN",
    );
  });

  it("lets an agent set their own working hours, which Find a date then follows, never a colleague's", async () => {
    const coach = await caller(eupen, "100");
    const someone = await newClient(eupen, { firstName: "Luc", lastName: "Renard" });
    await newCoaching(eupen, someone, coach.id);
    const values = { weekday: 5, startTime: "13:00", endTime: "14:00" };
    // The period is the agent's own: naming a colleague is refused.
    expect(
      await appCodeOf(
        coach.caller.resources.create({
          resource: "calendar.myWorkingHours",
          values: { ...values, user: colleagueId },
        }),
      ),
    ).toBe("BAD_REQUEST");
    const { id } = await coach.caller.resources.create({ resource: "calendar.myWorkingHours", values });
    const h = tenantHandle(eupen);
    const [row] = await h.db
      .select()
      .from(h.t.workingHours)
      .where(eq(h.t.workingHours.id, Number(id)));
    expect(row!.userId).toBe(coach.id);
    const slots = await reception.calendar.findSlots({
      client: someone,
      type: types.get("client")!,
      from: day(0),
      duration: 60,
      limit: 1,
    });
    expect(slots.map((s) => `${s.date} ${s.start}`)).toEqual([`${day(4)} 13:00`]);
    // A colleague's period is out of reach: not listed, not editable.
    const [theirs] = await h.db
      .insert(h.t.workingHours)
      .values({ userId: colleagueId, ...values })
      .returning({ id: h.t.workingHours.id });
    const mine = await coach.caller.resources.list({ resource: "calendar.myWorkingHours", state: {} });
    expect(mine.rows.map((r) => r.id)).toEqual([Number(id)]);
    expect(
      await appCodeOf(
        coach.caller.resources.update({
          resource: "calendar.myWorkingHours",
          id: theirs!.id,
          version: 1,
          patch: { endTime: "18:00" },
        }),
      ),
    ).toBe("NOT_FOUND");
  });

  it("books a slot with the client invited, and refuses it once taken", async () => {
    const slot = {
      client,
      user: agentId,
      type: types.get("client")!,
      date: day(5) > day(4) ? day(7) : day(7),
      start: "15:00",
      end: "15:30",
      summary: "Rendez-vous",
    };
    const { id } = await reception.calendar.book(slot);
    const h = tenantHandle(eupen);
    const guests = await h.db
      .select()
      .from(h.t.calendarGuests)
      .where(eq(h.t.calendarGuests.entryId, Number(id)));
    expect(guests).toEqual([expect.objectContaining({ partnerId: client, state: "accepted" })]);
    expect(await appCodeOf(reception.calendar.book(slot))).toBe("PLANNER_SLOT_TAKEN");
    // A type that invites no client cannot be booked as an appointment with the client.
    expect(
      await appCodeOf(reception.calendar.book({ ...slot, start: "16:00", end: "16:30", type: types.get("meeting")! })),
    ).toBe("PLANNER_TYPE_NOT_BOOKABLE");
  });

  it("never finds or books with another centre's client", async () => {
    expect(await appCodeOf(foreign.calendar.findSlots({ client, type: types.get("client")!, weeks: 1 }))).toBe(
      "NOT_FOUND",
    );
    expect(await appCodeOf(foreign.calendar.coaches({ client }))).toBe("resolved");
    expect(await foreign.calendar.coaches({ client })).toEqual([]);
  });
});
