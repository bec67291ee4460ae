import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { belgianToday } from "@/lib/format";
import { hasRole, USER_TYPES } from "@/server/auth/user-types";
import { closePools } from "@/server/db/pool";
import { assignCoach } from "@/server/newcomers/assign";
import { waitingNewcomers } from "@/server/newcomers/dashboard";
import { seedFaculties } from "@/server/newcomers/seed";
import { registry } from "@/server/areas";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient, newCoaching, newStaff } from "./factories";
import { appCodeOf, errorAsSent, newCentre, newUser } from "./helpers";

afterAll(closePools);

// Hand-computed from domain-people §9.1 (see each test): the figures are not read from the code.
const today = belgianToday();
const daysAgo = (n: number) => {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
};

let eupen: Tenant;
let chatelet: Tenant;
let dsbe: number; // weight 5
let eiei: number; // weight 10
type Staff = Awaited<ReturnType<typeof newStaff>>;
let consultant: Staff; // 200: newcomers consultant
let anna: Staff; // 100 %, DSBE 5, German
let bert: Staff; // 50 %, DSBE 5, one new EiEi client
let carl: Staff; // 100 %, no competence
let clerk: Staff; // 210: not a social worker, though competent with a quota
let gss: number;

const facultyByWeight = async (tenant: Tenant, weight: number) => {
  const h = tenantHandle(tenant);
  const [row] = await h.db.select().from(h.t.faculties).where(eq(h.t.faculties.weight, weight));
  return row!.id;
};
const competence = async (tenant: Tenant, userId: number, facultyId: number, weight: number) => {
  const h = tenantHandle(tenant);
  await h.db.insert(h.t.competences).values({ userId, facultyId, weight });
};
const newcomer = (tenant: Tenant, lastName: string, facultyId: number | null) =>
  newClient(tenant, { lastName, firstName: "Nora", clientState: "10", facultyId });

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([
    newCentre("nwc-eupen", "production"),
    newCentre("nwc-chatelet", "production"),
  ]);
  const h = tenantHandle(eupen);
  gss = (await h.db.select().from(h.t.coachingTypes).where(eq(h.t.coachingTypes.doesGss, true)))[0]!.id;
  dsbe = await facultyByWeight(eupen, 5);
  eiei = await facultyByWeight(eupen, 10);
  consultant = await newStaff(eupen, "200", { firstName: "Caroline", lastName: "Carnol" });
  anna = await newStaff(eupen, "100", {
    firstName: "Anna",
    lastName: "Arens",
    newcomerQuota: 100,
    language: "de",
    coachingTypeId: gss,
  });
  bert = await newStaff(eupen, "100", { firstName: "Bert", lastName: "Bauer", newcomerQuota: 50, language: "nl" });
  carl = await newStaff(eupen, "100", { firstName: "Carl", lastName: "Cremer", newcomerQuota: 100 });
  clerk = await newStaff(eupen, "210", { firstName: "Theo", lastName: "Thelen", newcomerQuota: 100 });
  await competence(eupen, anna.id, dsbe, 5);
  await competence(eupen, bert.id, dsbe, 5);
  await competence(eupen, clerk.id, dsbe, 5);
  // Bert's new client: coached by him today, since 3 days, of a faculty he has no competence for.
  const recent = await newClient(eupen, { lastName: "Recent", facultyId: eiei });
  await newCoaching(eupen, recent, bert.id, { startDate: daysAgo(3), primary: true });
  // Anna's old client: a coaching (a complete file), but not new.
  const old = await newClient(eupen, { lastName: "Old", facultyId: dsbe });
  await newCoaching(eupen, old, anna.id, { startDate: "2020-01-01", primary: true });
});

describe("faculties and competences", () => {
  it("seeds Lino's five faculties with their weights in the four languages, once", async () => {
    const h = tenantHandle(chatelet);
    await seedFaculties(h);
    const rows = await h.db.select().from(h.t.faculties).orderBy(asc(h.t.faculties.id));
    expect(rows.map((r) => [r.names.de, r.weight])).toEqual([
      ["Eingliederungseinkommen (EiEi)", 10],
      ["DSBE", 5],
      ["Ausländerbeihilfe", 4],
      ["Finanzielle Begleitung", 6],
      ["Laufende Beihilfe", 2],
    ]);
    expect(rows.every((r) => r.names.fr && r.names.nl && r.names.en)).toBe(true);
  });

  it("a competence given without its own effort takes the faculty's; an effort above 10 is a translated 400", async () => {
    const staff = await newStaff(eupen, "110");
    const { id } = await staff.caller.resources.create({
      resource: "newcomers.competences",
      values: { user: carl.id, faculty: eiei },
    });
    const row = await staff.caller.resources.get({ resource: "newcomers.competences", id });
    expect(row.weight).toBe(10);
    const refused = await staff.caller.resources
      .create({ resource: "newcomers.competences", values: { user: anna.id, faculty: eiei, weight: 11 } })
      .catch(errorAsSent);
    expect(refused).toMatchObject({ httpStatus: 400, appCode: "INVALID_INPUT" });
    // Twice the same faculty for one agent is refused, not a 500.
    const twice = await staff.caller.resources
      .create({ resource: "newcomers.competences", values: { user: carl.id, faculty: eiei } })
      .catch(errorAsSent);
    expect(twice).toMatchObject({ httpStatus: 409 });
    const h = tenantHandle(eupen);
    await h.db.delete(h.t.competences).where(eq(h.t.competences.id, Number(id)));
  });

  it("a faculty in use by a client cannot be deleted", async () => {
    const staff = await newStaff(eupen, "110");
    expect(
      await appCodeOf(staff.caller.resources.remove({ resource: "newcomers.faculties", id: dsbe, version: 1 })),
    ).toBe("ROW_IN_USE");
  });

  it("only newcomers operators edit a client's faculty (§3.6)", async () => {
    const client = await newcomer(eupen, "Faculty", null);
    const agent = await newStaff(eupen, "100");
    const version = async () =>
      Number((await consultant.caller.resources.get({ resource: "clients.clients", id: client })).__version);
    expect(
      await appCodeOf(
        agent.caller.resources.update({
          resource: "clients.clients",
          id: client,
          version: await version(),
          patch: { faculty: dsbe },
        }),
      ),
    ).toBe("FORBIDDEN");
    await consultant.caller.resources.update({
      resource: "clients.clients",
      id: client,
      version: await version(),
      patch: { faculty: dsbe },
    });
    const row = await consultant.caller.resources.get({ resource: "clients.clients", id: client });
    expect(row.faculty).toMatchObject({ id: dsbe, label: { de: "DSBE" } });
  });
});

describe("available coaches for a client (§9.1)", () => {
  it("lists the competent social workers with a quota, least loaded first, with the figures of §9.1", async () => {
    const client = await newcomer(eupen, "Dsbe", dsbe);
    const { coaches } = await consultant.caller.newcomers.availableForClient({ clientId: client });
    // Carl has no DSBE competence, the clerk is no social worker: neither is offered.
    // Anna: w = 0, hw = 5 / 1 = 5. Bert: one new EiEi client without competence, w = 10 / 0.5 = 20,
    // hw = 5 / 0.5 = 10. total = 5 + 30 = 35 → Anna 14.29 %, Bert 85.71 %.
    expect(coaches.map((c) => [c.name, c.primaryClients, c.newClients, c.quota, c.current, c.added])).toEqual([
      ["Anna Arens", 1, 0, 100, 0, 5],
      ["Bert Bauer", 1, 1, 50, 20, 10],
    ]);
    expect(coaches[0]!.score).toBeCloseTo(14.2857, 3);
    expect(coaches[1]!.score).toBeCloseTo(85.7143, 3);
  });

  it("counts as new only clients whose coaching started since the date asked (a month ago by default)", async () => {
    const client = await newcomer(eupen, "Since", dsbe);
    const { coaches } = await consultant.caller.newcomers.availableForClient({ clientId: client, since: daysAgo(1) });
    // Bert's coaching started 3 days ago: with "since yesterday" he has no new client. Anna 5, Bert 10: 33.33 / 66.67.
    expect(coaches.map((c) => [c.name, c.newClients, c.current])).toEqual([
      ["Anna Arens", 0, 0],
      ["Bert Bauer", 0, 0],
    ]);
    expect(coaches[0]!.score).toBeCloseTo(33.3333, 3);
  });

  it("refuses a client without faculty, and names the faculty nobody is competent for, translated", async () => {
    const without = await newcomer(eupen, "Without", null);
    expect(
      await consultant.caller.newcomers.availableForClient({ clientId: without }).catch(errorAsSent),
    ).toMatchObject({ httpStatus: 400, appCode: "NEWCOMER_WITHOUT_FACULTY" });
    const aliens = await facultyByWeight(eupen, 4);
    const nobody = await newcomer(eupen, "Nobody", aliens);
    const refused = await consultant.caller.newcomers.availableForClient({ clientId: nobody }).catch(errorAsSent);
    expect(refused).toMatchObject({
      appCode: "NO_COACH_AVAILABLE",
      params: { faculty: "Aide sociale équivalente (pour étrangers)" },
    });
    // The client's Coaches tab says the same instead of a list.
    const panel = await consultant.caller.resources.panel({
      resource: "clients.clients",
      id: nobody,
      key: "availableCoaches",
    });
    expect(panel).toMatchObject({ coaches: [], error: { code: "NO_COACH_AVAILABLE" } });
  });

  it("without a client, lists every social worker with a quota (Lino's AvailableCoaches)", async () => {
    const { coaches } = await consultant.caller.newcomers.availableCoaches({});
    expect(coaches.map((c) => c.name)).toEqual(expect.arrayContaining(["Anna Arens", "Bert Bauer", "Carl Cremer"]));
    expect(coaches.map((c) => c.name)).not.toContain("Theo Thelen");
  });
});

describe("assign coach (§9.2)", () => {
  it("creates the primary coaching in the agent's service, makes the client coached, tells the agent in German, audits it all", async () => {
    const client = await newClient(eupen, {
      lastName: "Dubois",
      firstName: "Marie",
      clientState: "10",
      facultyId: dsbe,
    });
    const earlier = await newCoaching(eupen, client, carl.id, { primary: true, endDate: "2020-06-30" });
    const { coachingId } = await consultant.caller.newcomers.assignCoach({ clientId: client, userId: anna.id });
    const h = tenantHandle(eupen);
    const [coaching] = await h.db.select().from(h.t.coachings).where(eq(h.t.coachings.id, coachingId));
    expect(coaching).toMatchObject({
      userId: anna.id,
      startDate: today,
      primary: true,
      coachingTypeId: gss,
      endDate: null,
    });
    const [before] = await h.db.select().from(h.t.coachings).where(eq(h.t.coachings.id, earlier));
    expect(before!.primary).toBe(false);
    const [row] = await h.db.select().from(h.t.partners).where(eq(h.t.partners.id, client));
    expect(row!.clientState).toBe("30");
    const messages = await h.db.select().from(h.t.notifyMessages).where(eq(h.t.notifyMessages.userId, anna.id));
    expect(messages.map((m) => [m.subject, m.body])).toEqual([
      [
        `DUBOIS Marie (${client}) zugewiesen zu Anna Arens`,
        `DUBOIS Marie (${client}) wird ab jetzt begleitet für DSBE durch Anna Arens.`,
      ],
    ]);
    const audit = await h.db
      .select({ action: h.t.auditLog.action, id: h.t.auditLog.entityId, changes: h.t.auditLog.changes })
      .from(h.t.auditLog)
      .where(inArray(h.t.auditLog.entityId, [String(client), String(coachingId), String(earlier)]));
    expect(audit.map((a) => [a.action, a.id])).toEqual(
      expect.arrayContaining([
        ["coachings.coachings.update", String(earlier)],
        ["coachings.coachings.create", String(coachingId)],
        ["clients.clients.update", String(client)],
      ]),
    );
    // The new coach now finds the client under "My coachings".
    const mine = await anna.caller.resources.list({
      resource: "coachings.mine",
      state: { page: 1, pageSize: 50, sort: [], filters: {}, q: "" },
    });
    expect(mine.rows.map((r) => (r.client as { id: number }).id)).toContain(client);
    // Given once: the client is no newcomer any more.
    const again = await consultant.caller.newcomers
      .assignCoach({ clientId: client, userId: bert.id })
      .catch(errorAsSent);
    expect(again).toMatchObject({ httpStatus: 409, appCode: "CLIENT_NOT_NEWCOMER" });
  });

  it("refuses an agent the list does not offer, and a silent assignment tells nobody", async () => {
    const client = await newcomer(eupen, "Silent", dsbe);
    expect(
      await consultant.caller.newcomers.assignCoach({ clientId: client, userId: carl.id }).catch(errorAsSent),
    ).toMatchObject({ httpStatus: 409, appCode: "COACH_NOT_AVAILABLE" });
    const h = tenantHandle(eupen);
    const count = async () =>
      (
        await h.db
          .select({ n: sql<number>`count(*)::int` })
          .from(h.t.notifyMessages)
          .where(eq(h.t.notifyMessages.userId, bert.id))
      )[0]!.n;
    const before = await count();
    await consultant.caller.newcomers.assignCoach({ clientId: client, userId: bert.id, silent: true });
    expect(await count()).toBe(before);
  });

  it("is all or nothing: a failure while notifying leaves no coaching, no state change, no audit row", async () => {
    const client = await newcomer(eupen, "Atomic", dsbe);
    const h = tenantHandle(eupen);
    const schema = h.schema;
    // A real failure midway: the notification insert, after the coaching and the client were written.
    await h.db.execute(
      sql.raw(`create function "${schema}".nwc_fail() returns trigger language plpgsql as $$ begin raise exception 'forced'; end $$;
        create trigger nwc_fail before insert on "${schema}".notify_messages for each row execute function "${schema}".nwc_fail();`),
    );
    try {
      const { user } = await newUser(eupen, "200");
      const ctx = {
        handle: h,
        user: { ...user, roles: new Set(), realUser: null } as never,
        locale: "fr" as const,
        registry,
      };
      await expect(assignCoach(ctx, { clientId: client, userId: anna.id })).rejects.toThrow();
    } finally {
      await h.db.execute(
        sql.raw(`drop trigger nwc_fail on "${schema}".notify_messages; drop function "${schema}".nwc_fail();`),
      );
    }
    expect(await h.db.select().from(h.t.coachings).where(eq(h.t.coachings.clientId, client))).toEqual([]);
    const [row] = await h.db.select().from(h.t.partners).where(eq(h.t.partners.id, client));
    expect(row!.clientState).toBe("10");
    const audit = await h.db
      .select()
      .from(h.t.auditLog)
      .where(and(eq(h.t.auditLog.entity, "clients.clients"), eq(h.t.auditLog.entityId, String(client))));
    expect(audit).toEqual([]);
  });
});

describe("new clients waiting (dashboard)", () => {
  it("lists newcomers waiting for a coach with their faculty, and counts them", async () => {
    const { rows, total } = await waitingNewcomers(tenantHandle(eupen), 100);
    expect(rows.some((r) => r.name.startsWith("DSBE Nora") && r.faculty?.de === "DSBE")).toBe(true);
    expect(total).toBe(rows.length);
  });
});

describe("another centre's newcomers", () => {
  it("are neither listed, scored nor assigned from another centre", async () => {
    const client = await newcomer(eupen, "Foreign", dsbe);
    const foreign = await newStaff(chatelet, "200");
    expect(await appCodeOf(foreign.caller.newcomers.availableForClient({ clientId: client }))).toBe("NOT_FOUND");
    expect(await appCodeOf(foreign.caller.newcomers.assignCoach({ clientId: client, userId: anna.id }))).toBe(
      "NOT_FOUND",
    );
    const h = tenantHandle(eupen);
    expect(await h.db.select().from(h.t.coachings).where(eq(h.t.coachings.clientId, client))).toEqual([]);
    // Eupen's agents are no candidates in Châtelet, and its competences are not Châtelet's rows.
    const { coaches } = await foreign.caller.newcomers.availableCoaches({});
    expect(coaches.map((c) => c.id)).not.toContain(anna.id);
    const [eupenCompetence] = await h.db.select().from(h.t.competences).limit(1);
    const admin = await newStaff(chatelet, "900");
    expect(
      await appCodeOf(
        admin.caller.resources.get({ resource: "newcomers.competences", id: eupenCompetence!.id + 1000 }),
      ),
    ).toBe("NOT_FOUND");
    const list = await admin.caller.resources.list({
      resource: "newcomers.competences",
      state: { page: 1, pageSize: 50, sort: [], filters: {}, q: "" },
    });
    expect(list.rows).toEqual([]);
  });
});

describe("who may do what", () => {
  it("lists available coaches for NewcomersUser, for a client and assigns for NewcomersOperator, refuses the others", async () => {
    const coached = await newClient(eupen, { lastName: "Coached", facultyId: dsbe });
    for (const type of USER_TYPES.filter((u) => u !== "000")) {
      const { caller } = await newStaff(eupen, type);
      const list = await appCodeOf(caller.newcomers.availableCoaches({}));
      expect([type, list]).toEqual([type, hasRole(type, "NewcomersUser") ? "resolved" : "FORBIDDEN"]);
      const byClient = await appCodeOf(caller.newcomers.availableForClient({ clientId: coached }));
      expect([type, byClient]).toEqual([type, hasRole(type, "NewcomersOperator") ? "resolved" : "FORBIDDEN"]);
      // On a client already coached, an allowed user is refused by the rule, not by the right.
      const assign = await appCodeOf(caller.newcomers.assignCoach({ clientId: coached, userId: anna.id }));
      expect([type, assign]).toEqual([type, hasRole(type, "NewcomersOperator") ? "CLIENT_NOT_NEWCOMER" : "FORBIDDEN"]);
    }
  });
});
