import { belgianToday } from "@/lib/format";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { USER_TYPES, hasRole, type Role } from "@/server/auth/user-types";
import { addMonths } from "@/server/calendar/rules/reminders";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import type { Tenant } from "@/server/tenancy/registry";
import { newClient, type PartnerValues } from "./factories";
import { appCodeOf, newCentre, newUser, signedInCaller, callerOn, centreHost } from "./helpers";

const state = (over: Record<string, unknown> = {}) => ({
  page: 1,
  pageSize: 100,
  sort: [],
  filters: {},
  q: "",
  ...over,
});
type Caller = Awaited<ReturnType<typeof signedInCaller>>;
// Brussels' day, as the application's (it differs from UTC's between midnight in Brussels and midnight UTC).
const TODAY = belgianToday();
const daysFrom = (days: number) =>
  new Date(Date.parse(`${TODAY}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

let eupen: Tenant;
let chatelet: Tenant;
let agent: Caller; // 100: SocialUser, not SocialStaff, not ContactsStaff
let staff: Caller; // 110: SocialStaff and ContactsStaff, not an administrator
let admin: Caller; // 900

/** A client straight in the database. */
const client = (tenant: Tenant, lastName: string, fields: PartnerValues = {}) =>
  newClient(tenant, { lastName, ...fields });
const firstId = async (tenant: Tenant, table: "dispenseReasons" | "exclusionTypes" | "personGroups") => {
  const h = tenantHandle(tenant);
  return (await h.db.select({ id: h.t[table].id }).from(h.t[table]).orderBy(h.t[table].id))[0]!.id;
};
const rowsOf = async (caller: Caller, resource: string, master: number) =>
  (await caller.resources.list({ resource, state: state({ master: { field: "client", value: master } }) })).rows;
const clientIds = async (caller: Caller, filters: Record<string, unknown>) =>
  (await caller.resources.list({ resource: "clients.clients", state: state({ filters }) })).rows.map((r) => r.__id);

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("cf-eupen"), newCentre("cf-chatelet")]);
  [agent, staff, admin] = await Promise.all([
    signedInCaller(eupen, "100"),
    signedInCaller(eupen, "110"),
    signedInCaller(eupen, "900"),
  ]);
});

describe("the small entities of a client's file", () => {
  it("are seeded for a demo or training centre in four languages", async () => {
    const phases = (await agent.resources.list({ resource: "clients.personGroups", state: state() })).rows;
    expect(phases.map((p) => [p.refName, (p.name as Record<string, string>).en, p.active])).toEqual([
      ["1", "Evaluation", true],
      ["2", "Formation", true],
      ["4", "Search", true],
      ["4bis", "Work", true],
      ["9", "Standby", false],
    ]);
    const reasons = (await agent.resources.list({ resource: "clients.dispenseReasons", state: state() })).rows;
    expect(reasons.map((r) => (r.name as Record<string, string>).de)).toEqual([
      "Gesundheit",
      "Studium",
      "Familiär",
      "Sonstige",
    ]);
    const types = (await agent.resources.list({ resource: "clients.exclusionTypes", state: state() })).rows;
    expect(types.map((r) => (r.name as Record<string, string>).fr)).toEqual([
      "Rendez-vous manqué",
      "Exigences de l'ONEM non respectées",
    ]);
  });

  it("lets a social worker add, change and remove a client's dispenses, exclusions and convictions", async () => {
    const c = await client(eupen, "Dispensed");
    const reason = await firstId(eupen, "dispenseReasons");
    const { id } = await agent.resources.create({
      resource: "clients.dispenses",
      values: { client: c, reason, startDate: "2014-01-01", endDate: "2014-06-30", remarks: "Operation" },
    });
    const [dispense] = await rowsOf(agent, "clients.dispenses", c);
    expect(dispense).toMatchObject({
      __id: id,
      reason: { id: reason, label: { en: "Health" } },
      startDate: "2014-01-01",
      endDate: "2014-06-30",
      remarks: "Operation",
    });
    await agent.resources.update({
      resource: "clients.dispenses",
      id,
      version: dispense!.__version as number,
      patch: { endDate: "2014-07-31" },
    });
    expect((await rowsOf(agent, "clients.dispenses", c))[0]!.endDate).toBe("2014-07-31");
    // An end before the start is refused, on insert and on edit, and nothing is saved.
    expect(
      await appCodeOf(
        agent.resources.create({
          resource: "clients.dispenses",
          values: { client: c, startDate: "2014-05-01", endDate: "2014-04-01" },
        }),
      ),
    ).toBe("INVALID_INPUT");
    expect(
      await appCodeOf(
        agent.resources.update({ resource: "clients.dispenses", id, version: 2, patch: { endDate: "2013-01-01" } }),
      ),
    ).toBe("INVALID_INPUT");
    expect(await rowsOf(agent, "clients.dispenses", c)).toHaveLength(1);
    await agent.resources.remove({ resource: "clients.dispenses", id, version: 2 });
    expect(await rowsOf(agent, "clients.dispenses", c)).toEqual([]);

    const type = await firstId(eupen, "exclusionTypes");
    await agent.resources.create({
      resource: "clients.exclusions",
      values: { client: c, type, excludedFrom: "2014-02-01", excludedUntil: "2014-03-01", remark: "No show" },
    });
    expect((await rowsOf(agent, "clients.exclusions", c))[0]).toMatchObject({
      type: { id: type, label: { en: "Appointment not kept" } },
      remark: "No show",
    });
    await agent.resources.create({
      resource: "clients.convictions",
      values: { client: c, designation: "Theft", prejudicial: true },
    });
    expect((await rowsOf(agent, "clients.convictions", c))[0]).toMatchObject({
      date: TODAY,
      designation: "Theft",
      prejudicial: true,
    });

    // They belong to clients only: an organisation gets none.
    const h = tenantHandle(eupen);
    const [org] = await h.db
      .insert(h.t.partners)
      .values({ kind: "organisation", name: "Some firm" })
      .returning({ id: h.t.partners.id });
    expect(
      await appCodeOf(
        agent.resources.create({ resource: "clients.convictions", values: { client: org!.id, designation: "x" } }),
      ),
    ).toBe("INVALID_INPUT");
    // The client's detail shows them on the job search tab.
    const meta = await agent.resources.meta({ resource: "clients.clients" });
    expect(meta.detail.find((tab) => tab.key === "jobSearch")!.slaves.map((s) => s.resource)).toEqual([
      "clients.dispenses",
      "clients.exclusions",
      "clients.convictions",
      "jobs.candidatures",
    ]);
  });

  it("never reaches another centre's rows", async () => {
    // Ids far beyond Eupen's, so that a hit could only be Châtelet's row.
    const h = tenantHandle(chatelet);
    const other = 900_001;
    await client(chatelet, "Elsewhere", { id: other });
    await h.db.insert(h.t.dispenses).values({ id: other, clientId: other });
    await h.db.insert(h.t.exclusions).values({ id: other, clientId: other });
    await h.db.insert(h.t.convictions).values({ id: other, clientId: other, designation: "x" });
    for (const resource of ["clients.dispenses", "clients.exclusions", "clients.convictions"]) {
      expect(await appCodeOf(agent.resources.get({ resource, id: other })), resource).toBe("NOT_FOUND");
      expect(await appCodeOf(agent.resources.update({ resource, id: other, version: 1, patch: {} })), resource).toBe(
        "NOT_FOUND",
      );
      expect(await appCodeOf(agent.resources.remove({ resource, id: other, version: 1 })), resource).toBe("NOT_FOUND");
      // Châtelet's client is no client of Eupen: its rows cannot be listed on it.
      expect(await appCodeOf(rowsOf(agent, resource, other)), resource).toBe("NOT_FOUND");
      expect(await appCodeOf(agent.resources.create({ resource, values: { client: other } })), resource).toBe(
        "INVALID_INPUT",
      );
    }
    expect(await appCodeOf(staff.resources.get({ resource: "clients.personGroups", id: other }))).toBe("NOT_FOUND");
    expect((await h.db.select().from(h.t.dispenses).where(eq(h.t.dispenses.clientId, other))).length).toBe(1);
  });

  it("shows them to social users on a client, the global lists and the configuration to social staff only, the phases to every reader of clients", async () => {
    const c = await client(eupen, "Permissions");
    const can = (userType: (typeof USER_TYPES)[number], role: Role) => hasRole(userType, role);
    for (const userType of USER_TYPES.filter((u) => u !== "000")) {
      const caller = await signedInCaller(eupen, userType);
      const social = can(userType, "SocialUser");
      const socialStaff = can(userType, "SocialStaff");
      for (const resource of ["clients.dispenses", "clients.exclusions", "clients.convictions"]) {
        const onClient = caller.resources.list({ resource, state: state({ master: { field: "client", value: c } }) });
        expect(await appCodeOf(onClient), `${userType} ${resource} on client`).toBe(social ? "resolved" : "FORBIDDEN");
        expect(
          await appCodeOf(caller.resources.list({ resource, state: state() })),
          `${userType} ${resource} global`,
        ).toBe(socialStaff ? "resolved" : "FORBIDDEN");
      }
      const conviction = caller.resources.create({
        resource: "clients.convictions",
        values: { client: c, designation: userType },
      });
      expect(await appCodeOf(conviction), `${userType} conviction`).toBe(social ? "resolved" : "FORBIDDEN");
      for (const resource of ["clients.personGroups", "clients.dispenseReasons", "clients.exclusionTypes"]) {
        // Every client editor picks a client's integration phase (Aids tab); reasons and types are picked on social rows.
        const reader = resource === "clients.personGroups" ? can(userType, "SimpleContactsUser") : social;
        expect(await appCodeOf(caller.resources.list({ resource, state: state() })), `${userType} ${resource}`).toBe(
          reader ? "resolved" : "FORBIDDEN",
        );
        const created = caller.resources.create({ resource, values: { name: { fr: `${resource} ${userType}` } } });
        expect(await appCodeOf(created), `${userType} ${resource} create`).toBe(socialStaff ? "resolved" : "FORBIDDEN");
      }
      const tasks = caller.resources.list({ resource: "calendar.myTasks", state: state() });
      expect(await appCodeOf(tasks), `${userType} my tasks`).toBe(
        can(userType, "OfficeUser") ? "resolved" : "FORBIDDEN",
      );
      expect(
        await appCodeOf(caller.resources.create({ resource: "calendar.myTasks", values: { summary: "x" } })),
        `${userType} task create`,
      ).toBe("FORBIDDEN");
      // Miscellaneous tab: social or contacts staff only (domain-people §3.7).
      const tabs = (await caller.resources.meta({ resource: "clients.clients" })).detail.map((tab) => tab.key);
      expect(tabs.includes("misc"), `${userType} misc tab`).toBe(
        can(userType, "SocialStaff") || can(userType, "ContactsStaff"),
      );
    }
  });
});

describe("the rest of the client's fields", () => {
  it("refuses the client himself as his contact person at the job office", async () => {
    const h = tenantHandle(eupen);
    const c = await client(eupen, "Circular");
    const [office] = await h.db
      .insert(h.t.partners)
      .values({ kind: "organisation", name: "Job office" })
      .returning({ id: h.t.partners.id });
    const [someone] = await h.db
      .insert(h.t.partners)
      .values({ kind: "person", name: "Agent Job", firstName: "Job", lastName: "Agent" })
      .returning({ id: h.t.partners.id });
    const [self] = await h.db
      .insert(h.t.roles)
      .values({ companyId: office!.id, personId: c })
      .returning({ id: h.t.roles.id });
    const [agentRole] = await h.db
      .insert(h.t.roles)
      .values({ companyId: office!.id, personId: someone!.id })
      .returning({ id: h.t.roles.id });
    expect(
      await appCodeOf(
        agent.resources.update({
          resource: "clients.clients",
          id: c,
          version: 1,
          patch: { jobOfficeContact: self!.id },
        }),
      ),
    ).toBe("CIRCULAR_REFERENCE");
    await agent.resources.update({
      resource: "clients.clients",
      id: c,
      version: 1,
      patch: {
        jobOfficeContact: agentRole!.id,
        isSeeking: true,
        obstacles: "No driving licence",
        group: await firstId(eupen, "personGroups"),
      },
    });
    expect(await agent.resources.get({ resource: "clients.clients", id: c })).toMatchObject({
      jobOfficeContact: { id: agentRole!.id, label: "Job Agent (Job office)" },
      isSeeking: true,
      obstacles: "No driving licence",
      group: { label: { en: "Evaluation" } },
    });
  });

  it("keeps eID card data read-only below administrators", async () => {
    const c = await client(eupen, "Card");
    expect((await staff.resources.meta({ resource: "clients.clients" })).fields.cardNumber!.editable).toBe(false);
    expect((await admin.resources.meta({ resource: "clients.clients" })).fields.cardNumber!.editable).toBe(true);
    expect(
      await appCodeOf(
        staff.resources.update({
          resource: "clients.clients",
          id: c,
          version: 1,
          patch: { cardNumber: "591413288107" },
        }),
      ),
    ).toBe("FORBIDDEN");
    await admin.resources.update({
      resource: "clients.clients",
      id: c,
      version: 1,
      patch: { cardNumber: "591413288107" },
    });
    expect((await staff.resources.get({ resource: "clients.clients", id: c })).cardNumber).toBe("591413288107");
  });

  it("shows Eupen's or Châtelet's own fields only where the centre's settings enable them, stored beside each other", async () => {
    const centre = await newCentre("cf-sets");
    const [own, ownAdmin] = await Promise.all([signedInCaller(centre, "110"), signedInCaller(centre, "900")]);
    const c = await client(centre, "Sets", { extra: { legacy: "kept" } });
    const fieldsOf = async () => Object.keys((await own.resources.meta({ resource: "clients.clients" })).fields);
    expect(await fieldsOf()).not.toContain("gesdosId");
    expect(await fieldsOf()).not.toContain("hasEsf");
    expect(await own.resources.get({ resource: "clients.clients", id: c })).not.toHaveProperty("gesdosId");
    expect(
      await appCodeOf(
        own.resources.update({ resource: "clients.clients", id: c, version: 1, patch: { gesdosId: "G1" } }),
      ),
    ).toBe("INVALID_INPUT");

    const { version } = await ownAdmin.settings.get();
    await ownAdmin.settings.update({ version, patch: { clientFieldSets: ["eupen"] } });
    expect((await ownAdmin.settings.get()).clientFieldSets).toEqual(["eupen"]);
    const meta = await own.resources.meta({ resource: "clients.clients" });
    expect(Object.keys(meta.fields)).toContain("gesdosId");
    expect(Object.keys(meta.fields)).not.toContain("hasEsf");
    expect(meta.detail.find((tab) => tab.key === "aids")!.groups.flatMap((g) => g.fields)).toContain("incomeAg");
    await own.resources.update({
      resource: "clients.clients",
      id: c,
      version: 1,
      patch: { gesdosId: "G1", incomeAg: true },
    });
    await own.resources.update({ resource: "clients.clients", id: c, version: 2, patch: { isCpas: true } });
    expect(await own.resources.get({ resource: "clients.clients", id: c })).toMatchObject({
      gesdosId: "G1",
      incomeAg: true,
      isCpas: true,
      incomeKg: false,
    });
    const h = tenantHandle(centre);
    const [stored] = await h.db.select({ extra: h.t.partners.extra }).from(h.t.partners).where(eq(h.t.partners.id, c));
    expect(stored!.extra).toEqual({ legacy: "kept", gesdosId: "G1", incomeAg: true, isCpas: true });
    // Each change is audited as the field's own old and new value.
    const audits = await h.db
      .select({ changes: h.t.auditLog.changes })
      .from(h.t.auditLog)
      .where(and(eq(h.t.auditLog.entity, "clients.clients"), eq(h.t.auditLog.entityId, String(c))));
    expect(audits.map((a) => a.changes)).toContainEqual({ isCpas: { from: false, to: true } });
    // Châtelet's fields stay hidden and unwritable here.
    expect(
      await appCodeOf(
        own.resources.update({ resource: "clients.clients", id: c, version: 3, patch: { hasEsf: true } }),
      ),
    ).toBe("INVALID_INPUT");
    expect(await appCodeOf(own.settings.get())).toBe("FORBIDDEN");
  });
});

describe("automatic reminders of the primary coach", () => {
  it("creates, updates and deletes the coach's tasks after each save, in the coach's language, and leaves modified ones alone", async () => {
    const { user: coach, claims } = await newUser(eupen, "100", { language: "de" });
    const coachCaller = await callerOn(centreHost(eupen.slug), {}, claims);
    const h = tenantHandle(eupen);
    const c = await client(eupen, "Reminded");
    const tasksOf = () =>
      h.db
        .select()
        .from(h.t.tasks)
        .where(and(eq(h.t.tasks.ownerType, "client"), eq(h.t.tasks.ownerId, c)))
        .orderBy(h.t.tasks.autoType);

    // Without a primary coaching nothing is created.
    const cardEnd = daysFrom(120);
    await agent.resources.update({
      resource: "clients.clients",
      id: c,
      version: 1,
      patch: { unavailableUntil: cardEnd },
    });
    expect(await tasksOf()).toEqual([]);

    await h.db.insert(h.t.coachings).values({ clientId: c, userId: coach.id, startDate: "2014-01-01", primary: true });
    await agent.resources.update({
      resource: "clients.clients",
      id: c,
      version: 2,
      patch: { workPermitSuspendedUntil: cardEnd },
    });
    expect(
      (await tasksOf()).map((task) => [task.autoType, task.userId, task.startDate, task.summary, task.state]),
    ).toEqual([
      [2, coach.id, addMonths(cardEnd, -1), "Wird in 1 Monat wieder verfügbar", "todo"],
      [3, coach.id, addMonths(cardEnd, -1), "Aussetzung der Arbeitserlaubnis endet in 1 Monat", "todo"],
    ]);
    expect(
      (await coachCaller.resources.list({ resource: "calendar.myTasks", state: state() })).rows.map((r) => r.summary),
    ).toHaveLength(2);
    expect((await agent.resources.list({ resource: "calendar.myTasks", state: state() })).rows).toEqual([]);
    expect((await agent.resources.get({ resource: "clients.clients", id: c })).primaryCoach).toMatchObject({
      id: coach.id,
    });

    // A later date moves the task; a cleared date or a date long past deletes it.
    const later = daysFrom(200);
    await agent.resources.update({
      resource: "clients.clients",
      id: c,
      version: 3,
      patch: { unavailableUntil: later, workPermitSuspendedUntil: null },
    });
    expect((await tasksOf()).map((task) => [task.autoType, task.startDate])).toEqual([[2, addMonths(later, -1)]]);
    await agent.resources.update({
      resource: "clients.clients",
      id: c,
      version: 4,
      patch: { unavailableUntil: "2010-01-01" },
    });
    expect(await tasksOf()).toEqual([]);

    // A task the coach has dealt with is neither moved nor deleted.
    await agent.resources.update({
      resource: "clients.clients",
      id: c,
      version: 5,
      patch: { unavailableUntil: later },
    });
    await h.db.update(h.t.tasks).set({ state: "done" }).where(eq(h.t.tasks.ownerId, c));
    await agent.resources.update({ resource: "clients.clients", id: c, version: 6, patch: { unavailableUntil: null } });
    expect((await tasksOf()).map((task) => [task.autoType, task.startDate, task.state])).toEqual([
      [2, addMonths(later, -1), "done"],
    ]);

    // No primary coaching (any more): no primary coach, so the tasks are left as they are.
    await h.db.update(h.t.coachings).set({ primary: false }).where(eq(h.t.coachings.clientId, c));
    expect((await agent.resources.get({ resource: "clients.clients", id: c })).primaryCoach).toBeNull();
    await agent.resources.update({
      resource: "clients.clients",
      id: c,
      version: 7,
      patch: { workPermitSuspendedUntil: cardEnd },
    });
    expect(await tasksOf()).toHaveLength(1);
    const audited = await h.db
      .select({ action: h.t.auditLog.action })
      .from(h.t.auditLog)
      .where(eq(h.t.auditLog.entity, "calendar.tasks"));
    expect(new Set(audited.map((a) => a.action))).toEqual(
      new Set(["calendar.tasks.create", "calendar.tasks.update", "calendar.tasks.delete"]),
    );
  });
});

describe("client list filters", () => {
  it("observed events look at the period, which is today when no date is given", async () => {
    const reason = await firstId(eupen, "dispenseReasons");
    const type = await firstId(eupen, "exclusionTypes");
    const dispensedNow = await client(eupen, "DispNow");
    const dispensedBefore = await client(eupen, "DispBefore");
    const excluded = await client(eupen, "Excluded");
    const coached = await client(eupen, "Coached");
    const h = tenantHandle(eupen);
    await h.db.insert(h.t.dispenses).values([
      { clientId: dispensedNow, reasonId: reason, startDate: daysFrom(-10), endDate: null },
      { clientId: dispensedBefore, reasonId: reason, startDate: "2013-01-01", endDate: "2013-03-31" },
    ]);
    await h.db
      .insert(h.t.exclusions)
      .values({ clientId: excluded, typeId: type, excludedFrom: daysFrom(-3), excludedUntil: daysFrom(3) });
    const { user } = await newUser(eupen, "100");
    await h.db
      .insert(h.t.coachings)
      .values({ clientId: coached, userId: user.id, startDate: "2013-02-01", endDate: "2013-02-28" });
    await h.db
      .update(h.t.partners)
      .set({ createdAt: new Date("2013-02-15T10:00:00Z") })
      .where(eq(h.t.partners.id, coached));

    const dispense = await clientIds(agent, { observedEvent: "dispense" });
    expect(dispense).toContain(dispensedNow);
    expect(dispense).not.toContain(dispensedBefore);
    expect(await clientIds(agent, { observedEvent: "dispense", period: { from: "2013-03-01" } })).toContain(
      dispensedBefore,
    );
    // "Penalty" means an exclusion from unemployment benefit (not a dispense, as Lino's code had it).
    const penalty = await clientIds(agent, { observedEvent: "penalty" });
    expect(penalty).toContain(excluded);
    expect(penalty).not.toContain(dispensedNow);
    expect(await clientIds(agent, { observedEvent: "active" })).not.toContain(coached);
    expect(
      await clientIds(agent, { observedEvent: "active", period: { from: "2013-01-01", to: "2013-12-31" } }),
    ).toContain(coached);
    expect(await clientIds(agent, { observedEvent: "created" })).toContain(excluded);
    expect(await clientIds(agent, { observedEvent: "created" })).not.toContain(coached);
    expect(await clientIds(agent, { observedEvent: "created", period: { to: "2013-02-15" } })).toEqual([coached]);
    expect(await appCodeOf(clientIds(agent, { observedEvent: "isip" }))).toBe("INVALID_INPUT");
  });

  it("filter on the integration phase and on phases considered active", async () => {
    const h = tenantHandle(eupen);
    const phases = await h.db.select().from(h.t.personGroups).orderBy(h.t.personGroups.id);
    const evaluation = phases.find((p) => p.refName === "1")!;
    const standby = phases.find((p) => p.refName === "9")!;
    const inEvaluation = await client(eupen, "Evaluated", { groupId: evaluation.id });
    const onStandby = await client(eupen, "Standby", { groupId: standby.id });
    // The phase is picked among the centre's phases (a ref filter); the value sent is the phase's id.
    expect(
      (await agent.resources.meta({ resource: "integ.clients" })).filters.find((f) => f.name === "group"),
    ).toMatchObject({ widget: "ref", ref: "clients.personGroups" });
    const evaluated = await clientIds(agent, { group: evaluation.id });
    expect(evaluated).toContain(inEvaluation);
    expect(evaluated).not.toContain(onStandby);
    const active = await clientIds(agent, { onlyActive: true });
    expect(active).toContain(inEvaluation);
    expect(active).not.toContain(onStandby);
  });
});
