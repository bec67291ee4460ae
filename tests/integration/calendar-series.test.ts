// The series engine on a real centre (issue 15 §2, §3): holidays as recurrent events, generated and
// audited; a series' generation is idempotent, keeps what users changed, avoids holidays and
// absences; "move to next"; busy intervals; the calendar's data checkers; who may do what, and
// nothing of one centre reachable from another.
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/server/audit";
import { busyIntervals } from "@/server/calendar/busy";
import { conflictingEntriesChecker, tooLongEntriesChecker } from "@/server/calendar/checkers";
import { generateRecurrentEvents } from "@/server/calendar/recurrent-events";
import { generateSeries, type SeriesOwner, type SeriesOwnerKind } from "@/server/calendar/series/generate";
import { moveToNext } from "@/server/calendar/series/move";
import { registry } from "@/server/areas";
import { resolveSessionUser } from "@/server/auth/session";
import type { ResourceCtx } from "@/server/resources/define";
import { numberedSummary } from "@/server/calendar/series/plan";
import { seedHolidays } from "@/db/seed/holidays";
import { closePools } from "@/server/db/pool";
import { translatorFor } from "@/server/i18n/translator";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient } from "./factories";
import { appCodeOf, callerOn, centreHost, newCentre, newUser } from "./helpers";

afterAll(closePools);

type Caller = Awaited<ReturnType<typeof callerOn>>;
type UserType = Parameters<typeof newUser>[1];

let eupen: Tenant;
let chatelet: Tenant;
let agent: Caller;
let agentId: number;
let staff: Caller;
let foreignStaff: Caller;
let client: number;
let types: Map<string, number>;
/** A year whose holidays the tests generate: far enough for the seeded series to reach it, fixed for the dates. */
const YEAR = 2031;

const caller = async (tenant: Tenant, type: UserType) => {
  const { user, claims } = await newUser(tenant, type);
  return { user, caller: await callerOn(centreHost(tenant.slug), {}, claims) };
};
const state = { page: 1, pageSize: 100, sort: [], filters: {}, q: "" };
const h = () => tenantHandle(eupen);
const generatedOf = async (ownerType: string, ownerId: number) => {
  const { db, t } = h();
  return db
    .select()
    .from(t.calendarEntries)
    .where(and(eq(t.calendarEntries.ownerType, ownerType), eq(t.calendarEntries.ownerId, ownerId)))
    .orderBy(t.calendarEntries.autoType);
};
const auditCount = async (ids: number[]) => {
  const { db, t } = h();
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(t.auditLog)
    .where(and(eq(t.auditLog.entity, "calendar.entries"), inArray(t.auditLog.entityId, ids.map(String))));
  return row!.n;
};

/** The evaluations of a client: monthly, Monday to Friday, 09:00–10:00, the first half of YEAR, in German. */
const evaluations = (over: Partial<SeriesOwner["rule"] & object> = {}): SeriesOwner => ({
  ownerType: "client",
  ownerId: client,
  typeId: types.get("evaluation")!,
  rule: {
    first: `${YEAR}-01-01`,
    unit: "monthly",
    every: 1,
    weekdays: [1, 2, 3, 4, 5],
    until: `${YEAR}-06-30`,
    maxEvents: 72,
    startTime: "09:00:00",
    endTime: "10:00:00",
    ...over,
  },
  summary: (n) => numberedSummary({ de: "Auswertung", fr: "Évaluation" }, "de", n),
  responsible: () => agentId,
  clientId: client,
  resolveConflicts: true,
});
const generate = (owner: SeriesOwner) =>
  h().db.transaction((tx) => generateSeries(tx, h().t, systemActor("test"), owner));

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([
    newCentre("ser-eupen", "production"),
    newCentre("ser-chatelet", "production"),
  ]);
  const a = await caller(eupen, "100");
  agent = a.caller;
  agentId = a.user.id;
  staff = (await caller(eupen, "110")).caller;
  foreignStaff = (await caller(chatelet, "110")).caller;
  client = await newClient(eupen, { firstName: "Anna", lastName: "Arens" });
  const rows = await h().db.select({ id: h().t.entryTypes.id, ref: h().t.entryTypes.ref }).from(h().t.entryTypes);
  types = new Map(rows.map((r) => [r.ref!, r.id]));
  await h().db.transaction((tx) => generateRecurrentEvents(tx, h(), systemActor("test"), { year: YEAR }));
});

describe("holidays as recurrent events", () => {
  it("a new centre has the ten legal holidays, generated for this year and the next, audited", async () => {
    const { db, t } = tenantHandle(chatelet);
    const events = await db.select().from(t.recurrentEvents);
    expect(events.filter((e) => e.active).map((e) => e.ref)).toHaveLength(10);
    const year = new Date().getFullYear();
    const entries = await db
      .select()
      .from(t.calendarEntries)
      .where(eq(t.calendarEntries.ownerType, "recurrentEvent"))
      .orderBy(t.calendarEntries.startDate);
    expect(entries.map((e) => e.startDate.slice(0, 4))).toEqual([
      ...Array<string>(10).fill(String(year)),
      ...Array<string>(10).fill(String(year + 1)),
    ]);
    expect(entries.every((e) => e.state === "suggested" && e.userId === null)).toBe(true);
    const [audited] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(t.auditLog)
      .where(and(eq(t.auditLog.action, "calendar.entries.create"), eq(t.auditLog.actor, "seed")));
    expect(audited!.n).toBe(20);
  });

  it("Eupen closes on 15 November, Châtelet on 27 September; a centre's community day is its choice", async () => {
    const centre = await newCentre("ser-holidays");
    const { db, t } = tenantHandle(centre);
    const activeRefs = async () =>
      (await db.select().from(t.recurrentEvents).where(eq(t.recurrentEvents.active, true))).map((e) => e.ref);
    expect(await activeRefs()).not.toContain("germanCommunity");
    for (const [slug, day, other] of [
      ["eupen", "germanCommunity", "frenchCommunity"],
      ["chatelet", "frenchCommunity", "germanCommunity"],
    ] as const) {
      await db.delete(t.calendarEntries).where(eq(t.calendarEntries.ownerType, "recurrentEvent"));
      await db.delete(t.recurrentEvents).where(sql`true`);
      await seedHolidays(tenantHandle(centre), { kind: "demo", defaultLocale: "fr", slug });
      expect(await activeRefs()).toContain(day);
      expect(await activeRefs()).not.toContain(other);
    }
    // Châtelet's 27 September, named in the centre's language.
    const [own] = await db.select().from(t.recurrentEvents).where(eq(t.recurrentEvents.ref, "frenchCommunity"));
    const entries = await db
      .select()
      .from(t.calendarEntries)
      .where(and(eq(t.calendarEntries.ownerType, "recurrentEvent"), eq(t.calendarEntries.ownerId, own!.id)));
    expect(entries.map((e) => e.startDate.slice(5))).toEqual(["09-27", "09-27"]);
    expect(entries[0]!.summary).toBe(translatorFor("fr")("calendar.holidays.frenchCommunity"));
  });

  it("Easter-relative holidays fall on the right days (Ascension 2031: 22 May, Whit Monday: 2 June)", async () => {
    const { db, t } = h();
    const refs = new Map((await db.select().from(t.recurrentEvents)).map((e) => [e.ref, e.id]));
    const dates = async (ref: string) =>
      (await generatedOf("recurrentEvent", refs.get(ref)!)).map((e) => e.startDate).filter((d) => d.startsWith("2031"));
    expect(await dates("easterMonday")).toEqual(["2031-04-14"]);
    expect(await dates("ascension")).toEqual(["2031-05-22"]);
    expect(await dates("whitMonday")).toEqual(["2031-06-02"]);
  });

  it("deactivating a holiday (saving it) removes the entries nobody changed, keeps a changed one", async () => {
    const { db, t } = h();
    const [christmas] = await db.select().from(t.recurrentEvents).where(eq(t.recurrentEvents.ref, "christmas"));
    const before = await generatedOf("recurrentEvent", christmas!.id);
    expect(before.length).toBeGreaterThan(2);
    await db.update(t.calendarEntries).set({ state: "published" }).where(eq(t.calendarEntries.id, before[0]!.id));
    const row = await staff.resources.get({ resource: "calendar.recurrentEvents", id: christmas!.id });
    await staff.resources.update({
      resource: "calendar.recurrentEvents",
      id: christmas!.id,
      version: Number(row.__version),
      patch: { active: false },
    });
    expect((await generatedOf("recurrentEvent", christmas!.id)).map((e) => e.id)).toEqual([before[0]!.id]);
    const deleted = await db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.action, "calendar.entries.delete"), eq(t.auditLog.entityId, String(before[1]!.id))));
    expect(deleted).toHaveLength(1);
  });

  it("the generate action is office staff's; an agent reads the holidays but cannot generate or edit them", async () => {
    const [ascension] = await h()
      .db.select()
      .from(h().t.recurrentEvents)
      .where(eq(h().t.recurrentEvents.ref, "ascension"));
    const act = (c: Caller, year: number) =>
      c.resources.action({
        resource: "calendar.recurrentEvents",
        id: ascension!.id,
        name: "generate",
        params: { year },
      });
    expect(await appCodeOf(act(agent, 2032))).toBe("FORBIDDEN");
    expect(await appCodeOf(act(staff, 1999))).toBe("BAD_REQUEST");
    await act(staff, 2032);
    expect((await generatedOf("recurrentEvent", ascension!.id)).map((e) => e.startDate)).toContain("2032-05-06");
    const listed = await agent.resources.list({ resource: "calendar.recurrentEvents", state });
    expect(listed.rows.length).toBeGreaterThanOrEqual(10);
  });

  it("another centre's recurrent events are neither listed, read, changed nor generated", async () => {
    const [event] = await h().db.select().from(h().t.recurrentEvents).limit(1);
    const listed = await foreignStaff.resources.list({ resource: "calendar.recurrentEvents", state });
    // Châtelet lists its own rows, whose ids may equal Eupen's: their names tell them apart by centre.
    const ownIds = (await tenantHandle(chatelet).db.select().from(tenantHandle(chatelet).t.recurrentEvents)).map(
      (e) => e.id,
    );
    expect(listed.rows.map((r) => Number(r.__id)).sort()).toEqual(ownIds.sort());
    const count = (await generatedOf("recurrentEvent", event!.id)).length;
    const unknown = 999_999;
    expect(await appCodeOf(foreignStaff.resources.get({ resource: "calendar.recurrentEvents", id: unknown }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await appCodeOf(
        foreignStaff.resources.action({
          resource: "calendar.recurrentEvents",
          id: unknown,
          name: "generate",
          params: { year: 2033 },
        }),
      ),
    ).toBe("NOT_FOUND");
    // Whatever Châtelet generates, Eupen's entries stay as they were.
    await foreignStaff.resources.action({
      resource: "calendar.recurrentEvents",
      id: ownIds[0]!,
      name: "generate",
      params: { year: 2033 },
    });
    expect(await generatedOf("recurrentEvent", event!.id)).toHaveLength(count);
  });
});

describe("a series of evaluations", () => {
  it("avoids holidays and weekends, numbers its entries in the author's language, audits them; a second run changes nothing", async () => {
    const first = await generate(evaluations());
    expect(first).toEqual({ created: 6, updated: 0, deleted: 0 });
    const entries = await generatedOf("client", client);
    // 1 January 2031 is New Year's Day (a Wednesday): the series starts on the 2nd.
    expect(entries.map((e) => e.startDate)).toEqual([
      "2031-01-02",
      "2031-02-03",
      "2031-03-03",
      "2031-04-03",
      "2031-05-05",
      "2031-06-05",
    ]);
    expect(entries.map((e) => e.summary)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `Auswertung ${n}`));
    expect(entries.every((e) => e.userId === agentId && e.state === "suggested" && e.clientId === client)).toBe(true);
    const ids = entries.map((e) => e.id);
    expect(await auditCount(ids)).toBe(6);
    expect(await generate(evaluations())).toEqual({ created: 0, updated: 0, deleted: 0 });
    expect(await auditCount(ids)).toBe(6);
  });

  it("keeps an entry a user moved and continues the series from its new date", async () => {
    const [, second] = await generatedOf("client", client);
    const row = await agent.resources.get({ resource: "calendar.entries", id: second!.id });
    await agent.resources.update({
      resource: "calendar.entries",
      id: second!.id,
      version: Number(row.__version),
      patch: { startDate: "2031-02-10" },
    });
    await generate(evaluations());
    const entries = await generatedOf("client", client);
    expect(entries.map((e) => [e.autoType, e.startDate, e.state])).toEqual([
      [1, "2031-01-02", "suggested"],
      [2, "2031-02-10", "draft"],
      [3, "2031-03-10", "suggested"],
      [4, "2031-04-10", "suggested"],
      [5, "2031-05-12", "suggested"],
      [6, "2031-06-12", "suggested"],
    ]);
    // A shorter series deletes the unmodified entries beyond it, never the modified one.
    await generate(evaluations({ until: "2031-02-28" }));
    expect((await generatedOf("client", client)).map((e) => e.autoType)).toEqual([1, 2]);
    await generate(evaluations());
  });

  it("an absence of the responsible agent pushes the entry to the first day after it", async () => {
    const { db, t } = h();
    await db.insert(t.calendarEntries).values({
      typeId: types.get("absences")!,
      summary: "Congé",
      startDate: "2031-03-10",
      endDate: "2031-03-12",
      userId: agentId,
      state: "published",
    });
    await generate(evaluations());
    const third = (await generatedOf("client", client)).find((e) => e.autoType === 3)!;
    expect(third.startDate).toBe("2031-03-13");
  });

  it("'move to next' moves a generated entry to the next free day and the following ones after it", async () => {
    const fourth = (await generatedOf("client", client)).find((e) => e.autoType === 4)!;
    // The owner's area tells the engine how to find its series again (here: the evaluations above).
    const kind: SeriesOwnerKind = { ownerType: "client", load: async () => [evaluations()] };
    const { user, claims } = await newUser(eupen, "100");
    const ctx: ResourceCtx = {
      handle: h(),
      user: (await resolveSessionUser(h(), eupen, claims))!,
      locale: "fr",
      registry: { ...registry, seriesOwners: [kind] },
    };
    expect(user.id).toBe(ctx.user.id);
    await h().db.transaction((tx) => moveToNext(tx, ctx, fourth.id));
    const entries = await generatedOf("client", client);
    const moved = entries.find((e) => e.autoType === 4)!;
    // It was on 15 April (14 April 2031 is Easter Monday); 16 April is free; the fifth follows a month later.
    expect([fourth.startDate, moved.startDate, moved.state]).toEqual(["2031-04-15", "2031-04-16", "draft"]);
    expect(entries.find((e) => e.autoType === 5)!.startDate).toBe("2031-05-16");
    const [audit] = await h()
      .db.select()
      .from(h().t.auditLog)
      .where(
        and(eq(h().t.auditLog.action, "calendar.entries.moveToNext"), eq(h().t.auditLog.entityId, String(fourth.id))),
      );
    expect(audit!.changes).toMatchObject({ startDate: { from: "2031-04-15", to: "2031-04-16" } });
  });

  it("the ▽ button moves a holiday a day on; a manual entry belongs to no series; another centre reaches neither", async () => {
    const { db, t } = h();
    const [ascension] = await db.select().from(t.recurrentEvents).where(eq(t.recurrentEvents.ref, "ascension"));
    const entry = (await generatedOf("recurrentEvent", ascension!.id)).find((e) => e.startDate === "2031-05-22")!;
    const move = (c: Caller, id: number) =>
      c.resources.get({ resource: "calendar.entries", id }).then((row) =>
        c.resources.action({
          resource: "calendar.entries",
          id,
          name: "moveToNext",
          params: {},
          version: Number(row.__version),
        }),
      );
    expect(await appCodeOf(move(foreignStaff, entry.id))).toBe("NOT_FOUND");
    await move(staff, entry.id);
    expect((await generatedOf("recurrentEvent", ascension!.id)).find((e) => e.id === entry.id)!.startDate).toBe(
      "2031-05-23",
    );
    const manual = await agent.resources.create({
      resource: "calendar.entries",
      values: { type: types.get("meeting"), startDate: "2031-04-01", startTime: "10:00", summary: "Hors série" },
    });
    expect(await appCodeOf(move(agent, Number(manual.id)))).toBe("SERIES_NOT_GENERATED");
  });
});

describe("busy intervals and data checkers", () => {
  it("a user is busy on holidays, during their absences and their own entries; not for transparent ones", async () => {
    const { db, t } = h();
    const colleague = (await newUser(eupen, "100")).user.id;
    await db.insert(t.calendarEntries).values([
      {
        typeId: types.get("internal")!,
        summary: "Café",
        startDate: "2031-03-11",
        startTime: "08:00:00",
        endTime: "08:30:00",
        userId: agentId,
        state: "published",
        transparent: true,
      },
      {
        typeId: types.get("meeting")!,
        summary: "Équipe",
        startDate: "2031-03-14",
        startTime: "14:00:00",
        endTime: "15:00:00",
        userId: colleague,
        state: "published",
      },
    ]);
    const busy = await busyIntervals(db, t, [agentId, colleague], "2031-03-10", "2031-03-31");
    const kinds = (id: number) => busy.get(id)!.map((b) => [b.kind, b.startDate, b.endDate]);
    expect(kinds(agentId)).toEqual(
      expect.arrayContaining([
        ["absence", "2031-03-10", "2031-03-12"],
        ["entry", "2031-03-13", "2031-03-13"],
      ]),
    );
    expect(kinds(agentId).some(([, d]) => d === "2031-03-11")).toBe(false);
    expect(kinds(colleague)).toEqual([["entry", "2031-03-14", "2031-03-14"]]);
    const withHoliday = await busyIntervals(db, t, [colleague], "2031-04-14", "2031-04-14");
    expect(withHoliday.get(colleague)!.map((b) => b.kind)).toEqual(["holiday"]);
    // Another centre's entries never make anyone busy here.
    const other = tenantHandle(chatelet);
    expect(
      (await busyIntervals(other.db, other.t, [agentId], "2031-03-10", "2031-03-31")).get(agentId)!.map((b) => b.kind),
    ).toEqual([]);
  });

  it("finds entries in conflict (a room booked twice) and entries longer than their type allows", async () => {
    const { db, t } = h();
    const future = "2031-09-02";
    const [room] = await db
      .insert(t.rooms)
      .values({ names: { fr: "Salle 9" } })
      .returning();
    const [a, b] = await db
      .insert(t.calendarEntries)
      .values([
        {
          typeId: types.get("meeting")!,
          summary: "Comité",
          startDate: future,
          startTime: "09:00:00",
          endTime: "10:00:00",
          roomId: room!.id,
          userId: agentId,
          state: "published",
        },
        {
          typeId: types.get("meeting")!,
          summary: "Formation",
          startDate: future,
          startTime: "09:30:00",
          endTime: "11:00:00",
          roomId: room!.id,
          userId: agentId,
          state: "published",
        },
      ])
      .returning();
    const conflicts = await conflictingEntriesChecker.find(h());
    const mine = conflicts.filter((p) => p.params?.id === a!.id || p.params?.id === b!.id);
    expect(mine.map((p) => [p.messageKey, p.params?.other])).toEqual([
      ["checks.calendar.conflictsWith", "Formation"],
      ["checks.calendar.conflictsWith", "Comité"],
    ]);
    // Meeting's type lasts one day at most: an entry stored over three days is found.
    const [long] = await db
      .insert(t.calendarEntries)
      .values({
        typeId: types.get("meeting")!,
        summary: "Séminaire",
        startDate: future,
        endDate: "2031-09-04",
        userId: agentId,
      })
      .returning();
    const tooLong = await tooLongEntriesChecker.find(h());
    expect(tooLong.find((p) => p.params?.id === long!.id)).toMatchObject({
      messageKey: "checks.calendar.tooLong",
      params: { days: 3, max: 1 },
      responsibleUserId: agentId,
    });
  });
});
