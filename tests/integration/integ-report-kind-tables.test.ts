// The activity report's tables proper to a contract kind (domain-integ-money §2.9, Lino's
// CompaniesAndContracts, StudyTypesAndContracts, JobProvidersAndContracts), the ISIP's study type
// (§2.4) and an organisation's contracts (Lino's ContractsByProvider / ContractsByCompany): figures
// hand-computed from a small fixture, each count drilling down to exactly the contracts it counts,
// the downloads, who sees what, and nothing of one centre in another's.
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePools } from "@/server/db/pool";
import { reportDownload } from "@/server/integ/reports/download";
import type { Report } from "@/server/integ/reports/report";
import type { Tenant } from "@/server/tenancy/registry";
import { translatorFor } from "@/server/i18n/translator";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient } from "./factories";
import { appCodeOf, callerOn, centreHost, errorAsSent, newCentre, newUser } from "./helpers";

afterAll(closePools);

type Caller = Awaited<ReturnType<typeof callerOn>>;
type UserType = Parameters<typeof newUser>[1];

const YEAR = { from: "2030-01-01", to: "2030-12-31" };
const names = (en: string) => ({ fr: en, nl: en, de: en, en });

let eupen: Tenant;
let chatelet: Tenant;
let agent: Caller;
let agentClaims: Awaited<ReturnType<typeof newUser>>["claims"];
let typeA: number; // needs a study type
let typeB: number;
let s1: number;
let s2: number;
let alpha: number;
let beta: number;
let gamma: number;
let delta: number;
let prov1: number;
let prov2: number;
let notProvider: number;
let jobT1: number;
let jobT2: number;
let employer: number;

const caller = async (tenant: Tenant, type: UserType) => {
  const { user, claims } = await newUser(tenant, type, { language: "en", firstName: "Alicia", lastName: "Agent" });
  return { user, claims, caller: await callerOn(centreHost(tenant.slug), {}, claims) };
};

const tableOf = (report: Report, id: string) => {
  const table = report.sections.flatMap((s) => s.tables).find((tb) => tb.id === id);
  if (!table) throw new Error(`no table ${id}`);
  return table;
};
/** A table as { row label: [count per named column…, total] }. */
const grid = (report: Report, id: string, columns: string[]) => {
  const table = tableOf(report, id);
  const at = columns.map((c) => table.columns.indexOf(c));
  expect(at).not.toContain(-1);
  return Object.fromEntries(
    table.rows.map((r) => [r.label, [...at.map((i) => r.cells[i]!.value), r.cells.at(-1)!.value]]),
  );
};

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([
    newCentre("actrep-eupen", "production"),
    newCentre("actrep-chat", "production"),
  ]);
  const a = await caller(eupen, "100");
  agent = a.caller;
  agentClaims = a.claims;
  const { db, t } = tenantHandle(eupen);
  const [ta, tb] = await db
    .insert(t.isipContractTypes)
    .values([
      { names: names("Type A"), ref: "kta", needsStudyType: true },
      { names: names("Type B"), ref: "ktb" },
    ])
    .returning();
  typeA = ta!.id;
  typeB = tb!.id;
  const [st1, st2] = await db
    .insert(t.cvStudyTypes)
    .values([{ names: names("Study One") }, { names: names("Study Two") }])
    .returning();
  s1 = st1!.id;
  s2 = st2!.id;
  const org = async (name: string) =>
    (await db.insert(t.partners).values({ kind: "organisation", name }).returning({ id: t.partners.id }))[0]!.id;
  const orgs = await Promise.all(
    ["Alpha", "Beta", "Gamma", "Delta", "Prov One", "Prov Two", "Not A Provider", "Employer"].map(org),
  );
  [alpha, beta, gamma, delta, prov1, prov2, notProvider, employer] = orgs as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const userId = a.user.id;
  const isip = async (typeId: number, studyTypeId: number | null, appliesFrom: string, until: string | null) => {
    const [row] = await db
      .insert(t.isipContracts)
      .values({
        clientId: await newClient(eupen, { firstName: "I", lastName: appliesFrom }),
        userId,
        typeId,
        studyTypeId,
        appliesFrom,
        appliesUntil: until,
        dateEnded: until,
      })
      .returning({ id: t.isipContracts.id });
    return row!.id;
  };
  const partners = (contractId: number, ...companies: number[]) =>
    db.insert(t.isipPartners).values(companies.map((companyId) => ({ contractId, companyId })));
  const i1 = await isip(typeA, s1, "2030-02-01", "2030-06-30"); // inside the period
  const i2 = await isip(typeA, s2, "2029-01-01", "2029-12-31"); // ends the day before
  const i3 = await isip(typeB, s1, "2030-12-31", null); // starts on its last day; B needs none, has one
  await isip(typeA, s1, "2028-01-01", null); // open end across the period, no partner
  const i5 = await isip(typeB, null, "2030-05-01", "2030-05-31");
  await partners(i1, alpha, beta);
  await partners(i2, beta, delta);
  await partners(i3, alpha, alpha); // the same organisation twice: one contract
  await partners(i5, gamma);

  // Art. 60§7: two providers and an organisation that is none.
  await db.insert(t.jobProviders).values([{ companyId: prov1 }, { companyId: prov2 }]);
  const [j1, j2] = await db
    .insert(t.jobContractTypes)
    .values([{ names: names("Job T1") }, { names: names("Job T2") }])
    .returning();
  jobT1 = j1!.id;
  jobT2 = j2!.id;
  const [job] = await db.insert(t.jobs).values({ name: "Sorting", providerId: prov1 }).returning();
  const art60 = async (typeId: number, companyId: number, appliesFrom: string, until: string | null) =>
    db.insert(t.jobContracts).values({
      clientId: await newClient(eupen, { firstName: "J", lastName: appliesFrom }),
      jobId: job!.id,
      userId,
      typeId,
      companyId,
      appliesFrom,
      appliesUntil: until,
      dateEnded: until,
    });
  await art60(jobT1, prov1, "2030-03-01", "2031-02-28");
  await art60(jobT2, prov1, "2029-01-01", "2029-06-30");
  await art60(jobT2, notProvider, "2030-01-01", "2030-12-31");
  await art60(jobT1, prov2, "2030-12-31", null);

  // An Art. 61 contract at the employer.
  const [art61Type] = await db.select().from(t.art61ContractTypes).limit(1);
  await db.insert(t.art61Contracts).values({
    clientId: await newClient(eupen, { firstName: "K", lastName: "Art61" }),
    companyId: employer,
    typeId: art61Type!.id,
    appliesFrom: "2030-01-01",
    appliesUntil: "2030-12-31",
  });

  // Châtelet: an ISIP with a partner and a study type, active all through 2030; never in Eupen's figures.
  const other = tenantHandle(chatelet);
  const [otherType] = await other.db.select().from(other.t.isipContractTypes).limit(1);
  const [otherStudy] = await other.db
    .insert(other.t.cvStudyTypes)
    .values({ names: names("Study One") })
    .returning();
  const [otherOrg] = await other.db
    .insert(other.t.partners)
    .values({ kind: "organisation", name: "Alpha" })
    .returning();
  const [otherIsip] = await other.db
    .insert(other.t.isipContracts)
    .values({
      clientId: await newClient(chatelet, { firstName: "X", lastName: "Elsewhere" }),
      typeId: otherType!.id,
      studyTypeId: otherStudy!.id,
      appliesFrom: "2030-01-01",
      appliesUntil: "2030-12-31",
      dateEnded: "2030-12-31",
    })
    .returning();
  await other.db.insert(other.t.isipPartners).values({ contractId: otherIsip!.id, companyId: otherOrg!.id });
});

describe("the activity report's kind-specific tables (§2.9)", () => {
  it("counts ISIPs active in the period by external partner × type, rows without any left out", async () => {
    const report = await agent.integ.activityReport(YEAR);
    // Alpha: i1 (A), i3 (B, twice a partner: once); Beta: i1 (i2 ended before); Gamma: i5; Delta: only i2.
    expect(grid(report, "isip.partners", ["Type A", "Type B"])).toEqual({
      Alpha: [1, 1, 2],
      Beta: [1, 0, 1],
      Gamma: [0, 1, 1],
    });
    const table = tableOf(report, "isip.partners");
    expect(table.title).toBe("ISIP: active contracts by external organisation and type");
    expect(table.head).toBe("External organisation");
  });

  it("counts ISIPs by study type × the types needing one (the total counts every type)", async () => {
    const report = await agent.integ.activityReport(YEAR);
    const table = tableOf(report, "isip.studyTypes");
    // Columns: the types needing a study type only (A and the seeded ones needing one), then the total.
    expect(table.columns).toContain("Type A");
    expect(table.columns).not.toContain("Type B");
    // Study One: i1 and i4 (A), i3 (B: in the total only); Study Two: i2 only, ended before the period.
    expect(grid(report, "isip.studyTypes", ["Type A"])).toEqual({
      "Study One": [2, 3],
      "Study Two": [0, 0],
    });
  });

  it("adds the ISIPs active per study type on the period's first and last day to the general indicators", async () => {
    const report = await agent.integ.activityReport(YEAR);
    const rows = tableOf(report, "indicators").rows.filter((r) => r.label.includes("Study type"));
    // Study One: on 1 January only i4 (open since 2028); on 31 December i4 and i3 (starts that day).
    // Study Two: its only contract (i2) ended before the period, so no line.
    expect(rows.map((r) => [r.label, r.cells.map((c) => c.value)])).toEqual([
      ["Active contracts: ISIP — Study type: Study One", [1, 2]],
    ]);
    for (const c of rows[0]!.cells) {
      const state = JSON.parse(new URL(c.href!, "http://x").searchParams.get("s") ?? "null") as {
        filters: Record<string, unknown>;
      };
      const page = await agent.resources.list({
        resource: "isip.contracts",
        state: { page: 1, pageSize: 100, sort: [], q: "", filters: state.filters },
      });
      expect(page.total).toBe(c.value);
    }
  });

  it("counts Art. 60§7 contracts by job provider × type, only organisations that are providers", async () => {
    const report = await agent.integ.activityReport(YEAR);
    expect(grid(report, "art60.providers", ["Job T1", "Job T2"])).toEqual({
      "Prov One": [1, 0, 1],
      "Prov Two": [1, 0, 1],
    });
    expect(tableOf(report, "art60.providers").head).toBe("Job provider");
  });

  it("links each count to the contract list filtered to exactly the contracts counted", async () => {
    const report = await agent.integ.activityReport(YEAR);
    let checked = 0;
    for (const [id, resource] of [
      ["isip.partners", "isip.contracts"],
      ["isip.studyTypes", "isip.contracts"],
      ["art60.providers", "jobs.contracts"],
    ] as const) {
      for (const row of tableOf(report, id).rows)
        for (const c of row.cells) {
          if (!c.href) {
            expect(c.value).toBe(0);
            continue;
          }
          expect(c.href.startsWith(`/${resource.replace(".", "/")}`) || c.href.includes(resource)).toBe(true);
          const state = JSON.parse(new URL(c.href, "http://x").searchParams.get("s") ?? "null") as {
            filters: Record<string, unknown>;
          };
          const page = await agent.resources.list({
            resource,
            state: { page: 1, pageSize: 100, sort: [], q: "", filters: state.filters },
          });
          expect([c.href, page.total]).toEqual([c.href, c.value]);
          checked++;
        }
    }
    // The non-zero counts: Alpha 3, Beta 2, Gamma 2; Study One 2; Prov One 2, Prov Two 2.
    expect(checked).toBe(13);
  });

  it("writes the tables into the XLSX and the PDF", async () => {
    const req = (file: string) =>
      new Request(`http://${eupen.slug}.localhost/api/integ/reports/${file}?from=2030-01-01&to=2030-12-31`, {
        headers: { host: `${eupen.slug}.localhost` },
      });
    const xlsx = await reportDownload(req("activity.xlsx"), agentClaims);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const found: unknown[][] = [];
    for (const sheet of book.worksheets) sheet.eachRow((row) => found.push((row.values as unknown[]).slice(1)));
    expect(found).toContainEqual(["ISIP: active contracts by external organisation and type"]);
    expect(found.some((r) => r[0] === "Alpha" && r.at(-1) === 2)).toBe(true);
    expect(found.some((r) => r[0] === "Prov One" && r.at(-1) === 1)).toBe(true);
    const pdf = await reportDownload(req("activity.pdf"), agentClaims);
    expect(pdf.status).toBe(200);
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
  });

  it("never counts another centre's contracts", async () => {
    const mine = await agent.integ.activityReport(YEAR);
    expect(tableOf(mine, "isip.partners").rows.map((r) => r.label)).toEqual(["Alpha", "Beta", "Gamma"]);
    const theirs = await (await caller(chatelet, "100")).caller.integ.activityReport(YEAR);
    expect(grid(theirs, "isip.partners", [])).toEqual({ Alpha: [1] });
    expect(tableOf(theirs, "art60.providers").rows).toEqual([]);
  });
});

describe("the ISIP's study type (§2.4)", () => {
  const create = (c: Caller, values: Record<string, unknown>) =>
    c.resources.create({ resource: "isip.contracts", values });
  const count = async () => {
    const { db, t } = tenantHandle(eupen);
    return (await db.select({ id: t.isipContracts.id }).from(t.isipContracts)).length;
  };

  it("is required when the type needs one: a translated 400 on the field, nothing saved", async () => {
    const client = await newClient(eupen, { firstName: "S", lastName: "Study" });
    const before = await count();
    const refused = await create(agent, { client, type: typeA, appliesFrom: "2035-01-01" }).catch((e: unknown) => e);
    const sent = errorAsSent(refused);
    expect(sent).toMatchObject({
      httpStatus: 400,
      appCode: "INVALID_INPUT",
      params: { field: "studyType", messageKey: "isip.studyTypeRequired" },
    });
    expect(translatorFor("fr")(String(sent.params.messageKey), sent.params)).toBe(
      "Ce type de contrat demande un type d'études.",
    );
    expect(translatorFor("de")(String(sent.params.messageKey), sent.params)).toBe(
      "Diese Vertragsart verlangt eine Ausbildungsart.",
    );
    expect(await count()).toBe(before);

    const made = await create(agent, { client, type: typeA, studyType: s2, appliesFrom: "2035-01-01" });
    const id = Number(made.id);
    const row = await agent.resources.get({ resource: "isip.contracts", id });
    expect(row.studyType).toMatchObject({ id: s2 });
    // Taking it away again is refused; with a type needing none it saves without.
    const version = Number(row.__version);
    expect(
      await appCodeOf(agent.resources.update({ resource: "isip.contracts", id, version, patch: { studyType: null } })),
    ).toBe("INVALID_INPUT");
    await agent.resources.update({ resource: "isip.contracts", id, version, patch: { type: typeB, studyType: null } });
    expect((await agent.resources.get({ resource: "isip.contracts", id })).studyType).toBeNull();
    expect(await count()).toBe(before + 1);
  });

  it("does not stop an older contract without one from being given its ending", async () => {
    const client = await newClient(eupen, { firstName: "O", lastName: "Older" });
    // Made before the study type existed: its type needs one, it has none.
    const { db, t } = tenantHandle(eupen);
    const [made] = await db
      .insert(t.isipContracts)
      .values({ clientId: client, userId: Number(agentClaims.uid), typeId: typeA, appliesFrom: "2036-01-01" })
      .returning({ id: t.isipContracts.id });
    const id = made!.id;
    const row = await agent.resources.get({ resource: "isip.contracts", id });
    // The whole form sent back, its type unchanged and no study type: the ending is saved.
    await agent.resources.update({
      resource: "isip.contracts",
      id,
      version: Number(row.__version),
      patch: { type: typeA, studyType: null, dateEnded: "2036-06-30" },
    });
    expect((await agent.resources.get({ resource: "isip.contracts", id })).dateEnded).toBe("2036-06-30");
  });

  it("is shown and editable on the detail, and filters the list", async () => {
    const meta = await agent.resources.meta({ resource: "isip.contracts" });
    expect(meta.detail[0]!.groups.flatMap((g) => g.fields)).toContain("studyType");
    expect(meta.filters.map((f) => f.name)).toEqual(expect.arrayContaining(["partner", "studyType"]));
  });
});

describe("an organisation's contracts (Lino's ContractsByProvider / ByCompany)", () => {
  const contractsTab = async (type: UserType) => {
    const { caller: c } = await caller(eupen, type);
    const meta = await c.resources.meta({ resource: "contacts.organisations" });
    return meta.detail.find((tab) => tab.key === "contracts")?.slaves.map((s) => s.resource) ?? [];
  };

  it("lists the Art. 60§7 contracts where it is the provider and the Art. 61 ones where it employs", async () => {
    const list = (resource: string, value: number) =>
      agent.resources.list({
        resource,
        state: { page: 1, pageSize: 10, sort: [], q: "", filters: {}, master: { field: "company", value } },
      });
    expect((await list("jobs.contracts", prov1)).total).toBe(2);
    expect((await list("jobs.contracts", notProvider)).total).toBe(1);
    expect((await list("art61.contracts", employer)).total).toBe(1);
    expect((await list("art61.contracts", prov1)).total).toBe(0);
    // Another centre's agent opens nothing of Eupen's through a made-up master.
    const foreign = (await caller(chatelet, "100")).caller;
    const theirs = await foreign.resources
      .list({
        resource: "jobs.contracts",
        state: { page: 1, pageSize: 10, sort: [], q: "", filters: {}, master: { field: "company", value: prov1 } },
      })
      .then(
        (p) => p.total,
        (e: unknown) => errorAsSent(e).appCode,
      );
    expect([0, "NOT_FOUND"]).toContain(theirs);
  });

  // Eupen's centre: no immersion trainings. Readers of Art. 60§7 contracts: IntegUser, SocialUser,
  // SocialCoordinator; of Art. 61: IntegUser, SocialCoordinator (§1).
  it.each([
    ["100", ["jobs.contracts", "art61.contracts"]],
    ["110", ["jobs.contracts", "art61.contracts"]],
    ["120", ["jobs.contracts", "art61.contracts"]],
    ["200", ["jobs.contracts"]],
    ["210", ["jobs.contracts", "art61.contracts"]],
    ["220", []],
    ["300", ["jobs.contracts"]],
    ["400", ["jobs.contracts", "art61.contracts"]],
    ["410", ["jobs.contracts", "art61.contracts"]],
    ["420", ["jobs.contracts", "art61.contracts"]],
    ["500", []],
    ["510", []],
    ["800", []],
    ["900", ["jobs.contracts", "art61.contracts"]],
    ["910", ["jobs.contracts", "art61.contracts"]],
  ] as [UserType, string[]][])("user type %s sees the contract grids it may read", async (type, expected) => {
    expect([type, await contractsTab(type)]).toEqual([type, expected]);
  });

  it("in Châtelet shows the immersion trainings where it hosts them", async () => {
    const { db, t } = tenantHandle(chatelet);
    await db
      .update(t.siteSettings)
      .set({ clientFieldSets: ["chatelet"] })
      .where(eq(t.siteSettings.id, 1));
    const { caller: c } = await caller(chatelet, "100");
    const meta = await c.resources.meta({ resource: "contacts.organisations" });
    expect(meta.detail.find((tab) => tab.key === "contracts")?.slaves.map((s) => s.resource)).toEqual([
      "jobs.contracts",
      "art61.contracts",
      "immersion.contracts",
    ]);
  });
});
