// The printed PIIS (issue 17 items 3–4; domain-integ-money §2.3–2.4; issue 14's certified fields):
// printing a contract in its language, the certifying print locking what it vouches for until
// "Clear printed", the print rule without PCSW duties and its recorded override, who may do what,
// and nothing of one centre reachable from another.
import { and, eq } from "drizzle-orm";
import PizZip from "pizzip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionClaims } from "@/server/auth/session";
import { hasRole, USER_TYPES } from "@/server/auth/user-types";
import { closePools } from "@/server/db/pool";
import { excerptDownload } from "@/server/documents/routes";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient } from "./factories";
import { appCodeOf, callerOn, centreHost, errorAsSent, newCentre, newUser } from "./helpers";

afterAll(closePools);

let eupen: Tenant;
let chatelet: Tenant;
let agent: { user: { id: number }; claims: SessionClaims };
let manager: { user: { id: number }; claims: SessionClaims };
let client: number;
let isipType: number;
let company: number;

const caller = (tenant: Tenant, claims: SessionClaims) => callerOn(centreHost(tenant.slug), {}, claims);
const h = () => tenantHandle(eupen);

/** The words of a .docx in order, as a reader sees them. */
const textOf = (docx: Buffer) =>
  new PizZip(docx)
    .file("word/document.xml")!
    .asText()
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

async function download(claims: SessionClaims, excerptId: number) {
  const req = new Request(`http://${eupen.slug}.localhost/api/documents/${excerptId}/file.docx`, {
    headers: { host: `${eupen.slug}.localhost` },
  });
  const res = await excerptDownload(req, claims, String(excerptId));
  expect(res.status).toBe(200);
  return textOf(Buffer.from(await res.arrayBuffer()));
}

const act = async (tenant: Tenant, claims: SessionClaims, id: number, name: string, params = {}) =>
  (await caller(tenant, claims)).resources.action({ resource: "isip.contracts", id, name, params });

type ContractRow = Record<string, unknown> & { __version: number; __certified?: boolean };
const rowOf = async (claims: SessionClaims, id: number) =>
  (await (await caller(eupen, claims)).resources.get({ resource: "isip.contracts", id })) as ContractRow;

const update = async (claims: SessionClaims, id: number, patch: Record<string, unknown>) =>
  (await caller(eupen, claims)).resources.update({
    resource: "isip.contracts",
    id,
    version: (await rowOf(claims, id)).__version,
    patch,
  });

/** A PIIS of a new client (`client`: contracts of one client may not overlap), its texts as the editor writes them. */
async function newContract(values: Record<string, unknown> = {}, texts: Record<string, unknown> = {}) {
  client = await newClient(eupen, {
    firstName: "Anna",
    lastName: "Arens",
    language: "de",
    birthDate: "1980-03-05",
    street: "Bergstraße",
    streetNo: "12",
    zipCode: "4700",
  });
  const c = await caller(eupen, agent.claims);
  const { id } = await c.resources.create({
    resource: "isip.contracts",
    values: { client, type: isipType, appliesFrom: "2027-02-01", appliesUntil: "2027-07-31", ...values },
  });
  const contract = Number(id);
  await update(agent.claims, contract, {
    goals: "<p>Eine Arbeit finden</p><p>Deutsch auf Niveau B1</p>",
    stages: "<ol><li>Bewerbungsmappe</li><li>Sprachkurs</li></ol>",
    dutiesPcsw: "<p>Das ÖSHZ übernimmt die <strong>Fahrtkosten</strong> &amp; die Kursgebühren.</p>",
    dutiesPerson: "<p>Termine wahrnehmen<br>und Bescheinigungen vorlegen</p>",
    ...texts,
  });
  return contract;
}

const excerptsOf = async (contract: number) =>
  h()
    .db.select()
    .from(h().t.excerpts)
    .where(and(eq(h().t.excerpts.ownerType, "isipContract"), eq(h().t.excerpts.ownerId, contract)))
    .orderBy(h().t.excerpts.id);

const auditOf = async (entity: string, id: number) =>
  (
    await h()
      .db.select({ action: h().t.auditLog.action, changes: h().t.auditLog.changes })
      .from(h().t.auditLog)
      .where(and(eq(h().t.auditLog.entity, entity), eq(h().t.auditLog.entityId, String(id))))
  ).map((a) => a as { action: string; changes: unknown });

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("piis-eupen", "production"), newCentre("piis-chat", "production")]);
  agent = await newUser(eupen, "100", { firstName: "Hubert", lastName: "Huppertz", language: "de" });
  manager = await newUser(eupen, "110", { firstName: "Mélanie", lastName: "Mélard", language: "fr" });
  const [type] = await h().db.select().from(h().t.isipContractTypes).where(eq(h().t.isipContractTypes.ref, "vseb"));
  isipType = type!.id;
  const [org] = await h()
    .db.insert(h().t.partners)
    .values({ name: "Sprachschule Eupen", kind: "organisation" })
    .returning({ id: h().t.partners.id });
  company = org!.id;
});

describe("the printed PIIS (§2.4)", () => {
  it("every centre has a primary, certifying document type of ISIPs", async () => {
    const { db, t } = tenantHandle(chatelet);
    const types = await db.select().from(t.excerptTypes).where(eq(t.excerptTypes.contentType, "isipContract"));
    expect(types).toMatchObject([{ template: "isipContract", isPrimary: true, certifying: true }]);
  });

  it("prints in the contract's language: German, with the rich texts as paragraphs and the partner", async () => {
    const contract = await newContract({ language: "de" });
    await (
      await caller(eupen, agent.claims)
    ).resources.create({
      resource: "isip.partners",
      values: { contract, company, dutiesCompany: "<p>Sprachkurs A2 anbieten</p>" },
    });
    const result = await act(eupen, agent.claims, contract, "print");
    const [excerpt] = await excerptsOf(contract);
    expect(result!.open).toEqual({ resource: "documents.mine", id: excerpt!.id });
    expect(excerpt).toMatchObject({ language: "de", clientId: client, fileName: `vse-${client}.docx` });
    const text = await download(agent.claims, excerpt!.id);
    expect(text).toContain(`Vertrag zur sozialen Eingliederung Nr. ${contract}`);
    expect(text).toContain("VSE Arbeitssuche");
    expect(text).toContain("Laufzeit: vom 01.02.2027 bis zum 31.07.2027");
    expect(text).toContain("dem Begünstigten, Anna ARENS, geboren am 05.03.1980");
    expect(text).toContain(
      "dem Sozialarbeiter des Dienstes für sozial-berufliche Eingliederung (DSBE), Hubert Huppertz,",
    );
    expect(text).toContain("Ziele Eine Arbeit finden Deutsch auf Niveau B1 Etappen 1. Bewerbungsmappe 2. Sprachkurs");
    expect(text).toContain("Verpflichtungen des ÖSHZ Das ÖSHZ übernimmt die Fahrtkosten &amp; die Kursgebühren.");
    expect(text).toContain("Sprachschule Eupen Sprachkurs A2 anbieten");
    expect(text).toContain("(Übersetzung)"); // a French-speaking centre's German document
    expect(text).not.toMatch(/[{}]|&lt;|<p>/);
  });

  it("prints in French when the contract says so, for a German-speaking client", async () => {
    const contract = await newContract({ language: "fr" });
    await act(eupen, agent.claims, contract, "print");
    const [excerpt] = await excerptsOf(contract);
    const text = await download(agent.claims, excerpt!.id);
    expect(text).toContain(`Projet individualisé d’intégration sociale n° ${contract}`);
    expect(text).toContain("Durée : du 01/02/2027 au 31/07/2027");
    expect(text).toContain("Engagements du bénéficiaire Termine wahrnehmen und Bescheinigungen vorlegen");
    expect(text).toContain("Aucun partenaire.");
    expect(text).not.toContain("(Traduction)");
  });
});

describe("the certifying print locks what it vouches for (§2.3)", () => {
  it("refuses an edit of a printed field with the message, keeps the others editable, until 'Clear printed'", async () => {
    const contract = await newContract({ language: "de" });
    const [partner] = await h()
      .db.insert(h().t.isipPartners)
      .values({ contractId: contract, companyId: company, dutiesCompany: "<p>x</p>" })
      .returning({ id: h().t.isipPartners.id });
    expect((await rowOf(agent.claims, contract)).__certified).toBe(false);
    const first = await act(eupen, agent.claims, contract, "print");
    const again = await act(eupen, agent.claims, contract, "print");
    expect(again!.open!.id).toBe(first!.open!.id);

    const row = await rowOf(agent.claims, contract);
    expect(row.__certified).toBe(true);
    expect(row.printed).toEqual(expect.any(String));
    for (const [field, value] of [
      ["goals", "<p>Andere Ziele</p>"],
      ["appliesUntil", "2027-06-30"],
      ["user", manager.user.id],
    ] as const) {
      const refused = await update(agent.claims, contract, { [field]: value }).catch((e) => e);
      expect(errorAsSent(refused), field).toMatchObject({
        httpStatus: 400,
        params: { field, messageKey: "documents.certified.locked" },
      });
    }
    expect((await rowOf(agent.claims, contract)).goals).toBe("<p>Eine Arbeit finden</p><p>Deutsch auf Niveau B1</p>");
    // What happens after the print is recorded on it.
    await update(agent.claims, contract, { dateIssued: "2027-02-03" });
    expect((await rowOf(agent.claims, contract)).dateIssued).toBe("2027-02-03");

    // Its partners were printed too: neither changed nor added to.
    const c = await caller(eupen, agent.claims);
    const partnerEdit = await c.resources
      .update({ resource: "isip.partners", id: partner!.id, version: 1, patch: { dutiesCompany: "<p>y</p>" } })
      .catch((e) => e);
    expect(errorAsSent(partnerEdit)).toMatchObject({ httpStatus: 400 });
    const partnerAdd = await c.resources
      .create({ resource: "isip.partners", values: { contract, company } })
      .catch((e) => e);
    expect(errorAsSent(partnerAdd)).toMatchObject({
      httpStatus: 400,
      params: { messageKey: "isip.print.partnersLocked" },
    });

    // A social agent reads the contract but may not clear its print; the author may.
    const social = await newUser(eupen, "400");
    expect(await appCodeOf(act(eupen, social.claims, contract, "clearPrinted"))).toBe("FORBIDDEN");
    expect((await excerptsOf(contract)).every((e) => e.clearedAt === null)).toBe(true);
    await act(eupen, agent.claims, contract, "clearPrinted");
    const cleared = await rowOf(agent.claims, contract);
    expect(cleared.__certified).toBe(false);
    expect(cleared.printed).toBeNull();
    expect((await auditOf("documents.mine", Number(first!.open!.id))).map((a) => a.action)).toContain(
      "documents.mine.clearPrinted",
    );
    await update(agent.claims, contract, { goals: "<p>Andere Ziele</p>" });
    expect((await rowOf(agent.claims, contract)).goals).toBe("<p>Andere Ziele</p>");
    const nothing = await act(eupen, agent.claims, contract, "clearPrinted").catch((e) => e);
    expect(errorAsSent(nothing)).toMatchObject({
      httpStatus: 400,
      params: { messageKey: "isip.print.nothingToClear" },
    });
    // Printed again: a new document.
    const fresh = await act(eupen, agent.claims, contract, "print");
    expect(fresh!.open!.id).not.toBe(first!.open!.id);
  });

  it("tells the form which fields are locked", async () => {
    const c = await caller(eupen, agent.claims);
    const meta = await c.resources.meta({ resource: "isip.contracts" });
    expect(meta.certified!.fields).toEqual(
      expect.arrayContaining(["goals", "stages", "dutiesPcsw", "dutiesPerson", "appliesFrom", "type"]),
    );
    expect(meta.certified!.fields).not.toContain("dateIssued");
    const clients = await c.resources.meta({ resource: "clients.clients" });
    expect(clients.certified!.fields).toEqual(expect.arrayContaining(["firstName", "lastName", "nationalId"]));
  });
});

describe("the print rule without PCSW duties (§2.4) and its override", () => {
  it("refuses the print with the message, nothing recorded; an integration manager allows it with a reason", async () => {
    const contract = await newContract({ language: "de" }, { dutiesPcsw: "<p> </p>" });
    const refused = await act(eupen, agent.claims, contract, "print").catch((e) => e);
    expect(errorAsSent(refused)).toMatchObject({ httpStatus: 400, params: { messageKey: "isip.print.noPcswDuties" } });
    expect(await excerptsOf(contract)).toEqual([]);

    // The agent may not allow it; a reason is required.
    expect(await appCodeOf(act(eupen, agent.claims, contract, "allowPrint", { reason: "Bitte" }))).toBe("FORBIDDEN");
    const empty = await act(eupen, manager.claims, contract, "allowPrint", { reason: "  " }).catch((e) => e);
    expect(errorAsSent(empty).httpStatus).toBe(400);
    expect((await rowOf(agent.claims, contract)).printOverrideAt).toBeNull();

    await act(eupen, manager.claims, contract, "allowPrint", { reason: "Hilfe beantragt, Beschluss folgt" });
    const row = await rowOf(agent.claims, contract);
    expect(row.printOverrideBy).toEqual({ id: manager.user.id, label: expect.stringContaining("Mélard") });
    expect(row.printOverrideAt).toEqual(expect.any(String));
    expect(row.printOverrideReason).toBe("Hilfe beantragt, Beschluss folgt");
    const audit = await auditOf("isip.contracts", contract);
    expect(audit.find((a) => a.action === "isip.contracts.allowPrint")?.changes).toMatchObject({
      printOverrideById: { from: null, to: manager.user.id },
      printOverrideReason: { from: "", to: "Hilfe beantragt, Beschluss folgt" },
    });
    // Its fields are not written through an ordinary save.
    const forged = await update(agent.claims, contract, { printOverrideReason: "x" }).catch((e) => e);
    expect(errorAsSent(forged).httpStatus).toBe(400);

    await act(eupen, agent.claims, contract, "print");
    expect(await excerptsOf(contract)).toHaveLength(1);
  });
});

describe("who may print, allow and clear", () => {
  it("keeps another centre out", async () => {
    const contract = await newContract({ language: "de" });
    const other = await newUser(chatelet, "110");
    for (const [name, params] of [
      ["print", {}],
      ["clearPrinted", {}],
      ["allowPrint", { reason: "x" }],
    ] as const)
      expect(await appCodeOf(act(chatelet, other.claims, contract, name, params)), name).toBe("NOT_FOUND");
    expect(await excerptsOf(contract)).toEqual([]);
    const { db, t } = tenantHandle(chatelet);
    expect(await db.select().from(t.excerpts)).toEqual([]);
  });

  it("lets integration users print and clear, integration staff allow, and refuses every other user type", async () => {
    const contract = await newContract({ language: "de" });
    for (const type of USER_TYPES.filter((t) => t !== "000")) {
      const { claims } = await newUser(eupen, type);
      const outcome = appCodeOf;
      const refused = (code: string) => code === "FORBIDDEN" || code === "NOT_FOUND";
      const allow = await outcome(act(eupen, claims, contract, "allowPrint", { reason: `by ${type}` }));
      if (hasRole(type, "IntegrationStaff")) expect(allow, `${type} allowPrint`).toBe("resolved");
      else expect(refused(allow), `${type} allowPrint: ${allow}`).toBe(true);
      const print = await outcome(act(eupen, claims, contract, "print"));
      if (hasRole(type, "IntegUser")) expect(print, `${type} print`).toBe("resolved");
      else expect(refused(print), `${type} print: ${print}`).toBe(true);
      const clear = await outcome(act(eupen, claims, contract, "clearPrinted"));
      if (hasRole(type, "IntegUser")) expect(clear, `${type} clearPrinted`).toBe("resolved");
      else expect(refused(clear), `${type} clearPrinted: ${clear}`).toBe(true);
    }
  });
});
