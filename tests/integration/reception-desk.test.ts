import { eq } from "drizzle-orm";
import PizZip from "pizzip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { belgianToday } from "@/lib/format";
import { hasRole, USER_TYPES } from "@/server/auth/user-types";
import { closePools } from "@/server/db/pool";
import { excerptDownload } from "@/server/documents/routes";
import type { AgentsByClientPanel } from "@/server/reception/agents";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient, newCoaching, newStaff } from "./factories";
import { appCodeOf, errorAsSent, newCentre } from "./helpers";

afterAll(closePools);

let a: Tenant;
let b: Tenant;
beforeAll(async () => {
  [a, b] = await Promise.all([newCentre("desk-a", "production"), newCentre("desk-b", "production")]);
});

type Caller = Awaited<ReturnType<typeof newStaff>>["caller"];
const listState = { page: 1, pageSize: 50, sort: [], filters: {}, q: "" };
const rowsOf = async (caller: Caller, resource: string, master?: { field: string; value: number }) =>
  (await caller.resources.list({ resource: resource as never, state: { ...listState, master } })).rows;
const createVisit = (caller: Caller, client: number, agent: number, reason = "Question") =>
  caller.resources.action({
    resource: "reception.clients",
    id: client,
    name: "createVisit",
    params: { user: agent, summary: reason },
  });
const step = async (caller: Caller, resource: string, id: number, name: string) => {
  const row = await caller.resources.get({ resource: resource as never, id });
  return caller.resources.transition({ resource: resource as never, id, version: row.__version as number, name });
};
const certificate = (caller: Caller, resource: string, guest: number) =>
  caller.resources.action({ resource: resource as never, id: guest, name: "presenceCertificate" });
const download = (tenant: Tenant, claims: Awaited<ReturnType<typeof newStaff>>["claims"], id: number) =>
  excerptDownload(
    new Request(`http://${tenant.slug}.localhost/api/documents/${id}/file.docx`, {
      headers: { host: `${tenant.slug}.localhost` },
    }),
    claims,
    String(id),
  );
/** The text of a .docx as a reader sees it. */
const textOf = (docx: Buffer) =>
  new PizZip(docx)
    .file("word/document.xml")!
    .asText()
    .replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ")
    .trim();
const excerptCount = async (tenant: Tenant) => {
  const { db, t } = tenantHandle(tenant);
  return (await db.select({ id: t.excerpts.id }).from(t.excerpts)).length;
};

/** A client who came to the desk, was received by the agent and left: the guest's id. */
async function visitSeenOut(clerk: Awaited<ReturnType<typeof newStaff>>, client: number, agent: number) {
  await createVisit(clerk.caller, client, agent, "Loyer");
  const guest = (await rowsOf(clerk.caller, "reception.waiting")).find(
    (r) => (r.partner as { id: number }).id === client,
  )!;
  const id = Number(guest.__id);
  await step(clerk.caller, "reception.waiting", id, "receive");
  await step(clerk.caller, "reception.busy", id, "checkout");
  return id;
}

describe("the presence certificate (domain-people §11)", () => {
  it("prints the certificate of a visit seen out, in the client's language, from the desk and from the client", async () => {
    const clerk = await newStaff(a, "210");
    const agent = await newStaff(a, "100", { firstName: "Hubert", lastName: "Huppertz" });
    const french = await newClient(a, {
      firstName: "Marie",
      lastName: "Dubois",
      language: "fr",
      nationalId: "850730 033-61",
      street: "Rue Haute",
      streetNo: "3",
      zipCode: "6200",
    });
    const german = await newClient(a, { firstName: "Anna", lastName: "Müller", language: "de" });
    await newCoaching(a, french, agent.id);
    await newCoaching(a, german, agent.id);

    const marie = await visitSeenOut(clerk, french, agent.id);
    const opened = (await certificate(clerk.caller, "reception.gone", marie))!.open!;
    expect(opened.resource).toBe("documents.mine");
    const res = await download(a, clerk.claims, Number(opened.id));
    expect(res.status).toBe(200);
    const fr = textOf(Buffer.from(await res.arrayBuffer()));
    expect(fr).toContain("Attestation de présence");
    expect(fr).toMatch(
      /Nous certifions par la présente que Marie Dubois \(numéro de registre national 850730 033-61, Rue Haute 3, 6200\) s’est présenté·e dans les locaux du centre aujourd’hui entre \d\d:\d\d et \d\d:\d\d pour des raisons administratives\./,
    );

    // From the client's presences, the German-speaking client's certificate is German; no national number, no parentheses left open.
    const anna = await visitSeenOut(clerk, german, agent.id);
    const presences = await rowsOf(clerk.caller, "reception.presences", { field: "partner", value: german });
    expect(presences.map((r) => [Number(r.__id), r.state, r.reason, (r.agent as { label: string }).label])).toEqual([
      [anna, "gone", "Loyer", "Hubert Huppertz"],
    ]);
    const deOpened = (await certificate(clerk.caller, "reception.presences", anna))!.open!;
    const de = textOf(Buffer.from(await (await download(a, agent.claims, Number(deOpened.id))).arrayBuffer()));
    expect(de).toContain("(Übersetzung)");
    expect(de).toContain("Anwesenheitsbescheinigung");
    expect(de).toMatch(
      /Hiermit bescheinigen wir, dass Anna Müller \(\) heute zwischen \d\d:\d\d und \d\d:\d\d Uhr aus administrativen Gründen/,
    );

    // The excerpt is the client's: among the client's documents, audited.
    const { db, t } = tenantHandle(a);
    const [row] = await db
      .select()
      .from(t.excerpts)
      .where(eq(t.excerpts.id, Number(deOpened.id)));
    expect(row).toMatchObject({ ownerType: "guest", ownerId: anna, clientId: german, language: "de" });
    const audit = await db
      .select({ action: t.auditLog.action })
      .from(t.auditLog)
      .where(eq(t.auditLog.entityId, String(deOpened.id)));
    expect(audit.map((r) => r.action)).toContain("documents.mine.create");
  });

  it("refuses a guest who never came with a translated 400, and records nothing", async () => {
    const clerk = await newStaff(a, "210");
    const agent = await newStaff(a, "100");
    const client = await newClient(a, { lastName: "Invited" });
    const { db, t } = tenantHandle(a);
    const [entry] = await db
      .insert(t.calendarEntries)
      .values({ summary: "RDV", clientId: client, startDate: belgianToday(), userId: agent.id, state: "published" })
      .returning({ id: t.calendarEntries.id });
    const [guest] = await db
      .insert(t.calendarGuests)
      .values({ entryId: entry!.id, partnerId: client, state: "invited" })
      .returning({ id: t.calendarGuests.id });
    const before = await excerptCount(a);
    const refused = await certificate(clerk.caller, "reception.expected", guest!.id).catch((e: unknown) => e);
    expect(errorAsSent(refused)).toMatchObject({
      httpStatus: 400,
      params: { messageKey: "reception.certificate.notPresent" },
    });
    expect(await excerptCount(a)).toBe(before);
  });

  it("lets the user types who print documents print it, and no other centre reach the visit or its document", async () => {
    const clerk = await newStaff(a, "210");
    const agent = await newStaff(a, "100");
    const client = await newClient(a, { lastName: "Typed" });
    await newCoaching(a, client, agent.id);
    const guest = await visitSeenOut(clerk, client, agent.id);
    for (const type of USER_TYPES.filter((u) => u !== "000")) {
      const { caller } = await newStaff(a, type);
      const prints = hasRole(type, "OfficeUser") || hasRole(type, "OfficeOperator");
      const outcome = await appCodeOf(certificate(caller, "reception.gone", guest));
      expect(outcome, type).toBe(prints ? "resolved" : "FORBIDDEN");
    }
    const printed = Number((await certificate(clerk.caller, "reception.gone", guest))!.open!.id);
    const otherClerk = await newStaff(b, "210");
    const before = await excerptCount(b);
    expect(await appCodeOf(certificate(otherClerk.caller, "reception.gone", guest))).toBe("NOT_FOUND");
    expect(await appCodeOf(certificate(otherClerk.caller, "reception.presences", guest))).toBe("NOT_FOUND");
    expect(await excerptCount(b)).toBe(before);
    expect((await download(b, otherClerk.claims, printed)).status).toBe(404);
    expect(await appCodeOf(rowsOf(otherClerk.caller, "reception.presences", { field: "partner", value: client }))).toBe(
      "NOT_FOUND",
    );
  });
});

describe("agents by client (domain-people §11)", () => {
  const panelOf = (caller: Caller, client: number) =>
    caller.resources.panel({
      resource: "clients.clients",
      id: client,
      key: "agentsByClient",
    }) as Promise<AgentsByClientPanel>;

  it("offers a coached client's coaches, with their state today", async () => {
    const clerk = await newStaff(a, "210");
    const coach = await newStaff(a, "100", { firstName: "Caroline", lastName: "Carnol" });
    const other = await newStaff(a, "100", { firstName: "Alicia", lastName: "Allmanns" });
    const client = await newClient(a, { lastName: "Coached", clientState: "30" });
    await newCoaching(a, client, coach.id, { startDate: "2020-01-01" });
    await newCoaching(a, client, other.id, { startDate: "2021-01-01" });
    const panel = await panelOf(clerk.caller, client);
    expect(panel.agents.map((r) => [r.name, r.visit, r.findDate, r.state, r.waiting])).toEqual([
      ["Caroline Carnol", true, true, "free", 0],
      ["Alicia Allmanns", true, true, "free", 0],
    ]);

    // Someone waits for Caroline, then she receives them: busy; Alicia's all-day absence today: absent.
    const visitor = await newClient(a, { lastName: "Visitor" });
    await newCoaching(a, visitor, coach.id);
    await createVisit(clerk.caller, visitor, coach.id);
    expect((await panelOf(clerk.caller, client)).agents[0]).toMatchObject({ state: "free", waiting: 1 });
    const [waiting] = await rowsOf(coach.caller, "reception.waitingForMe");
    await step(coach.caller, "reception.waitingForMe", Number(waiting!.__id), "receive");
    const { db, t } = tenantHandle(a);
    const [absence] = await db
      .insert(t.entryTypes)
      .values({ names: { fr: "Absence", en: "Absence" }, locksUser: true })
      .returning({ id: t.entryTypes.id });
    await db
      .insert(t.calendarEntries)
      .values({ summary: "Congé", startDate: belgianToday(), userId: other.id, typeId: absence!.id });
    expect((await panelOf(clerk.caller, client)).agents.map((r) => [r.name, r.state, r.waiting])).toEqual([
      ["Caroline Carnol", "busy", 0],
      ["Alicia Allmanns", "absent", 0],
    ]);
  });

  it("offers a newcomer the agents who accept consultations (Visit) or appointments (Find date)", async () => {
    const clerk = await newStaff(a, "210");
    const consults = await newStaff(a, "200", { newcomerConsultations: true });
    const appoints = await newStaff(a, "200", { newcomerAppointments: true });
    const neither = await newStaff(a, "200");
    const client = await newClient(a, { lastName: "Newcomer", clientState: "10" });
    const { agents } = await panelOf(clerk.caller, client);
    const byId = new Map(agents.map((r) => [r.id, r]));
    expect(byId.get(consults.id)).toMatchObject({ visit: true, findDate: false });
    expect(byId.get(appoints.id)).toMatchObject({ visit: false, findDate: true });
    expect(byId.has(neither.id)).toBe(false);
    // The Visit the panel offers is one the desk may create.
    await createVisit(clerk.caller, client, consults.id);
    expect(await appCodeOf(createVisit(clerk.caller, client, appoints.id))).toBe("INVALID_INPUT");
  });

  it("is shown to the user types of the desk only, and never about another centre's client", async () => {
    const client = await newClient(a, { lastName: "Panel" });
    for (const type of USER_TYPES.filter((u) => u !== "000")) {
      const { caller } = await newStaff(a, type);
      const desk = hasRole(type, "OfficeUser") || hasRole(type, "OfficeOperator");
      const sees = hasRole(type, "SimpleContactsUser");
      const outcome = await appCodeOf(panelOf(caller, client));
      expect(outcome, type).toBe(desk && sees ? "resolved" : sees ? "FORBIDDEN" : outcome);
      if (!sees) expect(outcome, type).not.toBe("resolved");
    }
    const otherClerk = await newStaff(b, "210");
    expect(await appCodeOf(panelOf(otherClerk.caller, client))).toBe("NOT_FOUND");
  });
});

describe("my competences (newcomers, beyond Lino)", () => {
  it("shows an agent their own competences only, to social users, in their centre only", async () => {
    const { db, t } = tenantHandle(a);
    const agent = await newStaff(a, "100");
    const colleague = await newStaff(a, "100");
    const [faculty] = await db
      .insert(t.faculties)
      .values({ names: { fr: "Mine", en: "Mine" }, weight: 6 })
      .returning({ id: t.faculties.id });
    await db.insert(t.competences).values([
      { userId: agent.id, facultyId: faculty!.id, weight: 3 },
      { userId: colleague.id, facultyId: faculty!.id, weight: 8 },
    ]);
    const mine = await rowsOf(agent.caller, "newcomers.myCompetences");
    expect(mine.map((r) => [(r.faculty as unknown as { label: { fr: string } }).label.fr, r.weight])).toEqual([
      ["Mine", 3],
    ]);
    // Only social staff edit competences; the agent reads them.
    expect(
      await appCodeOf(
        agent.caller.resources.update({
          resource: "newcomers.myCompetences",
          id: Number(mine[0]!.__id),
          version: mine[0]!.__version as number,
          patch: { weight: 1 },
        }),
      ),
    ).toBe("FORBIDDEN");
    for (const type of USER_TYPES.filter((u) => u !== "000")) {
      const { caller } = await newStaff(a, type);
      const outcome = await appCodeOf(rowsOf(caller, "newcomers.myCompetences"));
      expect(outcome, type).toBe(hasRole(type, "SocialUser") ? "resolved" : "FORBIDDEN");
    }
    const other = await newStaff(b, "100");
    expect(await rowsOf(other.caller, "newcomers.myCompetences")).toEqual([]);
    expect(
      await appCodeOf(other.caller.resources.get({ resource: "newcomers.myCompetences", id: Number(mine[0]!.__id) })),
    ).toBe("NOT_FOUND");
  });
});
