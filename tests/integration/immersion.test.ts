// Immersion trainings and proofs of job search on real centres (issue 17 item 6; domain-integ-money §0, §1,
// §2.3, §2.7, §2.8): an immersion training is a contract kind on the common base — its defaults, its
// evaluation meetings from the series engine, an overlap with an ISIP of the same group refused with
// Lino's message and nothing written; who may do what (§1, Lino's immersion and active_job_search tables);
// a centre not using Châtelet's field set has neither menus nor lists; nothing of one centre reachable
// from another; merging two clients moves their trainings and proofs.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "@/server/areas";
import { rolesInCentre, type UserType } from "@/server/auth/user-types";
import { closePools } from "@/server/db/pool";
import { immersionKind } from "@/server/immersion/kind";
import { menuFor } from "@/server/shell/menu";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import {
  clientWithContract,
  contractEvaluations,
  expectAccessPerUserType,
  integClient,
  isipTypeOf,
  type Access,
} from "./contract-kinds";
import { newClient, newStaff } from "./factories";
import { appCodeOf, callerOn, centreHost, errorAsSent, newCentre, newUser } from "./helpers";

afterAll(closePools);

type Caller = Awaited<ReturnType<typeof callerOn>>;

let chatelet: Tenant; // uses Châtelet's field set: immersion and job search on
let other: Tenant; // another centre using it too
let eupen: Tenant; // Eupen's field set only: both off
let agent: Caller; // 100, French
let agentId: number;
let staff: Caller; // 110
let admin: Caller; // 900
let foreign: Caller; // 900 of the other centre
let client: number;
let company: number;
let isipType: number;
let forem: number; // "Stage d'immersion", put in the contracts' overlap group below
let misip: number; // "MISIP", no overlap group
let goal: number;

const state = (over: Record<string, unknown> = {}) => ({
  page: 1,
  pageSize: 100,
  sort: [],
  filters: {},
  q: "",
  ...over,
});
const caller = newStaff;
const useSets = async (tenant: Tenant, sets: string[]) => {
  const h = tenantHandle(tenant);
  await h.db.update(h.t.siteSettings).set({ clientFieldSets: sets }).where(eq(h.t.siteSettings.id, 1));
};
const h = () => tenantHandle(chatelet);
const organisation = async (tenant: Tenant, name: string) => {
  const { db, t } = tenantHandle(tenant);
  const [row] = await db.insert(t.partners).values({ kind: "organisation", name }).returning({ id: t.partners.id });
  return row!.id;
};
const evaluationsOf = (contractId: number) => contractEvaluations(chatelet, immersionKind, contractId);
const counts = async () => {
  const { db, t } = h();
  const { rows } = await db.execute<{ contracts: number; entries: number; audits: number }>(sql`select
    (select count(*)::int from ${t.immersionContracts}) as contracts,
    (select count(*)::int from ${t.calendarEntries} where owner_type = 'immersionContract') as entries,
    (select count(*)::int from ${t.auditLog}) as audits`);
  return rows[0]!;
};
const create = (c: Caller, values: Record<string, unknown>) =>
  c.resources.create({ resource: "immersion.contracts", values: { client, company, type: forem, goal, ...values } });

beforeAll(async () => {
  [chatelet, other, eupen] = await Promise.all([
    newCentre("immersion-chatelet", "production"),
    newCentre("immersion-other", "production"),
    newCentre("immersion-eupen", "production"),
  ]);
  await Promise.all([useSets(chatelet, ["chatelet"]), useSets(other, ["chatelet"]), useSets(eupen, ["eupen"])]);
  const a = await caller(chatelet, "100", { language: "fr" });
  agent = a.caller;
  agentId = a.id;
  staff = (await caller(chatelet, "110")).caller;
  admin = (await caller(chatelet, "900")).caller;
  foreign = (await caller(other, "900")).caller;
  client = await integClient(chatelet, agentId, { firstName: "Émile", lastName: "Evrard", language: "fr" });
  company = await organisation(chatelet, "Boulangerie Mießen");
  const { db, t } = h();
  const types = await db.select().from(t.immersionContractTypes).orderBy(t.immersionContractTypes.id);
  forem = types.find((ty) => ty.names.en === "Immersion training")!.id;
  misip = types.find((ty) => ty.names.en === "MISIP")!.id;
  const [g] = await db.select().from(t.immersionGoals).orderBy(t.immersionGoals.id).limit(1);
  goal = g!.id;
  isipType = await isipTypeOf(chatelet);
});

describe("configuration (Lino's std fixture)", () => {
  it("every centre has the three immersion training types and the four goals", async () => {
    const { db, t } = tenantHandle(eupen);
    const types = await db.select().from(t.immersionContractTypes).orderBy(t.immersionContractTypes.id);
    expect(types.map((ty) => [ty.names.fr, ty.examPolicyId, ty.overlapGroup])).toEqual([
      ["Mise en situation interne", null, null],
      ["Stage d'immersion", null, null],
      ["MISIP", null, null],
    ]);
    const goals = await db.select().from(t.immersionGoals).orderBy(t.immersionGoals.id);
    expect(goals.map((g) => g.names.en)).toEqual([
      "Discover a job",
      "Confirm a professional project",
      "Gain work experience",
      "Show competences",
    ]);
  });

  it("integration staff configure the types; an integration agent may not", async () => {
    const { db, t } = h();
    const [monthly] = await db.select().from(t.examPolicies).where(eq(t.examPolicies.ref, "monthly"));
    const row = await staff.resources.get({ resource: "immersion.types", id: forem });
    const patch = { examPolicy: monthly!.id, overlapGroup: "contracts" };
    const refused = agent.resources.update({ resource: "immersion.types", id: forem, version: 1, patch });
    expect(await appCodeOf(refused)).toBe("FORBIDDEN");
    await staff.resources.update({ resource: "immersion.types", id: forem, version: Number(row.__version), patch });
    const [after] = await db.select().from(t.immersionContractTypes).where(eq(t.immersionContractTypes.id, forem));
    expect([after!.examPolicyId, after!.overlapGroup]).toEqual([monthly!.id, "contracts"]);
    const goalMade = agent.resources.create({
      resource: "immersion.goals",
      values: { name: { fr: "X", nl: "X", de: "X", en: "X" } },
    });
    expect(await appCodeOf(goalMade)).toBe("FORBIDDEN");
  });
});

describe("an immersion training and its evaluation meetings", () => {
  let contract: number;

  it("creating one completes it as the base does and generates monthly evaluations", async () => {
    const sector = await admin.resources.create({ resource: "cv.sectors", values: { name: { fr: "Horeca" } } });
    const fn = await admin.resources.create({
      resource: "cv.functions",
      values: { name: { fr: "Boulanger" }, sector: Number(sector.id) },
    });
    const { id } = await create(agent, { appliesFrom: "2031-01-15", appliesUntil: "2031-04-30" });
    const made = await agent.resources.get({ resource: "immersion.contracts", id });
    await agent.resources.update({
      resource: "immersion.contracts",
      id,
      version: Number(made.__version),
      patch: {
        sector: Number(sector.id),
        function: Number(fn.id),
        referencePerson: "M. Mießen",
        responsibilities: "<p>Cuire le pain</p><script>x()</script>",
      },
    });
    contract = Number(id);
    const row = await agent.resources.get({ resource: "immersion.contracts", id: contract });
    // The effective end defaults to the planned end; the policy comes from the type; the author is the agent.
    expect(row).toMatchObject({
      dateEnded: "2031-04-30",
      user: { id: agentId },
      company: { id: company },
      goal: { id: goal },
      sector: { id: Number(sector.id) },
      function: { id: Number(fn.id) },
      referencePerson: "M. Mießen",
      responsibilities: "<p>Cuire le pain</p>",
    });
    expect(row.examPolicy).not.toBeNull();
    // Monthly from 15 January 2031: 15 February is a Saturday → Monday 17; then 17 March, 17 April; 17 May is
    // past the end (30 April). The agent coaches the client (integration), so the meetings are the agent's.
    const entries = await evaluationsOf(contract);
    expect(entries.map((e) => [e.startDate, e.startTime, e.summary, e.userId, e.clientId])).toEqual([
      ["2031-02-17", "09:00:00", "Évaluation 1", agentId, client],
      ["2031-03-17", "09:00:00", "Évaluation 2", agentId, client],
      ["2031-04-17", "09:00:00", "Évaluation 3", agentId, client],
    ]);
    const { db, t } = h();
    const guests = await db.select().from(t.calendarGuests).where(eq(t.calendarGuests.entryId, entries[0]!.id));
    expect(guests.map((g) => g.partnerId)).toEqual([client]);
    // The author's task "Contract ends in a month", due 30 March 2031.
    const tasks = await db
      .select()
      .from(t.tasks)
      .where(and(eq(t.tasks.ownerType, "immersionContract"), eq(t.tasks.ownerId, contract)));
    expect(tasks.map((task) => [task.userId, task.startDate, task.summary])).toEqual([
      [agentId, "2031-03-30", "Le contrat se termine dans un mois"],
    ]);
  });

  it("they show on the training, on the client's Contracts tab and in My immersion trainings", async () => {
    const byContract = await agent.resources.list({
      resource: "immersion.evaluations",
      state: state({ master: { field: "ownerId", value: contract } }),
    });
    expect(byContract.rows).toHaveLength(3);
    const byClient = await agent.resources.list({
      resource: "isip.evaluations",
      state: state({ master: { field: "client", value: client } }),
    });
    expect(byClient.rows).toHaveLength(3);
    const onClient = await agent.resources.list({
      resource: "immersion.contracts",
      state: state({ master: { field: "client", value: client } }),
    });
    expect(onClient.rows.map((r) => Number(r.__id))).toEqual([contract]);
    const mine = await agent.resources.list({ resource: "immersion.mine", state: state() });
    expect(mine.rows.map((r) => Number(r.__id))).toEqual([contract]);
    const staffs = await staff.resources.list({ resource: "immersion.mine", state: state() });
    expect(staffs.rows).toHaveLength(0);
  });

  it("an ISIP overlapping a training of the same group is refused with Lino's message; nothing is written", async () => {
    const before = await counts();
    const made = agent.resources.create({
      resource: "isip.contracts",
      values: { client, type: isipType, appliesFrom: "2031-04-01", appliesUntil: "2031-09-30" },
    });
    const e = await made.catch((x: unknown) => x);
    expect(errorAsSent(e)).toMatchObject({
      httpStatus: 400,
      appCode: "INVALID_INPUT",
      params: { messageKey: "isip.overlap", kind: "stage d'immersion", id: contract },
    });
    expect(await counts()).toEqual(before);
  });

  it("a training overlapping an ISIP is refused naming the PIIS; neither training, entries nor audit rows are written", async () => {
    const { id: isip } = await agent.resources.create({
      resource: "isip.contracts",
      values: { client, type: isipType, appliesFrom: "2031-05-01", appliesUntil: "2031-10-31" },
    });
    const before = await counts();
    const e = await create(agent, { appliesFrom: "2031-10-01", appliesUntil: "2031-12-31" }).catch((x: unknown) => x);
    expect(errorAsSent(e)).toMatchObject({
      httpStatus: 400,
      appCode: "INVALID_INPUT",
      params: { messageKey: "isip.overlap", kind: "PIIS", id: Number(isip) },
    });
    expect(await counts()).toEqual(before);
    // Touching dates are no overlap; a type without a group overlaps nothing.
    expect(Number((await create(agent, { appliesFrom: "2031-11-01", appliesUntil: "2031-11-30" })).id)).toBeGreaterThan(
      0,
    );
    const free = await create(agent, { type: misip, appliesFrom: "2031-06-01", appliesUntil: "2031-06-30" });
    expect(Number(free.id)).toBeGreaterThan(0);
  });

  it("a training ending before it starts, an organisation that is a person, or a missing goal are refused", async () => {
    const before = await counts();
    const reversed = await create(agent, { type: misip, appliesFrom: "2032-05-02", appliesUntil: "2032-05-01" }).catch(
      (x: unknown) => x,
    );
    expect(errorAsSent(reversed)).toMatchObject({ httpStatus: 400, params: { messageKey: "isip.endsBeforeStart" } });
    expect(await appCodeOf(create(agent, { type: misip, appliesFrom: "2033-01-01", company: client }))).toBe(
      "INVALID_INPUT",
    );
    const noGoal = await create(agent, { type: misip, appliesFrom: "2033-01-01", goal: null }).catch((x: unknown) => x);
    expect(errorAsSent(noGoal).httpStatus).toBe(400);
    expect(await counts()).toEqual(before);
  });
});

describe("proofs of job search", () => {
  it("an integration agent records one on the client's Job search tab; the global list is integration staff's", async () => {
    const { id } = await agent.resources.create({
      resource: "jobsearch.proofs",
      values: { client, date: "2031-02-03", company, spontaneous: true, remarks: "Candidature déposée" },
    });
    const onClient = await agent.resources.list({
      resource: "jobsearch.proofs",
      state: state({ master: { field: "client", value: client } }),
    });
    expect(onClient.rows.map((r) => [Number(r.__id), r.date, r.spontaneous, r.response])).toEqual([
      [Number(id), "2031-02-03", true, false],
    ]);
    expect(await appCodeOf(agent.resources.list({ resource: "jobsearch.proofs", state: state() }))).toBe("FORBIDDEN");
    expect((await staff.resources.list({ resource: "jobsearch.proofs", state: state() })).rows).toHaveLength(1);
    // A proof names a client of the centre, and an organisation.
    expect(await appCodeOf(agent.resources.create({ resource: "jobsearch.proofs", values: { client: company } }))).toBe(
      "INVALID_INPUT",
    );
    expect(
      await appCodeOf(agent.resources.create({ resource: "jobsearch.proofs", values: { client, company: client } })),
    ).toBe("INVALID_INPUT");
  });
});

describe("who may do what (§1; Lino: immersion.Contracts IntegUser, ContractsByClient IntegUser or SocialCoordinator)", () => {
  it("each user type's access to a client's trainings and proofs", async () => {
    const expected: Record<UserType, Access> = {
      "000": "none",
      "100": "edit",
      "110": "edit",
      "120": "edit",
      "200": "none",
      "210": "read",
      "220": "none",
      "300": "none",
      "400": "read",
      "410": "read",
      "420": "edit",
      "500": "none",
      "510": "none",
      "800": "none",
      "900": "edit",
      "910": "edit",
    };
    const [training] = await h().db.select().from(h().t.immersionContracts).limit(1);
    const [proof] = await h().db.select().from(h().t.jobSearchProofs).limit(1);
    // Anonymous ("000") has no session: the access walk checks it is refused everything.
    await expectAccessPerUserType(
      chatelet,
      expected,
      (c) => c.resources.get({ resource: "immersion.contracts", id: training!.id }),
      (c, i) => create(c, { type: misip, appliesFrom: `${2040 + i}-01-01`, appliesUntil: null }),
      async (c, type, access) => {
        // Proofs: Lino's ProofsByClient is IntegUser's only.
        const proofRead = await appCodeOf(c.resources.get({ resource: "jobsearch.proofs", id: proof!.id }));
        expect([type, proofRead]).toEqual([type, access === "edit" ? "resolved" : "FORBIDDEN"]);
      },
    );
  });

  it("a centre not using Châtelet's field set has neither menus nor lists nor rows of them", async () => {
    const { user, claims } = await newUser(eupen, "900");
    const c = await callerOn(centreHost(eupen.slug), {}, claims);
    const menu = JSON.stringify(menuFor({ roles: rolesInCentre(user.userType as UserType, ["eupen"]) }, registry));
    expect(menu).not.toContain("immersion.");
    expect(menu).not.toContain("jobsearch.");
    for (const resource of ["immersion.contracts", "immersion.mine", "immersion.types", "jobsearch.proofs"])
      expect([resource, await appCodeOf(c.resources.list({ resource, state: state() }))]).toEqual([
        resource,
        "FORBIDDEN",
      ]);
    const eupenClient = await newClient(eupen, { lastName: "Ernst" });
    const made = c.resources.create({
      resource: "immersion.contracts",
      values: {
        client: eupenClient,
        company: await organisation(eupen, "X"),
        type: misip,
        goal,
        appliesFrom: "2031-01-01",
      },
    });
    expect(await appCodeOf(made)).toBe("FORBIDDEN");
    // Châtelet's menus have them, for the same user type.
    const chateletMenu = JSON.stringify(
      menuFor({ roles: rolesInCentre(user.userType as UserType, ["chatelet"]) }, registry),
    );
    expect(chateletMenu).toContain("immersion.contracts.mine");
    expect(chateletMenu).toContain("jobsearch.proofs.title");
  });
});

describe("one centre never reaches another's trainings or proofs", () => {
  it("through any route: lists, details, changes, deletions, evaluations, new rows on its clients", async () => {
    const { db, t } = h();
    const [training] = await db.select().from(t.immersionContracts).orderBy(t.immersionContracts.id).limit(1);
    const [proof] = await db.select().from(t.jobSearchProofs).limit(1);
    const before = await counts();
    const o = tenantHandle(other);
    expect(await o.db.select().from(o.t.immersionContracts)).toHaveLength(0);
    for (const resource of ["immersion.contracts", "immersion.mine", "immersion.evaluations", "jobsearch.proofs"]) {
      const listed = await foreign.resources.list({ resource, state: state() }).catch(() => ({ rows: [] }));
      expect([resource, listed.rows.length]).toEqual([resource, 0]);
    }
    for (const [resource, id] of [
      ["immersion.contracts", training!.id],
      ["jobsearch.proofs", proof!.id],
    ] as const) {
      expect(await appCodeOf(foreign.resources.get({ resource, id }))).toBe("NOT_FOUND");
      expect(await appCodeOf(foreign.resources.update({ resource, id, version: 1, patch: { remark: "x" } }))).not.toBe(
        "resolved",
      );
      expect(await appCodeOf(foreign.resources.remove({ resource, id, version: 1 }))).not.toBe("resolved");
    }
    // Listed on its training's id there: that training is not found (or, were the id another's there, none of its rows).
    const evaluations = foreign.resources.list({
      resource: "immersion.evaluations",
      state: state({ master: { field: "ownerId", value: training!.id } }),
    });
    expect(await appCodeOf(evaluations)).toBe("NOT_FOUND");
    const onClient = foreign.resources.list({
      resource: "immersion.contracts",
      state: state({ master: { field: "client", value: client } }),
    });
    expect(await appCodeOf(onClient)).toBe("NOT_FOUND");
    // Châtelet's client and organisation, named on the other centre's host: refused there, nothing written anywhere.
    const made = foreign.resources.create({
      resource: "immersion.contracts",
      values: { client, company, type: misip, goal, appliesFrom: "2031-01-01" },
    });
    expect(await appCodeOf(made)).not.toBe("resolved");
    expect(await o.db.select().from(o.t.immersionContracts)).toHaveLength(0);
    const [after] = await db.select().from(t.immersionContracts).where(eq(t.immersionContracts.id, training!.id));
    expect(after).toEqual(training);
    expect(await counts()).toEqual(before);
  });
});

describe("merging two clients", () => {
  it("moves the duplicate's trainings and proofs to the kept client", async () => {
    const { client: dup, contract: training } = await clientWithContract(
      chatelet,
      immersionKind,
      { id: agentId, caller: agent },
      { company, type: misip, goal, appliesFrom: "2035-01-01", appliesUntil: "2035-02-28" },
      { client: { firstName: "Émile", lastName: "Evrart", language: "fr" } },
    );
    const { id: proof } = await agent.resources.create({
      resource: "jobsearch.proofs",
      values: { client: dup, date: "2035-01-10", company },
    });
    const { db, t } = h();
    const [kept] = await db.select({ v: t.partners.version }).from(t.partners).where(eq(t.partners.id, client));
    await admin.resources.action({
      resource: "clients.clients",
      id: client,
      name: "mergeInto",
      params: { merged: dup, reason: "" },
      version: kept!.v,
    });
    const [tr] = await db.select().from(t.immersionContracts).where(eq(t.immersionContracts.id, training));
    const [pr] = await db
      .select()
      .from(t.jobSearchProofs)
      .where(eq(t.jobSearchProofs.id, Number(proof)));
    expect([tr!.clientId, pr!.clientId]).toEqual([client, client]);
  });
});
