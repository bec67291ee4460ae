import { belgianToday } from "@/lib/format";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { USER_TYPES, hasRole } from "@/server/auth/user-types";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import type { Tenant } from "@/server/tenancy/registry";
import { appCodeOf, callerOn, centreHost, newCentre, newUser, signedInCaller } from "./helpers";

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
let agent: Awaited<ReturnType<typeof signedInCaller>>;

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("cli-eupen"), newCentre("cli-chatelet")]);
  agent = await signedInCaller(eupen, "200");
});

/** Creates a client, confirming past the similar-clients question (tested on its own below). */
const newClient = async (values: Record<string, unknown>) =>
  (await agent.resources.create({ resource: "clients.clients", values, confirmed: true })).id as number;

describe("clients", () => {
  it("registers a newcomer with Lino's display name and finds it by name words, #id and national id", async () => {
    const id = await newClient({ firstName: "Eberhart", lastName: "Evers", nationalId: "680601 053-29", gender: "M" });
    const row = await agent.resources.get({ resource: "clients.clients", id });
    expect(row).toMatchObject({ name: `EVERS Eberhart (${id})`, clientState: "10", language: "fr" });
    const search = async (q: string) =>
      (await agent.resources.list({ resource: "clients.clients", state: state({ q }) })).rows.map((r) => r.__id);
    expect(await search("evers eber")).toEqual([id]);
    expect(await search("eber nobody")).toEqual([]);
    expect(await search(`#${id}`)).toEqual([id]);
    expect(await search("680601")).toEqual([id]);
    expect(await appCodeOf(newClient({ firstName: "Other", lastName: "Person", nationalId: "68.06.01-053.29" }))).toBe(
      "DUPLICATE",
    );
  });

  it("stores national numbers in Lino's form and refuses invalid ones with the precise reason, saving nothing", async () => {
    const id = await newClient({ firstName: "Nina", lastName: "Niss", nationalId: "70.03.12-002.62" });
    expect((await agent.resources.get({ resource: "clients.clients", id })).nationalId).toBe("700312 002-62");
    const before = (await agent.resources.list({ resource: "clients.clients", state: state() })).total;
    try {
      await newClient({ firstName: "Bad", lastName: "Checksum", nationalId: "700312 002-63" });
      expect.unreachable();
    } catch (e) {
      expect((e as { cause?: { code?: string; params?: Record<string, unknown> } }).cause).toMatchObject({
        code: "NISS_INVALID",
        params: { field: "nationalId", messageKey: "niss.unrecognizedCheckDigit" },
      });
    }
    expect((await agent.resources.list({ resource: "clients.clients", state: state() })).total).toBe(before);
    const row = await agent.resources.get({ resource: "clients.clients", id });
    expect(
      await appCodeOf(
        agent.resources.update({
          resource: "clients.clients",
          id,
          version: row.__version as number,
          patch: { nationalId: "701312 002-62" },
        }),
      ),
    ).toBe("NISS_INVALID");
  });

  it("keeps the phonetic words of the name up to date for finding similar clients", async () => {
    const id = await newClient({ firstName: "Dorothée", lastName: "Dobbelstein" });
    const h = tenantHandle(eupen);
    const words = async () =>
      (await h.db.select({ w: h.t.partners.phoneticWords }).from(h.t.partners).where(eq(h.t.partners.id, id)))[0]!.w;
    const initial = await words();
    expect(initial.length).toBe(2);
    const row = await agent.resources.get({ resource: "clients.clients", id });
    await agent.resources.update({
      resource: "clients.clients",
      id,
      version: row.__version as number,
      patch: { lastName: "Demeulenaere" },
    });
    expect(await words()).not.toEqual(initial);
  });

  it("hides obsolete clients unless the filter is lifted", async () => {
    const id = await newClient({ firstName: "Denis", lastName: "Denon" });
    const row = await agent.resources.get({ resource: "clients.clients", id });
    await agent.resources.update({
      resource: "clients.clients",
      id,
      version: row.__version as number,
      patch: { isObsolete: true },
    });
    const names = async (filters: Record<string, unknown>) =>
      (await agent.resources.list({ resource: "clients.clients", state: state({ q: "denon", filters }) })).rows.map(
        (r) => r.name,
      );
    expect(await names({})).toEqual([]);
    expect(await names({ hideObsolete: null })).toEqual([`DENON Denis (${id}*)`]);
  });

  it("follows the life cycle: refuse with a reason, former ends open coachings, back to newcomer", async () => {
    const refused = await newClient({ firstName: "Rita", lastName: "Refus" });
    let row = await agent.resources.get({ resource: "clients.clients", id: refused });
    expect(
      await appCodeOf(
        agent.resources.transition({
          resource: "clients.clients",
          id: refused,
          version: row.__version as number,
          name: "refuse",
        }),
      ),
    ).toBe("BAD_REQUEST");
    await agent.resources.transition({
      resource: "clients.clients",
      id: refused,
      version: row.__version as number,
      name: "refuse",
      params: { reason: "20" },
    });
    row = await agent.resources.get({ resource: "clients.clients", id: refused });
    expect(row).toMatchObject({ clientState: "20", refusalReason: "20" });

    const coached = await newClient({ firstName: "Carl", lastName: "Coached" });
    const { user } = await newUser(eupen, "100");
    const { id: coachingId } = await agent.resources.create({
      resource: "coachings.coachings",
      values: { client: coached, user: user.id, startDate: "2026-01-01", primary: true },
    });
    row = await agent.resources.get({ resource: "clients.clients", id: coached });
    await agent.resources.transition({
      resource: "clients.clients",
      id: coached,
      version: row.__version as number,
      name: "former",
    });
    const coaching = await agent.resources.get({ resource: "coachings.coachings", id: coachingId });
    expect(coaching.endDate).toBe(belgianToday());
    row = await agent.resources.get({ resource: "clients.clients", id: coached });
    expect(row.clientState).toBe("50");
    await agent.resources.transition({
      resource: "clients.clients",
      id: coached,
      version: row.__version as number,
      name: "backToNewcomer",
    });
    expect((await agent.resources.get({ resource: "clients.clients", id: coached })).clientState).toBe("10");
    const h = tenantHandle(eupen);
    const audit = await h.db.select().from(h.t.auditLog);
    expect(
      audit.find((a) => a.action === "clients.clients.transition.former" && a.entityId === String(coached))?.changes,
    ).toMatchObject({ endedCoachings: { to: [coachingId] } });
  });

  it("lets only newcomers users refuse a client", async () => {
    for (const type of USER_TYPES.filter((t) => t !== "000" && hasRole(t, "SimpleContactsUser"))) {
      const caller = await signedInCaller(eupen, type);
      const id = await newClient({ firstName: "Test", lastName: `Type${type}` });
      const row = await agent.resources.get({ resource: "clients.clients", id });
      const code = await appCodeOf(
        caller.resources.transition({
          resource: "clients.clients",
          id,
          version: row.__version as number,
          name: "refuse",
          params: { reason: "10" },
        }),
      );
      expect([type, code]).toEqual([type, hasRole(type, "NewcomersUser") ? "resolved" : "FORBIDDEN"]);
    }
  });
});

describe("coachings", () => {
  it("keeps a single primary coaching per client and audits the demotion", async () => {
    const client = await newClient({ firstName: "Paula", lastName: "Primary" });
    const [{ user: a }, { user: b }] = await Promise.all([newUser(eupen, "100"), newUser(eupen, "200")]);
    const first = await agent.resources.create({
      resource: "coachings.coachings",
      values: { client, user: a.id, startDate: "2026-01-01", primary: true },
    });
    const second = await agent.resources.create({
      resource: "coachings.coachings",
      values: { client, user: b.id, startDate: "2026-02-01", primary: true },
    });
    const { rows } = await agent.resources.list({
      resource: "coachings.coachings",
      state: state({ master: { field: "client", value: client } }),
    });
    expect(rows.filter((r) => r.primary).map((r) => r.__id)).toEqual([second.id]);
    expect(rows.find((r) => r.__id === first.id)?.primary).toBe(false);
  });

  it("filters clients coached by a user in a period (today by default), optionally primary only", async () => {
    const client = await newClient({ firstName: "Peter", lastName: "Period" });
    const { user } = await newUser(eupen, "100");
    await agent.resources.create({
      resource: "coachings.coachings",
      values: { client, user: user.id, startDate: "2025-01-01", endDate: "2025-06-30", primary: false },
    });
    const coachedBy = async (filters: Record<string, unknown>) =>
      (
        await agent.resources.list({
          resource: "clients.clients",
          state: state({ filters: { coachedBy: user.id, ...filters } }),
        })
      ).rows.map((r) => r.__id);
    expect(await coachedBy({})).toEqual([]);
    expect(await coachedBy({ period: { from: "2025-03-01" } })).toEqual([client]);
    expect(await coachedBy({ period: { to: "2025-06-30" } })).toEqual([client]);
    expect(await coachedBy({ period: { from: "2025-07-01", to: "2025-12-31" } })).toEqual([]);
    expect(await coachedBy({ period: { from: "2024-01-01", to: "2025-01-01" } })).toEqual([client]);
    expect(await coachedBy({ period: { from: "2025-03-01" }, onlyPrimary: true })).toEqual([]);
  });
});

describe("similar clients", () => {
  it("asks for confirmation before creating a client who resembles existing ones, listing them", async () => {
    const first = await newClient({ firstName: "Wilhelmina", lastName: "Wackerzapp-Zimmermann" });
    const values = { firstName: "Wilhelmina", lastName: "Wackerzapp" };
    let question: { code?: string; params?: Record<string, unknown> } | undefined;
    try {
      await agent.resources.create({ resource: "clients.clients", values });
    } catch (e) {
      question = (e as { cause?: typeof question }).cause;
    }
    expect(question).toMatchObject({
      code: "CONFIRMATION_REQUIRED",
      params: { messageKey: "resources.clients.similarExist", count: 1 },
    });
    expect(String(question!.params!.names)).toContain(`(${first})`);
    const { id } = await agent.resources.create({ resource: "clients.clients", values, confirmed: true });
    expect(id).not.toBe(first);
    expect(
      await appCodeOf(
        agent.resources.create({ resource: "clients.clients", values: { firstName: "Xaver", lastName: "Quasimodo" } }),
      ),
    ).toBe("resolved");
  });
});

describe("meta", () => {
  it("offers the centre's active staff by name in user filters, and no one from another centre", async () => {
    const { user } = await newUser(eupen, "100", { firstName: "Ulla", lastName: "Userfilter" });
    const { user: gone } = await newUser(eupen, "100", { firstName: "Gina", lastName: "Gone", active: false });
    await newUser(chatelet, "100", { firstName: "Fritz", lastName: "Foreign" });
    const meta = await agent.resources.meta({ resource: "clients.clients" });
    const values = meta.filters.find((f) => f.name === "coachedBy")!.choices!.map((c) => c.value);
    expect(values).toContain(String(user.id));
    expect(values).not.toContain(String(gone.id));
    expect(
      meta.filters.find((f) => f.name === "coachedBy")!.choices!.map((c) => JSON.stringify(c.label)),
    ).not.toContain(JSON.stringify({ names: { fr: "Foreign Fritz" } }));
  });
});

describe("isolation", () => {
  it("never shows a client of another centre", async () => {
    const id = await newClient({ firstName: "Secret", lastName: "Eupener" });
    const { claims } = await newUser(chatelet, "900");
    const chateletAdmin = await callerOn(centreHost(chatelet.slug), {}, claims);
    expect(await appCodeOf(chateletAdmin.resources.get({ resource: "clients.clients", id }))).toBe("NOT_FOUND");
    expect(
      (await chateletAdmin.resources.list({ resource: "clients.clients", state: state({ q: "Eupener" }) })).rows,
    ).toEqual([]);
    const { claims: eupenClaims } = await newUser(eupen, "900");
    const eupenSessionOnChatelet = await callerOn(centreHost(chatelet.slug), {}, eupenClaims);
    expect(await appCodeOf(eupenSessionOnChatelet.resources.get({ resource: "clients.clients", id }))).toBe(
      "UNAUTHORIZED",
    );
  });
});
