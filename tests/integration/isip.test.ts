// ISIP/PIIS contracts on a real centre (issue 17 items 3, 4, 9; domain-integ-money §2.3–2.4): a save
// generates the evaluation meetings (responsible coach per date, client as guest) and the "ends in a
// month" task; the shared rules refuse a reversed period and an overlap, and a refused save leaves
// neither contract nor entries behind; regeneration keeps what users changed; who may do what; and
// nothing of one centre reachable from another.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePools } from "@/server/db/pool";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { isipKind } from "@/server/isip/base";
import {
  contractEvaluations,
  expectAccessPerUserType,
  integClient,
  isipTypeOf,
  serviceOf,
  INTEG_CONTRACT_ACCESS,
} from "./contract-kinds";
import { newClient, newCoaching, newStaff } from "./factories";
import { appCodeOf, errorAsSent, newCentre, newUser, type callerOn } from "./helpers";

afterAll(closePools);

type Caller = Awaited<ReturnType<typeof callerOn>>;

let eupen: Tenant;
let chatelet: Tenant;
let agent: Caller;
let agentId: number;
let colleagueId: number;
let gssId: number;
let foreignAgent: Caller;
let client: number;
let isipType: number;

const caller = newStaff;
const state = { page: 1, pageSize: 100, sort: [], filters: {}, q: "" };
const h = () => tenantHandle(eupen);
const evaluationsOf = (contractId: number) => contractEvaluations(eupen, isipKind, contractId);
const counts = async () => {
  const { db, t } = h();
  const [row] = await db
    .execute<{ contracts: number; entries: number }>(
      sql`select
    (select count(*)::int from ${t.isipContracts}) as contracts,
    (select count(*)::int from ${t.calendarEntries} where owner_type = 'isipContract') as entries`,
    )
    .then((r) => r.rows);
  return row!;
};
const create = (c: Caller, values: Record<string, unknown>) =>
  c.resources.create({ resource: "isip.contracts", values: { client, type: isipType, ...values } });

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([
    newCentre("isip-eupen", "production"),
    newCentre("isip-chatelet", "production"),
  ]);
  const a = await caller(eupen, "100", { language: "de" });
  agent = a.caller;
  agentId = a.user.id;
  colleagueId = (await newUser(eupen, "100")).user.id;
  gssId = (await newUser(eupen, "400")).user.id;
  foreignAgent = (await caller(chatelet, "100")).caller;
  // The agent coaches the client until the end of March 2031; the colleague from April on.
  client = await integClient(eupen, agentId, { firstName: "Anna", lastName: "Arens" }, { endDate: "2031-03-31" });
  await newCoaching(eupen, client, colleagueId, { coachingTypeId: await serviceOf(eupen), startDate: "2031-04-01" });
  await newCoaching(eupen, client, gssId, {
    coachingTypeId: await serviceOf(eupen, "doesGss"),
    startDate: "2029-01-01",
  });
  isipType = await isipTypeOf(eupen);
});

describe("a PIIS and its evaluation meetings", () => {
  let contract: number;

  it("a new centre has the standard exam policies, contract endings and the five ISIP types", async () => {
    const { db, t } = tenantHandle(chatelet);
    expect((await db.select().from(t.isipContractTypes)).map((r) => r.ref)).toEqual([
      "vsea",
      "vseb",
      "vsec",
      "vsed",
      "vsee",
    ]);
    expect(await db.select().from(t.examPolicies)).toHaveLength(6);
    expect(await db.select().from(t.contractEndings)).toHaveLength(4);
  });

  it("creating one generates monthly evaluations, the responsible coach per date, the client as guest", async () => {
    const { id } = await create(agent, { appliesFrom: "2031-01-15", appliesUntil: "2031-06-30" });
    contract = Number(id);
    const row = await agent.resources.get({ resource: "isip.contracts", id: contract });
    // The effective end defaults to the planned end; the policy comes from the type; the GSS coach is the ASD agent.
    expect(row.dateEnded).toBe("2031-06-30");
    expect(row.examPolicy).not.toBeNull();
    expect(row.userAsd).toMatchObject({ id: gssId });
    const entries = await evaluationsOf(contract);
    // 15 Feb 2031 is a Saturday → Monday 17; then 17 March, 17 April, 19 May (17 is a Saturday), 19 June.
    expect(entries.map((e) => [e.startDate, e.startTime, e.summary, e.userId])).toEqual([
      ["2031-02-17", "09:00:00", "Auswertung 1", agentId],
      ["2031-03-17", "09:00:00", "Auswertung 2", agentId],
      ["2031-04-17", "09:00:00", "Auswertung 3", colleagueId],
      ["2031-05-19", "09:00:00", "Auswertung 4", colleagueId],
      ["2031-06-19", "09:00:00", "Auswertung 5", colleagueId],
    ]);
    const { db, t } = h();
    const guests = await db.select().from(t.calendarGuests).where(eq(t.calendarGuests.entryId, entries[0]!.id));
    expect(guests.map((g) => g.partnerId)).toEqual([client]);
  });

  it("they show on the contract and on the client's Contracts tab", async () => {
    const byContract = await agent.resources.list({
      resource: "isip.evaluations",
      state: { ...state, master: { field: "ownerId", value: contract } },
    });
    expect(byContract.rows).toHaveLength(5);
    const byClient = await agent.resources.list({
      resource: "isip.evaluations",
      state: { ...state, master: { field: "client", value: client } },
    });
    expect(byClient.rows).toHaveLength(5);
    const contracts = await agent.resources.list({
      resource: "isip.contracts",
      state: { ...state, master: { field: "client", value: client } },
    });
    expect(contracts.rows.map((r) => Number(r.__id))).toEqual([contract]);
  });

  it("the author gets the task 'Contract ends in a month' in their language", async () => {
    const { db, t } = h();
    const tasks = await db
      .select()
      .from(t.tasks)
      .where(and(eq(t.tasks.ownerType, "isipContract"), eq(t.tasks.ownerId, contract)));
    expect(tasks.map((k) => [k.userId, k.startDate, k.summary])).toEqual([
      [agentId, "2031-05-30", "Vertrag endet in einem Monat"],
    ]);
  });

  it("a save regenerates them and keeps an entry a user changed", async () => {
    const [first] = await evaluationsOf(contract);
    const entry = await agent.resources.get({ resource: "calendar.entries", id: first!.id });
    await agent.resources.update({
      resource: "calendar.entries",
      id: first!.id,
      version: Number(entry.__version),
      patch: { startDate: "2031-02-20" },
    });
    const row = await agent.resources.get({ resource: "isip.contracts", id: contract });
    await agent.resources.update({
      resource: "isip.contracts",
      id: contract,
      version: Number(row.__version),
      patch: { appliesUntil: "2031-04-30" },
    });
    const after = await agent.resources.get({ resource: "isip.contracts", id: contract });
    // Editing the planned end copies it into the effective end.
    expect(after.dateEnded).toBe("2031-04-30");
    const entries = await evaluationsOf(contract);
    expect(entries.map((e) => [e.autoType, e.startDate, e.state])).toEqual([
      [1, "2031-02-20", "draft"],
      [2, "2031-03-20", "suggested"],
      [3, "2031-04-21", "suggested"],
    ]);
  });

  it("a contract ending before it starts is refused with Lino's message, nothing saved", async () => {
    const before = await counts();
    const e = await create(agent, { appliesFrom: "2032-05-02", appliesUntil: "2032-05-01" }).catch((x: unknown) => x);
    expect(errorAsSent(e)).toMatchObject({ httpStatus: 400, params: { messageKey: "isip.endsBeforeStart" } });
    expect(await counts()).toEqual(before);
  });

  it("an overlapping contract in the same group is refused, naming the other; neither it nor entries are written", async () => {
    const before = await counts();
    const e = await create(agent, { appliesFrom: "2031-04-01", appliesUntil: "2031-12-31" }).catch((x: unknown) => x);
    expect(errorAsSent(e)).toMatchObject({
      httpStatus: 400,
      params: { messageKey: "isip.overlap", kind: "VSE", id: contract },
    });
    expect(await counts()).toEqual(before);
    // The same through an edit of another contract: its entries stay as they were.
    const { id } = await create(agent, { appliesFrom: "2031-06-01", appliesUntil: "2031-09-30" });
    const entries = await evaluationsOf(Number(id));
    const row = await agent.resources.get({ resource: "isip.contracts", id });
    const edit = agent.resources.update({
      resource: "isip.contracts",
      id,
      version: Number(row.__version),
      patch: { appliesFrom: "2031-04-15" },
    });
    expect(await appCodeOf(edit)).toBe("INVALID_INPUT");
    expect(await evaluationsOf(Number(id))).toEqual(entries);
    expect((await agent.resources.get({ resource: "isip.contracts", id })).appliesFrom).toBe("2031-06-01");
  });

  it("touching dates are no overlap", async () => {
    const { id } = await create(agent, { appliesFrom: "2031-09-30", appliesUntil: "2031-12-31" });
    expect(Number(id)).toBeGreaterThan(0);
  });
});

describe("who may do what", () => {
  it("each user type's access to a client's contracts follows §1", async () => {
    const [row] = await h().db.select().from(h().t.isipContracts).limit(1);
    await expectAccessPerUserType(
      eupen,
      INTEG_CONTRACT_ACCESS,
      (c) => c.resources.get({ resource: "isip.contracts", id: row!.id }),
      // A half year each, one after the other: no overlap between the user types' contracts.
      (c, i) => create(c, { appliesFrom: `${2040 + i}-01-01`, appliesUntil: `${2040 + i}-06-30`, type: isipType }),
    );
  });

  it("configuring types, policies and endings is social staff's", async () => {
    const agentMade = agent.resources.create({
      resource: "isip.endings",
      values: { name: { fr: "X", nl: "X", de: "X", en: "X" } },
    });
    expect(await appCodeOf(agentMade)).toBe("FORBIDDEN");
    const staff = (await caller(eupen, "110")).caller;
    const made = await staff.resources.create({
      resource: "isip.endings",
      values: { name: { fr: "Y", nl: "Y", de: "Y", en: "Y" } },
    });
    expect(Number(made.id)).toBeGreaterThan(0);
  });
});

describe("one centre never reaches another's contracts", () => {
  it("another centre's contracts are neither listed, read, changed nor deleted", async () => {
    const [row] = await h().db.select().from(h().t.isipContracts).orderBy(h().t.isipContracts.id).limit(1);
    const listed = await foreignAgent.resources.list({ resource: "isip.mine", state });
    expect(listed.rows).toHaveLength(0);
    expect(await appCodeOf(foreignAgent.resources.get({ resource: "isip.contracts", id: 999_999 }))).toBe("NOT_FOUND");
    const foreignClient = await newClient(chatelet, { lastName: "Autre" });
    const ct = tenantHandle(chatelet).t.isipContractTypes;
    const [own] = await tenantHandle(chatelet).db.select().from(ct).where(eq(ct.needsStudyType, false)).limit(1);
    // A contract made in Châtelet leaves Eupen's untouched.
    await foreignAgent.resources.create({
      resource: "isip.contracts",
      values: { client: foreignClient, type: own!.id, appliesFrom: "2031-01-01", appliesUntil: "2031-03-31" },
    });
    const eupenRow = await h().db.select().from(h().t.isipContracts).where(eq(h().t.isipContracts.id, row!.id));
    expect(eupenRow[0]!.version).toBe(row!.version);
    // Eupen's client id on Châtelet's host lists Châtelet's rows only (none, or that id's own there).
    const c = tenantHandle(chatelet);
    const ownEntries = await c.db
      .select({ id: c.t.calendarEntries.id })
      .from(c.t.calendarEntries)
      .where(and(eq(c.t.calendarEntries.clientId, client), eq(c.t.calendarEntries.ownerType, "isipContract")));
    const listed2 = foreignAgent.resources.list({
      resource: "isip.evaluations",
      state: { ...state, master: { field: "client", value: client } },
    });
    const result = await listed2.catch(() => null);
    if (result) expect(result.rows.map((r) => Number(r.__id)).sort()).toEqual(ownEntries.map((r) => r.id).sort());
    else expect(await appCodeOf(listed2)).toBe("NOT_FOUND");
  });
});

describe("partners of a contract", () => {
  it("an agent adds an organisation with its duties, sanitised", async () => {
    const [contract] = await h().db.select().from(h().t.isipContracts).orderBy(h().t.isipContracts.id).limit(1);
    const [company] = await h()
      .db.insert(h().t.partners)
      .values({ kind: "organisation", name: "Forem" })
      .returning({ id: h().t.partners.id });
    const { id } = await agent.resources.create({
      resource: "isip.partners",
      values: { contract: contract!.id, company: company!.id, dutiesCompany: "<p>Formation</p><script>x()</script>" },
    });
    const row = await agent.resources.get({ resource: "isip.partners", id });
    expect(row.dutiesCompany).toBe("<p>Formation</p>");
  });
});
