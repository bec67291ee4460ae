// Art. 60§7 contracts on a real centre (issue 17 items 5 and 10; domain-integ-money §2.3, §2.5): the job
// imposes its type, provider and rate; the duration and planned end follow the client's age (36 and 50);
// an overlap with an ISIP of the same group is refused both ways with Lino's message and nothing written;
// the client's active candidatures become inactive; evaluation meetings come from the series engine;
// the contracts situation and its exports; the offer's matching panels; who may do what; and nothing of
// one centre reachable from another.
import ExcelJS from "exceljs";
import { eq, sql } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "@/server/areas";
import { resolveSessionUser } from "@/server/auth/session";
import { closePools } from "@/server/db/pool";
import { createTenant } from "@/server/tenancy/lifecycle";
import { renderPdf } from "@/server/resources/export/pdf";
import { planExport } from "@/server/resources/export/rows";
import { xlsxStream } from "@/server/resources/export/xlsx";
import { art60Kind } from "@/server/jobs/kind";
import { situationResource } from "@/server/jobs/situation";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import {
  clientWithContract,
  contractEvaluations,
  expectAccessPerUserType,
  isipTypeOf,
  INTEG_CONTRACT_ACCESS,
} from "./contract-kinds";
import { newClient, newCoaching, newStaff } from "./factories";
import { appCodeOf, errorAsSent, newCentre, type callerOn } from "./helpers";

afterAll(closePools);

type Caller = Awaited<ReturnType<typeof callerOn>>;

let eupen: Tenant;
let chatelet: Tenant;
let agent: Caller;
let agentId: number;
let foreign: Caller;
let provider: number;
let job: number;
let art60a: number;
let isipType: number;

const state = (over: Record<string, unknown> = {}) => ({
  page: 1,
  pageSize: 100,
  sort: [],
  filters: {},
  q: "",
  ...over,
});
const caller = newStaff;
const h = () => tenantHandle(eupen);
const create = (c: Caller, resource: string, values: Record<string, unknown>) =>
  c.resources.create({ resource, values, confirmed: true }).then((r) => Number(r.id));
const contract = (c: Caller, values: Record<string, unknown>) => create(c, "jobs.contracts", { job, ...values });
const counts = async () => {
  const { db, t } = h();
  const [row] = await db
    .execute<{ contracts: number; entries: number; audit: number }>(
      sql`select (select count(*)::int from ${t.jobContracts}) as contracts,
        (select count(*)::int from ${t.calendarEntries} where owner_type = 'art60Contract') as entries,
        (select count(*)::int from ${t.isipContracts}) as isips`,
    )
    .then((r) => r.rows);
  return row!;
};
const evaluationsOf = (id: number) => contractEvaluations(eupen, art60Kind, id);

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([
    newCentre("art60-eupen", "production"),
    newCentre("art60-chatelet", "production"),
  ]);
  const a = await caller(eupen, "100", { language: "fr" });
  agent = a.caller;
  agentId = a.user.id;
  foreign = (await caller(chatelet, "900")).caller;
  const { db, t } = h();
  const [a7] = await db.select().from(t.jobContractTypes).where(eq(t.jobContractTypes.ref, "art60-7a"));
  art60a = a7!.id;
  isipType = await isipTypeOf(eupen);
  const admin = (await caller(eupen, "900")).caller;
  const organisation = await create(admin, "contacts.organisations", { name: "BISA", language: "de" });
  provider = await create(agent, "jobs.providers", { company: organisation });
  job = await create(agent, "jobs.jobs", { name: "Koch", provider, contractType: art60a, hourlyRate: 1250 });
});

describe("a new centre", () => {
  it("has Lino's five Art. 60§7 contract types, in the contracts' overlap group, evaluated every three months", async () => {
    const { db, t } = tenantHandle(chatelet);
    const types = await db.select().from(t.jobContractTypes).orderBy(t.jobContractTypes.id);
    expect(types.map((r) => [r.ref, r.overlapGroup])).toEqual(
      ["art60-7a", "art60-7b", "art60-7c", "art60-7d", "art60-7e"].map((ref) => [ref, "contracts"]),
    );
    const [policy] = await db.select().from(t.examPolicies).where(eq(t.examPolicies.id, types[0]!.examPolicyId!));
    expect([policy!.every, policy!.everyUnit]).toEqual([3, "monthly"]);
  });
});

describe("the demo (§2.5)", () => {
  it("Eupen: 16 contracts on the 8 jobs, with their evaluation meetings, none on a client who has a demo ISIP", async () => {
    const { tenant } = await createTenant(
      { slug: `art60-demo-${Date.now()}`, names: { fr: "CPAS Eupen" }, defaultLocale: "de", kind: "training" },
      "test",
    );
    const { db, t } = tenantHandle(tenant);
    const [row] = await db
      .execute<{ contracts: number; jobs: number; evaluations: number; shared: number }>(
        sql`select (select count(*)::int from ${t.jobContracts}) as contracts,
          (select count(distinct job_id)::int from ${t.jobContracts}) as jobs,
          (select count(*)::int from ${t.calendarEntries} where owner_type = 'art60Contract') as evaluations,
          (select count(*)::int from ${t.isipContracts} i join ${t.jobContracts} j on i.client_id = j.client_id) as shared`,
      )
      .then((r) => r.rows);
    expect([row!.contracts, row!.jobs, row!.shared]).toEqual([16, 8, 0]);
    expect(row!.evaluations).toBeGreaterThan(16);
  });
});

describe("an Art. 60§7 contract", () => {
  let client: number;
  let id: number;

  it("takes its type, provider and hourly rate from the job; 312 days under 36, the end 312 calendar days on", async () => {
    // Born 15 June 1995: 34.7 years on 1 March 2030.
    client = await newClient(eupen, { firstName: "Anna", lastName: "Arens", birthDate: "1995-06-15" });
    id = await contract(agent, { client, appliesFrom: "2030-03-01" });
    const row = await agent.resources.get({ resource: "jobs.contracts", id });
    expect(row.type).toMatchObject({ id: art60a });
    expect(row.company).toMatchObject({ id: provider });
    expect(row.hourlyRate).toBe(1250);
    expect(row.duration).toBe(312);
    // 1 March 2030 + 312 days = 7 January 2031; the effective end follows the planned one.
    expect([row.appliesUntil, row.dateEnded]).toEqual(["2031-01-07", "2031-01-07"]);
  });

  it("generates its evaluation meetings every three months through the series engine", async () => {
    // 1 June 2030 is a Saturday → Monday 3 June; then 3 September and 3 December (Tuesdays); 3 March 2031 is past the end.
    const entries = await evaluationsOf(id);
    expect(entries.map((e) => [e.startDate, e.userId, e.clientId])).toEqual([
      ["2030-06-03", agentId, client],
      ["2030-09-03", agentId, client],
      ["2030-12-03", agentId, client],
    ]);
    const listed = await agent.resources.list({
      resource: "jobs.evaluations",
      state: state({ master: { field: "ownerId", value: id } }),
    });
    expect(listed.rows).toHaveLength(3);
    // The client's Contracts tab: its Art. 60§7 contracts and the evaluations of all its contracts.
    const byClient = await agent.resources.list({
      resource: "jobs.contracts",
      state: state({ master: { field: "client", value: client } }),
    });
    expect(byClient.rows.map((r) => Number(r.__id))).toEqual([id]);
    const evaluations = await agent.resources.list({
      resource: "isip.evaluations",
      state: state({ master: { field: "client", value: client } }),
    });
    expect(evaluations.rows).toHaveLength(3);
  });

  it("is listed on its job, its provider and in My Art. 60§7 contracts", async () => {
    for (const [field, value] of [
      ["job", job],
      ["company", provider],
    ] as const) {
      const listed = await agent.resources.list({
        resource: "jobs.contracts",
        state: state({ master: { field, value } }),
      });
      expect(listed.rows.map((r) => Number(r.__id))).toContain(id);
    }
    const mine = await agent.resources.list({ resource: "jobs.myContracts", state: state() });
    expect(mine.rows.map((r) => Number(r.__id))).toContain(id);
  });

  it("an ISIP overlapping it is refused, naming it, and nothing is written", async () => {
    const before = await counts();
    const made = create(agent, "isip.contracts", {
      client,
      type: isipType,
      appliesFrom: "2030-12-01",
      appliesUntil: "2031-05-31",
    });
    const e = await made.catch((x: unknown) => x);
    expect(errorAsSent(e)).toMatchObject({
      httpStatus: 400,
      params: { messageKey: "isip.overlap", kind: "contrat art. 60§7", id },
    });
    expect(await counts()).toEqual(before);
    // Touching dates are no overlap: an ISIP from the day after the end.
    expect(
      await create(agent, "isip.contracts", {
        client,
        type: isipType,
        appliesFrom: "2031-01-08",
        appliesUntil: "2031-06-30",
      }),
    ).toBeGreaterThan(0);
  });

  it("overlapping an ISIP is refused with Lino's message, neither contract nor meetings written", async () => {
    const before = await counts();
    const e = await contract(agent, { client, appliesFrom: "2031-03-01" }).catch((x: unknown) => x);
    expect(errorAsSent(e)).toMatchObject({ httpStatus: 400, params: { messageKey: "isip.overlap", kind: "PIIS" } });
    expect(await counts()).toEqual(before);
  });
});

describe("the duration by the client's age (§2.5)", () => {
  const cases: [birthDate: string, age: string, duration: number, until: string][] = [
    ["1994-03-20", "35.97", 312, "2031-01-07"],
    ["1994-03-01", "36.02", 468, "2031-06-12"],
    ["1980-03-20", "49.98", 468, "2031-06-12"],
    ["1980-03-01", "50.03", 624, "2031-11-15"],
  ];
  for (const [birthDate, age, duration, until] of cases) {
    it(`born ${birthDate} (${age} years on 1 March 2030): ${duration} working days, until ${until}`, async () => {
      const client = await newClient(eupen, { lastName: "Alter", birthDate });
      const id = await contract(agent, { client, appliesFrom: "2030-03-01" });
      const row = await agent.resources.get({ resource: "jobs.contracts", id });
      expect([row.duration, row.appliesUntil]).toEqual([duration, until]);
    });
  }

  it("a given duration without a planned end: duration / 26 months less a day", async () => {
    const client = await newClient(eupen, { lastName: "Dauer", birthDate: "1990-01-01" });
    const id = await contract(agent, { client, appliesFrom: "2030-03-01", duration: 468 });
    const row = await agent.resources.get({ resource: "jobs.contracts", id });
    expect([row.duration, row.appliesUntil]).toEqual([468, "2031-08-31"]);
  });

  it("without a job, or with a job that does not exist, it is refused with a 400, nothing written", async () => {
    const client = await newClient(eupen, { lastName: "Ohne" });
    const before = await counts();
    for (const values of [
      { client, type: art60a, appliesFrom: "2030-03-01" },
      { client, type: art60a, job: 999_999, appliesFrom: "2030-03-01" },
    ]) {
      const e = await agent.resources.create({ resource: "jobs.contracts", values }).catch((x: unknown) => x);
      expect(errorAsSent(e)).toMatchObject({ httpStatus: 400 });
    }
    expect(await counts()).toEqual(before);
  });
});

describe("candidatures and the contracts situation", () => {
  let client: number;
  let other: number;
  let cands: number[];
  let id: number;

  beforeAll(async () => {
    client = await newClient(eupen, { firstName: "Bruno", lastName: "Brecht", birthDate: "1990-01-01" });
    other = await newClient(eupen, { firstName: "Carla", lastName: "Cremer", birthDate: "1990-01-01" });
    // Both coached today by the agent (the situation lists coached clients' candidatures).
    for (const c of [client, other]) await newCoaching(eupen, c, agentId, { startDate: "2020-01-01" });
    const { db, t } = h();
    const rows = await db
      .insert(t.candidatures)
      .values([
        { clientId: client, jobId: job, dateSubmitted: "2025-01-01", state: "10" },
        { clientId: client, dateSubmitted: "2025-02-01", state: "10" },
        { clientId: client, jobId: job, dateSubmitted: "2025-03-01", state: "20" },
        { clientId: other, jobId: job, dateSubmitted: "2025-04-01", state: "20" },
      ])
      .returning({ id: t.candidatures.id });
    cands = rows.map((r) => r.id);
  });

  const statesOf = async () => {
    const { db, t } = h();
    const rows = await db.select().from(t.candidatures).orderBy(t.candidatures.id);
    return cands.map((c) => rows.find((r) => r.id === c)!.state);
  };

  it("a contract that ended already leaves the client's candidatures alone", async () => {
    await contract(agent, { client, appliesFrom: "2020-01-01", appliesUntil: "2020-12-31" });
    expect(await statesOf()).toEqual(["10", "10", "20", "20"]);
  });

  it("a contract for a job still running makes the client's active candidatures inactive, audited", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const from = `${Number(today.slice(0, 4)) - 1}-06-01`;
    id = await contract(agent, { client, appliesFrom: from, appliesUntil: `${Number(today.slice(0, 4)) + 2}-05-31` });
    expect(await statesOf()).toEqual(["30", "30", "20", "20"]);
    const { db, t } = h();
    const audit = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from ${t.auditLog} where entity = 'jobs.candidatures' and entity_id = ${String(cands[0])}`,
    );
    expect(audit.rows[0]!.n).toBeGreaterThan(0);
  });

  it("the situation lists the job under its type with who works, who is on probation", async () => {
    const listed = await agent.resources.list({ resource: "jobs.situation", state: state() });
    const row = listed.rows.find((r) => Number(r.__id) === job)!;
    expect(row.job).toBe("Koch @ BISA (1)");
    expect(String(row.working)).toMatch(/BRECHT Bruno.* jusqu'au /i);
    expect(String(row.probation)).toMatch(/BRECHT Bruno.*CREMER Carla/i);
    expect(row.candidates).toBe("");
  });

  it("prints to PDF and exports to XLSX through the lists' export", async () => {
    const { claims } = await newStaff(eupen, "100", { language: "de" });
    const handle = tenantHandle(eupen);
    const ctx = { handle, user: (await resolveSessionUser(handle, eupen, claims))!, locale: "de" as const, registry };
    const plan = await planExport(ctx, situationResource, state(), []);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await renderPdf(plan, eupen))), {
      mergePages: true,
    });
    expect(text).toContain("Koch @ BISA (1)");
    expect(text).toMatch(/bis \d\d\.\d\d\.\d{4}/);
    const workbook = new ExcelJS.Workbook();
    const chunks = Buffer.from(await new Response(xlsxStream(plan)).arrayBuffer());
    await workbook.xlsx.load(chunks as never);
    const cells = workbook.worksheets[0]!.getSheetValues().flat().map(String);
    expect(cells.some((c) => c.includes("Koch @ BISA (1)"))).toBe(true);
  });

  it("the contract's evaluations exist after the save", async () => {
    expect((await evaluationsOf(id)).length).toBeGreaterThan(0);
  });
});

describe("the offer's matching experiences and candidates", () => {
  it("shows the experiences and candidatures of its sector and function", async () => {
    const { db, t } = h();
    const [sector] = await db.select().from(t.cvSectors).orderBy(t.cvSectors.id).limit(1);
    const functions = await db.select().from(t.cvFunctions).orderBy(t.cvFunctions.id).limit(2);
    if (!sector || functions.length < 2) {
      const [s] = await db
        .insert(t.cvSectors)
        .values({ names: { fr: "Horeca", nl: "Horeca", de: "Horeca", en: "Horeca" } })
        .returning();
      const fs = await db
        .insert(t.cvFunctions)
        .values([
          { names: { fr: "Cuisinier", nl: "Kok", de: "Koch", en: "Cook" }, sectorId: s!.id },
          { names: { fr: "Serveur", nl: "Kelner", de: "Kellner", en: "Waiter" }, sectorId: s!.id },
        ])
        .returning();
      functions.splice(0, functions.length, ...fs);
    }
    const [cook, waiter] = functions;
    const client = await newClient(eupen, { lastName: "Matcher" });
    const offer = await create(agent, "jobs.offers", { name: "Koch (m/w)", provider, function: cook!.id });
    const exp1 = await create(agent, "cv.experiences", { client, company: "Hotel", function: cook!.id });
    await create(agent, "cv.experiences", { client, company: "Café", function: waiter!.id });
    const [cand] = await db
      .insert(t.candidatures)
      .values({ clientId: client, functionId: cook!.id, dateSubmitted: "2025-01-01" })
      .returning();
    await db.insert(t.candidatures).values({ clientId: client, functionId: waiter!.id, dateSubmitted: "2025-01-02" });
    const experiences = await agent.resources.list({
      resource: "jobs.offerExperiences",
      state: state({ master: { field: "offer", value: offer } }),
    });
    expect(experiences.rows.map((r) => Number(r.__id))).toEqual([exp1]);
    const candidates = await agent.resources.list({
      resource: "jobs.offerCandidatures",
      state: state({ master: { field: "offer", value: offer } }),
    });
    expect(candidates.rows.map((r) => Number(r.__id))).toEqual([cand!.id]);
  });
});

describe("merging two clients", () => {
  it("moves the merged client's Art. 60§7 contracts, and their meetings stay theirs", async () => {
    const kept = await newClient(eupen, { firstName: "Dora", lastName: "Doppel" });
    const { client: dup, contract: id } = await clientWithContract(
      eupen,
      art60Kind,
      { id: agentId, caller: agent },
      { job, appliesFrom: "2035-01-01", appliesUntil: "2035-12-31" },
      { client: { firstName: "Dora", lastName: "Doppel" } },
    );
    const admin = (await caller(eupen, "900")).caller;
    const [partner] = await h().db.select().from(h().t.partners).where(eq(h().t.partners.id, kept));
    await admin.resources.action({
      resource: "clients.clients",
      id: kept,
      name: "mergeInto",
      params: { merged: dup, reason: "" },
      version: partner!.version,
    });
    const [row] = await h().db.select().from(h().t.jobContracts).where(eq(h().t.jobContracts.id, id));
    expect(row!.clientId).toBe(kept);
    expect((await evaluationsOf(id)).length).toBeGreaterThan(0);
  });
});

describe("who may do what (§1)", () => {
  it("each user type's access to a client's Art. 60§7 contracts", async () => {
    const [row] = await h().db.select().from(h().t.jobContracts).limit(1);
    await expectAccessPerUserType(
      eupen,
      INTEG_CONTRACT_ACCESS,
      (c) => c.resources.get({ resource: "jobs.contracts", id: row!.id }),
      async (c, i) => {
        const client = await newClient(eupen, { lastName: `Typ${i}` });
        return c.resources.create({
          resource: "jobs.contracts",
          values: { client, job, appliesFrom: `2040-0${(i % 9) + 1}-01` },
        });
      },
    );
  });

  it("configuring contract types is social staff's", async () => {
    const values = { name: { fr: "X", nl: "X", de: "X", en: "X" } };
    expect(await appCodeOf(agent.resources.create({ resource: "jobs.contractTypes", values }))).toBe("FORBIDDEN");
    const staff = (await caller(eupen, "110")).caller;
    expect(Number((await staff.resources.create({ resource: "jobs.contractTypes", values })).id)).toBeGreaterThan(0);
  });
});

describe("one centre never reaches another's contracts", () => {
  it("through no route: list, detail, slaves, update, delete, situation, evaluations", async () => {
    const [row] = await h().db.select().from(h().t.jobContracts).orderBy(h().t.jobContracts.id).limit(1);
    expect((await foreign.resources.list({ resource: "jobs.contracts", state: state() })).rows).toHaveLength(0);
    expect((await foreign.resources.list({ resource: "jobs.myContracts", state: state() })).rows).toHaveLength(0);
    expect((await foreign.resources.list({ resource: "jobs.situation", state: state() })).rows).toHaveLength(0);
    expect(await appCodeOf(foreign.resources.get({ resource: "jobs.contracts", id: row!.id }))).toBe("NOT_FOUND");
    const update = foreign.resources.update({
      resource: "jobs.contracts",
      id: row!.id,
      version: row!.version,
      patch: { remark: "x" },
    });
    expect(await appCodeOf(update)).toBe("NOT_FOUND");
    expect(
      await appCodeOf(foreign.resources.remove({ resource: "jobs.contracts", id: row!.id, version: row!.version })),
    ).toBe("NOT_FOUND");
    for (const [resource, field, value] of [
      ["jobs.contracts", "client", row!.clientId],
      ["jobs.contracts", "job", row!.jobId],
      ["jobs.contracts", "company", row!.companyId!],
      ["jobs.evaluations", "ownerId", row!.id],
    ] as const) {
      const listed = foreign.resources.list({ resource, state: state({ master: { field, value } }) });
      const result = await listed.catch(() => null);
      if (result) expect([resource, field, result.rows]).toEqual([resource, field, []]);
      else expect(await appCodeOf(listed)).toBe("NOT_FOUND");
    }
    const [after] = await h().db.select().from(h().t.jobContracts).where(eq(h().t.jobContracts.id, row!.id));
    expect(after!.version).toBe(row!.version);
  });
});
