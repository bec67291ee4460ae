import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { USER_TYPES, hasRole, rolesOf } from "@/server/auth/user-types";
import type { SessionUser } from "@/server/auth/session";
import { registry } from "@/server/areas";
import { resourceOf } from "@/server/resources/registry";
import { recordOpening } from "@/server/resources/service";
import { resolveSessionUser } from "@/server/auth/session";
import { csvStream } from "@/server/resources/export/csv";
import { planExport } from "@/server/resources/export/rows";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient } from "./factories";
import { appCodeOf, callerOn, centreHost, newCentre, newUser, signedInCaller, statementsOf } from "./helpers";

const state = (over: Record<string, unknown> = {}) => ({
  page: 1,
  pageSize: 50,
  sort: [],
  filters: {},
  q: "",
  ...over,
});
let eupen: Tenant;
let chatelet: Tenant;

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("hist-eupen"), newCentre("hist-chatelet")]);
});

const sessionUser = (
  user: {
    id: number;
    username: string;
    firstName: string;
    lastName: string;
    language: string;
    userType: string | null;
  },
  realUser: SessionUser["realUser"] = null,
): SessionUser =>
  ({
    ...user,
    userType: user.userType as never,
    roles: rolesOf(user.userType as never),
    mustEnrollTotp: false,
    realUser,
  }) as SessionUser;

/** A client's history exported as CSV, as `ctx`'s user reads it. */
async function historyCsv(ctx: Parameters<typeof planExport>[0], clientId: string | number) {
  const plan = await planExport(
    ctx,
    resourceOf(registry, "history.clientChanges"),
    { ...state(), master: { field: "client", value: clientId } },
    [],
  );
  return Buffer.from(await new Response(csvStream(plan)).arrayBuffer()).toString("utf8");
}

describe("client history", () => {
  it("shows who changed which field of a client, from what to what, newest first", async () => {
    const { user, claims } = await newUser(eupen, "200", { firstName: "Carla", lastName: "Changer" });
    const agent = await callerOn(centreHost(eupen.slug), {}, claims);
    const { id } = await agent.resources.create({
      resource: "clients.clients",
      values: { firstName: "Hans", lastName: "Historie" },
    });
    const row = await agent.resources.get({ resource: "clients.clients", id });
    await agent.resources.update({
      resource: "clients.clients",
      id,
      version: row.__version as number,
      patch: { firstName: "Johannes" },
    });
    const { rows } = await agent.resources.list({
      resource: "history.clientChanges",
      state: state({ master: { field: "client", value: id } }),
    });
    // In the reader's words: the action and the field's label, never `update` or `firstName`.
    expect(rows.map((r) => r.action)).toEqual(["Modification", "Création"]);
    expect(rows[0]).toMatchObject({
      who: `${user.firstName} ${user.lastName}`,
      actingFor: "",
      changes: "Prénom : Hans → Johannes",
    });
  });

  it("reads in the reader's language: labels, dates, choices, yes/no, eID reads and workflow actions, in the list and its export", async () => {
    const { claims } = await newUser(eupen, "200", { language: "de" });
    const agent = await callerOn(centreHost(eupen.slug), {}, claims);
    const { id } = await agent.resources.create({
      resource: "clients.clients",
      values: { firstName: "Greta", lastName: "Geschichte" },
    });
    const row = await agent.resources.get({ resource: "clients.clients", id });
    await agent.resources.update({
      resource: "clients.clients",
      id,
      version: row.__version as number,
      patch: { birthDate: "1986-09-23", gender: "F", needsWorkPermit: true, phone: "087 55 66 77" },
    });
    const h = tenantHandle(eupen);
    await h.db.insert(h.t.auditLog).values({
      actor: "system",
      action: "clients.clients.eidCreate",
      entity: "clients.clients",
      entityId: String(id),
      changes: {
        "address.street": { from: null, to: "Rue Haute" },
        cardValidUntil: { from: null, to: "2030-01-31" },
      },
    });
    const { rows } = await agent.resources.list({
      resource: "history.clientChanges",
      state: state({ master: { field: "client", value: id } }),
    });
    expect(rows.map((r) => r.action)).toEqual(["Aus der eID-Karte erstellt", "Geändert", "Erstellt"]);
    expect(rows[1]!.changes).toBe(
      "Braucht Arbeitserlaubnis: Nein → Ja; Geburtsdatum: 23.09.1986; Geschlecht: Weiblich; Telefon: 087 55 66 77",
    );
    expect(rows[0]!.changes).toBe("Karte gültig bis: 31.01.2030; Straße (Adresse der eID-Karte): Rue Haute");
    expect(JSON.stringify(rows)).not.toMatch(/clients\.clients|"update"|phone|birthDate/);
    // An export of the list shows the same text.
    const ctx = { handle: h, user: (await resolveSessionUser(h, eupen, claims))!, locale: "de" as const, registry };
    const csv = await historyCsv(ctx, id);
    expect(csv).toContain("Geburtsdatum: 23.09.1986");
    expect(csv).toContain("Aus der eID-Karte erstellt");
  });

  it("lists a client's changes on the client; the centre-wide list of changes is for administrators only", async () => {
    const admin = await signedInCaller(eupen, "900");
    const { id } = await admin.resources.create({
      resource: "clients.clients",
      values: { firstName: "Gerda", lastName: "Globalliste" },
    });
    // An export of the client list is audited on the list ("*"), not on a client: it is no client's change, and the list still reads.
    const h = tenantHandle(eupen);
    await h.db.insert(h.t.auditLog).values({
      actor: "system",
      action: "clients.clients.export",
      entity: "clients.clients",
      entityId: "*",
      changes: { format: { from: null, to: "csv" } },
    });
    const all = await admin.resources.list({ resource: "history.clientChanges", state: state() });
    expect(all.rows.length).toBeGreaterThan(0);
    expect(all.rows.map((r) => r.action)).not.toContain("Exportation");
    for (const type of USER_TYPES.filter((u) => hasRole(u, "SimpleContactsUser"))) {
      const caller = await signedInCaller(eupen, type);
      const onClient = await appCodeOf(
        caller.resources.list({
          resource: "history.clientChanges",
          state: state({ master: { field: "client", value: id } }),
        }),
      );
      const everything = await appCodeOf(caller.resources.list({ resource: "history.clientChanges", state: state() }));
      expect([type, onClient, everything]).toEqual([
        type,
        "resolved",
        hasRole(type, "SiteAdmin") ? "resolved" : "FORBIDDEN",
      ]);
    }
  });
});

describe("rows a change refers to", () => {
  const names = (fr: string, de: string) => ({ fr, de, nl: de, en: de });
  /** A place of the centre, with a French and a German name. */
  async function place(tenant: Tenant, fr: string, de: string, id?: number) {
    const h = tenantHandle(tenant);
    await h.db
      .insert(h.t.countries)
      .values({ isoCode: "BE", names: names("Belgique", "Belgien") })
      .onConflictDoNothing();
    const [row] = await h.db
      .insert(h.t.places)
      .values({ ...(id ? { id } : {}), kind: "70", zipCode: "4720", names: names(fr, de), countryCode: "BE" })
      .returning({ id: h.t.places.id });
    return row!.id;
  }
  async function admin(language: string) {
    const { claims } = await newUser(eupen, "900", { language });
    return callerOn(centreHost(eupen.slug), {}, claims);
  }
  const historyOf = async (caller: Awaited<ReturnType<typeof admin>>, client: string | number) =>
    (
      await caller.resources.list({
        resource: "history.clientChanges",
        state: state({ master: { field: "client", value: client } }),
      })
    ).rows.map((r) => r.changes);

  it("reads them by their names in the reader's language, in the list and its export; a deleted row by its id", async () => {
    const h = tenantHandle(eupen);
    await h.db
      .insert(h.t.countries)
      .values([
        { isoCode: "BE", names: names("Belgique", "Belgien") },
        { isoCode: "DE", names: names("Allemagne", "Deutschland") },
      ])
      .onConflictDoNothing();
    const kelmis = await place(eupen, "La Calamine", "Kelmis");
    const gone = await place(eupen, "Lieu provisoire", "Vorläufiger Ort");
    const fr = await admin("fr");
    const { id } = await fr.resources.create({
      resource: "clients.clients",
      values: { firstName: "Nora", lastName: "Namen" },
    });
    const edit = async (patch: Record<string, unknown>) => {
      const row = await fr.resources.get({ resource: "clients.clients", id });
      await fr.resources.update({ resource: "clients.clients", id, version: row.__version as number, patch });
    };
    await edit({ country: "BE", place: gone });
    await edit({ country: "DE", place: kelmis });
    await h.db.delete(h.t.places).where(eq(h.t.places.id, gone));
    // A duplicate merged into the client brings its address: the history names it, not its id.
    const dup = await newClient(eupen, { firstName: "Nora", lastName: "Namen" });
    const [address] = await h.db
      .insert(h.t.addresses)
      .values({ partnerId: dup, street: "Rue de l'Église", streetNo: "12", primary: true })
      .returning({ id: h.t.addresses.id });
    const version = (await fr.resources.get({ resource: "clients.clients", id })).__version as number;
    await fr.resources.action({
      resource: "clients.clients",
      id,
      name: "mergeInto",
      params: { merged: dup, reason: "" },
      version,
    });

    const inFrench = await historyOf(fr, id);
    expect(inFrench[1]).toBe(`Localité : #${gone} → La Calamine; Pays : Belgique → Allemagne`);
    expect(inFrench[2]).toBe(`Localité : #${gone}; Pays : Belgique`);
    expect(inFrench[0]).toContain("Données reprises : Adresses : Rue de l'Église 12");
    expect(inFrench[0]).not.toContain(`Adresses : ${address!.id}`);

    const de = await admin("de");
    const inGerman = await historyOf(de, id);
    expect(inGerman[1]).toBe(`Land: Belgien → Deutschland; Ort: #${gone} → Kelmis`);
    expect(inGerman[0]).toContain("Adressen: Rue de l'Église 12");
    // An export of the list names them alike.
    const ctx = {
      handle: h,
      user: (await resolveSessionUser(h, eupen, (await newUser(eupen, "900", { language: "de" })).claims))!,
      locale: "de" as const,
      registry,
    };
    const csv = await historyCsv(ctx, id);
    expect(csv).toContain("Land: Belgien → Deutschland");
    expect(csv).not.toContain("#DE");
  });

  it("never names a row of another centre", async () => {
    const elsewhere = await place(chatelet, "Lieu de Châtelet", "Ort in Châtelet", 900_001);
    const id = await newClient(eupen, { firstName: "Olga", lastName: "Ortsfremd" });
    const h = tenantHandle(eupen);
    await h.db.insert(h.t.auditLog).values({
      actor: "system",
      action: "clients.clients.update",
      entity: "clients.clients",
      entityId: String(id),
      changes: { place: { from: null, to: elsewhere } },
    });
    expect(await historyOf(await admin("fr"), id)).toEqual([`Localité : #${elsewhere}`]);
  });

  it("are read with one query per referenced list, however many rows the page holds", async () => {
    const h = tenantHandle(eupen);
    const places = await Promise.all(Array.from({ length: 30 }, (_, i) => place(eupen, `Lieu ${i}`, `Ort ${i}`)));
    const auditedClient = async (changes: number) => {
      const id = await newClient(eupen, { firstName: "Sam", lastName: `Statements ${changes}` });
      await h.db.insert(h.t.auditLog).values(
        places.slice(0, changes).map((p, i) => ({
          actor: "system",
          action: "clients.clients.update",
          entity: "clients.clients",
          entityId: String(id),
          changes: { place: { from: places[i + 1] ?? null, to: p }, nationality: { from: "BE", to: null } },
        })),
      );
      return id;
    };
    const [few, many] = [await auditedClient(2), await auditedClient(30)];
    const fr = await admin("fr");
    await historyOf(fr, few); // warms what is read once per process
    const small = await statementsOf(() => historyOf(fr, few));
    const large = await statementsOf(() => historyOf(fr, many));
    expect(large.result).toHaveLength(30);
    expect(
      large.result.every((text) =>
        /^Localité : Lieu \d+( → Lieu \d+)?; Nationalité : Belgique → —$/.test(String(text)),
      ),
    ).toBe(true);
    expect(large.statements.length).toBe(small.statements.length);
  });
});

describe("access log", () => {
  it("records each opening of a client file with the colleague acted for, for the security advisor only", async () => {
    const { user: theresia } = await newUser(eupen, "210", { firstName: "Theresia", lastName: "Opener" });
    const { user: hubert } = await newUser(eupen, "100", { firstName: "Hubert", lastName: "Actedfor" });
    const admin = await signedInCaller(eupen, "900");
    const { id } = await admin.resources.create({
      resource: "clients.clients",
      values: { firstName: "Petra", lastName: "Private" },
    });
    const handle = tenantHandle(eupen);
    const asTheresia = sessionUser(theresia);
    const theresiaForHubert = sessionUser(hubert, {
      id: theresia.id,
      username: theresia.username,
      firstName: theresia.firstName,
      lastName: theresia.lastName,
    });
    await recordOpening(
      { handle, user: asTheresia, locale: "de", registry },
      resourceOf(registry, "clients.clients"),
      id as number,
      "detail",
    );
    await recordOpening(
      { handle, user: theresiaForHubert, locale: "de", registry },
      resourceOf(registry, "clients.clients"),
      id as number,
      "print",
    );
    // Places hold no personal data: nothing is recorded.
    await recordOpening(
      { handle, user: asTheresia, locale: "de", registry },
      resourceOf(registry, "geo.places"),
      1,
      "detail",
    );

    const advisor = await signedInCaller(eupen, "910");
    const { rows } = await advisor.resources.list({
      resource: "history.accessLog",
      state: state({ filters: { client: id } }),
    });
    expect(rows.map((r) => [r.user, r.actingFor, r.what])).toEqual([
      ["Theresia Opener", "Hubert Actedfor", "print"],
      ["Theresia Opener", "", "detail"],
    ]);
    const byUser = await advisor.resources.list({
      resource: "history.accessLog",
      state: state({ filters: { user: theresia.id } }),
    });
    expect(byUser.total).toBe(2);
  });

  it("is refused to every user type but the security advisor, and never shows another centre's log", async () => {
    for (const type of USER_TYPES.filter((t) => t !== "000")) {
      const caller = await signedInCaller(eupen, type);
      const code = await appCodeOf(caller.resources.list({ resource: "history.accessLog", state: state() }));
      expect([type, code]).toEqual([type, hasRole(type, "SecurityAdvisor") ? "resolved" : "FORBIDDEN"]);
    }
    const { claims } = await newUser(eupen, "910");
    expect(
      await appCodeOf(
        (await callerOn(centreHost(chatelet.slug), {}, claims)).resources.list({
          resource: "history.accessLog",
          state: state(),
        }),
      ),
    ).toBe("UNAUTHORIZED");
    const chateletAdvisor = await signedInCaller(chatelet, "910");
    expect((await chateletAdvisor.resources.list({ resource: "history.accessLog", state: state() })).total).toBe(0);
  });
});
