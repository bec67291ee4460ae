import { beforeAll, describe, expect, it } from "vitest";
import { hasRole, USER_TYPES } from "@/server/auth/user-types";
import type { Tenant } from "@/server/tenancy/registry";
import { newClient } from "./factories";
import { appCodeOf, newCentre, signedInCaller } from "./helpers";

/** Clients by nationality (domain-people §3.6): a slave grid on a country's detail. */
const RESOURCE = "clients.byNationality";
const state = (value: string) => ({
  page: 1,
  pageSize: 50,
  sort: [{ field: "name", dir: "asc" as const }],
  filters: {},
  q: "",
  master: { field: "nationality", value },
});
type Caller = Awaited<ReturnType<typeof signedInCaller>>;
let eupen: Tenant;
let chatelet: Tenant;
let agent: Caller; // 100, may list clients

const client = (
  tenant: Tenant,
  firstName: string,
  lastName: string,
  nationalityCode: string | null,
  isObsolete = false,
) =>
  newClient(tenant, {
    firstName,
    lastName,
    nationalityCode,
    isObsolete,
    street: "Hufengasse",
    streetNo: "7",
    zipCode: "4700",
    birthDate: "1980-05-04",
  });

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("nationality-eupen"), newCentre("nationality-chatelet")]);
  agent = await signedInCaller(eupen, "100");
  // Country codes no demo client has: the lists below hold this test's clients only.
  await client(eupen, "Ahmed", "Nationalitätstest", "MA");
  await client(eupen, "Fatima", "Nationalitätstest", "MA", true);
  await client(eupen, "Oleg", "Nationalitätstest", "UA");
  await client(eupen, "Paul", "Nationalitätstest", null);
  await client(chatelet, "Karim", "Châtelet", "MA");
});

describe("clients by nationality", () => {
  it("lists a country's clients, obsolete ones too, with name, national id, state, address and age", async () => {
    const page = await agent.resources.list({ resource: RESOURCE, state: state("MA") });
    expect(page.rows.map((r) => String(r.name))).toEqual([
      expect.stringContaining("Ahmed"),
      expect.stringContaining("Fatima"),
    ]);
    expect(page.total).toBe(2);
    expect(
      (await agent.resources.list({ resource: RESOURCE, state: state("UA") })).rows.map((r) => String(r.name)),
    ).toEqual([expect.stringContaining("Oleg")]);
    const meta = await agent.resources.meta({ resource: RESOURCE });
    expect(meta).toMatchObject({
      title: "resources.clients.byNationalityTitle",
      columns: ["name", "nationalId", "clientState", "address", "age"],
    });
    expect(page.rows[0]).toMatchObject({
      clientState: "30",
      address: expect.stringContaining("Hufengasse 7"),
      age: expect.any(Number),
    });
  });

  it("never shows another centre's clients of that country", async () => {
    const chateletUser = await signedInCaller(chatelet, "100");
    const names = (await chateletUser.resources.list({ resource: RESOURCE, state: state("MA") })).rows.map((r) =>
      String(r.name),
    );
    expect(names).toEqual([expect.stringContaining("Karim")]);
    expect(
      (await agent.resources.list({ resource: RESOURCE, state: state("MA") })).rows.map((r) => String(r.name)),
    ).not.toContainEqual(expect.stringContaining("Karim"));
  });

  it("appears on a country's detail, and is listed, only for user types that may list clients", async () => {
    for (const userType of USER_TYPES) {
      const caller = await signedInCaller(eupen, userType);
      const listsClients = hasRole(userType, "SimpleContactsUser");
      if (userType === "000") {
        expect(await appCodeOf(caller.resources.list({ resource: RESOURCE, state: state("MA") }))).toBe("UNAUTHORIZED");
        continue;
      }
      const country = await caller.resources.meta({ resource: "geo.countries" });
      const slaves = country.detail.flatMap((tab) => tab.slaves.map((s) => s.resource));
      expect(slaves.includes(RESOURCE), userType).toBe(listsClients);
      expect(slaves, userType).toContain("geo.places");
      expect(await appCodeOf(caller.resources.list({ resource: RESOURCE, state: state("MA") })), userType).toBe(
        listsClients ? "resolved" : "FORBIDDEN",
      );
    }
  });
});
