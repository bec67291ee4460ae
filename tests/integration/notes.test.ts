import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { ClientOverviewPanel } from "@/server/clients/panels/overview";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient, newCoaching } from "./factories";
import { appCodeOf, callerOn, centreHost, newCentre, newUser } from "./helpers";

type Caller = Awaited<ReturnType<typeof callerOn>>;
const wordClipboard = readFileSync(path.join(import.meta.dirname, "../fixtures/notes/word-clipboard.html"), "utf8");

let eupen: Tenant;
let chatelet: Tenant;
let agent: Caller; // 100: writes notes on clients
let agentId: number;
let colleague: Caller; // 100 too: reads them, changes only their own
let staff: Caller; // 110: office staff, changes everyone's
let clerk: Caller; // 220: no notes of clients (not a ContactsUser)
let admin: Caller; // 900
let foreign: Caller; // 900 of another centre
let clientFr: number;
let clientDe: number;

const state = (over: Record<string, unknown> = {}) => ({
  page: 1,
  pageSize: 25,
  sort: [],
  filters: {},
  q: "",
  ...over,
});
const caller = async (tenant: Tenant, type: Parameters<typeof newUser>[1]) => {
  const { user, claims } = await newUser(tenant, type);
  return { user, caller: await callerOn(centreHost(tenant.slug), {}, claims) };
};
const typeId = async (tenant: Tenant, fr: string) => {
  const h = tenantHandle(tenant);
  const rows = await h.db.select({ id: h.t.noteTypes.id, names: h.t.noteTypes.names }).from(h.t.noteTypes);
  return rows.find((r) => r.names.fr === fr)!.id;
};
const write = (c: Caller, values: Record<string, unknown>) =>
  c.resources.create({ resource: "notes.notes", values }).then((r) => Number(r.id));
const searchNotes = async (c: Caller, q: string) =>
  (await c.resources.search({ q })).find((g) => g.resource === "notes.notes")?.hits.map((h) => Number(h.id)) ?? [];

beforeAll(async () => {
  // Without demo data: every note is one of this file's, and ids do not meet another centre's by chance.
  [eupen, chatelet] = await Promise.all([
    newCentre("notes-eupen", "production"),
    newCentre("notes-chatelet", "production"),
  ]);
  const a = await caller(eupen, "100");
  agent = a.caller;
  agentId = a.user.id;
  colleague = (await caller(eupen, "100")).caller;
  staff = (await caller(eupen, "110")).caller;
  clerk = (await caller(eupen, "220")).caller;
  admin = (await caller(eupen, "900")).caller;
  foreign = (await caller(chatelet, "900")).caller;
  clientFr = await newClient(eupen, { firstName: "Marie", lastName: "Dubois", language: "fr", clientState: "10" });
  clientDe = await newClient(eupen, { firstName: "Karl", lastName: "Kaivers", language: "de" });
}, 120_000);

describe("notes on a client", () => {
  it("are written with a body pasted from Word, cleaned, by their author, in the client's language, audited", async () => {
    const id = await write(agent, {
      date: "2026-12-01",
      time: "09:15",
      subject: "Logement",
      body: wordClipboard,
      client: clientFr,
    });
    const note = await agent.resources.get({ resource: "notes.notes", id });
    expect(note.body).toContain("<strong>logement</strong>");
    expect(note.body).not.toMatch(/mso|class=|style|<o:p|<!--/);
    expect(note.time).toBe("09:15");
    expect((note.user as { id: number }).id).toBe(agentId);
    expect(note.language).toBe("fr");
    expect(note.owner).toBe("DUBOIS Marie (" + clientFr + ")");
    const h = tenantHandle(eupen);
    const audit = await h.db
      .select()
      .from(h.t.auditLog)
      .where(and(eq(h.t.auditLog.entity, "notes.notes"), eq(h.t.auditLog.entityId, String(id))));
    expect(audit.map((a) => a.action)).toEqual(["notes.notes.create"]);
  });

  it("refuses a script in the body by keeping only its text, and a javascript: link by dropping it", async () => {
    const id = await write(agent, {
      date: "2026-12-01",
      subject: "XSS",
      body: `<p onclick="alert(1)">ok<script>alert(1)</script><a href="javascript:alert(1)">x</a></p>`,
      client: clientFr,
    });
    const h = tenantHandle(eupen);
    const [stored] = await h.db.select({ body: h.t.notes.body }).from(h.t.notes).where(eq(h.t.notes.id, id));
    expect(stored!.body).toContain("ok");
    expect(stored!.body).not.toMatch(/script|onclick|javascript:|alert/);
  });

  it("shows a body stored past the sanitiser without its script", async () => {
    const h = tenantHandle(eupen);
    const [row] = await h.db
      .insert(h.t.notes)
      .values({
        date: "2026-12-01",
        subject: "Raw",
        body: `<p>raw<img src=x onerror=alert(1)></p>`,
        clientId: clientFr,
        userId: agentId,
        language: "fr",
      })
      .returning({ id: h.t.notes.id });
    expect((await agent.resources.get({ resource: "notes.notes", id: row!.id })).body).toBe("<p>raw</p>");
  });

  it("take their importance from their type, and the important ones show in the client's overview", async () => {
    const decision = await typeId(eupen, "Décision");
    const id = await write(agent, {
      date: "2026-12-02",
      subject: "Décision du comité",
      type: decision,
      client: clientFr,
    });
    expect((await agent.resources.get({ resource: "notes.notes", id })).important).toBe(true);
    const panel = (await agent.resources.panel({
      resource: "clients.clients",
      id: clientFr,
      key: "clientOverview",
    })) as ClientOverviewPanel;
    expect(panel.importantNotes.map((n) => n.subject)).toContain("Décision du comité");
    // A user who may not read notes sees the client's overview without them.
    const clerkPanel = (await clerk.resources.panel({
      resource: "clients.clients",
      id: clientFr,
      key: "clientOverview",
    })) as ClientOverviewPanel;
    expect(clerkPanel.importantNotes).toEqual([]);
  });

  it("are listed on the client's History tab, newest first", async () => {
    const page = await colleague.resources.list({
      resource: "notes.notes",
      state: state({ master: { field: "client", value: clientFr } }),
    });
    expect(page.rows.length).toBeGreaterThanOrEqual(3);
    const dates = page.rows.map((r) => String(r.date));
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it("are changed by their author and by office staff, not by a colleague", async () => {
    const id = await write(agent, { date: "2026-12-03", subject: "Mine", client: clientFr });
    const version = async () => Number((await agent.resources.get({ resource: "notes.notes", id })).__version);
    expect(
      await appCodeOf(
        colleague.resources.update({
          resource: "notes.notes",
          id,
          version: await version(),
          patch: { subject: "Theirs" },
        }),
      ),
    ).toBe("FORBIDDEN");
    expect(await appCodeOf(colleague.resources.remove({ resource: "notes.notes", id, version: await version() }))).toBe(
      "FORBIDDEN",
    );
    await agent.resources.update({
      resource: "notes.notes",
      id,
      version: await version(),
      patch: { subject: "Still mine" },
    });
    await staff.resources.update({ resource: "notes.notes", id, version: await version(), patch: { important: true } });
    const note = await agent.resources.get({ resource: "notes.notes", id });
    expect([note.subject, note.important]).toEqual(["Still mine", true]);
    // Moved to another client, the note belongs to that client.
    await agent.resources.update({
      resource: "notes.notes",
      id,
      version: await version(),
      patch: { client: clientDe },
    });
    expect((await agent.resources.get({ resource: "notes.notes", id })).owner).toBe(`KAIVERS Karl (${clientDe})`);
  });

  it("are out of reach of a user type without notes (220) and of another centre", async () => {
    const id = await write(agent, { date: "2026-12-03", subject: "Privé", client: clientFr });
    expect(await appCodeOf(clerk.resources.get({ resource: "notes.notes", id }))).toBe("FORBIDDEN");
    expect(
      await appCodeOf(
        clerk.resources.list({
          resource: "notes.notes",
          state: state({ master: { field: "client", value: clientFr } }),
        }),
      ),
    ).toBe("FORBIDDEN");
    expect(await appCodeOf(foreign.resources.get({ resource: "notes.notes", id }))).toBe("NOT_FOUND");
    expect(
      await appCodeOf(
        foreign.resources.list({
          resource: "notes.notes",
          state: state({ master: { field: "client", value: clientFr } }),
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      (await foreign.resources.list({ resource: "notes.notes", state: state() })).rows.map((r) => r.__id),
    ).not.toContain(id);
    expect(
      await appCodeOf(foreign.resources.update({ resource: "notes.notes", id, version: 1, patch: { subject: "x" } })),
    ).toBe("NOT_FOUND");
  });

  it("refuse a client that is not a client and an organisation that is not one; a contact person names its organisation", async () => {
    const h = tenantHandle(eupen);
    const [org] = await h.db
      .insert(h.t.partners)
      .values({ kind: "organisation", name: "Foyer SA" })
      .returning({ id: h.t.partners.id });
    expect(await appCodeOf(write(agent, { date: "2026-12-03", subject: "x", client: org!.id }))).toBe("INVALID_INPUT");
    expect(await appCodeOf(write(agent, { date: "2026-12-03", subject: "x", company: clientFr }))).toBe(
      "INVALID_INPUT",
    );
  });
});

describe("the full-text note search", () => {
  beforeAll(async () => {
    await write(agent, {
      date: "2026-11-20",
      subject: "Visite",
      body: "<p>Le logement est humide.</p>",
      client: clientFr,
    });
    await write(agent, {
      date: "2026-11-21",
      subject: "Hausbesuch",
      body: "<p>Die Wohnung ist feucht.</p>",
      client: clientDe,
    });
  });

  it("finds notes in their own language whatever the form of the word", async () => {
    const h = tenantHandle(eupen);
    const idOf = async (subject: string) =>
      (await h.db.select({ id: h.t.notes.id }).from(h.t.notes).where(eq(h.t.notes.subject, subject)))[0]!.id;
    expect(await searchNotes(agent, "logements")).toContain(await idOf("Visite"));
    expect(await searchNotes(agent, "Wohnungen")).toContain(await idOf("Hausbesuch"));
    expect(await searchNotes(agent, "Wohnungen")).not.toContain(await idOf("Visite"));
    // The grid's own search is the same.
    const list = await agent.resources.list({ resource: "notes.notes", state: state({ q: "humides" }) });
    expect(list.rows.map((r) => r.subject)).toContain("Visite");
  });

  it("never finds another centre's notes, and gives nothing to a user type without notes", async () => {
    // Châtelet has a note about housing of its own: it is found, never Eupen's "Visite" (about "logement").
    const theirClient = await newClient(chatelet, { language: "fr" });
    await write(foreign, { date: "2026-11-22", subject: "Logements sociaux", client: theirClient });
    const titles = (await foreign.resources.search({ q: "logements" }))
      .filter((g) => g.resource === "notes.notes")
      .flatMap((g) => g.hits.map((h) => h.title));
    expect(titles).toEqual([`Logements sociaux · CLIENT Test (${theirClient})`]);
    expect(await searchNotes(clerk, "logements")).toEqual([]);
    expect(await searchNotes(admin, "logements")).not.toEqual([]);
  });

  it("counts the notes a search finds up to a hundred, then says there are more (the count covers the page shown)", async () => {
    const h = tenantHandle(eupen);
    await h.db.insert(h.t.notes).values(
      Array.from({ length: 120 }, (_, i) => ({
        date: "2026-01-01",
        subject: `Chaudière ${i}`,
        clientId: clientFr,
        userId: agentId,
        language: "fr",
      })),
    );
    const page = (n: number) =>
      agent.resources.list({ resource: "notes.notes", state: state({ q: "chaudières", page: n }) });
    expect(await page(1)).toMatchObject({ total: 100, totalIsCapped: true });
    expect((await page(5)).rows).toHaveLength(20);
    expect(await page(5)).toMatchObject({ total: 120, totalIsCapped: false });
    // Without a search, the list counts as far as any list.
    const all = await agent.resources.list({ resource: "notes.notes", state: state() });
    expect(all).toMatchObject({ totalIsCapped: false });
    expect(all.total).toBeGreaterThan(120);
  });

  it("takes any text a user types without an error", async () => {
    for (const q of [`"le logement`, "-", "a | b", "!!", "logement & (", "'"]) await agent.resources.search({ q });
  });
});

describe("clients with notes of a type", () => {
  it("filters the client list on a note type within the period", async () => {
    const summons = await typeId(eupen, "Convocation");
    await write(agent, { date: "2026-10-10", subject: "Convoqué", type: summons, client: clientDe });
    const ids = async (c: Caller, filters: Record<string, unknown>) =>
      (await c.resources.list({ resource: "clients.clients", state: state({ filters }) })).rows.map((r) =>
        Number(r.__id),
      );
    expect(await ids(agent, { noteType: summons })).toEqual([clientDe]);
    expect(await ids(agent, { noteType: summons, period: { from: "2026-10-01", to: "2026-10-31" } })).toEqual([
      clientDe,
    ]);
    expect(await ids(agent, { noteType: summons, period: { from: "2026-11-01" } })).toEqual([]);
    // A user type without notes learns nothing from the filter.
    expect(await ids(clerk, { noteType: summons })).toEqual([]);
  });
});

describe("system notes", () => {
  it("are written in the centre's language when a client is refused, marked former and merged", async () => {
    const h = tenantHandle(eupen);
    const systemNotes = async (client: number) =>
      (
        await h.db
          .select({ subject: h.t.notes.subject, body: h.t.notes.body, eventTypeId: h.t.notes.eventTypeId })
          .from(h.t.notes)
          .innerJoin(h.t.noteEventTypes, eq(h.t.noteEventTypes.id, h.t.notes.eventTypeId))
          .where(and(eq(h.t.notes.clientId, client), eq(h.t.noteEventTypes.system, true)))
          .orderBy(h.t.notes.id)
      ).map((n) => [n.subject, n.body]);
    const newcomer = await newClient(eupen, { firstName: "Nina", lastName: "Neu", clientState: "10" });
    const version = async (id: number) =>
      Number((await admin.resources.get({ resource: "clients.clients", id })).__version);
    await admin.resources.transition({
      resource: "clients.clients",
      id: newcomer,
      version: await version(newcomer),
      name: "refuse",
      params: { reason: "20", remark: "Domicilié à Namur" },
    });
    expect(await systemNotes(newcomer)).toEqual([
      ["Bénéficiaire refusé : Le CPAS n'est pas compétent", "<p>Domicilié à Namur</p>"],
    ]);

    const coached = await newClient(eupen, { firstName: "Otto", lastName: "Alt" });
    await newCoaching(eupen, coached, agentId);
    await admin.resources.transition({
      resource: "clients.clients",
      id: coached,
      version: await version(coached),
      name: "former",
    });
    expect(await systemNotes(coached)).toEqual([["Bénéficiaire devenu ancien", "<p>1 accompagnement terminé.</p>"]]);

    const duplicate = await newClient(eupen, { firstName: "Otto", lastName: "Alt" });
    const moved = await write(agent, { date: "2026-12-04", subject: "Sur le doublon", client: duplicate });
    await admin.resources.action({
      resource: "clients.clients",
      id: coached,
      name: "mergeInto",
      params: { merged: duplicate, reason: "Doublon" },
      version: await version(coached),
    });
    const [note] = await h.db.select().from(h.t.notes).where(eq(h.t.notes.id, moved));
    expect([note!.clientId, note!.ownerId]).toEqual([coached, coached]);
    expect((await systemNotes(coached)).at(-1)).toEqual([`Fusionné avec ALT Otto (${duplicate})`, "<p>Doublon</p>"]);
  });
});
