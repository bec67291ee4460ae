import { belgianToday } from "@/lib/format";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { USER_TYPES, rolesOf } from "@/server/auth/user-types";
import type { SessionUser } from "@/server/auth/session";
import { registry } from "@/server/areas";
import { resourceOf } from "@/server/resources/registry";
import { recordOpening } from "@/server/resources/service";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { appCodeOf, callerOn, centreHost, newCentre, newUser, signedInCaller } from "./helpers";

/** The client tables of domain-people §3.6: one set of clients, each table with its filters, columns and audience. */
const VARIANTS = ["clients.coached", "reception.clients", "integ.clients", "clients.all", "newcomers.clients"] as const;
const ALL_TABLES = ["clients.clients", ...VARIANTS] as const;
/** Who may open each table (§3.6), by user type. */
const AUDIENCE: Record<(typeof ALL_TABLES)[number], string> = {
  "clients.clients": "100 110 120 200 210 220 300 400 410 420 500 510 800 900 910",
  "clients.coached": "100 110 120 200 300 400 410 420 900 910",
  "reception.clients": "100 110 120 200 210 220 300 400 410 420 500 510 800 900 910",
  "integ.clients": "100 110 120 420 900 910",
  "clients.all": "110 120 410 420 900 910",
  "newcomers.clients": "120 200 220 300 420 900 910",
};

const state = (over: Record<string, unknown> = {}) => ({
  page: 1,
  pageSize: 50,
  sort: [],
  filters: {},
  q: "",
  ...over,
});
type Caller = Awaited<ReturnType<typeof signedInCaller>>;
const today = belgianToday();
const SURNAME = "Tabellenkunde";

let eupen: Tenant;
let chatelet: Tenant;
let hubert: { id: number; caller: Caller };
let melanie: { id: number; caller: Caller };
let admin: Caller;
const ids: Record<string, number> = {};
const firstNames = new Map<number, string>();

async function client(
  tenant: Tenant,
  firstName: string,
  clientState: string,
  extra: { isObsolete?: boolean; coachedBy?: number[] } = {},
) {
  const h = tenantHandle(tenant);
  const [row] = await h.db
    .insert(h.t.partners)
    .values({
      kind: "person",
      isClient: true,
      clientState,
      name: `${SURNAME} ${firstName}`,
      firstName,
      lastName: SURNAME,
      isObsolete: extra.isObsolete ?? false,
      phone: "087 11 22 33",
    })
    .returning({ id: h.t.partners.id });
  for (const userId of extra.coachedBy ?? [])
    await h.db.insert(h.t.coachings).values({ clientId: row!.id, userId, startDate: "2020-01-01" });
  if (tenant === eupen) firstNames.set(row!.id, firstName);
  return row!.id;
}
async function agent(tenant: Tenant, userType: "100" | "110", firstName: string, lastName: string) {
  const { user, claims } = await newUser(tenant, userType, { firstName, lastName });
  return { id: user.id, caller: await callerOn(centreHost(tenant.slug), {}, claims) };
}
/** The first names of this test's clients a table lists, in name order (the centre also holds demo clients). */
const firstNamesIn = async (caller: Caller, resource: string, filters: Record<string, unknown> = {}) =>
  (
    await caller.resources.list({
      resource,
      state: state({ q: SURNAME, filters, sort: [{ field: "name", dir: "asc" }] }),
    })
  ).rows.map((r) => firstNames.get(Number(r.__id)) ?? String(r.name));

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("tables-eupen"), newCentre("tables-chatelet")]);
  [hubert, melanie, admin] = await Promise.all([
    agent(eupen, "100", "Hubert", "Huppertz"),
    agent(eupen, "110", "Mélanie", "Mélard"),
    signedInCaller(eupen, "900"),
  ]);
  ids.newcomer = await client(eupen, "Nina", "10");
  ids.refused = await client(eupen, "Rudi", "20");
  ids.hubertsOwn = await client(eupen, "Hanna", "30", { coachedBy: [hubert.id] });
  ids.melaniesOwn = await client(eupen, "Maria", "30", { coachedBy: [melanie.id] });
  ids.former = await client(eupen, "Franz", "50");
  ids.obsolete = await client(eupen, "Otto", "30", { isObsolete: true, coachedBy: [hubert.id] });
  // Châtelet has its own coached client, coached by its own integration agent.
  const chateletAgent = await newUser(chatelet, "100");
  await client(chatelet, "Charles", "30", { coachedBy: [chateletAgent.user.id] });
});

describe("client tables (domain-people §3.6)", () => {
  it("each table lists the clients of its default filter, in its own columns, under its own title", async () => {
    expect(await firstNamesIn(admin, "clients.clients")).toEqual(["Franz", "Hanna", "Maria", "Nina", "Rudi"]);
    expect(await firstNamesIn(admin, "clients.coached")).toEqual(["Hanna", "Maria"]);
    expect(await firstNamesIn(admin, "reception.clients")).toEqual(["Hanna", "Maria"]);
    expect(await firstNamesIn(admin, "clients.all")).toEqual(["Franz", "Hanna", "Maria", "Nina", "Otto", "Rudi"]);
    expect(await firstNamesIn(admin, "newcomers.clients")).toEqual(["Nina"]);

    const meta = async (resource: string) => admin.resources.meta({ resource });
    const contacts = await meta("clients.clients");
    expect(contacts).toMatchObject({
      title: "resources.clients.title",
      defaultFilters: { hideObsolete: true },
      columns: ["name", "clientState", "nationalId", "gsm", "address", "age", "email", "phone", "id", "language"],
    });
    expect(await meta("clients.coached")).toMatchObject({
      title: "resources.clients.coachedTitle",
      href: "/clients/coached",
      defaultFilters: { clientState: "30", hideObsolete: true },
      columns: contacts.columns,
    });
    expect(await meta("reception.clients")).toMatchObject({
      title: "resources.clients.receptionTitle",
      defaultFilters: { clientState: "30" },
      columns: ["name", "address", "nationalId", "clientState"],
    });
    expect(await meta("integ.clients")).toMatchObject({
      title: "resources.clients.integrationTitle",
      // The active contract's kind, start, end and company after the name (domain-people §3.6).
      columns: [
        "name",
        "contractKind",
        "contractFrom",
        "contractUntil",
        "contractCompany",
        "nationalId",
        "gsm",
        "address",
        "age",
        "email",
        "phone",
        "id",
        "language",
      ],
    });
    expect(await meta("clients.all")).toMatchObject({
      title: "resources.clients.allTitle",
      defaultFilters: {},
      columns: contacts.columns,
    });
    expect(await meta("newcomers.clients")).toMatchObject({
      title: "resources.clients.newTitle",
      defaultFilters: { clientState: "10" },
      // Newcomers see who sent the client and the faculty it came for (domain-people §3.6 "New clients", §9).
      columns: ["name", "clientState", "broker", "faculty", "nationalId", "gsm", "address", "age", "email", "phone"],
    });
    // Same filters, detail and workflow as Contacts → Clients.
    const coached = await meta("clients.coached");
    expect(coached.filters).toEqual(contacts.filters);
    expect(coached.detail).toEqual(contacts.detail);
    expect(coached.workflow).toEqual(contacts.workflow);

    // Reception rows carry what its columns name (and the state, for the row colour; whether a certifying
    // print locks some of its fields, for the form).
    const [row] = (await admin.resources.list({ resource: "reception.clients", state: state({ q: SURNAME }) })).rows;
    expect(Object.keys(row!).sort()).toEqual(
      [
        "__certified",
        "__id",
        "__version",
        "address",
        "age",
        "birthDate",
        "clientState",
        "coaches",
        "email",
        "gender",
        "gsm",
        "id",
        "language",
        "name",
        "nationalId",
        "phone",
      ].sort(),
    );
    // A default filter is lifted with null, as on any table.
    expect(await firstNamesIn(admin, "newcomers.clients", { clientState: null })).toEqual([
      "Franz",
      "Hanna",
      "Maria",
      "Nina",
      "Rudi",
    ]);
  });

  it("Integration → Clients shows the coached clients the reader coaches today: each agent their own", async () => {
    expect((await hubert.caller.resources.meta({ resource: "integ.clients" })).defaultFilters).toEqual({
      clientState: "30",
      coachedBy: hubert.id,
      hideObsolete: true,
    });
    expect((await melanie.caller.resources.meta({ resource: "integ.clients" })).defaultFilters).toEqual({
      clientState: "30",
      coachedBy: melanie.id,
      hideObsolete: true,
    });
    expect(await firstNamesIn(hubert.caller, "integ.clients")).toEqual(["Hanna"]);
    expect(await firstNamesIn(melanie.caller, "integ.clients")).toEqual(["Maria"]);
    // A colleague's clients, or everyone's, when the user asks for them.
    expect(await firstNamesIn(hubert.caller, "integ.clients", { coachedBy: melanie.id })).toEqual(["Maria"]);
    expect(await firstNamesIn(hubert.caller, "integ.clients", { coachedBy: null })).toEqual(["Hanna", "Maria"]);
    // A coaching that ended yesterday no longer counts.
    const h = tenantHandle(eupen);
    const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await h.db
      .update(h.t.coachings)
      .set({ endDate: yesterday })
      .where(and(eq(h.t.coachings.clientId, ids.hubertsOwn!), eq(h.t.coachings.userId, hubert.id)));
    expect(await firstNamesIn(hubert.caller, "integ.clients")).toEqual([]);
    await h.db.update(h.t.coachings).set({ endDate: null }).where(eq(h.t.coachings.clientId, ids.hubertsOwn!));
    expect(await firstNamesIn(hubert.caller, "integ.clients", { period: { from: today } })).toEqual(["Hanna"]);
  });

  it("each table is open to its user types only (all 16), list and meta alike", async () => {
    for (const userType of USER_TYPES) {
      const caller = await signedInCaller(eupen, userType);
      for (const resource of ALL_TABLES) {
        const allowed = AUDIENCE[resource].split(" ").includes(userType);
        const listed = await appCodeOf(caller.resources.list({ resource, state: state({ q: SURNAME }) }));
        // Anonymous (000) is not even signed in for the application.
        const refused = userType === "000" ? "UNAUTHORIZED" : "FORBIDDEN";
        expect(listed, `${userType} ${resource}`).toBe(allowed ? "resolved" : refused);
        expect(await appCodeOf(caller.resources.meta({ resource })), `${userType} ${resource} meta`).toBe(
          allowed ? "resolved" : refused,
        );
      }
    }
  });

  it("a Châtelet user never sees an Eupen client through any table", async () => {
    const { claims } = await newUser(chatelet, "910");
    const chateletAdmin = await callerOn(centreHost(chatelet.slug), {}, claims);
    for (const resource of ALL_TABLES) {
      // Every default filter lifted: Châtelet's own client of that name, never one of Eupen's.
      const { rows } = await chateletAdmin.resources.list({
        resource,
        state: state({ q: SURNAME, filters: { clientState: null, hideObsolete: null, coachedBy: null } }),
      });
      expect(
        rows.map((r) => String(r.name).replace(/ \(.*\)$/, "")),
        resource,
      ).toEqual([`${SURNAME.toUpperCase()} Charles`]);
      // An Eupen id is another row or none in Châtelet (each centre numbers its own), never Eupen's client.
      for (const id of Object.values(ids)) {
        const found = await chateletAdmin.resources.get({ resource, id }).catch(() => null);
        expect(found?.firstName, `${resource} ${id}`).not.toBe(firstNames.get(id));
      }
    }
    // An Eupen session is refused on Châtelet's address.
    const eupenClaims = (await newUser(eupen, "910")).claims;
    expect(
      await appCodeOf(
        (await callerOn(centreHost(chatelet.slug), {}, eupenClaims)).resources.list({
          resource: "clients.all",
          state: state(),
        }),
      ),
    ).toBe("UNAUTHORIZED");
  });

  it("a row opens in the table's own detail; the opening is logged and changes join the client's history", async () => {
    const detail = await hubert.caller.resources.get({ resource: "clients.coached", id: ids.hubertsOwn! });
    expect(detail).toMatchObject({ firstName: "Hanna", lastName: SURNAME, clientState: "30" });
    const h = tenantHandle(eupen);
    const [u] = await h.db.select().from(h.t.users).where(eq(h.t.users.id, hubert.id));
    const asHubert = { ...u!, roles: rolesOf("100"), mustEnrollTotp: false, realUser: null } as unknown as SessionUser;
    await recordOpening(
      { handle: h, user: asHubert, locale: "de", registry },
      resourceOf(registry, "integ.clients"),
      ids.hubertsOwn!,
      "detail",
    );
    const opened = await h.db.select().from(h.t.accessLog).where(eq(h.t.accessLog.partnerId, ids.hubertsOwn!));
    expect(opened.map((o) => [o.userId, o.what])).toEqual([[hubert.id, "detail"]]);

    // Refusing a newcomer from Newcomers → New clients is a change of that client, like from Contacts.
    const newcomersUser = await signedInCaller(eupen, "200");
    const nina = await newcomersUser.resources.get({ resource: "newcomers.clients", id: ids.newcomer! });
    await newcomersUser.resources.transition({
      resource: "newcomers.clients",
      id: ids.newcomer!,
      version: Number(nina.__version),
      name: "refuse",
      params: { reason: "10" },
    });
    const audited = await h.db
      .select({ entity: h.t.auditLog.entity, action: h.t.auditLog.action })
      .from(h.t.auditLog)
      .where(eq(h.t.auditLog.entityId, String(ids.newcomer)));
    // Audited under the clients, not the newcomers' list (rows of other tables may share the id).
    expect(audited.filter((a) => /^(clients|newcomers)\./.test(a.entity))).toEqual([
      { entity: "clients.clients", action: "clients.clients.transition.refuse" },
    ]);
    const history = await admin.resources.list({
      resource: "history.clientChanges",
      state: state({ master: { field: "client", value: ids.newcomer! } }),
    });
    expect(history.total).toBe(1);
    // Now refused, Nina has left New clients.
    expect(await firstNamesIn(admin, "newcomers.clients")).toEqual([]);
  });

  it("quick search lists a client once, under Clients, not once per table; the state colours rows", async () => {
    // Hanna is a client (and as any client also a person), but only once among the clients.
    const groups = await admin.resources.search({ q: `${SURNAME} Hanna` });
    expect(groups.map((g) => [g.resource, g.hits.map((hit) => hit.id)])).toEqual([
      ["clients.clients", [ids.hubertsOwn]],
      ["contacts.persons", [ids.hubertsOwn]],
    ]);
    const meta = await admin.resources.meta({ resource: "integ.clients" });
    expect(meta.rowTone).toEqual({
      field: "clientState",
      tones: { "10": "positive", "20": "warning", "50": "warning" },
    });
  });
});
