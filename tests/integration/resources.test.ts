import { beforeAll, describe, expect, it } from "vitest";
import { resolveSessionUser } from "@/server/auth/session";
import { USER_TYPES, hasRole } from "@/server/auth/user-types";
import { placesResource } from "@/server/geo/resources";
import type { ResourceCtx } from "@/server/resources/define";
import { COUNT_CAP, listRows } from "@/server/resources/service";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import type { Tenant } from "@/server/tenancy/registry";
import { appCodeOf, callerOn, centreHost, newCentre, newUser, signedInCaller } from "./helpers";
import { registry } from "@/server/areas";

/** A refusal of bad input: a service's own check (INVALID_INPUT) or the input schema's (BAD_REQUEST). */
const INVALID = expect.stringMatching(/^(INVALID_INPUT|BAD_REQUEST)$/);
const state = (over: Record<string, unknown> = {}) => ({
  page: 1,
  pageSize: 25,
  sort: [],
  filters: {},
  q: "",
  ...over,
});
let eupen: Tenant;
let chatelet: Tenant;

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("res-eupen"), newCentre("res-chatelet")]);
});

describe("generic list", () => {
  it("pages, sorts and filters places with the total of matching rows", async () => {
    const caller = await signedInCaller(eupen, "100");
    const all = await caller.resources.list({
      resource: "geo.places",
      state: state({ sort: [{ field: "zipCode", dir: "desc" }] }),
    });
    expect(all.total).toBeGreaterThan(2000);
    expect(all.rows).toHaveLength(25);
    const zips = all.rows.map((r) => String(r.zipCode));
    expect([...zips].sort().reverse()).toEqual(zips);

    const eupenZip = await caller.resources.list({
      resource: "geo.places",
      state: state({ filters: { zipCode: "4700" } }),
    });
    expect(eupenZip.rows.map((r) => (r.name as { de?: string }).de)).toContain("Eupen");
    expect(eupenZip.rows.every((r) => String(r.zipCode).startsWith("4700"))).toBe(true);
    expect(eupenZip.rows[0]!.country).toMatchObject({ id: "BE" });

    const page2 = await caller.resources.list({
      resource: "geo.places",
      state: state({ page: 2, sort: [{ field: "zipCode", dir: "asc" }] }),
    });
    const page1 = await caller.resources.list({
      resource: "geo.places",
      state: state({ page: 1, sort: [{ field: "zipCode", dir: "asc" }] }),
    });
    expect(new Set([...page1.rows, ...page2.rows].map((r) => r.__id)).size).toBe(50);
  });

  it("counts matching rows exactly up to the cap, then reports a lower bound that covers the page shown", async () => {
    const caller = await signedInCaller(eupen, "100");
    const all = await caller.resources.list({ resource: "geo.places", state: state() });
    expect(all.total).toBeLessThan(COUNT_CAP);
    expect(all.totalIsCapped).toBe(false);

    const { claims } = await newUser(eupen, "100");
    const handle = tenantHandle(eupen);
    const ctx: ResourceCtx = {
      handle,
      user: (await resolveSessionUser(handle, eupen, claims))!,
      locale: "fr",
      registry,
    };
    // The same list with the cap lowered below its size: 25 rows, "more than 100".
    const capped = await listRows(ctx, placesResource, state(), { countCap: 100 });
    expect(capped).toMatchObject({ total: 100, totalIsCapped: true });
    expect(capped.rows.map((r) => r.__id)).toEqual(all.rows.map((r) => r.__id));
    // A page past the cap counts at least to its own last row, so that there is a next page.
    const deep = await listRows(ctx, placesResource, state({ page: 10 }), { countCap: 100 });
    expect(deep).toMatchObject({ total: 250, totalIsCapped: true });
    expect(deep.rows).toHaveLength(25);
    // Exactly as many rows as the cap is still exact; one more is not.
    const at = await listRows(ctx, placesResource, state({ pageSize: 10 }), { countCap: all.total });
    expect(at).toMatchObject({ total: all.total, totalIsCapped: false });
    const below = await listRows(ctx, placesResource, state({ pageSize: 10 }), { countCap: all.total - 1 });
    expect(below).toMatchObject({ total: all.total - 1, totalIsCapped: true });
  });

  it("reads only the fields a caller asks for (a widget's names), the same rows in the same order", async () => {
    const { claims } = await newUser(eupen, "100");
    const handle = tenantHandle(eupen);
    const ctx: ResourceCtx = {
      handle,
      user: (await resolveSessionUser(handle, eupen, claims))!,
      locale: "fr",
      registry,
    };
    const sorted = state({ sort: [{ field: "zipCode", dir: "desc" }] });
    const full = await listRows(ctx, placesResource, sorted);
    // An undeclared name is left out rather than sent to SQL.
    const names = await listRows(ctx, placesResource, sorted, { fields: ["name", "noSuchField"] });
    expect(names.total).toBe(full.total);
    expect(names.rows.map((r) => [r.__id, r.name])).toEqual(full.rows.map((r) => [r.__id, r.name]));
    expect(Object.keys(names.rows[0]!).filter((k) => !k.startsWith("__"))).toEqual(["name"]);
    expect(Object.keys(full.rows[0]!)).toContain("zipCode");
  });

  it("sorts localized names in the reader's language", async () => {
    const { claims } = await newUser(eupen, "100");
    const de = await callerOn(centreHost(eupen.slug), { entraide_locale: "de" }, claims);
    const { rows } = await de.resources.list({
      resource: "geo.countries",
      state: state({ filters: { name: "Belg" } }),
    });
    expect(rows.map((r) => r.isoCode)).toContain("BE");
  });

  it("refuses undeclared sort fields, undeclared filters and SQL in values", async () => {
    const caller = await signedInCaller(eupen, "100");
    const list = (s: Record<string, unknown>) =>
      appCodeOf(caller.resources.list({ resource: "geo.places", state: state(s) }));
    expect(await list({ sort: [{ field: "version", dir: "asc" }] })).toEqual(INVALID);
    expect(await list({ sort: [{ field: "zip_code; drop table places", dir: "asc" }] })).toEqual(INVALID);
    expect(await list({ filters: { countryCode: "BE" } })).toEqual(INVALID);
    expect(await list({ filters: { kind: { $ne: 1 } } })).toEqual(INVALID);
    const injected = await caller.resources.list({
      resource: "geo.places",
      state: state({ filters: { zipCode: "4700' or '1'='1" } }),
    });
    expect(injected.total).toBe(0);
    // An id nobody declared is answered like a made-up address.
    expect(await appCodeOf(caller.resources.list({ resource: "geo.nothing", state: state() }))).toBe("NOT_FOUND");
  });

  it("finds rows by quick search, grouped by resource, only in resources the user may see", async () => {
    const admin = await signedInCaller(eupen, "900");
    const { user } = await newUser(eupen, "100", { username: "quicksearch-target", lastName: "Zebulon" });
    const groups = await admin.resources.search({ q: "Zebul" });
    expect(groups.find((g) => g.resource === "users.users")?.hits.map((h) => h.id)).toContain(user.id);
    const agent = await signedInCaller(eupen, "100");
    expect((await agent.resources.search({ q: "Zebul" })).map((g) => g.resource)).not.toContain("users.users");
    expect((await agent.resources.search({ q: "4700" })).map((g) => g.resource)).toContain("geo.places");
  });
});

describe("detail and edit", () => {
  it("saves an edit, audits it, and refuses a stale one", async () => {
    const caller = await signedInCaller(eupen, "110");
    const { rows } = await caller.resources.list({
      resource: "geo.places",
      state: state({ filters: { zipCode: "4701" } }),
    });
    const place = rows[0]!;
    const saved = await caller.resources.update({
      resource: "geo.places",
      id: place.__id as number,
      version: place.__version as number,
      patch: { province: "Liège (DG)" },
    });
    expect(saved.version).toBe((place.__version as number) + 1);
    expect((await caller.resources.get({ resource: "geo.places", id: place.__id as number })).province).toBe(
      "Liège (DG)",
    );
    expect(
      await appCodeOf(
        caller.resources.update({
          resource: "geo.places",
          id: place.__id as number,
          version: place.__version as number,
          patch: { province: "lost" },
        }),
      ),
    ).toBe("STALE_EDIT");
    const h = tenantHandle(eupen);
    const audit = await h.db.select().from(h.t.auditLog);
    expect(
      audit.some(
        (a) =>
          a.action === "geo.places.update" &&
          a.entityId === String(place.__id) &&
          JSON.stringify(a.changes).includes("Liège (DG)"),
      ),
    ).toBe(true);
  });

  it("refuses unknown and read-only fields and invalid choices, saving nothing", async () => {
    const caller = await signedInCaller(eupen, "110");
    const { rows } = await caller.resources.list({
      resource: "geo.places",
      state: state({ filters: { zipCode: "4710" } }),
    });
    const p = rows[0]!;
    const update = (patch: Record<string, unknown>) =>
      appCodeOf(
        caller.resources.update({
          resource: "geo.places",
          id: p.__id as number,
          version: p.__version as number,
          patch,
        }),
      );
    expect(await update({ version: 99 })).toEqual(INVALID);
    expect(await update({ id: 1 })).toEqual(INVALID);
    expect(await update({ kind: "castle", province: "x" })).toEqual(INVALID);
    expect(await update({ country: "ZZ" })).toEqual(INVALID);
    expect((await caller.resources.get({ resource: "geo.places", id: p.__id as number })).__version).toBe(p.__version);
  });

  it("creates and deletes a place; a used country cannot be deleted through a missing right", async () => {
    const caller = await signedInCaller(eupen, "210");
    const { id } = await caller.resources.create({
      resource: "geo.places",
      values: { name: { fr: "Nouveau-Village" }, zipCode: "9999" },
    });
    const row = await caller.resources.get({ resource: "geo.places", id });
    expect(row).toMatchObject({ kind: "city", country: { id: "BE" } });
    await caller.resources.remove({ resource: "geo.places", id, version: row.__version as number });
    expect(await appCodeOf(caller.resources.get({ resource: "geo.places", id }))).toBe("NOT_FOUND");
  });

  it("runs workflow transitions and row actions on users, for administrators only", async () => {
    const admin = await signedInCaller(eupen, "900");
    const { user } = await newUser(eupen, "200");
    const { version } = await admin.resources.transition({
      resource: "users.users",
      id: user.id,
      version: user.version,
      name: "deactivate",
    });
    expect((await admin.resources.get({ resource: "users.users", id: user.id })).active).toBe(false);
    expect(
      await appCodeOf(
        admin.resources.transition({ resource: "users.users", id: user.id, version, name: "deactivate" }),
      ),
    ).toBe("TRANSITION_NOT_ALLOWED");
    await admin.resources.action({
      resource: "users.users",
      id: user.id,
      name: "resetPassword",
      params: { password: "correct horse battery staple" },
    });
    expect(
      await appCodeOf(
        admin.resources.action({
          resource: "users.users",
          id: user.id,
          name: "resetPassword",
          params: { password: "x" },
        }),
      ),
    ).toBe("PASSWORD_POLICY");
  });

  it("creates a user through the users resource with the user-type choice list", async () => {
    const admin = await signedInCaller(eupen, "910");
    const { id } = await admin.resources.create({
      resource: "users.users",
      values: { username: "New.Agent", firstName: "Nina", lastName: "Neu", userType: "100", language: "de" },
    });
    expect(await admin.resources.get({ resource: "users.users", id })).toMatchObject({
      username: "new.agent",
      userType: "100",
      authMethod: "local",
      active: true,
    });
    expect(
      await appCodeOf(
        admin.resources.create({ resource: "users.users", values: { username: "bad", userType: "999" } }),
      ),
    ).toEqual(INVALID);
  });
});

describe("choice lists", () => {
  it("lets a centre add its own values to an extensible list, used by that centre only", async () => {
    const admin = await signedInCaller(eupen, "900");
    const { id } = await admin.resources.create({
      resource: "settings.choices",
      values: { list: "placeKinds", value: "Weiler_DG", name: { fr: "Hameau", de: "Weiler" } },
    });
    expect(
      await appCodeOf(
        admin.resources.create({
          resource: "settings.choices",
          values: { list: "placeKinds", value: "city", name: { fr: "Ville bis" } },
        }),
      ),
    ).toBe("DUPLICATE");
    expect(
      await appCodeOf(
        admin.resources.create({
          resource: "settings.choices",
          values: { list: "placeKinds", value: "weiler_dg", name: { fr: "Doublon" } },
        }),
      ),
    ).toBe("DUPLICATE");
    const meta = await admin.resources.meta({ resource: "geo.places" });
    expect(meta.fields.kind!.choices!.map((c) => c.value)).toContain("weiler_dg");
    const editor = await signedInCaller(eupen, "110");
    const { id: placeId } = await editor.resources.create({
      resource: "geo.places",
      values: { name: { fr: "Petit-Hameau" }, kind: "weiler_dg" },
    });
    expect((await editor.resources.get({ resource: "geo.places", id: placeId })).kind).toBe("weiler_dg");
    // Another centre does not know the value; a deactivated value cannot be chosen any more.
    const elsewhere = await signedInCaller(chatelet, "110");
    expect(
      await appCodeOf(
        elsewhere.resources.create({ resource: "geo.places", values: { name: { fr: "X" }, kind: "weiler_dg" } }),
      ),
    ).toEqual(INVALID);
    const extra = await admin.resources.get({ resource: "settings.choices", id });
    await admin.resources.update({
      resource: "settings.choices",
      id,
      version: extra.__version as number,
      patch: { active: false },
    });
    expect(
      await appCodeOf(
        editor.resources.create({ resource: "geo.places", values: { name: { fr: "Y" }, kind: "weiler_dg" } }),
      ),
    ).toEqual(INVALID);
    // The list and the code are fixed once created.
    expect(
      await appCodeOf(
        admin.resources.update({
          resource: "settings.choices",
          id,
          version: (extra.__version as number) + 1,
          patch: { value: "other" },
        }),
      ),
    ).toEqual(INVALID);
  });
});

describe("access", () => {
  it("gives each user type exactly the access its roles declare", async () => {
    for (const type of USER_TYPES) {
      const caller = await signedInCaller(eupen, type);
      const seesUsers = await appCodeOf(caller.resources.list({ resource: "users.users", state: state() }));
      expect([type, seesUsers]).toEqual([
        type,
        type === "000" ? "UNAUTHORIZED" : hasRole(type, "SiteAdmin") ? "resolved" : "FORBIDDEN",
      ]);
      const seesPlaces = await appCodeOf(caller.resources.list({ resource: "geo.places", state: state() }));
      expect([type, seesPlaces]).toEqual([type, type === "000" ? "UNAUTHORIZED" : "resolved"]);
      const edits = await appCodeOf(
        caller.resources.update({ resource: "geo.places", id: 1, version: 1, patch: { province: "x" } }),
      );
      expect([type, edits === "FORBIDDEN" || edits === "UNAUTHORIZED"]).toEqual([
        type,
        !hasRole(type, "ContactsStaff"),
      ]);
    }
  });

  it("never shows or touches another centre's rows", async () => {
    const { user: foreign } = await newUser(chatelet, "200", { lastName: "Foreigner" });
    const { claims } = await newUser(eupen, "900");
    const onChatelet = await callerOn(centreHost(chatelet.slug), {}, claims);
    expect(await appCodeOf(onChatelet.resources.list({ resource: "users.users", state: state() }))).toBe(
      "UNAUTHORIZED",
    );
    expect(await appCodeOf(onChatelet.resources.get({ resource: "users.users", id: foreign.id }))).toBe("UNAUTHORIZED");
    expect(
      await appCodeOf(
        onChatelet.resources.update({ resource: "users.users", id: foreign.id, version: 1, patch: { lastName: "x" } }),
      ),
    ).toBe("UNAUTHORIZED");
    const onEupen = await callerOn(centreHost(eupen.slug), {}, claims);
    const { rows } = await onEupen.resources.list({ resource: "users.users", state: state({ pageSize: 200 }) });
    expect(rows.map((r) => r.fullName)).not.toContain("Foreigner Test");
    expect(await appCodeOf(onEupen.resources.search({ q: "Foreigner" }))).toBe("resolved");
    expect(await onEupen.resources.search({ q: "Foreigner" })).toEqual([]);
  });
});

describe("insert defaults", () => {
  it("are in the meta for a user who may create, computed for them, and absent for one who may not", async () => {
    const social = await signedInCaller(eupen, "110");
    const meta = await social.resources.meta({ resource: "geo.places" });
    expect(meta.insertDefaults).toEqual({ country: "BE", kind: "city" });
    // Another centre's meta is computed the same way, from the same declaration.
    expect(
      (await (await signedInCaller(chatelet, "110")).resources.meta({ resource: "geo.places" })).insertDefaults,
    ).toEqual({ country: "BE", kind: "city" });
    const reader = USER_TYPES.find((type) => !hasRole(type, "ContactsStaff") && hasRole(type, "SiteUser"))!;
    expect(
      (await (await signedInCaller(eupen, reader)).resources.meta({ resource: "geo.places" })).insertDefaults,
    ).toEqual({});
  });
});

describe("references", () => {
  // Seen by a new user: an integration agent's client showed the primary coach as a link to the
  // users list, which only administrators may open, and the link led to "not allowed".
  it("link to the referenced row only for users who may open that resource", async () => {
    const agentMeta = await (await signedInCaller(eupen, "100")).resources.meta({ resource: "clients.clients" });
    expect(agentMeta.fields.primaryCoach!.ref).toBeUndefined();
    expect(agentMeta.fields.nationality!.ref).toBe("geo.countries");
    const adminMeta = await (await signedInCaller(eupen, "900")).resources.meta({ resource: "clients.clients" });
    expect(adminMeta.fields.primaryCoach!.ref).toBe("users.users");
  });
});
