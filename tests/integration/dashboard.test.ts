import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "@/server/audit";
import { resolveSessionUser, type SessionUser } from "@/server/auth/session";
import { hasRole, rolesOf, USER_TYPES, type UserType } from "@/server/auth/user-types";
import { closePools } from "@/server/db/pool";
import { recentChanges } from "@/server/history/recent";
import { placesResource } from "@/server/geo/resources";
import { exportBatches, planExport } from "@/server/resources/export/rows";
import { centreUsersSummary, myProcurations } from "@/server/users/dashboard";
import { saveUserLanguage } from "@/server/shell/language";
import { searchableResources } from "@/server/shell/search";
import { availableWidgets, shownWidgets } from "@/server/shell/widgets";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { callerOn, centreHost, newCentre, newUser } from "./helpers";
import { registry, WIDGETS } from "@/server/areas";

afterAll(closePools);

let a: Tenant;
let b: Tenant;
beforeAll(async () => {
  a = await newCentre("dash-a", "production");
  b = await newCentre("dash-b", "production");
});

const sessionOf = async (tenant: Tenant, claims: Awaited<ReturnType<typeof newUser>>["claims"]) =>
  (await resolveSessionUser(tenantHandle(tenant), tenant, claims))!;
const probe = (userType: UserType) => ({ roles: rolesOf(userType), userType });

describe("dashboard widgets per user type", () => {
  it("offers each user type the widgets its roles allow, with a sensible default", () => {
    const ids = (userType: UserType) => availableWidgets(probe(userType), WIDGETS).map((w) => w.id);
    const shown = (userType: UserType) => shownWidgets(probe(userType), null, WIDGETS).map((w) => w.id);
    for (const userType of USER_TYPES) {
      const admin = userType === "900" || userType === "910";
      // The welcome message about open data problems is for data-check users (CheckdataUser, §18).
      const problems = hasRole(userType, "CheckdataUser") ? ["data-problems"] : [];
      // "Users with their clients" is for integration users (IntegUser, §8).
      const integ = hasRole(userType, "IntegUser") ? ["users-with-clients"] : [];
      // My appointments today and my overdue ones (§10.6): office users, who have appointments.
      const calendar = hasRole(userType, "OfficeUser") ? ["calendar-my-today", "calendar-my-overdue"] : [];
      // Visitors waiting for me (agents, OfficeUser) and all waiting visitors (OfficeUser or OfficeOperator), §11.
      const reception = [
        ...(hasRole(userType, "OfficeUser") ? ["reception-waiting-for-me"] : []),
        ...(hasRole(userType, "OfficeUser") || hasRole(userType, "OfficeOperator") ? ["reception-waiting"] : []),
      ];
      if (userType === "000") expect(ids(userType)).toEqual([]);
      else
        expect(ids(userType), userType).toEqual([
          ...problems,
          ...(admin
            ? ["procurations", "centre-users", ...integ, ...reception, ...calendar, "recent-changes"]
            : ["procurations", ...integ, ...reception, ...calendar]),
          // Everyone handling documents (OfficeUser or OfficeOperator) may follow their clients' expiring ones (§13).
          "my-expiring-uploads",
          // Integration users' contracts ending soon, evaluations this week, clients without a contract (issue 17).
          ...(hasRole(userType, "IntegUser")
            ? ["integ-contracts-ending", "integ-evaluations-week", "integ-without-contract"]
            : []),
          // Newcomers waiting for a coach (§9): newcomers users.
          ...(hasRole(userType, "NewcomersUser") ? ["new-clients"] : []),
          // "You have N unseen notifications" (§16): everyone signed in.
          "my-notifications",
          // What the demo's mail server caught: administrators (shown only where there is a demo mailbox).
          ...(admin ? ["caught-mails"] : []),
          "quick-links",
        ]);
    }
    expect(shown("100")).toEqual([
      "data-problems",
      "procurations",
      "reception-waiting-for-me",
      "reception-waiting",
      "calendar-my-today",
      "calendar-my-overdue",
      "my-expiring-uploads",
      "integ-contracts-ending",
      "integ-evaluations-week",
      "integ-without-contract",
      "my-notifications",
      "quick-links",
    ]);
    expect(shown("210")).toEqual(["procurations", "reception-waiting", "my-notifications", "quick-links"]);
    // Supervisors may act as anyone: procurations are theirs to add.
    expect(shown("800")).toEqual(["reception-waiting", "my-notifications", "quick-links"]);
    expect(shown("900")).toEqual([
      "data-problems",
      "centre-users",
      "reception-waiting",
      "recent-changes",
      "my-notifications",
      "caught-mails",
      "quick-links",
    ]);
    // Integration staff see their agents' clients without asking.
    expect(shown("110")).toEqual([
      "data-problems",
      "procurations",
      "users-with-clients",
      "reception-waiting-for-me",
      "reception-waiting",
      "calendar-my-today",
      "calendar-my-overdue",
      "my-expiring-uploads",
      "my-notifications",
      "quick-links",
    ]);
  });

  it("follows the saved choice, which also keeps default-hidden widgets hidden; unknown ids are ignored", () => {
    expect(
      shownWidgets(
        probe("900"),
        { hidden: ["recent-changes", "procurations", "data-problems", "nonsense"] },
        WIDGETS,
      ).map((w) => w.id),
    ).toEqual([
      "centre-users",
      "users-with-clients",
      "reception-waiting-for-me",
      "reception-waiting",
      "calendar-my-today",
      "calendar-my-overdue",
      "my-expiring-uploads",
      "integ-contracts-ending",
      "integ-evaluations-week",
      "integ-without-contract",
      "new-clients",
      "my-notifications",
      "caught-mails",
      "quick-links",
    ]);
    expect(shownWidgets(probe("900"), { hidden: [] }, WIDGETS).map((w) => w.id)).toEqual([
      "data-problems",
      "procurations",
      "centre-users",
      "users-with-clients",
      "reception-waiting-for-me",
      "reception-waiting",
      "calendar-my-today",
      "calendar-my-overdue",
      "recent-changes",
      "my-expiring-uploads",
      "integ-contracts-ending",
      "integ-evaluations-week",
      "integ-without-contract",
      "new-clients",
      "my-notifications",
      "caught-mails",
      "quick-links",
    ]);
    // A saved choice cannot give a widget to a user type whose roles do not allow it.
    expect(shownWidgets(probe("100"), { hidden: [] }, WIDGETS).map((w) => w.id)).toEqual([
      "data-problems",
      "procurations",
      "users-with-clients",
      "reception-waiting-for-me",
      "reception-waiting",
      "calendar-my-today",
      "calendar-my-overdue",
      "my-expiring-uploads",
      "integ-contracts-ending",
      "integ-evaluations-week",
      "integ-without-contract",
      "my-notifications",
      "quick-links",
    ]);
  });

  it("searches, in the header, only what the user type may view", () => {
    expect(searchableResources(registry, probe("100")).map((d) => d.id)).not.toContain("users.users");
    expect(searchableResources(registry, probe("900")).map((d) => d.id)).toContain("users.users");
    expect(searchableResources(registry, probe("000"))).toEqual([]);
  });
});

describe("dashboard data", () => {
  it("lists the procurations given to me and by me, flags expired ones, and stays in its centre", async () => {
    const { user: me, claims } = await newUser(a, "210");
    const { user: agent } = await newUser(a, "100", { firstName: "Ann", lastName: "Agent" });
    const { user: other } = await newUser(a, "110", { firstName: "Olga", lastName: "Other" });
    const { user: helper } = await newUser(a, "400", { firstName: "Hugo", lastName: "Helper" });
    const ha = tenantHandle(a);
    await ha.db.insert(ha.t.authorities).values([
      { userId: agent.id, authorizedId: me.id },
      { userId: other.id, authorizedId: me.id, validUntil: "2020-01-31" },
      { userId: me.id, authorizedId: helper.id },
    ]);
    const mine = await myProcurations(ha, await sessionOf(a, claims));
    expect(mine.received.map((r) => [r.otherName, r.valid])).toEqual([
      ["Agent Ann", true],
      ["Other Olga", false],
    ]);
    expect(mine.given.map((r) => r.otherName)).toEqual(["Helper Hugo"]);

    // Another centre's handle never sees them, even for a user with the same id.
    const inB = await myProcurations(tenantHandle(b), { id: me.id, realUser: null });
    expect(inB).toEqual({ received: [], given: [] });
  });

  it("counts the centre's accounts by user type and the deactivated ones, per centre", async () => {
    const c = await newCentre("dash-c", "production");
    await newUser(c, "100");
    await newUser(c, "100", { active: false });
    await newUser(c, "900");
    await newUser(c, null);
    const summary = await centreUsersSummary(tenantHandle(c));
    expect(summary).toEqual({
      byType: [
        { userType: "100", count: 2 },
        { userType: "900", count: 1 },
        { userType: null, count: 1 },
      ],
      total: 4,
      inactive: 1,
    });
    const other = await centreUsersSummary(tenantHandle(b));
    expect(other.byType.some((r) => r.count === 2 && r.userType === "100")).toBe(false);
  });

  it("shows recent changes with who, for whom, what and a link the reader may follow; only the centre's own", async () => {
    const { user: admin, claims } = await newUser(a, "900", { firstName: "Ada", lastName: "Admin" });
    const api = await callerOn(centreHost(a.slug), {}, claims);
    const [place] = (
      await api.resources.list({
        resource: "geo.places",
        state: { page: 1, pageSize: 1, sort: [], filters: {}, q: "" },
      })
    ).rows;
    await api.resources.update({
      resource: "geo.places",
      id: place!.__id as number,
      version: place!.__version as number,
      patch: { province: "Dashboard test" },
    });

    const ha = tenantHandle(a);
    const [latest] = await recentChanges(ha, registry, probe("900"), 1);
    expect(latest).toMatchObject({
      actor: { userId: admin.id, name: "Ada Admin" },
      actingFor: null,
      action: "geo.places.update",
      resource: "geo.places",
      entityId: String(place!.__id),
      href: `/geo/places/${place!.__id}`,
      fields: ["province"],
    });
    // A user type that may not open users gets no link to a user record.
    await saveUserLanguage(ha, actorOf(await sessionOf(a, claims)), admin.id, "nl");
    const [language] = await recentChanges(ha, registry, probe("100"), 1);
    expect(language).toMatchObject({ action: "user.language", resource: "users.users", href: null });
    expect((await recentChanges(ha, registry, probe("900"), 1))[0]!.href).toBe(`/users/users/${admin.id}`);

    const inB = await recentChanges(tenantHandle(b), registry, probe("900"), 50);
    expect(inB.some((c) => c.action === "geo.places.update" && c.fields.includes("province"))).toBe(false);
  });
});

describe("recent changes", () => {
  it("name an export by its list and link to the list, not to a record '#*'", async () => {
    const { claims } = await newUser(a, "900");
    const ctx = { handle: tenantHandle(a), user: await sessionOf(a, claims), locale: "fr" as const, registry };
    const plan = await planExport(ctx, placesResource, { page: 1, pageSize: 25, sort: [], filters: {}, q: "" }, [
      "name",
    ]);
    for await (const batch of exportBatches(plan, "csv")) void batch;
    const [exported] = await recentChanges(tenantHandle(a), registry, probe("900"), 1);
    expect(exported).toMatchObject({ action: "geo.places.export", entityId: null, href: "/geo/places" });
  });
});

describe("the language remembered per user", () => {
  it("is saved in the profile, audited, bumps the version, and is read back at the next sign-in", async () => {
    const { user, claims } = await newUser(a, "100", { language: "fr" });
    const ha = tenantHandle(a);
    const me: SessionUser = await sessionOf(a, claims);
    expect(await saveUserLanguage(ha, actorOf(me), user.id, "de")).toBe(true);
    const [after] = await ha.db.select().from(ha.t.users).where(eq(ha.t.users.id, user.id));
    expect(after).toMatchObject({ language: "de", version: user.version + 1 });
    const audits = await ha.db
      .select()
      .from(ha.t.auditLog)
      .where(eq(ha.t.auditLog.entityId, String(user.id)));
    expect(audits.filter((r) => r.action === "user.language").map((r) => r.changes)).toEqual([
      { language: { from: "fr", to: "de" } },
    ]);
    expect((await sessionOf(a, claims)).language).toBe("de");

    // Choosing the same language again changes and audits nothing.
    expect(await saveUserLanguage(ha, actorOf(me), user.id, "de")).toBe(false);
    const again = await ha.db
      .select()
      .from(ha.t.auditLog)
      .where(eq(ha.t.auditLog.entityId, String(user.id)));
    expect(again.filter((r) => r.action === "user.language")).toHaveLength(1);
  });

  it("never reaches a user of another centre, even one with the same id", async () => {
    const { user } = await newUser(a, "100", { language: "fr" });
    await saveUserLanguage(tenantHandle(b), { actor: "test", actingFor: null }, user.id, "en");
    const ha = tenantHandle(a);
    const [unchanged] = await ha.db.select().from(ha.t.users).where(eq(ha.t.users.id, user.id));
    expect(unchanged!.language).toBe("fr");
  });
});

describe("the dashboard preference", () => {
  it("belongs to one centre: the same user id elsewhere does not get it", async () => {
    const { claims: inA } = await newUser(a, "900");
    const { claims: inB } = await newUser(b, "900");
    const apiA = await callerOn(centreHost(a.slug), {}, inA);
    await apiA.preferences.set({ key: "dashboard", value: { hidden: ["recent-changes"] } });
    expect(await apiA.preferences.get({ key: "dashboard" })).toEqual({ hidden: ["recent-changes"] });
    // The session of centre A presented to centre B signs nobody in.
    await expect((await callerOn(centreHost(b.slug), {}, inA)).preferences.get({ key: "dashboard" })).rejects.toThrow();
    expect(await (await callerOn(centreHost(b.slug), {}, inB)).preferences.get({ key: "dashboard" })).toBeNull();
  });

  it("refuses a shape other than a list of hidden widgets", async () => {
    const { claims } = await newUser(a, "100");
    const api = await callerOn(centreHost(a.slug), {}, claims);
    await expect(api.preferences.set({ key: "dashboard", value: { hidden: "all" } })).rejects.toThrow();
  });
});
