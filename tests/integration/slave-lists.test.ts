import { beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/server/tenancy/registry";
import { appCodeOf, newCentre, signedInCaller } from "./helpers";

/**
 * Issue 11, defect 4: a list whose global form is for staff only returned every row to an
 * integration agent who named any field as "master". A master must be one the areas declare (a
 * slave grid on a tab the reader sees), and its row must exist and be visible to the reader.
 */

const state = (over: Record<string, unknown> = {}) => ({
  page: 1,
  pageSize: 50,
  sort: [],
  filters: {},
  q: "",
  ...over,
});
let eupen: Tenant;
let clientId: number;

beforeAll(async () => {
  eupen = await newCentre("slave-eupen");
  const admin = await signedInCaller(eupen, "900");
  clientId = Number(
    (await admin.resources.create({ resource: "clients.clients", values: { firstName: "Maria", lastName: "Meister" } }))
      .id,
  );
  await admin.resources.create({
    resource: "contacts.addresses",
    values: { partner: clientId, street: "Kirchstraße", zipCode: "4700" },
  });
});

describe("lists on a master row", () => {
  it("refuses a made-up master on staff-only lists, which used to return every row", async () => {
    const agent = await signedInCaller(eupen, "100");
    for (const resource of [
      "history.clientChanges",
      "checks.clientProblems",
      "contacts.addresses",
      "clients.dispenses",
    ]) {
      expect(await appCodeOf(agent.resources.list({ resource, state: state() })), resource).toBe("FORBIDDEN");
      for (const master of [
        { field: "actingFor", value: "" },
        { field: "id", value: 1 },
        { field: "reason", value: 1 },
        { field: "nonsense", value: "x" },
      ]) {
        expect(
          await appCodeOf(agent.resources.list({ resource, state: state({ master }) })),
          `${resource} ${master.field}`,
        ).toBe("INVALID_INPUT");
      }
    }
  });

  it("lists on a declared master only when its row exists in the reader's centre and scope", async () => {
    const agent = await signedInCaller(eupen, "100");
    const addresses = await agent.resources.list({
      resource: "contacts.addresses",
      state: state({ master: { field: "partner", value: clientId } }),
    });
    expect(addresses.rows).toHaveLength(1);
    // Another centre's rows live in another schema: its ids are simply not there.
    expect(
      await appCodeOf(
        agent.resources.list({
          resource: "contacts.addresses",
          state: state({ master: { field: "partner", value: 999_999 } }),
        }),
      ),
    ).toBe("NOT_FOUND");
    // A row of another kind is no master: a household's id does not open a client's History.
    const household = Number(
      (
        await (
          await signedInCaller(eupen, "900")
        ).resources.create({ resource: "households.households", values: { name: "Maison" } })
      ).id,
    );
    expect(
      await appCodeOf(
        agent.resources.list({
          resource: "history.clientChanges",
          state: state({ master: { field: "client", value: household } }),
        }),
      ),
    ).toBe("NOT_FOUND");
    // A master value that is no id of the master's table is bad input, not a server failure.
    expect(
      await appCodeOf(
        agent.resources.list({
          resource: "contacts.addresses",
          state: state({ master: { field: "partner", value: "1 OR 1=1" } }),
        }),
      ),
    ).toBe("INVALID_INPUT");
  });

  it("refuses a non-numeric id for an integer-keyed resource with a clear 400", async () => {
    const agent = await signedInCaller(eupen, "900");
    expect(await appCodeOf(agent.resources.get({ resource: "clients.clients", id: "1 OR 1=1" }))).toBe("INVALID_INPUT");
    expect(
      await appCodeOf(
        agent.resources.update({ resource: "clients.clients", id: "1 OR 1=1", version: 1, patch: { firstName: "X" } }),
      ),
    ).toBe("INVALID_INPUT");
    expect(await appCodeOf(agent.resources.get({ resource: "clients.clients", id: 2_147_483_648 }))).toBe(
      "INVALID_INPUT",
    );
  });
});
