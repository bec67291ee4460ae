// "Update presences" (domain-people §10.3), brokers (§9) and reassigning entries across agents (the team
// planner): the guests a contract's evaluation meetings get (the client's other coaches with an evaluation
// guest role and a person record, coaching active on the entry's date; the client accepted), pruning of
// invited guests no longer suggested, the guest list managed automatically, the guests' planners; brokers
// read-only without NewcomersOperator; drag and "Move to agent…" allowed or refused; never across centres.
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_STATE } from "@/server/clients/choices";
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
const h = () => tenantHandle(eupen);

/** A person record, as a user's own (§1.1 `partner`). */
async function person(tenant: Tenant, name: string) {
  const { db, t } = tenantHandle(tenant);
  const [row] = await db
    .insert(t.partners)
    .values({ kind: "person", firstName: name, lastName: "Staff", name: `Staff ${name}` })
    .returning({ id: t.partners.id });
  return row!.id;
}

/** A user of the type, with a person record unless told not to, and a caller signed in as them. */
async function staff(tenant: Tenant, type: UserType, name: string, withPartner = true) {
  const partnerId = withPartner ? await person(tenant, name) : null;
  const { user, claims } = await newUser(tenant, type, { partnerId, firstName: name });
  return { id: user.id, partnerId, caller: await callerOn(centreHost(tenant.slug), {}, claims) };
}

type Staff = Awaited<ReturnType<typeof staff>>;
let author: Staff; // integration agent, the contract's author, coach until 31 March 2031
let successor: Staff; // integration agent, coach from 1 April 2031
let gss: Staff; // general social service, coach since 2029
let debts: Staff; // debt mediation (no evaluation guest role)
let ended: Staff; // general social service, coaching ended 28 February 2031
let noPartner: Staff; // general social service, no person record
let reception: Staff;
let foreign: Staff;
let client: number;
let colleagueRole: number;
let clientRole: number;
let contract: number;

const serviceId = async (where: "doesIntegration" | "doesGss" | "none") => {
  const { db, t } = h();
  const rows = await db.select().from(t.coachingTypes).orderBy(t.coachingTypes.id);
  return rows.find((r) => (where === "none" ? !r.doesGss && !r.doesIntegration : r[where]))!.id;
};
const entriesOf = async (id: number) => {
  const { db, t } = h();
  return db
    .select()
    .from(t.calendarEntries)
    .where(and(eq(t.calendarEntries.ownerType, "isipContract"), eq(t.calendarEntries.ownerId, id)))
    .orderBy(t.calendarEntries.autoType);
};
const guestsOf = async (entryId: number) => {
  const { db, t } = h();
  const rows = await db
    .select({ partnerId: t.calendarGuests.partnerId, roleId: t.calendarGuests.roleId, state: t.calendarGuests.state })
    .from(t.calendarGuests)
    .where(eq(t.calendarGuests.entryId, entryId));
  return rows.sort((a, b) => a.partnerId - b.partnerId);
};
const sorted = <T extends { partnerId: number }>(rows: T[]) => [...rows].sort((a, b) => a.partnerId - b.partnerId);

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("gst-eupen", "production"), newCentre("gst-chat", "production")]);
  author = await staff(eupen, "100", "Author");
  successor = await staff(eupen, "100", "Successor");
  gss = await staff(eupen, "400", "Gss");
  debts = await staff(eupen, "100", "Debts");
  ended = await staff(eupen, "400", "Ended");
  noPartner = await staff(eupen, "400", "Nobody", false);
  reception = await staff(eupen, "210", "Reception");
  foreign = await staff(chatelet, "910", "Foreign");
  client = await newClient(eupen, { firstName: "Greta", lastName: "Gast" });
  const integ = await serviceId("doesIntegration");
  const general = await serviceId("doesGss");
  await newCoaching(eupen, client, author.id, {
    coachingTypeId: integ,
    startDate: "2030-01-01",
    endDate: "2031-03-31",
  });
  await newCoaching(eupen, client, successor.id, { coachingTypeId: integ, startDate: "2031-04-01" });
  await newCoaching(eupen, client, gss.id, { coachingTypeId: general, startDate: "2029-01-01" });
  await newCoaching(eupen, client, debts.id, { coachingTypeId: await serviceId("none"), startDate: "2029-01-01" });
  await newCoaching(eupen, client, ended.id, {
    coachingTypeId: general,
    startDate: "2029-01-01",
    endDate: "2031-02-28",
  });
  await newCoaching(eupen, client, noPartner.id, { coachingTypeId: general, startDate: "2029-01-01" });
  const { db, t } = h();
  const roles = new Map((await db.select().from(t.guestRoles)).map((r) => [r.ref, r.id]));
  colleagueRole = roles.get("colleague")!;
  clientRole = roles.get("client")!;
}, 120_000);

describe("the evaluation guest role of the services (§8)", () => {
  it("a new centre's general social and integration services invite their coaches as colleagues, debt mediation not", async () => {
    const { db, t } = h();
    const rows = await db.select().from(t.coachingTypes);
    for (const r of rows) expect(r.evalGuestRoleId).toBe(r.doesGss || r.doesIntegration ? colleagueRole : null);
    const shown = await author.caller.resources.get({ resource: "coachings.types", id: await serviceId("doesGss") });
    expect(shown.evalGuestRole).toMatchObject({ id: colleagueRole });
  });
});

describe("suggested guests of a contract's evaluation meetings (§10.3)", () => {
  it("the client accepted, and the other coaches active on the day with a role and a person record, invited", async () => {
    const [type] = await h().db.select().from(h().t.isipContractTypes).where(eq(h().t.isipContractTypes.ref, "vseb"));
    const { id } = await author.caller.resources.create({
      resource: "isip.contracts",
      values: { client, type: type!.id, appliesFrom: "2031-01-15", appliesUntil: "2031-06-30" },
    });
    contract = Number(id);
    const entries = await entriesOf(contract);
    // Monthly from 15 January: 17 Feb (Mon), 17 March, 17 April, 19 May, 19 June (§10.4); the author until
    // March, his successor from April (rule 5).
    expect(entries.map((e) => [e.startDate, e.userId])).toEqual([
      ["2031-02-17", author.id],
      ["2031-03-17", author.id],
      ["2031-04-17", successor.id],
      ["2031-05-19", successor.id],
      ["2031-06-19", successor.id],
    ]);
    const clientGuest = { partnerId: client, roleId: clientRole, state: "accepted" };
    const invited = (p: number | null) => ({ partnerId: p!, roleId: colleagueRole, state: "invited" });
    // 17 Feb: the GSS coach, and the one whose coaching ends on 28 Feb; not the author (the entry's own user),
    // not the successor (from April), not debt mediation (no role), not the coach without a person record.
    expect(await guestsOf(entries[0]!.id)).toEqual(
      sorted([clientGuest, invited(gss.partnerId), invited(ended.partnerId)]),
    );
    // 17 March: the coaching of 28 February has ended.
    expect(await guestsOf(entries[1]!.id)).toEqual(sorted([clientGuest, invited(gss.partnerId)]));
    // 17 April: the successor is the entry's user, the author's coaching ended on 31 March.
    expect(await guestsOf(entries[2]!.id)).toEqual(sorted([clientGuest, invited(gss.partnerId)]));
  });

  it("saving again changes nothing (idempotent)", async () => {
    const entries = await entriesOf(contract);
    const before = await Promise.all(entries.map((e) => guestsOf(e.id)));
    const row = await author.caller.resources.get({ resource: "isip.contracts", id: contract });
    await author.caller.resources.update({
      resource: "isip.contracts",
      id: contract,
      version: Number(row.__version),
      patch: { appliesUntil: "2031-06-30" },
    });
    expect(await Promise.all(entries.map((e) => guestsOf(e.id)))).toEqual(before);
  });

  it("update presences deletes an invited guest no longer suggested, keeps an accepted one, audited", async () => {
    const [, second] = await entriesOf(contract);
    const { db, t } = h();
    const stray = await person(eupen, "Stray");
    const kept = await person(eupen, "Kept");
    const [gone] = await db
      .insert(t.calendarGuests)
      .values([
        { entryId: second!.id, partnerId: stray, state: "invited" },
        { entryId: second!.id, partnerId: kept, state: "accepted" },
      ])
      .returning({ id: t.calendarGuests.id });
    await author.caller.resources.action({ resource: "calendar.entries", id: second!.id, name: "updatePresences" });
    const partners = (await guestsOf(second!.id)).map((g) => g.partnerId);
    expect(partners).not.toContain(stray);
    expect(partners).toContain(kept);
    expect(partners).toContain(client);
    const audit = await db
      .select({ action: t.auditLog.action })
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entity, "calendar.guests"), eq(t.auditLog.entityId, String(gone!.id))));
    expect(audit.map((a) => a.action).join()).toContain("delete");
  });

  it("a coaching ended before the day: its coach's invitation goes when the series is generated again", async () => {
    const [first] = await entriesOf(contract);
    const { db, t } = h();
    // The GSS coaching now ends on 1 February 2031: the coach is no longer suggested on 17 February.
    await db
      .update(t.coachings)
      .set({ endDate: "2031-02-01" })
      .where(and(eq(t.coachings.userId, gss.id), eq(t.coachings.clientId, client)));
    const row = await author.caller.resources.get({ resource: "isip.contracts", id: contract });
    await author.caller.resources.update({
      resource: "isip.contracts",
      id: contract,
      version: Number(row.__version),
      patch: { appliesUntil: "2031-06-30" },
    });
    expect((await guestsOf(first!.id)).map((g) => g.partnerId)).toEqual(
      [client, ended.partnerId!].sort((a, b) => a - b),
    );
    await db
      .update(t.coachings)
      .set({ endDate: null })
      .where(and(eq(t.coachings.userId, gss.id), eq(t.coachings.clientId, client)));
  });

  it("the coach invited sees the entry in his planner, in his column", async () => {
    const [first] = await entriesOf(contract);
    const rows = await ended.caller.calendar.range({ from: "2031-02-17", to: "2031-02-17", users: [ended.id] });
    expect(rows.find((r) => r.id === first!.id)).toMatchObject({ userId: author.id, guestOf: [ended.id] });
  });

  it("the update presences action is refused across centres", async () => {
    const [first] = await entriesOf(contract);
    expect(
      await appCodeOf(
        foreign.caller.resources.action({ resource: "calendar.entries", id: first!.id, name: "updatePresences" }),
      ),
    ).toBe("NOT_FOUND");
    // Every calendar user may run it (agents and the reception alike).
    expect(
      await appCodeOf(
        reception.caller.resources.action({ resource: "calendar.entries", id: first!.id, name: "updatePresences" }),
      ),
    ).toBe("resolved");
  });
});

describe("a new user is invited through the person record made for them (§1.1, §10.3)", () => {
  it("an administrator creates a user; as a second coach of the general social service, he is a guest", async () => {
    const admin = await staff(eupen, "900", "Admin");
    const { id } = await admin.caller.users.create({
      username: "nouveau.collegue",
      firstName: "Noé",
      lastName: "Nouveau",
      email: "noe@example.com",
      language: "de",
      userType: "400",
      authMethod: "local",
    });
    const { db, t } = h();
    const [user] = await db.select().from(t.users).where(eq(t.users.id, id));
    const [own] = await db.select().from(t.partners).where(eq(t.partners.id, user!.partnerId!));
    expect(own).toMatchObject({ kind: "person", isClient: false, name: "Nouveau Noé", email: "noe@example.com" });
    expect(own).toMatchObject({ firstName: "Noé", lastName: "Nouveau", language: "de" });

    const newcomer = await newClient(eupen, { firstName: "Hanna", lastName: "Gast" });
    await newCoaching(eupen, newcomer, author.id, {
      coachingTypeId: await serviceId("doesIntegration"),
      startDate: "2030-01-01",
    });
    await newCoaching(eupen, newcomer, id, { coachingTypeId: await serviceId("doesGss"), startDate: "2030-01-01" });
    const [type] = await db.select().from(t.isipContractTypes).where(eq(t.isipContractTypes.ref, "vseb"));
    const created = await author.caller.resources.create({
      resource: "isip.contracts",
      values: { client: newcomer, type: type!.id, appliesFrom: "2031-01-15", appliesUntil: "2031-03-31" },
    });
    const [first] = await entriesOf(Number(created.id));
    expect(first!.userId).toBe(author.id);
    expect(await guestsOf(first!.id)).toEqual(
      sorted([
        { partnerId: newcomer, roleId: clientRole, state: "accepted" },
        { partnerId: user!.partnerId!, roleId: colleagueRole, state: "invited" },
      ]),
    );
  });

  it("renaming the user renames the person made for him; a person chosen by hand is left as it is", async () => {
    const admin = await staff(eupen, "900", "Admin2");
    const { id, version } = await admin.caller.users.create({
      username: "renomme",
      firstName: "Rita",
      lastName: "Alt",
      language: "fr",
      userType: "100",
      authMethod: "local",
    });
    const { db, t } = h();
    const partnerOf = async () => (await db.select().from(t.users).where(eq(t.users.id, id)))[0]!.partnerId!;
    const made = await partnerOf();
    const saved = await admin.caller.users.update({
      id,
      version,
      patch: { lastName: "Neu", email: "rita@example.com" },
    });
    const [renamed] = await db.select().from(t.partners).where(eq(t.partners.id, made));
    expect(renamed).toMatchObject({ name: "Neu Rita", lastName: "Neu", email: "rita@example.com", version: 2 });
    const audit = await db
      .select({ action: t.auditLog.action })
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entity, "contacts.persons"), eq(t.auditLog.entityId, String(made))));
    expect(audit.map((a) => a.action)).toEqual(["contacts.persons.create", "contacts.persons.update"]);

    // Linked by hand to another person: that one is not renamed with the user.
    const chosen = await person(eupen, "Chosen");
    const relinked = await admin.caller.users.update({ id, version: saved.version, patch: { partnerId: chosen } });
    await admin.caller.users.update({ id, version: relinked.version, patch: { firstName: "Rosa" } });
    expect(await partnerOf()).toBe(chosen);
    const [untouched] = await db.select().from(t.partners).where(eq(t.partners.id, chosen));
    expect(untouched).toMatchObject({ firstName: "Chosen", name: "Staff Chosen", version: 1 });
  });
});

describe("guests managed automatically (§10.3)", () => {
  it("no guest is added by hand to an entry of a type with fill_presences; to another type, yes", async () => {
    const { db, t } = h();
    const types = new Map((await db.select().from(t.entryTypes)).map((r) => [r.ref, r.id]));
    const [absence, meeting] = await db
      .insert(t.calendarEntries)
      .values([
        { typeId: types.get("absences")!, startDate: "2031-03-03", userId: author.id, state: "published" },
        { typeId: types.get("meeting")!, startDate: "2031-03-03", userId: author.id, state: "published" },
      ])
      .returning({ id: t.calendarEntries.id });
    const add = (entry: number) =>
      author.caller.resources.create({ resource: "calendar.guests", values: { entry, partner: successor.partnerId } });
    expect(await appCodeOf(add(absence!.id))).toBe("INVALID_INPUT");
    expect(await appCodeOf(add(meeting!.id))).toBe("resolved");
  });
});

describe("brokers (§9)", () => {
  let broker: number;
  it("are configured by social staff, seen by newcomers operators, hidden from the others", async () => {
    const staffer = await staff(eupen, "120", "Staffer");
    ({ id: broker } = (await staffer.caller.resources.create({
      resource: "newcomers.brokers",
      values: { name: "Police" },
    })) as { id: number });
    const consultant = await staff(eupen, "200", "Consultant");
    const list = await consultant.caller.resources.list({
      resource: "newcomers.brokers",
      state: { page: 1, pageSize: 10, sort: [], filters: {}, q: "" },
    });
    expect(list.rows.map((r) => r.name)).toEqual(["Police"]);
    expect(
      await appCodeOf(consultant.caller.resources.create({ resource: "newcomers.brokers", values: { name: "X" } })),
    ).toBe("FORBIDDEN");
    expect(
      await appCodeOf(
        author.caller.resources.list({
          resource: "newcomers.brokers",
          state: { page: 1, pageSize: 10, sort: [], filters: {}, q: "" },
        }),
      ),
    ).toBe("FORBIDDEN");
    // Châtelet's brokers are its own.
    expect(await appCodeOf(foreign.caller.resources.get({ resource: "newcomers.brokers", id: broker }))).toBe(
      "NOT_FOUND",
    );
  });

  it("a client's broker is read-only without NewcomersOperator, and shows in the new clients' list", async () => {
    const newcomer = await newClient(eupen, {
      firstName: "Neu",
      lastName: "Ankömmling",
      clientState: CLIENT_STATE.newcomer,
    });
    const consultant = await staff(eupen, "200", "Consultant2");
    const version = async () =>
      Number((await consultant.caller.resources.get({ resource: "clients.clients", id: newcomer })).__version);
    const setBroker = (c: Caller) =>
      version().then((v) =>
        c.resources.update({ resource: "clients.clients", id: newcomer, version: v, patch: { broker } }),
      );
    // Integration agent (100), reception clerk (210): no NewcomersOperator.
    expect(await appCodeOf(setBroker(author.caller))).toBe("FORBIDDEN");
    expect(await appCodeOf(setBroker(reception.caller))).toBe("FORBIDDEN");
    expect(await appCodeOf(setBroker(consultant.caller))).toBe("resolved");
    const list = await consultant.caller.resources.list({
      resource: "newcomers.clients",
      state: { page: 1, pageSize: 100, sort: [], filters: {}, q: "Ankömmling" },
    });
    expect(list.rows.find((r) => r.id === newcomer)?.broker).toMatchObject({ id: broker, label: "Police" });
  });
});

describe("reassigning an entry to another agent (team planner)", () => {
  const entry = async (userId: number) => {
    const { db, t } = h();
    const [row] = await db
      .insert(t.calendarEntries)
      .values({ startDate: "2031-03-04", startTime: "10:00", endTime: "11:00", userId, state: "published" })
      .returning({ id: t.calendarEntries.id, version: t.calendarEntries.version });
    return row!;
  };
  const move = (c: Caller, e: { id: number; version: number }, user: number) =>
    c.calendar.move({ ...e, startDate: "2031-03-04", startTime: "10:30", endDate: null, endTime: "11:30", user });
  const userOf = async (id: number) =>
    (await h().db.select().from(h().t.calendarEntries).where(eq(h().t.calendarEntries.id, id)))[0]!;

  it("an agent drops his own entry in a colleague's column: it is the colleague's, audited", async () => {
    const e = await entry(author.id);
    await move(author.caller, e, successor.id);
    expect(await userOf(e.id)).toMatchObject({ userId: successor.id, startTime: "10:30:00" });
    const { db, t } = h();
    const audit = await db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entity, "calendar.entries"), eq(t.auditLog.entityId, String(e.id))));
    expect(JSON.stringify(audit.map((a) => a.changes))).toContain(String(successor.id));
  });

  it("an agent may not move a colleague's entry to anyone; the reception may", async () => {
    const e = await entry(successor.id);
    expect(await appCodeOf(move(author.caller, e, author.id))).toBe("PLANNER_REASSIGN_FORBIDDEN");
    expect((await userOf(e.id)).userId).toBe(successor.id);
    await move(reception.caller, e, author.id);
    expect((await userOf(e.id)).userId).toBe(author.id);
  });

  it("refused to a user without a calendar or unknown, and across centres", async () => {
    const e = await entry(author.id);
    // The reception clerk (210) plans for others but has no calendar of his own (OfficeUser).
    expect(await appCodeOf(move(author.caller, e, reception.id))).toBe("INVALID_INPUT");
    // User ids are the centre's own: an unknown one is refused.
    expect(await appCodeOf(move(author.caller, e, 999_999))).toBe("INVALID_INPUT");
    expect(await appCodeOf(move(foreign.caller, e, foreign.id))).toBe("NOT_FOUND");
    expect((await userOf(e.id)).userId).toBe(author.id);
  });

  it("'Move to agent…' is the keyboard's way: same rules", async () => {
    const e = await entry(author.id);
    await author.caller.resources.action({
      resource: "calendar.entries",
      id: e.id,
      name: "moveToAgent",
      params: { user: successor.id },
    });
    expect((await userOf(e.id)).userId).toBe(successor.id);
    expect(
      await appCodeOf(
        author.caller.resources.action({
          resource: "calendar.entries",
          id: e.id,
          name: "moveToAgent",
          params: { user: author.id },
        }),
      ),
    ).toBe("PLANNER_REASSIGN_FORBIDDEN");
    const { db, t } = h();
    expect(
      (
        await db
          .select()
          .from(t.calendarEntries)
          .where(inArray(t.calendarEntries.id, [e.id]))
      )[0]!.userId,
    ).toBe(successor.id);
  });
});
