import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USER_TYPES } from "@/server/auth/user-types";
import { closePools } from "@/server/db/pool";
import { authenticateOperator, createOperator } from "@/server/operator/accounts";
import { OPERATOR_COOKIE, signOperatorSession } from "@/server/operator/session";
import type { Tenant } from "@/server/tenancy/registry";
import { appCodeOf, callerOn, centreHost, consoleHost, newCentre, newUser, uniqueSlug } from "./helpers";

afterAll(closePools);

const state = (over: Record<string, unknown> = {}) => ({
  page: 1,
  pageSize: 200,
  sort: [],
  filters: {},
  q: "",
  ...over,
});
let cookies: Record<string, string>;
let training: Tenant;
let production: Tenant;

beforeAll(async () => {
  const email = `${uniqueSlug("op")}@entraide.test`;
  await createOperator({ email, name: "Grid Operator", password: "correct horse battery" }, "test");
  cookies = {
    [OPERATOR_COOKIE]: await signOperatorSession(await authenticateOperator(email, "correct horse battery")),
  };
  [training, production] = await Promise.all([newCentre("con-train"), newCentre("con-prod", "production")]);
});

describe("console centre list (a declared resource on the control plane)", () => {
  it("filters, searches and sorts centres for an operator", async () => {
    const op = await callerOn(consoleHost, cookies);
    const meta = await op.console.tenantsMeta();
    expect(meta.columns).toContain("slug");
    const onlyProduction = await op.console.tenants({ state: state({ filters: { kind: "production" } }) });
    const slugs = onlyProduction.rows.map((r) => r.slug);
    expect(slugs).toContain(production.slug);
    expect(slugs).not.toContain(training.slug);
    const searched = await op.console.tenants({ state: state({ q: training.slug }) });
    expect(searched.rows.map((r) => r.slug)).toEqual([training.slug]);
    const desc = await op.console.tenants({ state: state({ sort: [{ field: "slug", dir: "desc" }] }) });
    const all = desc.rows.map((r) => String(r.slug));
    expect(all).toEqual([...all].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    expect(await appCodeOf(op.console.tenants({ state: state({ sort: [{ field: "schemaName", dir: "asc" }] }) }))).toBe(
      "INVALID_INPUT",
    );
  });

  it("is refused to anonymous visitors and to every centre user, on any host", async () => {
    expect(await appCodeOf((await callerOn(consoleHost)).console.tenants({ state: state() }))).toBe("UNAUTHORIZED");
    for (const type of USER_TYPES) {
      const { claims } = await newUser(training, type);
      const onCentre = await callerOn(centreHost(training.slug), {}, claims);
      expect([type, await appCodeOf(onCentre.console.tenants({ state: state() }))]).toEqual([type, "NOT_FOUND"]);
    }
    // An operator cookie presented on a centre host is not an operator session there.
    expect(await appCodeOf((await callerOn(centreHost(training.slug), cookies)).console.tenantsMeta())).toBe(
      "NOT_FOUND",
    );
  });
});
