import { beforeAll, describe, expect, it } from "vitest";
import { hasRole, USER_TYPES } from "@/server/auth/user-types";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { appCodeOf, callerOn, centreHost, newCentre, newUser, signedInCaller } from "./helpers";

// `resources.refOptions`: a reference picker offers what the user may choose for a field, a filter
// or an action parameter, authorised by that source, even when the user may not open the
// referenced table — and nothing more: ids and titles only, of this centre, in the target's scope.

const INVALID = expect.stringMatching(/^(INVALID_INPUT|BAD_REQUEST)$/);
const coachSource = { resource: "coachings.coachings", source: { field: "user" } } as const;
let eupen: Tenant;
let chatelet: Tenant;
let colleague: number;

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("ref-eupen"), newCentre("ref-chatelet")]);
  colleague = (await newUser(eupen, "110", { firstName: "Xavière", lastName: "Quérouille" })).user.id;
  await newUser(eupen, "100", { firstName: "Gone", lastName: "Leftlongago", active: false });
  await newUser(eupen, null, { firstName: "Typeless", lastName: "Nobody" });
  await newUser(chatelet, "100", { firstName: "Foreign", lastName: "Étrangère" });
});

describe("the coach picker of a new coaching", () => {
  it("offers an integration agent the centre's active staff by name, though they may not list users", async () => {
    const agent = await signedInCaller(eupen, "100");
    expect(
      await appCodeOf(
        agent.resources.list({
          resource: "users.users",
          state: { page: 1, pageSize: 25, sort: [], filters: {}, q: "" },
        }),
      ),
    ).toBe("FORBIDDEN");

    const { options, more } = await agent.resources.refOptions(coachSource);
    expect(more).toBe(false);
    expect(options).toContainEqual({ id: colleague, label: "Quérouille Xavière" });
    const labels = options.map((o) => o.label);
    expect(labels).not.toContain("Leftlongago Gone"); // not active
    expect(labels).not.toContain("Nobody Typeless"); // no user type: not staff
    expect(labels).not.toContain("Étrangère Foreign"); // another centre's
    // Only what a picker shows: no user name, type, e-mail or anything else of the user.
    expect(options.every((o) => Object.keys(o).sort().join() === "id,label")).toBe(true);
    // Ordered like the users list: by name.
    expect([...labels].sort((a, b) => a.localeCompare(b))).toEqual(labels);
  });

  it("searches by name, pages, and names the current value only if it is an option", async () => {
    const agent = await signedInCaller(eupen, "100");
    expect((await agent.resources.refOptions({ ...coachSource, q: "quér" })).options).toEqual([
      { id: colleague, label: "Quérouille Xavière" },
    ]);
    expect((await agent.resources.refOptions({ ...coachSource, q: "Leftlongago" })).options).toEqual([]);
    expect((await agent.resources.refOptions({ ...coachSource, ids: [colleague] })).options).toEqual([
      { id: colleague, label: "Quérouille Xavière" },
    ]);
    expect((await agent.resources.refOptions({ ...coachSource, ids: [String(colleague)] })).options).toEqual([
      { id: colleague, label: "Quérouille Xavière" },
    ]);
    expect((await agent.resources.refOptions({ ...coachSource, page: 2 })).options).toEqual([]);
    // Ids that cannot name a row are no options, not a server error.
    expect(
      await agent.resources.refOptions({ ...coachSource, ids: ["x'; drop table users; --", 99_999_999_999, "-1"] }),
    ).toEqual({ options: [], more: false });
  });

  it("is offered to every user type that may give a coaching, and refused to the others", async () => {
    for (const type of USER_TYPES) {
      const caller = await signedInCaller(eupen, type);
      const answer = await appCodeOf(caller.resources.refOptions(coachSource));
      expect([type, answer]).toEqual([
        type,
        type === "000" ? "UNAUTHORIZED" : hasRole(type, "CoachingsUser") ? "resolved" : "FORBIDDEN",
      ]);
    }
  });

  it("never answers on another centre's address, nor with another centre's users", async () => {
    const { claims } = await newUser(eupen, "100");
    const elsewhere = await callerOn(centreHost(chatelet.slug), {}, claims);
    expect(await appCodeOf(elsewhere.resources.refOptions(coachSource))).toBe("UNAUTHORIZED");
    const chateletAgent = await signedInCaller(chatelet, "100");
    const labels = (await chateletAgent.resources.refOptions(coachSource)).options.map((o) => o.label);
    expect(labels).toContain("Étrangère Foreign");
    expect(labels).not.toContain("Quérouille Xavière");
    expect(
      (await chateletAgent.resources.refOptions({ ...coachSource, ids: [colleague] })).options.map((o) => o.label),
    ).not.toContain("Quérouille Xavière");
  });
});

describe("other sources", () => {
  it("a ref filter is for users of the resource's own list; its options keep to the target's scope", async () => {
    const h = tenantHandle(eupen);
    const [client] = await h.db
      .insert(h.t.partners)
      .values({
        kind: "person",
        isClient: true,
        clientState: "30",
        name: "Zwiebel Zora",
        firstName: "Zora",
        lastName: "Zwiebel",
      })
      .returning({ id: h.t.partners.id });
    await h.db
      .insert(h.t.partners)
      .values({ kind: "person", isClient: false, name: "Zwiebel Zeno", firstName: "Zeno", lastName: "Zwiebel" });
    // Who opened which client file is for the security advisor: so is its client filter.
    const advisor = await signedInCaller(eupen, "910");
    const found = await advisor.resources.refOptions({
      resource: "history.accessLog",
      source: { filter: "client" },
      q: "Zwiebel",
    });
    expect(found.options.map((o) => o.id)).toEqual([client!.id]); // the person who is no client is not offered
    expect(
      await appCodeOf(
        (await signedInCaller(eupen, "100")).resources.refOptions({
          resource: "history.accessLog",
          source: { filter: "client" },
        }),
      ),
    ).toBe("FORBIDDEN");
  });

  it("a field the user may see but not write offers nothing", async () => {
    // Clients' integration phase: written by contacts users; a reception clerk of type 210 is one, a 500 accountant too.
    const accountant = await signedInCaller(eupen, "500");
    expect(
      (await accountant.resources.refOptions({ resource: "clients.clients", source: { field: "group" } })).options
        .length,
    ).toBeGreaterThan(0);
    // Users' service: administrators only.
    expect(
      await appCodeOf(
        accountant.resources.refOptions({ resource: "users.users", source: { field: "coachingTypeId" } }),
      ),
    ).toBe("FORBIDDEN");
    // The coach of an existing coaching shown on "my coachings", a list nobody creates in, is still written on edit.
    expect(
      await appCodeOf(
        (await signedInCaller(eupen, "100")).resources.refOptions({
          resource: "coachings.mine",
          source: { field: "user" },
        }),
      ),
    ).toBe("resolved");
  });

  it("an action's parameter is for the action's roles", async () => {
    // Merging is for administrators (domain-people §0).
    const staff = await signedInCaller(eupen, "900");
    expect(
      await appCodeOf(
        staff.resources.refOptions({ resource: "clients.clients", source: { action: "mergeInto", param: "merged" } }),
      ),
    ).toBe("resolved");
    const agent = await signedInCaller(eupen, "100");
    expect(
      await appCodeOf(
        agent.resources.refOptions({ resource: "clients.clients", source: { action: "mergeInto", param: "merged" } }),
      ),
    ).toBe("FORBIDDEN");
  });

  it("refuses what is no reference: other fields, undeclared names, inherited properties", async () => {
    const admin = await signedInCaller(eupen, "900");
    const ask = (source: Record<string, string>) =>
      appCodeOf(admin.resources.refOptions({ resource: "coachings.coachings", source: source as never }));
    expect(await ask({ field: "startDate" })).toEqual(INVALID);
    expect(await ask({ field: "nothing" })).toEqual(INVALID);
    expect(await ask({ field: "constructor" })).toEqual(INVALID);
    expect(await ask({ filter: "primary" })).toEqual(INVALID);
    expect(await ask({ action: "toString", param: "x" })).toEqual(INVALID);
    expect(await ask({ field: "user", filter: "coachingType" })).toEqual(INVALID);
  });
});

describe("saving what the picker did not offer", () => {
  it("refuses a coach who is not active staff, and saves nothing", async () => {
    const h = tenantHandle(eupen);
    const [client] = await h.db
      .insert(h.t.partners)
      .values({
        kind: "person",
        isClient: true,
        clientState: "30",
        name: "Knoblauch Kai",
        firstName: "Kai",
        lastName: "Knoblauch",
      })
      .returning({ id: h.t.partners.id });
    const { user: gone } = await newUser(eupen, "100", { active: false });
    const agent = await signedInCaller(eupen, "100");
    const create = (user: number) =>
      agent.resources.create({ resource: "coachings.coachings", values: { client: client!.id, user } });
    expect(await appCodeOf(create(gone.id))).toBe("INVALID_INPUT");
    const { rows } = await agent.resources.list({
      resource: "coachings.coachings",
      state: {
        page: 1,
        pageSize: 25,
        sort: [],
        filters: { observedEvent: null },
        q: "",
        master: { field: "client", value: client!.id },
      },
    });
    expect(rows).toEqual([]);
    expect(await appCodeOf(create(colleague))).toBe("resolved");

    // A coaching of a colleague who has left stays editable; it cannot be given to them anew.
    const [kept] = await h.db
      .insert(h.t.coachings)
      .values({ clientId: client!.id, userId: gone.id, startDate: "2020-01-01" })
      .returning({ id: h.t.coachings.id });
    expect(
      await appCodeOf(
        agent.resources.update({
          resource: "coachings.coachings",
          id: kept!.id,
          version: 1,
          patch: { user: gone.id, endDate: "2021-01-01" },
        }),
      ),
    ).toBe("resolved");
    const [other] = await h.db
      .insert(h.t.coachings)
      .values({ clientId: client!.id, userId: colleague, startDate: "2020-01-01", endDate: "2020-06-30" })
      .returning({ id: h.t.coachings.id });
    expect(
      await appCodeOf(
        agent.resources.update({
          resource: "coachings.coachings",
          id: other!.id,
          version: 1,
          patch: { user: gone.id },
        }),
      ),
    ).toBe("INVALID_INPUT");
  });
});
