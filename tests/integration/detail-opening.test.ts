import { beforeAll, describe, expect, it } from "vitest";
import { slaveListState } from "@/lib/resources";
import { hasRole, USER_TYPES } from "@/server/auth/user-types";
import type { ResourceCtx, ResourceDef } from "@/server/resources/define";
import { openDetail } from "@/server/resources/detail";
import { listRows, readPage } from "@/server/resources/service";
import { describeResource } from "@/server/resources/meta";
import { registry } from "@/server/areas";
import { resourceOf } from "@/server/resources/registry";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { createInnerContext } from "@/server/trpc/context";
import { appCodeOf, centreHost, newCentre, newUser, signedInCaller, statementsOf } from "./helpers";

/** What the detail page does for a user of the centre: resolve the session, describe the resource (no filters on a detail), open the row. */
async function openAs(
  tenant: Tenant,
  claims: Parameters<typeof createInnerContext>[0]["claims"],
  def: ResourceDef,
  id: number,
) {
  const { user } = await createInnerContext({ host: centreHost(tenant.slug), claims });
  const ctx: ResourceCtx = { handle: tenantHandle(tenant), user: user!, locale: "fr", registry };
  // As the page does: the row is read while the meta is described.
  return openDetail(ctx, def, describeResource(ctx.handle, def, ctx.user, ctx, { filters: false }), id);
}

/** The client file with each of its tabs declared `times` times over (the areas still to come add tabs). */
const withTabsTimes = (times: number): ResourceDef => ({
  ...clientsResource,
  detail: Array.from({ length: times }, (_, n) =>
    clientsResource.detail.map((tab) => ({ ...tab, key: n ? `${tab.key}${n}` : tab.key })),
  ).flat(),
});

const clientsResource = resourceOf(registry, "clients.clients");
let eupen: Tenant;
let chatelet: Tenant;
let clientId: number;
let agent: Awaited<ReturnType<typeof newUser>>;

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("open-eupen"), newCentre("open-chatelet")]);
  agent = await newUser(eupen, "110");
  const admin = await signedInCaller(eupen, "900");
  clientId = Number(
    (
      await admin.resources.create({
        resource: "clients.clients",
        values: { firstName: "Olga", lastName: "Opening", language: "de" },
      })
    ).id,
  );
  await admin.resources.create({
    resource: "contacts.addresses",
    values: { partner: clientId, addressType: "01", street: "Rue Haute", streetNo: "5", zipCode: "4700" },
  });
});

describe("opening a row's detail", () => {
  it("costs at most 15 SQL statements with the session, the same however many tabs the resource declares", async () => {
    const seven = await statementsOf(() => openAs(eupen, agent.claims, clientsResource, clientId));
    const twentyOne = await statementsOf(() => openAs(eupen, agent.claims, withTabsTimes(3), clientId));
    expect(twentyOne.result.meta.detail).toHaveLength(3 * seven.result.meta.detail.length);
    expect(seven.statements.length).toBeLessThanOrEqual(15);
    expect(twentyOne.statements.length).toBe(seven.statements.length);
    // No read twice: the overview and the eID panel show the same card, read once.
    expect(seven.statements.filter((s, i) => seven.statements.indexOf(s) !== i)).toEqual([]);
  });

  it("brings the row, the first tab's panels and the first page of its slave grids, and nothing of the other tabs", async () => {
    const { row, firstTab } = await openAs(eupen, agent.claims, clientsResource, clientId);
    const caller = await createInnerContext({ host: centreHost(eupen.slug), claims: agent.claims });
    expect(row).toMatchObject({ __id: clientId, firstName: "Olga", lastName: "Opening" });
    expect(Object.keys(firstTab.panels)).toEqual(["clientOverview", "eidCard", "findDate", "agentsByClient"]);
    expect(firstTab.panels.clientOverview).toMatchObject({ name: "Olga Opening" });
    expect(Object.keys(firstTab.slaves)).toEqual(["contacts.addresses"]);
    const addresses = firstTab.slaves["contacts.addresses"]!;
    expect(addresses.page).toMatchObject({ total: 1, totalIsCapped: false });
    expect(addresses.page.rows[0]!.address).toContain("Rue Haute 5");
    const ctx = { handle: tenantHandle(eupen), user: caller.user!, locale: "fr" as const, registry };
    expect(addresses.meta).toEqual(
      await describeResource(ctx.handle, resourceOf(registry, "contacts.addresses"), ctx.user, ctx, { filters: false }),
    );
  });

  it("writes the opening to the access log, once", async () => {
    const advisor = await signedInCaller(eupen, "910");
    const logged = async () =>
      (
        await advisor.resources.list({
          resource: "history.accessLog",
          state: { page: 1, pageSize: 50, sort: [], filters: { client: clientId }, q: "" },
        })
      ).total;
    const before = await logged();
    await openAs(eupen, agent.claims, clientsResource, clientId);
    expect(await logged()).toBe(before + 1);
  });

  it("finds no row of another centre, and refuses user types that may not see clients", async () => {
    const { claims: foreign } = await newUser(chatelet, "910");
    expect(await appCodeOf(openAs(chatelet, foreign, clientsResource, clientId))).toBe("NOT_FOUND");
    for (const userType of USER_TYPES.filter((u) => u !== "000")) {
      const { claims } = await newUser(eupen, userType);
      const code = await appCodeOf(openAs(eupen, claims, clientsResource, clientId));
      expect([userType, code]).toEqual([userType, hasRole(userType, "SimpleContactsUser") ? "resolved" : "FORBIDDEN"]);
    }
  });
});

describe("a slave grid's first page", () => {
  it("is its own count when not full (one statement), and is counted when full", async () => {
    const admin = await signedInCaller(eupen, "900");
    const owner = Number(
      (await admin.resources.create({ resource: "clients.clients", values: { firstName: "Sven", lastName: "Slave" } }))
        .id,
    );
    const street = (n: number) =>
      admin.resources.create({
        resource: "contacts.addresses",
        values: { partner: owner, addressType: "98", street: `Rue ${n}`, streetNo: "1", zipCode: "4700" },
      });
    for (let n = 0; n < 3; n++) await street(n);
    const { user } = await createInnerContext({ host: centreHost(eupen.slug), claims: agent.claims });
    const ctx: ResourceCtx = { handle: tenantHandle(eupen), user: user!, locale: "fr", registry };
    const page = (pageSize: number, p = 1) =>
      listRows(ctx, resourceOf(registry, "contacts.addresses"), slaveListState("partner", owner, p, pageSize));

    // What a detail's first tab runs, its master row being already read.
    const short = await statementsOf(() =>
      readPage(ctx, resourceOf(registry, "contacts.addresses"), slaveListState("partner", owner, 1, 10)),
    );
    expect(short.result).toMatchObject({ total: 3, totalIsCapped: false });
    expect(short.result.rows).toHaveLength(3);
    expect(short.statements).toHaveLength(1);
    expect((await page(3)).total).toBe(3);
    expect((await page(2)).total).toBe(3);
    expect(await page(2, 2)).toMatchObject({ total: 3, rows: [expect.anything()] });
  });
});
