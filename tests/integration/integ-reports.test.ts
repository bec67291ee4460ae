// The integration service's reports (issue 17 item 7; domain-integ-money §2.3 ContractEvents, §2.9):
// contract figures over a period from a small hand-made fixture whose contracts start and end on the
// period's edges, touch it from outside and have open ends; a point-in-time question; a figure's
// drill-down lists exactly the contracts it counts; the activity report's coachings; the downloads;
// who may read them; and nothing of one centre in another's figures.
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePools } from "@/server/db/pool";
import { reportDownload } from "@/server/integ/reports/download";
import type { Report } from "@/server/integ/reports/report";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient, newCoaching } from "./factories";
import { appCodeOf, callerOn, centreHost, errorAsSent, newCentre, newUser } from "./helpers";

afterAll(closePools);

type Caller = Awaited<ReturnType<typeof callerOn>>;
type UserType = Parameters<typeof newUser>[1];

let eupen: Tenant;
let chatelet: Tenant;
let agent: Caller;
let agentClaims: Awaited<ReturnType<typeof newUser>>["claims"];
let foreignAgent: Caller;
let typeA: number;
let typeB: number;
let success: number;
let failure: number;

const YEAR = { from: "2030-01-01", to: "2030-12-31" };

const caller = async (tenant: Tenant, type: UserType, fields: Parameters<typeof newUser>[2] = {}) => {
  const { user, claims } = await newUser(tenant, type, fields);
  return { user, claims, caller: await callerOn(centreHost(tenant.slug), {}, claims) };
};

/** A row of a report table by its label, as numbers (null where the figure does not apply). */
const rowOf = (report: Report, tableId: string, label: string) => {
  const table = report.sections.flatMap((s) => s.tables).find((tb) => tb.id === tableId);
  const row = table?.rows.find((r) => r.label === label);
  if (!row) throw new Error(`no row ${label} in ${tableId}: ${JSON.stringify(table?.rows.map((r) => r.label))}`);
  return row.cells;
};
const values = (cells: { value: number | null }[]) => cells.map((c) => c.value);

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([
    newCentre("stats-eupen", "production"),
    newCentre("stats-chatelet", "production"),
  ]);
  const a = await caller(eupen, "100", { language: "en", firstName: "Alicia", lastName: "Agent" });
  agent = a.caller;
  agentClaims = a.claims;
  foreignAgent = (await caller(chatelet, "100", { language: "en" })).caller;
  const { db, t } = tenantHandle(eupen);
  const [a1, b1] = await db
    .insert(t.isipContractTypes)
    .values([
      { names: { fr: "Type A", nl: "Type A", de: "Typ A", en: "Type A" }, ref: "sta" },
      { names: { fr: "Type B", nl: "Type B", de: "Typ B", en: "Type B" }, ref: "stb" },
    ])
    .returning();
  typeA = a1!.id;
  typeB = b1!.id;
  const [s, f] = await db
    .insert(t.contractEndings)
    .values([
      { names: { fr: "Réussi", nl: "Geslaagd", de: "Erfolgreich", en: "Succeeded" }, isSuccess: true },
      { names: { fr: "Abandon", nl: "Opgegeven", de: "Abgebrochen", en: "Gave up" }, isSuccess: false },
    ])
    .returning();
  success = s!.id;
  failure = f!.id;
  const userId = a.user.id;
  // One client per contract; contracts written as a save leaves them (effective end = planned end unless given).
  const contract = async (typeId: number, appliesFrom: string, appliesUntil: string | null, more = {}) =>
    db.insert(t.isipContracts).values({
      clientId: await newClient(eupen, { firstName: "C", lastName: `${appliesFrom}` }),
      userId,
      typeId,
      appliesFrom,
      appliesUntil,
      dateEnded: appliesUntil,
      ...more,
    });
  await contract(typeA, "2029-06-01", "2029-12-31"); // c1: ends the day before the period
  await contract(typeA, "2029-06-01", "2030-01-01", { endingId: success }); // c2: ends on its first day
  await contract(typeA, "2030-12-31", null); // c3: starts on its last day, open end
  await contract(typeB, "2030-03-01", "2030-06-30", {
    dateEnded: "2030-05-15",
    endingId: failure,
    dateDecided: "2030-02-20",
    dateIssued: "2030-03-01",
  }); // c4: inside, ended early
  await contract(typeB, "2031-01-01", null, { dateDecided: "2030-12-15" }); // c5: decided in, starts after
  await contract(typeB, "2028-01-01", null); // c6: open end across the whole period
  await contract(typeA, "2030-07-01", "2030-09-30"); // c7: inside, ended without an ending

  // Integration coachings: one ends in the period with a cause, one starts on its last day.
  const [integ] = await db
    .select({ id: t.coachingTypes.id })
    .from(t.coachingTypes)
    .where(eq(t.coachingTypes.doesIntegration, true));
  const [cause] = await db
    .insert(t.coachingEndings)
    .values({ names: { fr: "Travail", nl: "Werk", de: "Arbeit", en: "Found work" } })
    .returning();
  const k1 = await newClient(eupen, { firstName: "K", lastName: "One" });
  const k2 = await newClient(eupen, { firstName: "K", lastName: "Two" });
  await newCoaching(eupen, k1, userId, {
    coachingTypeId: integ!.id,
    startDate: "2029-01-01",
    endDate: "2030-06-30",
    endingId: cause!.id,
  });
  await newCoaching(eupen, k2, userId, { coachingTypeId: integ!.id, startDate: "2030-12-31" });

  // Châtelet's one contract, active all through 2030: never in Eupen's figures.
  const other = tenantHandle(chatelet);
  const [otherType] = await other.db.select().from(other.t.isipContractTypes).limit(1);
  await other.db.insert(other.t.isipContracts).values({
    clientId: await newClient(chatelet, { firstName: "X", lastName: "Elsewhere" }),
    typeId: otherType!.id,
    appliesFrom: "2030-02-01",
    appliesUntil: "2030-11-30",
    dateEnded: "2030-11-30",
  });
});

describe("contract statistics of a period", () => {
  // Columns: active on the first day, active in the period, started, ended, ended with success,
  // ended otherwise, decided, signed, active on the last day.
  it("counts each type's contracts as the period's edges say (touching dates and open ends included)", async () => {
    const { report, charts } = await agent.integ.statistics(YEAR);
    // A: c2 (ends on day 1), c3 (starts on the last day), c7; c1 ends the day before: never.
    expect(values(rowOf(report, "isip.types", "Type A"))).toEqual([1, 3, 2, 2, 1, 0, 0, 0, 1]);
    // B: c4 and c6 active; c5 only decided (it starts after the period).
    expect(values(rowOf(report, "isip.types", "Type B"))).toEqual([1, 2, 1, 1, 0, 1, 2, 1, 1]);
    expect(values(rowOf(report, "isip.types", "Total"))).toEqual([2, 5, 3, 3, 1, 1, 2, 1, 2]);
    const chart = charts.find((c) => c.kind === "isip")!;
    expect(chart.types.find((ty) => ty.name === "Type A")).toEqual({
      name: "Type A",
      active: 3,
      started: 2,
      ended: 2,
      activeAtEnd: 1,
    });
    // Endings × types (A, B, … every other seeded type, total): the ended contracts only.
    const endings = report.sections[0]!.tables.find((tb) => tb.id === "isip.endings")!;
    const ai = endings.columns.indexOf("Type A");
    const bi = endings.columns.indexOf("Type B");
    const pick = (label: string) => {
      const cells = rowOf(report, "isip.endings", label);
      return [cells[ai]!.value, cells[bi]!.value, cells.at(-1)!.value];
    };
    expect(pick("Succeeded (success)")).toEqual([1, 0, 1]);
    expect(pick("Gave up")).toEqual([0, 1, 1]);
    expect(pick("No ending given")).toEqual([1, 0, 1]);
    expect(endings.rows).toHaveLength(3);
  });

  it("leaves out the contract kinds the centre does not use: immersion trainings are Châtelet's", async () => {
    const kindsWith = async (fieldSets: string[]) => {
      const { db, t } = tenantHandle(chatelet);
      await db.update(t.siteSettings).set({ clientFieldSets: fieldSets }).where(eq(t.siteSettings.id, 1));
      const { charts, report } = await (
        await caller(chatelet, "100", { language: "en" })
      ).caller.integ.statistics(YEAR);
      expect(report.sections).toHaveLength(charts.length);
      return charts.map((c) => c.kind);
    };
    expect(await kindsWith(["eupen"])).toEqual(["isip", "art60", "art61"]);
    expect(await kindsWith(["chatelet"])).toEqual(["isip", "art60", "art61", "immersion"]);
  });

  it("answers a point-in-time question with a one-day period", async () => {
    // 15 May 2030: c4's effective end (still active that day) and c6; 16 May: c6 only.
    const on = async (day: string) => {
      const { report } = await agent.integ.statistics({ from: day, to: day });
      return [rowOf(report, "isip.types", "Type A")[1]!.value, rowOf(report, "isip.types", "Type B")[1]!.value];
    };
    expect(await on("2030-05-15")).toEqual([0, 2]);
    expect(await on("2030-05-16")).toEqual([0, 1]);
    expect(await on("2030-01-01")).toEqual([1, 1]);
  });

  it("drills down from a figure to exactly the contracts it counts", async () => {
    const { report } = await agent.integ.statistics(YEAR);
    const cells = [
      ...rowOf(report, "isip.types", "Type A"),
      ...rowOf(report, "isip.types", "Type B"),
      ...rowOf(report, "isip.endings", "Gave up"),
    ];
    let checked = 0;
    for (const c of cells) {
      if (!c.href) continue;
      const state = JSON.parse(new URL(c.href, "http://x").searchParams.get("s") ?? "null") as Record<string, unknown>;
      const page = await agent.resources.list({
        resource: "isip.contracts",
        state: { page: 1, pageSize: 100, sort: [], q: "", filters: (state?.filters ?? {}) as Record<string, unknown> },
      });
      expect([c.href, page.total]).toEqual([c.href, c.value]);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("refuses a reversed or impossible period with a 400 naming the field", async () => {
    const sent = async (p: Promise<unknown>) =>
      errorAsSent(
        await p.then(
          () => null,
          (e: unknown) => e,
        ),
      );
    expect(await sent(agent.integ.statistics({ from: "2030-12-31", to: "2030-01-01" }))).toMatchObject({
      httpStatus: 400,
      appCode: "INVALID_INPUT",
      fieldErrors: [{ path: "to" }],
    });
    expect(await sent(agent.integ.activityReport({ from: "2030-02-30", to: "2030-03-01" }))).toMatchObject({
      httpStatus: 400,
      appCode: "INVALID_INPUT",
      fieldErrors: [{ path: "from" }],
    });
  });
});

describe("activity report", () => {
  it("gives the indicators at the edges, the period's numbers, agents by phase and causes of ending", async () => {
    const report = await agent.integ.activityReport(YEAR);
    // Clients in integration coaching on 1 Jan (K1) and on 31 Dec (K2); active ISIPs then: c2+c6, c3+c6.
    expect(values(rowOf(report, "indicators", "Clients in integration coaching"))).toEqual([1, 1]);
    expect(values(rowOf(report, "indicators", "Active contracts: ISIP"))).toEqual([2, 2]);
    // Started, active, ended, decided, signed.
    expect(values(rowOf(report, "periodic", "Integration coachings"))).toEqual([1, 2, 1, null, null]);
    expect(values(rowOf(report, "periodic", "ISIP"))).toEqual([3, 5, 3, 2, 1]);
    expect(values(rowOf(report, "coachingEndings", "Found work"))).toEqual([1, 1]);
    // Contracts active on the last day by author: c3 (A) and c6 (B).
    const users = report.sections[1]!.tables.find((tb) => tb.id === "isip.users")!;
    expect(users.rows.map((r) => r.label)).toEqual(["Alicia Agent"]);
    expect(users.rows[0]!.cells.at(-1)!.value).toBe(2);
  });

  it("downloads as XLSX and PDF in the reader's language, for integration users only", async () => {
    const req = (file: string, q = "from=2030-01-01&to=2030-12-31") =>
      new Request(`http://${eupen.slug}.localhost/api/integ/reports/${file}?${q}`, {
        headers: { host: `${eupen.slug}.localhost` },
      });
    const xlsx = await reportDownload(req("activity.xlsx"), agentClaims);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const general = book.worksheets[0]!;
    const found: unknown[][] = [];
    general.eachRow((row) => found.push((row.values as unknown[]).slice(1)));
    expect(found).toContainEqual(["Active contracts: ISIP", 2, 2]);
    const pdf = await reportDownload(req("statistics.pdf"), agentClaims);
    expect(pdf.status).toBe(200);
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
    expect((await reportDownload(req("statistics.pdf", "from=2030-12-31&to=2030-01-01"), agentClaims)).status).toBe(
      400,
    );
    expect((await reportDownload(req("other.pdf"), agentClaims)).status).toBe(400);
    const reception = await newUser(eupen, "210");
    expect((await reportDownload(req("activity.pdf"), reception.claims)).status).toBe(403);
  });
});

describe("ESF summaries (§2.10)", () => {
  let x: number; // entry type counting 2:00 per presence (S.Inf)
  let y: number; // entry type counting the entry's duration per present guest (AN!)
  let pia: number;
  let noEsf: number;
  const entry = async (typeId: number, startDate: string, guests: [number, string][], times?: [string, string]) => {
    const { db, t } = tenantHandle(eupen);
    const [e] = await db
      .insert(t.calendarEntries)
      .values({ typeId, startDate, ...(times ? { startTime: times[0], endTime: times[1] } : {}) })
      .returning();
    for (const [partnerId, state] of guests)
      await db.insert(t.calendarGuests).values({ entryId: e!.id, partnerId, state });
    return e!.id;
  };
  const summaries = async (tenant: Tenant, year: number) => {
    const { db, t } = tenantHandle(tenant);
    return db.select().from(t.esfSummaries).where(eq(t.esfSummaries.year, year));
  };

  beforeAll(async () => {
    const { db, t } = tenantHandle(eupen);
    const [tx, ty] = await db
      .insert(t.entryTypes)
      .values([
        { names: { fr: "Séance info", nl: "Infosessie", de: "Infoversammlung", en: "Info session" } },
        { names: { fr: "Activons-nous", nl: "Activons-nous", de: "Activons-nous", en: "Activons-nous" } },
      ])
      .returning();
    x = tx!.id;
    y = ty!.id;
    // Integration staff (here a manager, 110) say which entry types count in which field.
    const manager = (await caller(eupen, "110")).caller;
    await manager.resources.create({ resource: "integ.esfEntryTypes", values: { entryType: x, field: "10" } });
    await manager.resources.create({ resource: "integ.esfEntryTypes", values: { entryType: y, field: "44" } });
    pia = await newClient(eupen, { firstName: "Pia", lastName: "Esf" });
    noEsf = await newClient(eupen, { firstName: "Nora", lastName: "Without", extra: { hasEsf: false } });
    // Pia: two info sessions in 2030 (invited and present: 2:00 each, whatever the state), one in 2031;
    // Activons-nous 09:00–10:30 present (1:30) and 14:00–16:00 missing (nothing). Nora takes no part.
    await entry(x, "2030-03-04", [
      [pia, "invited"],
      [noEsf, "present"],
    ]);
    await entry(x, "2030-12-31", [[pia, "present"]]);
    await entry(x, "2031-01-01", [[pia, "present"]]);
    await entry(y, "2030-05-06", [[pia, "present"]], ["09:00", "10:30"]);
    await entry(y, "2030-05-07", [[pia, "missing"]], ["14:00", "16:00"]);
  });

  it("is configured by integration staff only", async () => {
    expect(
      await appCodeOf(
        agent.resources.create({ resource: "integ.esfEntryTypes", values: { entryType: x, field: "20" } }),
      ),
    ).toBe("FORBIDDEN");
  });

  it("computes a year's minutes per field from the presences, for the clients taking part", async () => {
    expect(await agent.integ.esfCompute({ year: 2030 })).toEqual({ created: 1, updated: 0, kept: 0 });
    const rows = await summaries(eupen, 2030);
    expect(rows.map((r) => [r.clientId, r.minutes])).toEqual([[pia, { "10": 240, "44": 90 }]]);
    // Shown as h:mm in the list.
    const page = await agent.resources.list({
      resource: "integ.esfSummaries",
      state: { page: 1, pageSize: 10, sort: [], q: "", filters: { year: "2030" } },
    });
    expect(page.rows.map((r) => [r.h10, r.h44, r.h20])).toEqual([["4:00", "1:30", ""]]);
    // Again: nothing changed.
    expect(await agent.integ.esfCompute({ year: 2030 })).toEqual({ created: 0, updated: 0, kept: 0 });
    expect(await summaries(chatelet, 2030)).toEqual([]);
  });

  it("updates the figures on recomputation, except where a user changed them", async () => {
    await entry(x, "2030-06-03", [[pia, "present"]]);
    expect(await agent.integ.esfCompute({ year: 2030 })).toEqual({ created: 0, updated: 1, kept: 0 });
    expect((await summaries(eupen, 2030))[0]!.minutes).toEqual({ "10": 360, "44": 90 });
    const { db, t } = tenantHandle(eupen);
    await db
      .update(t.esfSummaries)
      .set({ userModified: true, minutes: { "10": 1 } })
      .where(eq(t.esfSummaries.clientId, pia));
    await entry(x, "2030-06-04", [[pia, "present"]]);
    expect(await agent.integ.esfCompute({ year: 2030 })).toEqual({ created: 0, updated: 0, kept: 1 });
    expect((await summaries(eupen, 2030))[0]!.minutes).toEqual({ "10": 1 });
  });
});

describe("centres and user types", () => {
  it("never counts another centre's contracts", async () => {
    const mine = await agent.integ.statistics(YEAR);
    expect(values(rowOf(mine.report, "isip.types", "Total"))[1]).toBe(5);
    const theirs = await foreignAgent.integ.statistics(YEAR);
    expect(values(rowOf(theirs.report, "isip.types", "Total"))[1]).toBe(1);
  });

  // IntegUser (domain-integ-money §1): integration agents (100, 110, 120), the flexible social agent
  // (420) and administrators (900, 910); not newcomers, reception, debts, social agents, accountants, supervisors.
  const ALLOWED = ["100", "110", "120", "420", "900", "910"];
  const ALL: UserType[] = [
    "100",
    "110",
    "120",
    "200",
    "210",
    "220",
    "300",
    "400",
    "410",
    "420",
    "500",
    "510",
    "800",
    "900",
    "910",
  ];
  it.each(ALL)("user type %s: reads the reports only with IntegUser", async (type) => {
    const { caller: c } = await caller(eupen, type);
    const expected = ALLOWED.includes(String(type)) ? "resolved" : "FORBIDDEN";
    expect([type, await appCodeOf(c.integ.statistics(YEAR))]).toEqual([type, expected]);
    expect([type, await appCodeOf(c.integ.activityReport(YEAR))]).toEqual([type, expected]);
    expect([type, await appCodeOf(c.integ.esfCompute({ year: 2029 }))]).toEqual([type, expected]);
  });
});
