import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedCoachingEndings } from "@/db/seed/coaching-types";
import { belgianToday } from "@/lib/format";
import { hasRole, rolesOf, USER_TYPES } from "@/server/auth/user-types";
import { clientObservers } from "@/server/coachings/observers";
import { usersWithClients } from "@/server/coachings/users-with-clients";
import { availableWidgets } from "@/server/shell/widgets";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient as clientIn, newCoaching, type PartnerValues } from "./factories";
import { appCodeOf, callerOn, centreHost, errorAsSent, newCentre, newUser, signedInCaller } from "./helpers";
import { WIDGETS } from "@/server/areas";

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

let eupen: Tenant;
let chatelet: Tenant;
let staff: Caller; // 110: CoachingsStaff
let gss: number; // the general social service
let integ: number; // the integration service

const newClient = (tenant: Tenant, lastName: string, fields: PartnerValues = {}) =>
  clientIn(tenant, { lastName, ...fields });
const coaching = newCoaching;
const asUser = async (
  tenant: Tenant,
  userType: Parameters<typeof newUser>[1],
  fields: Parameters<typeof newUser>[2] = {},
) => {
  const { user, claims } = await newUser(tenant, userType, fields);
  return { user, api: await callerOn(centreHost(tenant.slug), {}, claims) };
};

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([
    newCentre("coach-eupen", "production"),
    newCentre("coach-chatelet", "production"),
  ]);
  staff = await signedInCaller(eupen, "110");
  const h = tenantHandle(eupen);
  const types = await h.db.select().from(h.t.coachingTypes);
  gss = types.find((t) => t.doesGss)!.id;
  integ = types.find((t) => t.doesIntegration)!.id;
});

describe("coaching termination reasons", () => {
  it("demo reasons are seeded once in four languages; 'found a job' only for the integration service", async () => {
    const h = tenantHandle(chatelet);
    await seedCoachingEndings(h);
    await seedCoachingEndings(h);
    const rows = await h.db.select().from(h.t.coachingEndings).orderBy(h.t.coachingEndings.id);
    expect(rows.map((r) => r.names.en)).toEqual([
      "Transfer to colleague",
      "End of right on social aid",
      "Moved to another town",
      "Found a job",
    ]);
    expect(rows[0]!.names).toMatchObject({
      fr: "Transfert vers collègue",
      de: "Übergabe an Kollege",
      nl: "Overdracht aan collega",
    });
    const [chateletInteg] = await h.db
      .select()
      .from(h.t.coachingTypes)
      .where(eq(h.t.coachingTypes.doesIntegration, true));
    expect(rows.map((r) => r.coachingTypeId)).toEqual([null, null, null, chateletInteg!.id]);
  });

  it("refuses an end before the start with a message saying so, on creation and on edit, and saves nothing", async () => {
    const { api: agent } = await asUser(eupen, "100");
    const client = await newClient(eupen, "Backwards");
    const refusal = async (call: Promise<unknown>) => {
      try {
        await call;
      } catch (e) {
        return errorAsSent(e);
      }
      throw new Error("accepted");
    };
    // The form shows this message, not "some fields are invalid" with no field marked.
    const created = await refusal(
      agent.resources.create({
        resource: "coachings.coachings",
        values: { client, startDate: "2026-12-06", endDate: "2020-02-29" },
      }),
    );
    expect(created).toMatchObject({
      httpStatus: 400,
      appCode: "INVALID_INPUT",
      params: { messageKey: "detail.endBeforeStart" },
    });
    const { id } = await agent.resources.create({
      resource: "coachings.coachings",
      values: { client, startDate: "2024-01-01" },
    });
    const row = await agent.resources.get({ resource: "coachings.coachings", id });
    const edited = await refusal(
      agent.resources.update({
        resource: "coachings.coachings",
        id,
        version: row.__version as number,
        patch: { endDate: "2023-12-31" },
      }),
    );
    expect(edited).toMatchObject({
      httpStatus: 400,
      appCode: "INVALID_INPUT",
      params: { messageKey: "detail.endBeforeStart" },
    });
    expect(await agent.resources.get({ resource: "coachings.coachings", id })).toMatchObject({
      startDate: "2024-01-01",
      endDate: null,
    });
  });

  it("refuses a reason of another service with a clear error and saves nothing; a reason without date ends the coaching today", async () => {
    const { user: me, api: agent } = await asUser(eupen, "100");
    const foundJob = Number(
      (
        await staff.resources.create({
          resource: "coachings.endings",
          values: { name: { fr: "A trouvé du travail", en: "Found a job" }, coachingType: integ },
        })
      ).id,
    );
    const moved = Number(
      (
        await staff.resources.create({
          resource: "coachings.endings",
          values: { name: { fr: "Déménagement", en: "Moved" } },
        })
      ).id,
    );
    const client = await newClient(eupen, "Ending");
    const h = tenantHandle(eupen);
    const countOf = async () =>
      (await h.db.select().from(h.t.coachings).where(eq(h.t.coachings.clientId, client))).length;

    expect(
      await appCodeOf(
        agent.resources.create({
          resource: "coachings.coachings",
          values: { client, coachingType: gss, startDate: "2024-01-01", ending: foundJob },
        }),
      ),
    ).toBe("COACHING_ENDING_OF_OTHER_SERVICE");
    expect(
      await appCodeOf(
        agent.resources.create({
          resource: "coachings.coachings",
          values: { client, startDate: "2024-01-01", ending: foundJob },
        }),
      ),
    ).toBe("COACHING_ENDING_OF_OTHER_SERVICE");
    expect(await countOf()).toBe(0);

    // Same service: accepted, and without an end date the coaching ends today.
    const { id: ended } = await agent.resources.create({
      resource: "coachings.coachings",
      values: { client, coachingType: integ, startDate: "2024-01-01", ending: foundJob },
    });
    const endedRow = await agent.resources.get({ resource: "coachings.coachings", id: ended });
    expect(endedRow).toMatchObject({
      endDate: today,
      ending: { id: foundJob, label: { en: "Found a job" } },
      user: { id: me.id },
    });

    // Without dates the coaching starts today, coached by the creating user.
    const { id: open } = await agent.resources.create({
      resource: "coachings.coachings",
      values: { client, coachingType: gss },
    });
    const openRow = await agent.resources.get({ resource: "coachings.coachings", id: open });
    expect(openRow).toMatchObject({ startDate: today, endDate: null, user: { id: me.id } });

    // An edit: a reason of another service is refused, a general one ends it today (audited).
    expect(
      await appCodeOf(
        agent.resources.update({
          resource: "coachings.coachings",
          id: open,
          version: openRow.__version as number,
          patch: { ending: foundJob },
        }),
      ),
    ).toBe("COACHING_ENDING_OF_OTHER_SERVICE");
    await agent.resources.update({
      resource: "coachings.coachings",
      id: open,
      version: openRow.__version as number,
      patch: { ending: moved },
    });
    expect(await agent.resources.get({ resource: "coachings.coachings", id: open })).toMatchObject({
      endDate: today,
      ending: { id: moved },
    });
    const audit = await h.db
      .select()
      .from(h.t.auditLog)
      .where(and(eq(h.t.auditLog.entity, "coachings.coachings"), eq(h.t.auditLog.entityId, String(open))));
    expect(audit.map((a) => a.changes)).toContainEqual({ endDate: { from: null, to: today } });

    // Moving the ended coaching to another service than its reason's is refused too.
    const again = await agent.resources.get({ resource: "coachings.coachings", id: ended });
    expect(
      await appCodeOf(
        agent.resources.update({
          resource: "coachings.coachings",
          id: ended,
          version: again.__version as number,
          patch: { coachingType: gss },
        }),
      ),
    ).toBe("COACHING_ENDING_OF_OTHER_SERVICE");

    // The client's coachings show the reason.
    const byClient = (
      await agent.resources.list({
        resource: "coachings.coachings",
        state: state({ master: { field: "client", value: client } }),
      })
    ).rows;
    expect(byClient.map((r) => [r.__id, (r.ending as { id: number }).id])).toEqual(
      expect.arrayContaining([
        [ended, foundJob],
        [open, moved],
      ]),
    );
    const meta = await agent.resources.meta({ resource: "coachings.coachings" });
    expect(meta.columns).toContain("ending");

    // The reason and service filters offer those tables' rows to pick; the value sent stays the id.
    expect(meta.filters.find((f) => f.name === "ending")).toMatchObject({ widget: "ref", ref: "coachings.endings" });
    expect(meta.filters.find((f) => f.name === "coachingType")).toMatchObject({
      widget: "ref",
      ref: "coachings.types",
    });
    // (On the client: the list of every coaching is coaching staff's.)
    const onClient = { field: "client", value: client };
    const byReason = (
      await agent.resources.list({
        resource: "coachings.coachings",
        state: state({ master: onClient, filters: { ending: foundJob, coachingType: integ } }),
      })
    ).rows;
    expect(byReason.map((r) => r.__id)).toContain(ended);
    expect(byReason.every((r) => (r.ending as { id: number }).id === foundJob)).toBe(true);
    expect(
      await appCodeOf(
        agent.resources.list({
          resource: "coachings.coachings",
          state: state({ master: onClient, filters: { ending: "Found a job" } }),
        }),
      ),
    ).toBe("INVALID_INPUT");
  });

  it("a new coaching takes its coach's service unless one is chosen; administrators set a user's service", async () => {
    const admin = await signedInCaller(eupen, "900");
    const { user: me, api: agent } = await asUser(eupen, "100");
    const { user: colleague } = await asUser(eupen, "200", { coachingTypeId: gss });
    const meRow = await admin.resources.get({ resource: "users.users", id: me.id });
    expect(meRow.coachingTypeId).toBeNull();
    await admin.resources.update({
      resource: "users.users",
      id: me.id,
      version: meRow.__version as number,
      patch: { coachingTypeId: integ },
    });
    expect(await admin.resources.get({ resource: "users.users", id: me.id })).toMatchObject({
      coachingTypeId: { id: integ, label: { en: "Integration service" } },
    });
    // A service of another centre (or none at all) is refused.
    const again = await admin.resources.get({ resource: "users.users", id: me.id });
    expect(
      await appCodeOf(
        admin.resources.update({
          resource: "users.users",
          id: me.id,
          version: again.__version as number,
          patch: { coachingTypeId: 999_999 },
        }),
      ),
    ).toBe("INVALID_INPUT");

    const client = await newClient(eupen, "Service");
    const typeOf = async (id: string | number) =>
      ((await agent.resources.get({ resource: "coachings.coachings", id })).coachingType as { id: number } | null)
        ?.id ?? null;
    const mine = (await agent.resources.create({ resource: "coachings.coachings", values: { client } })).id;
    expect(await typeOf(mine)).toBe(integ);
    const theirs = (
      await agent.resources.create({ resource: "coachings.coachings", values: { client, user: colleague.id } })
    ).id;
    expect(await typeOf(theirs)).toBe(gss);
    const chosen = (
      await agent.resources.create({ resource: "coachings.coachings", values: { client, coachingType: gss } })
    ).id;
    expect(await typeOf(chosen)).toBe(gss);
    // The service taken over is in the creation's audit row.
    const h = tenantHandle(eupen);
    const [created] = await h.db
      .select()
      .from(h.t.auditLog)
      .where(and(eq(h.t.auditLog.entity, "coachings.coachings"), eq(h.t.auditLog.entityId, String(mine))));
    expect(created!.changes).toMatchObject({ coachingType: { from: null, to: integ } });
  });

  it("stays in its centre", async () => {
    const { id } = await staff.resources.create({
      resource: "coachings.endings",
      values: { name: { fr: "Motif d'Eupen seulement" } },
    });
    const inEupen = (await staff.resources.list({ resource: "coachings.endings", state: state({ pageSize: 100 }) }))
      .rows;
    expect(inEupen.some((r) => (r.name as { en?: string }).en === "Transfer to colleague")).toBe(false);
    const theirStaff = await signedInCaller(chatelet, "110");
    const inChatelet = (
      await theirStaff.resources.list({ resource: "coachings.endings", state: state({ pageSize: 100 }) })
    ).rows;
    expect(inChatelet.some((r) => (r.name as { fr?: string }).fr === "Motif d'Eupen seulement")).toBe(false);
    // The same id in Châtelet is another row or none at all, never Eupen's.
    const code = await appCodeOf(theirStaff.resources.get({ resource: "coachings.endings", id }));
    if (code === "resolved")
      expect((await theirStaff.resources.get({ resource: "coachings.endings", id })).name).not.toMatchObject({
        fr: "Motif d'Eupen seulement",
      });
    else expect(code).toBe("NOT_FOUND");
    // Châtelet's user sees none of Eupen's coachings, in their list or their "my coachings".
    const eupenCoachings = (
      await staff.resources.list({ resource: "coachings.coachings", state: state({ pageSize: 5 }) })
    ).rows;
    expect(eupenCoachings.length).toBeGreaterThan(0);
    expect(
      await appCodeOf(
        theirStaff.resources.get({ resource: "coachings.coachings", id: eupenCoachings[0]!.__id as number }),
      ),
    ).toBe("NOT_FOUND");
    expect((await theirStaff.resources.list({ resource: "coachings.mine", state: state() })).rows).toEqual([]);
  });
});

describe("my coachings and the coachings explorer", () => {
  it("lists my coachings active today, nobody else's; creating there is not offered", async () => {
    const { user: me, api } = await asUser(eupen, "100");
    const { user: colleague } = await newUser(eupen, "100");
    const [a, b, c, d] = await Promise.all(
      ["MineActive", "MineEnded", "MineFuture", "Theirs"].map((n) => newClient(eupen, n)),
    );
    const active = await coaching(eupen, a!, me.id, { primary: true });
    const ended = await coaching(eupen, b!, me.id, { endDate: "2021-12-31" });
    await coaching(eupen, c!, me.id, { startDate: "2099-01-01" });
    await coaching(eupen, d!, colleague.id);
    const { rows } = await api.resources.list({ resource: "coachings.mine", state: state() });
    expect(rows.map((r) => [r.__id, (r.client as { id: number }).id, r.primary])).toEqual([[active, a, true]]);
    expect(await appCodeOf(api.resources.get({ resource: "coachings.mine", id: ended }))).toBe("NOT_FOUND");
    expect(await appCodeOf(api.resources.create({ resource: "coachings.mine", values: { client: a } }))).toBe(
      "FORBIDDEN",
    );
    expect((await api.resources.meta({ resource: "coachings.mine" })).columns).toEqual([
      "client",
      "startDate",
      "endDate",
      "coachingType",
      "primary",
    ]);
    // Ending it from here is audited in the coaching's own history.
    const row = await api.resources.get({ resource: "coachings.mine", id: active });
    await api.resources.update({
      resource: "coachings.mine",
      id: active,
      version: row.__version as number,
      patch: { endDate: "2099-12-31" },
    });
    const h = tenantHandle(eupen);
    const audit = await h.db
      .select()
      .from(h.t.auditLog)
      .where(and(eq(h.t.auditLog.entityId, String(active)), eq(h.t.auditLog.action, "coachings.coachings.update")));
    expect(audit.map((a) => a.changes)).toContainEqual({ endDate: { from: null, to: "2099-12-31" } });
  });

  it("filters by coach, another coach of the client, primary, service, reason and what happened in a period", async () => {
    const { user: ann } = await newUser(eupen, "100");
    const { user: bob } = await newUser(eupen, "200");
    const [x, y] = await Promise.all([newClient(eupen, "FilterX"), newClient(eupen, "FilterY")]);
    const annX = await coaching(eupen, x, ann.id, { startDate: "2023-01-01", primary: true });
    const annY = await coaching(eupen, y, ann.id, { startDate: "2023-01-01", endDate: "2023-06-30" });
    await coaching(eupen, x, bob.id, { startDate: "2023-03-01" });
    const h = tenantHandle(eupen);
    await h.db.update(h.t.coachings).set({ coachingTypeId: integ }).where(eq(h.t.coachings.id, annY));
    const ids = async (filters: Record<string, unknown>) =>
      (
        await staff.resources.list({
          resource: "coachings.coachings",
          state: state({ filters: { coachedBy: ann.id, ...filters } }),
        })
      ).rows
        .map((r) => r.__id)
        .sort();
    expect(await ids({})).toEqual([annX, annY].sort());
    // "Active" in a period: today by default.
    expect(await ids({ observedEvent: "active" })).toEqual([annX]);
    expect(await ids({ observedEvent: "active", period: { from: "2023-05-01", to: "2023-05-31" } })).toEqual(
      [annX, annY].sort(),
    );
    expect(await ids({ observedEvent: "ended", period: { from: "2023-06-01", to: "2023-06-30" } })).toEqual([annY]);
    expect(await ids({ observedEvent: "started", period: { from: "2023-01-01" } })).toEqual([annX, annY].sort());
    expect(await ids({ primary: true })).toEqual([annX]);
    expect(await ids({ primary: false })).toEqual([annY]);
    expect(await ids({ coachingType: integ })).toEqual([annY]);
    // And coached by Bob (today by default, or in the period).
    expect(await ids({ andCoachedBy: bob.id })).toEqual([annX]);
    expect(await ids({ andCoachedBy: bob.id, period: { from: "2022-01-01", to: "2022-12-31" } })).toEqual([]);
    expect(
      await appCodeOf(
        staff.resources.list({
          resource: "coachings.coachings",
          state: state({ filters: { observedEvent: "nonsense" } }),
        }),
      ),
    ).toBe("INVALID_INPUT");
  });
});

describe("client observers", () => {
  it("are the coaching supervisors and the client's coaches of today, also shown on the client", async () => {
    const { user: supervisor } = await newUser(eupen, "110", {
      firstName: "Sonja",
      lastName: "Supervisor",
      coachingSupervisor: true,
    });
    const { user: coach } = await newUser(eupen, "100", { firstName: "Conrad", lastName: "Coach" });
    const { user: former } = await newUser(eupen, "100", { firstName: "Frieda", lastName: "Former" });
    const { user: elsewhere } = await newUser(eupen, "100", { firstName: "Elmar", lastName: "Elsewhere" });
    const client = await newClient(eupen, "Observed");
    const other = await newClient(eupen, "Unobserved");
    await coaching(eupen, client, coach.id);
    await coaching(eupen, client, former.id, { endDate: "2021-01-01" });
    await coaching(eupen, other, elsewhere.id);
    const observers = (await clientObservers(tenantHandle(eupen), client)).map((u) => u.id);
    expect(observers).toContain(supervisor.id);
    expect(observers).toContain(coach.id);
    expect(observers).not.toContain(former.id);
    expect(observers).not.toContain(elsewhere.id);
    const detail = await staff.resources.get({ resource: "clients.clients", id: client });
    expect(String(detail.observers)).toContain("Conrad Coach");
    expect(String(detail.observers)).toContain("Sonja Supervisor");
    expect(String(detail.observers)).not.toContain("Former");
    // Another centre: neither its supervisors nor this client.
    const { user: theirSupervisor } = await newUser(chatelet, "110", { coachingSupervisor: true });
    expect((await clientObservers(tenantHandle(chatelet), client)).map((u) => u.id)).toEqual([theirSupervisor.id]);
  });
});

describe("users with their clients", () => {
  it("counts each integration agent's clients of today by phase, primary, active and in all; admins only for admins", async () => {
    const centre = await newCentre("coach-overview", "production");
    const h = tenantHandle(centre);
    const [p1, p2, p3] = await h.db
      .insert(h.t.personGroups)
      .values([
        { names: { fr: "Bilan", en: "Assessment" }, refName: "1", active: true },
        { names: { fr: "Suspendu", en: "Suspended" }, refName: "2", active: false },
        { names: { fr: "Sans référence", en: "Unreferenced" }, refName: "", active: true },
      ])
      .returning({ id: h.t.personGroups.id });
    const { user: ann } = await newUser(centre, "100", { username: "a-ann", firstName: "Ann", lastName: "Agent" });
    const { user: bea } = await newUser(centre, "110", { username: "b-bea", firstName: "Bea", lastName: "Staff" });
    const { user: ada } = await newUser(centre, "900", { username: "c-ada", firstName: "Ada", lastName: "Admin" });
    const { user: gina } = await newUser(centre, "200", { username: "d-gina", firstName: "Gina", lastName: "Gss" });
    const c1 = await newClient(centre, "C1", { groupId: p1!.id });
    const c2 = await newClient(centre, "C2", { groupId: p2!.id });
    const c3 = await newClient(centre, "C3", { groupId: p3!.id });
    const c4 = await newClient(centre, "C4");
    const c5 = await newClient(centre, "C5", { groupId: p1!.id, isObsolete: true });
    const c6 = await newClient(centre, "C6", { groupId: p1!.id });
    await coaching(centre, c1, ann.id, { primary: true });
    await coaching(centre, c1, ann.id, { startDate: "2021-01-01" }); // a second coaching: the client counts once
    await coaching(centre, c2, ann.id, { primary: true });
    await coaching(centre, c3, ann.id);
    await coaching(centre, c4, ann.id, { primary: true });
    await coaching(centre, c5, ann.id, { primary: true }); // obsolete: not counted
    await coaching(centre, c6, ann.id, { endDate: "2021-12-31" }); // ended: not counted
    await coaching(centre, c6, bea.id, { primary: true });
    await coaching(centre, c2, ada.id);
    await coaching(centre, c1, gina.id); // a GSS agent is no integration agent
    // Contracts (counted per kind among the same clients): C1's is open; C6's ended with 2021; C5 is obsolete.
    const [isipType] = await h.db.select({ id: h.t.isipContractTypes.id }).from(h.t.isipContractTypes).limit(1);
    const contract = (clientId: number, appliesFrom: string, appliesUntil: string | null) =>
      h.db
        .insert(h.t.isipContracts)
        .values({ clientId, typeId: isipType!.id, userId: ann.id, appliesFrom, appliesUntil, dateEnded: appliesUntil });
    await contract(c1, "2020-01-01", null);
    await contract(c6, "2021-01-01", "2021-12-31");
    await contract(c5, "2020-01-01", null);

    const forStaff = await usersWithClients(h, { roles: rolesOf("110") }, today);
    expect(forStaff.phases.map((p) => p.refName)).toEqual(["1", "2"]);
    expect(forStaff.kinds.map((k) => k.kind)).toContain("isip");
    expect(forStaff.users).toEqual([
      {
        userId: ann.id,
        name: "Ann Agent",
        byPhase: { [p1!.id]: 1, [p2!.id]: 1, [p3!.id]: 1 },
        byKind: { isip: 1 },
        primary: 3,
        active: 1,
        total: 4,
      },
      { userId: bea.id, name: "Bea Staff", byPhase: { [p1!.id]: 1 }, byKind: {}, primary: 1, active: 1, total: 1 },
    ]);
    const forAdmin = await usersWithClients(h, { roles: rolesOf("900") }, today);
    expect(forAdmin.users.map((u) => [u.name, u.total])).toEqual([
      ["Ann Agent", 4],
      ["Bea Staff", 1],
      ["Ada Admin", 1],
    ]);
    // Another day, another count: in 2021 Ann still coached C6; in 2019 nobody coached anyone.
    expect((await usersWithClients(h, { roles: rolesOf("110") }, "2021-06-01")).users[0]).toEqual({
      userId: ann.id,
      name: "Ann Agent",
      byPhase: { [p1!.id]: 2, [p2!.id]: 1, [p3!.id]: 1 },
      byKind: { isip: 2 },
      primary: 3,
      active: 1,
      total: 5,
    });
    expect((await usersWithClients(h, { roles: rolesOf("110") }, "2019-06-01")).users).toEqual([]);
    // Another centre sees none of it.
    expect(
      (await usersWithClients(tenantHandle(chatelet), { roles: rolesOf("900") }, today)).users.some(
        (u) => u.userId === ann.id && u.total === 4,
      ),
    ).toBe(false);
  });

  it("is a widget for integration users (IntegUser) only", () => {
    for (const userType of USER_TYPES) {
      const has = availableWidgets({ roles: rolesOf(userType) }, WIDGETS).some((w) => w.id === "users-with-clients");
      expect(has, userType).toBe(hasRole(userType, "IntegUser"));
    }
  });
});

describe("access per user type", () => {
  it("reasons: read by coaching users, configured by coaching staff; my coachings for coaching users", async () => {
    const { id: reason } = await staff.resources.create({
      resource: "coachings.endings",
      values: { name: { fr: "Motif de test" } },
    });
    for (const userType of USER_TYPES) {
      const caller = await signedInCaller(eupen, userType);
      const user = hasRole(userType, "CoachingsUser");
      const list = await appCodeOf(caller.resources.list({ resource: "coachings.endings", state: state() }));
      const mine = await appCodeOf(caller.resources.list({ resource: "coachings.mine", state: state() }));
      const create = await appCodeOf(
        caller.resources.create({ resource: "coachings.endings", values: { name: { fr: `Motif ${userType}` } } }),
      );
      const read = await appCodeOf(caller.resources.get({ resource: "coachings.endings", id: reason }));
      if (userType === "000") {
        for (const code of [list, mine, create, read]) expect(code, userType).not.toBe("resolved");
        continue;
      }
      expect(list, userType).toBe(user ? "resolved" : "FORBIDDEN");
      expect(mine, userType).toBe(user ? "resolved" : "FORBIDDEN");
      expect(read, userType).toBe(user ? "resolved" : "FORBIDDEN");
      expect(create, userType).toBe(hasRole(userType, "CoachingsStaff") ? "resolved" : "FORBIDDEN");
    }
  });
});
