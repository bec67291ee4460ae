// Art. 61 contracts on a real centre (issue 17 items 6 and 10; domain-integ-money §2.3, §2.6): a save
// generates the evaluation meetings; an overlap with a contract of another kind is refused with Lino's
// message and nothing is written; the printed convention numbers its articles for the contract's
// subsidies (read back from the PDF and the Word file); who may do what (§1); merging two clients moves
// their contracts; and nothing of one centre reachable from another.
import { execFileSync } from "node:child_process";
import { and, eq, sql } from "drizzle-orm";
import PizZip from "pizzip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedArt61Demo } from "@/server/art61/seed";
import { art61Kind } from "@/server/art61/kind";
import { activeArt61Of } from "@/server/art61/sql";
import { pdfAvailable, pdfConverter } from "@/server/documents/pdf/converter";
import { excerptDownload } from "@/server/documents/routes";
import { closePools } from "@/server/db/pool";
import { translatorFor } from "@/server/i18n/translator";
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
import { newStaff } from "./factories";
import { appCodeOf, errorAsSent, newCentre, newUser, type callerOn } from "./helpers";

afterAll(async () => {
  if (pdfAvailable()) await pdfConverter().stop();
  await closePools();
});

type Caller = Awaited<ReturnType<typeof callerOn>>;
type Claims = Awaited<ReturnType<typeof newUser>>["claims"];

let chatelet: Tenant;
let eupen: Tenant;
let agent: Caller;
let agentId: number;
let agentClaims: Claims;
let foreignAgent: Caller;
let foreignClaims: Claims;
let client: number;
let company: number;
let contact: number;
let art61Type: number;
let isipType: number;

const caller = newStaff;
const state = { page: 1, pageSize: 100, sort: [], filters: {}, q: "" };
const h = () => tenantHandle(chatelet);
const evaluationsOf = (contractId: number) => contractEvaluations(chatelet, art61Kind, contractId);
const counts = async () => {
  const { db, t } = h();
  const [row] = await db
    .execute<{ art61: number; isip: number; entries: number; audits: number }>(
      sql`select
    (select count(*)::int from ${t.art61Contracts}) as art61,
    (select count(*)::int from ${t.isipContracts}) as isip,
    (select count(*)::int from ${t.calendarEntries}) as entries,
    (select count(*)::int from ${t.auditLog}) as audits`,
    )
    .then((r) => r.rows);
  return row!;
};
const create = (c: Caller, values: Record<string, unknown>) =>
  c.resources.create({ resource: "art61.contracts", values: { client, company, type: art61Type, ...values } });
const update = async (c: Caller, id: number, patch: Record<string, unknown>) => {
  const row = await c.resources.get({ resource: "art61.contracts", id });
  return c.resources.update({ resource: "art61.contracts", id, version: Number(row.__version), patch });
};

/** The message a user reads for an error as sent (its key and parameters, in the user's language). */
const messageOf = (e: unknown, language: "fr" | "de") => {
  const { params } = errorAsSent(e);
  return translatorFor(language)(String(params.messageKey), params);
};

/** The printed convention's Word file, through the download route (as the user gets it). */
async function printed(c: Caller, claims: Claims, contractId: number) {
  const result = (await c.resources.action({ resource: "art61.contracts", id: contractId, name: "print" })) as {
    open: { id: number };
  };
  const id = result.open.id;
  const res = await excerptDownload(
    new Request(`http://${chatelet.slug}.localhost/api/documents/${id}/file.docx`, {
      headers: { host: `${chatelet.slug}.localhost` },
    }),
    claims,
    String(id),
  );
  expect(res.status).toBe(200);
  return { excerptId: id, docx: Buffer.from(await res.arrayBuffer()) };
}

/** The Word file's paragraphs, each as its text. */
const paragraphsOf = (docx: Buffer) =>
  new PizZip(docx)
    .file("word/document.xml")!
    .asText()
    .split("</w:p>")
    .map((p) =>
      p
        .replace(/<[^>]+>/g, "")
        .replace(/&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&")
        .trim(),
    )
    .filter(Boolean);

/** The lines of a PDF as poppler's pdftotext lays them out. */
const pdfLines = (pdf: Buffer) =>
  execFileSync("pdftotext", ["-enc", "UTF-8", "-layout", "-", "-"], { input: pdf })
    .toString("utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

const HEADING = /^(Article|Artikel) \d+( \([^)]+\))?$/;

beforeAll(async () => {
  [chatelet, eupen] = await Promise.all([
    newCentre("a61-chatelet", "production"),
    newCentre("a61-eupen", "production"),
  ]);
  const { db, t } = h();
  await db
    .update(t.documentSettings)
    .set({ place: "Châtelet" })
    .where(sql`true`);
  const a = await caller(chatelet, "100", { firstName: "Alicia", lastName: "Allard", language: "fr" });
  agent = a.caller;
  agentId = a.user.id;
  agentClaims = a.claims;
  const f = await caller(eupen, "100");
  foreignAgent = f.caller;
  foreignClaims = f.claims;
  client = await integClient(chatelet, agentId, { firstName: "Jean", lastName: "Dubois", gender: "M", language: "fr" });
  const [org] = await db
    .insert(t.partners)
    .values({ kind: "organisation", name: "Garage Kohnen", street: "Rue de la Station", streetNo: "5" })
    .returning({ id: t.partners.id });
  company = org!.id;
  const [person] = await db
    .insert(t.partners)
    .values({ kind: "person", firstName: "Karl", lastName: "Kohnen", name: "Kohnen Karl", gender: "M" })
    .returning({ id: t.partners.id });
  contact = person!.id;
  const [type] = await db.select().from(t.art61ContractTypes).where(eq(t.art61ContractTypes.ref, "art61"));
  art61Type = type!.id;
  isipType = await isipTypeOf(chatelet);
});

describe("an Art. 61 contract and its evaluation meetings", () => {
  let contract: number;

  it("a new centre has the standard Art. 61 type, evaluated every three months, and the convention's document type", async () => {
    const { db, t } = tenantHandle(eupen);
    const types = await db.select().from(t.art61ContractTypes);
    expect(types.map((ty) => [ty.ref, ty.names.fr, ty.overlapGroup])).toEqual([
      ["art61", "Mise à l'emploi art.61", "contracts"],
    ]);
    const [policy] = await db.select().from(t.examPolicies).where(eq(t.examPolicies.id, types[0]!.examPolicyId!));
    expect(policy!.ref).toBe("quarterly");
    const documentTypes = await db.select().from(t.excerptTypes).where(eq(t.excerptTypes.contentType, "art61Contract"));
    expect(documentTypes.map((d) => [d.template, d.isPrimary, d.certifying])).toEqual([
      ["art61Convention", true, true],
    ]);
  });

  it("creating one with its employer and subsidies generates the quarterly evaluations", async () => {
    const { id } = await create(agent, {
      appliesFrom: "2031-02-03",
      appliesUntil: "2031-12-31",
      contactPerson: contact,
      jobTitle: "Mécanicien",
      subsidize10: true,
    });
    contract = Number(id);
    const row = await agent.resources.get({ resource: "art61.contracts", id: contract });
    expect(row).toMatchObject({
      dateEnded: "2031-12-31",
      subsidize10: true,
      subsidize20: false,
      jobTitle: "Mécanicien",
    });
    expect(row.company).toMatchObject({ id: company });
    expect(row.examPolicy).not.toBeNull();
    // 3 May 2031 is a Saturday → Monday 5 May; three months from there: Tue 5 August, Wed 5 November;
    // 5 February 2032 is after the end. "Every 3 months" has no time.
    const entries = await evaluationsOf(contract);
    expect(entries.map((e) => [e.startDate, e.startTime, e.summary, e.userId, e.clientId])).toEqual([
      ["2031-05-05", null, "Évaluation 1", agentId, client],
      ["2031-08-05", null, "Évaluation 2", agentId, client],
      ["2031-11-05", null, "Évaluation 3", agentId, client],
    ]);
    // The author's "ends in a month" task.
    const { db, t } = h();
    const tasks = await db
      .select()
      .from(t.tasks)
      .where(and(eq(t.tasks.ownerType, "art61Contract"), eq(t.tasks.ownerId, contract)));
    expect(tasks.map((k) => [k.userId, k.startDate])).toEqual([[agentId, "2031-11-30"]]);
  });

  it("shows on the contract, in My Art. 61 contracts and on the client's Contracts tab", async () => {
    const byContract = await agent.resources.list({
      resource: "art61.evaluations",
      state: { ...state, master: { field: "ownerId", value: contract } },
    });
    expect(byContract.rows).toHaveLength(3);
    const mine = await agent.resources.list({ resource: "art61.mine", state });
    expect(mine.rows.map((r) => Number(r.__id))).toEqual([contract]);
    const onClient = await agent.resources.list({
      resource: "art61.contracts",
      state: { ...state, master: { field: "client", value: client } },
    });
    expect(onClient.rows.map((r) => Number(r.__id))).toEqual([contract]);
    // The tab's evaluations list every kind's.
    const evaluations = await agent.resources.list({
      resource: "isip.evaluations",
      state: { ...state, master: { field: "client", value: client } },
    });
    expect(evaluations.rows).toHaveLength(3);
  });

  it("an ISIP overlapping it is refused naming it, and it refuses an overlapping ISIP's period; nothing is written", async () => {
    const before = await counts();
    const isip = await agent.resources
      .create({
        resource: "isip.contracts",
        values: { client, type: isipType, appliesFrom: "2031-12-01", appliesUntil: "2032-05-31" },
      })
      .catch((x: unknown) => x);
    expect(errorAsSent(isip)).toMatchObject({
      httpStatus: 400,
      params: { messageKey: "isip.overlap", id: contract },
    });
    expect(messageOf(isip, "fr")).toBe(`La période chevauche celle du contrat art. 61 n° ${contract}.`);
    expect(await counts()).toEqual(before);
    // The other way round: an ISIP from January 2032, then an Art. 61 contract reaching into it.
    const { id: isipId } = await agent.resources.create({
      resource: "isip.contracts",
      values: { client, type: isipType, appliesFrom: "2032-01-01", appliesUntil: "2032-06-30" },
    });
    const after = await counts();
    const e = await create(agent, { appliesFrom: "2032-03-01", appliesUntil: "2032-12-31" }).catch((x: unknown) => x);
    expect(errorAsSent(e)).toMatchObject({
      httpStatus: 400,
      params: { messageKey: "isip.overlap", kind: "PIIS", id: Number(isipId) },
    });
    expect(messageOf(e, "fr")).toBe(`La période chevauche celle du PIIS n° ${isipId}.`);
    expect(await counts()).toEqual(after);
    // Extending the Art. 61 contract into the ISIP is refused too, its evaluations left as they were.
    const entries = await evaluationsOf(contract);
    expect(await appCodeOf(update(agent, contract, { appliesUntil: "2032-02-29" }))).toBe("INVALID_INPUT");
    expect(await evaluationsOf(contract)).toEqual(entries);
    // Touching dates are no overlap.
    const { id: next } = await create(agent, { appliesFrom: "2032-06-30", appliesUntil: "2032-12-31" });
    expect(Number(next)).toBeGreaterThan(contract);
  });

  it("an employer must be an organisation, a client a client: refused as invalid input", async () => {
    const before = await counts();
    expect(await appCodeOf(create(agent, { company: contact, appliesFrom: "2040-01-01" }))).toBe("INVALID_INPUT");
    expect(await appCodeOf(create(agent, { client: company, appliesFrom: "2040-01-01" }))).toBe("INVALID_INPUT");
    const missing = await create(agent, { company: null, appliesFrom: "2040-01-01" }).catch((x: unknown) => x);
    expect(errorAsSent(missing).httpStatus).toBe(400);
    expect(await counts()).toEqual(before);
  });
});

describe("the printed convention", () => {
  let contract: number;
  beforeAll(async () => {
    const { db, t } = h();
    const [row] = await db
      .select({ id: t.art61Contracts.id })
      .from(t.art61Contracts)
      .orderBy(t.art61Contracts.id)
      .limit(1);
    contract = row!.id;
  });

  it("Activa without tutorate: the integration programme is article 4, articles 1 to 14 (the PDF's text)", async () => {
    const { excerptId, docx } = await printed(agent, agentClaims, contract);
    const paragraphs = paragraphsOf(docx);
    expect(paragraphs).toContain("Mise à l'emploi art.61");
    expect(paragraphs).toContain("Plan Activa – sans tutorat");
    expect(paragraphs).toContain(`Notre réf. : AA/${contract}/${client}/${excerptId}`);
    const expected = [
      "Article 1",
      "Article 2",
      "Article 3",
      "Article 4 (sans tutorat)",
      "Article 5 (activa)",
      "Article 6 (activa)",
      "Article 7 (sans tutorat)",
      ...[8, 9, 10, 11, 12, 13, 14].map((n) => `Article ${n}`),
    ];
    expect(paragraphs.filter((p) => HEADING.test(p))).toEqual(expected);
    // The articles that cite another cite its number in this convention: the premium (7), the payment (5), the employment (2).
    const body = paragraphs.join("\n");
    expect(body).toContain("le versement du montant prévu à l'article 7.");
    expect(body).toContain("au paiement prévu à l'article 5 dès que");
    expect(body).toContain("reprise à l’article 2 de la présente");
    expect(body).toContain("engager en qualité de Mécanicien Monsieur Jean Dubois");
    expect(body).toContain("représenté par Monsieur Karl Kohnen");
    if (pdfAvailable()) {
      const lines = pdfLines(await pdfConverter().convert(docx));
      expect(lines.filter((l) => HEADING.test(l))).toEqual(expected);
    }
  });

  it("Activa with tutorate: no integration programme, the articles renumbered 1 to 13, in a new document", async () => {
    // The printed convention certifies the contract: its subsidies change once the print is cleared.
    await agent.resources.action({ resource: "art61.contracts", id: contract, name: "clearPrinted" });
    await update(agent, contract, { subsidize20: true });
    const { docx } = await printed(agent, agentClaims, contract);
    const paragraphs = paragraphsOf(docx);
    expect(paragraphs).toContain("Plan Activa – avec tutorat");
    const expected = [
      "Article 1",
      "Article 2",
      "Article 3",
      "Article 4 (activa)",
      "Article 5 (activa)",
      "Article 6 (sans tutorat)",
      ...[7, 8, 9, 10, 11, 12, 13].map((n) => `Article ${n}`),
    ];
    expect(paragraphs.filter((p) => HEADING.test(p))).toEqual(expected);
    const body = paragraphs.join("\n");
    expect(body).not.toContain("programme d'insertion suivant");
    expect(body).toContain("le versement du montant prévu à l'article 6.");
    expect(body).toContain("au paiement prévu à l'article 4 dès que");
    if (pdfAvailable()) {
      const lines = pdfLines(await pdfConverter().convert(docx));
      expect(lines.filter((l) => HEADING.test(l))).toEqual(expected);
    }
    const { db, t } = h();
    const excerpts = await db
      .select()
      .from(t.excerpts)
      .where(and(eq(t.excerpts.ownerType, "art61Contract"), eq(t.excerpts.ownerId, contract)));
    expect(excerpts.map((x) => [x.clientId, x.language])).toEqual([
      [client, "fr"],
      [client, "fr"],
    ]);
  });

  it("in the contract's language: German, Walloon Region without tutorate", async () => {
    await agent.resources.action({ resource: "art61.contracts", id: contract, name: "clearPrinted" });
    await update(agent, contract, { language: "de", subsidize10: false, subsidize20: false, subsidize30: true });
    const { docx } = await printed(agent, agentClaims, contract);
    const paragraphs = paragraphsOf(docx);
    expect(paragraphs).toContain("(Übersetzung)");
    expect(paragraphs).toContain("ohne Tutorat – Wallonische Region");
    expect(paragraphs.filter((p) => HEADING.test(p))).toEqual([
      "Artikel 1",
      "Artikel 2",
      "Artikel 3",
      "Artikel 4 (ohne Tutorat)",
      "Artikel 5 (Activa)",
      "Artikel 6 (Activa)",
      "Artikel 7 (ohne Tutorat)",
      ...[8, 9, 10, 11, 12, 13, 14].map((n) => `Artikel ${n}`),
    ]);
    expect(paragraphs).toContain("Für den Arbeitgeber,");
  });
});

describe("who may do what (§1)", () => {
  it("integration agents write Art. 61 contracts, social coordinators read them, the others see none", async () => {
    const expected: Record<string, Access> = {
      "100": "edit",
      "110": "edit",
      "120": "edit",
      "420": "edit",
      "900": "edit",
      "910": "edit",
      "210": "read",
      "400": "read",
      "410": "read",
      "200": "none",
      "220": "none",
      "300": "none",
      "500": "none",
      "510": "none",
      "800": "none",
    };
    const [row] = await h().db.select().from(h().t.art61Contracts).limit(1);
    await expectAccessPerUserType(
      chatelet,
      expected,
      (c) => c.resources.get({ resource: "art61.contracts", id: row!.id }),
      (c, i) => create(c, { appliesFrom: `${2041 + i}-01-01`, appliesUntil: `${2041 + i}-06-30` }),
    );
  });

  it("configuring Art. 61 types is integration staff's", async () => {
    const name = { fr: "X", nl: "X", de: "X", en: "X" };
    expect(await appCodeOf(agent.resources.create({ resource: "art61.types", values: { name } }))).toBe("FORBIDDEN");
    const staff = (await caller(chatelet, "110")).caller;
    const made = await staff.resources.create({ resource: "art61.types", values: { name } });
    expect(Number(made.id)).toBeGreaterThan(0);
  });
});

describe("merging two clients", () => {
  it("moves the duplicate's Art. 61 contracts to the kept client", async () => {
    const { client: dup, contract: id } = await clientWithContract(
      chatelet,
      art61Kind,
      { id: agentId, caller: agent },
      { company, type: art61Type, appliesFrom: "2050-01-01", appliesUntil: "2050-03-31" },
      { client: { firstName: "Jean", lastName: "Dubois" } },
    );
    const admin = (await caller(chatelet, "900")).caller;
    const { db, t } = h();
    const [kept] = await db.select({ v: t.partners.version }).from(t.partners).where(eq(t.partners.id, client));
    await admin.resources.action({
      resource: "clients.clients",
      id: client,
      name: "mergeInto",
      params: { merged: dup, reason: "" },
      version: kept!.v,
    });
    const [row] = await db.select().from(t.art61Contracts).where(eq(t.art61Contracts.id, id));
    expect(row!.clientId).toBe(client);
  });
});

describe("one centre never reaches another's Art. 61 contracts", () => {
  it("they are neither listed, read, changed, printed nor deleted from another centre; their documents not served", async () => {
    const [row] = await h().db.select().from(h().t.art61Contracts).orderBy(h().t.art61Contracts.id).limit(1);
    expect((await foreignAgent.resources.list({ resource: "art61.mine", state })).rows).toHaveLength(0);
    expect((await foreignAgent.resources.list({ resource: "art61.contracts", state })).rows).toHaveLength(0);
    const onClient = await foreignAgent.resources
      .list({ resource: "art61.contracts", state: { ...state, master: { field: "client", value: client } } })
      .catch(() => ({ rows: [] }));
    expect(onClient.rows).toHaveLength(0);
    const evaluations = await foreignAgent.resources
      .list({ resource: "art61.evaluations", state: { ...state, master: { field: "ownerId", value: row!.id } } })
      .catch(() => ({ rows: [] }));
    expect(evaluations.rows).toHaveLength(0);
    expect(await appCodeOf(foreignAgent.resources.get({ resource: "art61.contracts", id: row!.id }))).toBe("NOT_FOUND");
    expect(
      await appCodeOf(
        foreignAgent.resources.update({ resource: "art61.contracts", id: row!.id, version: row!.version, patch: {} }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await appCodeOf(foreignAgent.resources.action({ resource: "art61.contracts", id: row!.id, name: "print" })),
    ).toBe("NOT_FOUND");
    expect(
      await appCodeOf(
        foreignAgent.resources.remove({ resource: "art61.contracts", id: row!.id, version: row!.version }),
      ),
    ).toBe("NOT_FOUND");
    const [excerpt] = await h()
      .db.select({ id: h().t.excerpts.id })
      .from(h().t.excerpts)
      .where(eq(h().t.excerpts.ownerType, "art61Contract"))
      .limit(1);
    const res = await excerptDownload(
      new Request(`http://${eupen.slug}.localhost/api/documents/${excerpt!.id}/file.docx`, {
        headers: { host: `${eupen.slug}.localhost` },
      }),
      foreignClaims,
      String(excerpt!.id),
    );
    expect(res.status).toBe(404);
    const [after] = await h().db.select().from(h().t.art61Contracts).where(eq(h().t.art61Contracts.id, row!.id));
    expect(after!.version).toBe(row!.version);
  });
});

describe("the client lists' active contract", () => {
  it("names the employer and the dates of the client's Art. 61 contract active in a period", async () => {
    const { db, t } = h();
    const [row] = await db
      .select({ active: activeArt61Of(t, sql`${client}::int`, "2031-06-01", "2031-06-30") })
      .from(t.partners)
      .where(eq(t.partners.id, client));
    const [first] = await db.select().from(t.art61Contracts).orderBy(t.art61Contracts.id).limit(1);
    expect(row!.active).toEqual({
      id: first!.id,
      company: "Garage Kohnen",
      appliesFrom: "2031-02-03",
      appliesUntil: "2031-12-31",
      dateEnded: "2031-12-31",
    });
    const [none] = await db
      .select({ active: activeArt61Of(t, sql`${client}::int`, "2035-01-01", "2035-01-31") })
      .from(t.partners)
      .where(eq(t.partners.id, client));
    expect(none!.active).toBeNull();
  });
});

describe("the demo (Châtelet, §2.6)", () => {
  it("gives integration-coached clients without an ISIP Art. 61 contracts, the subsidy stories cycling, with evaluations", async () => {
    const demo = await newCentre("a61-demo", "production");
    const d = tenantHandle(demo);
    await d.db
      .update(d.t.siteSettings)
      .set({ clientFieldSets: ["chatelet"] })
      .where(eq(d.t.siteSettings.id, 1));
    const coach = (await newUser(demo, "100")).user.id;
    const clients = [];
    for (const name of ["Alpha", "Bravo", "Charlie", "Delta", "Echo"])
      clients.push(await integClient(demo, coach, { lastName: name }, { startDate: "2020-01-01" }));
    await d.db.insert(d.t.partners).values({ kind: "organisation", name: "Entreprise Demo" });
    await seedArt61Demo(d, { kind: "demo", defaultLocale: "fr" });
    await seedArt61Demo(d, { kind: "demo", defaultLocale: "fr" }); // idempotent
    const rows = await d.db.select().from(d.t.art61Contracts).orderBy(d.t.art61Contracts.id);
    expect(rows.map((r) => r.clientId)).toEqual(clients);
    expect(rows.map((r) => [r.subsidize10, r.subsidize20, r.subsidize30])).toEqual([
      [true, false, false],
      [false, true, false],
      [true, true, false],
      [false, false, true],
      [true, false, false],
    ]);
    const [entries] = await d.db
      .select({ n: sql<number>`count(*)::int` })
      .from(d.t.calendarEntries)
      .where(eq(d.t.calendarEntries.ownerType, "art61Contract"));
    // A year each, every three months: three or four evaluations per contract.
    expect(entries!.n).toBeGreaterThanOrEqual(15);
  });
});
