import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { hasRole, USER_TYPES } from "@/server/auth/user-types";
import { c, controlDb } from "@/server/db/control";
import { authenticateOperator, createOperator } from "@/server/operator/accounts";
import { OPERATOR_COOKIE, signOperatorSession } from "@/server/operator/session";
import { getTenant } from "@/server/tenancy/lifecycle";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import {
  appCodeOf,
  callerOn,
  centreHost,
  consoleHost,
  newCentre,
  newUser,
  signedInCaller,
  uniqueSlug,
} from "./helpers";

// A centre's home page greets in the centre's own words ("Bienvenue au CPAS de Châtelet"): the
// operator may write the greeting at creation, the centre's administrators change it later.

let eupen: Tenant;
let chatelet: Tenant;

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("greet-eupen"), newCentre("greet-chatelet")]);
});

describe("the greeting at a centre's creation", () => {
  it("is the operator's text in the default language, or none", async () => {
    const email = `${uniqueSlug("op")}@entraide.test`;
    await createOperator({ email, name: "Olivia Operator", password: "correct horse battery" }, "test");
    const console = await callerOn(consoleHost, {
      [OPERATOR_COOKIE]: await signOperatorSession(await authenticateOperator(email, "correct horse battery")),
    });

    const withGreeting = uniqueSlug("greet-la");
    await console.operator.tenants.create({
      slug: withGreeting,
      name: "Maison sociale",
      greeting: "  Bienvenue à la Maison sociale ",
      locale: "fr",
      kind: "training",
    });
    expect((await getTenant(withGreeting)).greetings).toEqual({ fr: "Bienvenue à la Maison sociale" });

    const without = uniqueSlug("greet-none");
    await console.operator.tenants.create({
      slug: without,
      name: "Formation UX",
      greeting: " ",
      locale: "de",
      kind: "training",
    });
    expect((await getTenant(without)).greetings).toEqual({});
  });
});

describe("the centre's administrators", () => {
  it("read and write the greetings of their own centre, audited in the centre and in control", async () => {
    const { user: admin, claims } = await newUser(eupen, "900");
    const api = await callerOn(centreHost(eupen.slug), {}, claims);
    expect(await api.settings.greetings()).toEqual({});
    const saved = await api.settings.updateGreetings({
      before: {},
      greetings: { fr: " Bienvenue au CPAS d'Eupen ", de: "Willkommen im ÖSHZ Eupen", nl: "" },
    });
    expect(saved).toEqual({ fr: "Bienvenue au CPAS d'Eupen", de: "Willkommen im ÖSHZ Eupen" });
    expect(await api.settings.greetings()).toEqual(saved);
    expect((await getTenant(eupen.slug)).greetings).toEqual(saved);
    expect((await getTenant(chatelet.slug)).greetings).toEqual({});

    const [trail] = await controlDb()
      .select()
      .from(c.controlAudit)
      .where(and(eq(c.controlAudit.tenantId, eupen.id), eq(c.controlAudit.action, "tenant.greetings")))
      .orderBy(desc(c.controlAudit.id))
      .limit(1);
    expect(trail).toMatchObject({ actor: `centre-user:${admin.id}`, details: { from: {}, to: saved } });
    const h = tenantHandle(eupen);
    const [local] = await h.db
      .select()
      .from(h.t.auditLog)
      .where(eq(h.t.auditLog.action, "settings.greetings"))
      .orderBy(desc(h.t.auditLog.id))
      .limit(1);
    expect(local).toMatchObject({ actor: `user:${admin.id}`, changes: { greetings: { from: {}, to: saved } } });
  });

  it("never overwrite a colleague's greeting unseen, and refuse what is too long or unknown", async () => {
    const first = await signedInCaller(chatelet, "900");
    const second = await signedInCaller(chatelet, "910");
    const loaded = await second.settings.greetings();
    await first.settings.updateGreetings({ before: loaded, greetings: { fr: "Bienvenue au CPAS de Châtelet" } });
    expect(await appCodeOf(second.settings.updateGreetings({ before: loaded, greetings: { fr: "Bonjour" } }))).toBe(
      "STALE_EDIT",
    );
    expect(await second.settings.greetings()).toEqual({ fr: "Bienvenue au CPAS de Châtelet" });
    const now = await second.settings.greetings();
    expect(await appCodeOf(second.settings.updateGreetings({ before: now, greetings: { fr: "x".repeat(201) } }))).toBe(
      "BAD_REQUEST",
    );
    expect(
      await appCodeOf(second.settings.updateGreetings({ before: now, greetings: { it: "Benvenuti" } as never })),
    ).toBe("BAD_REQUEST");
    expect(await second.settings.greetings()).toEqual(now);
  });

  it("are the only user types who may (permission per user type)", async () => {
    for (const type of USER_TYPES) {
      const api = await signedInCaller(eupen, type);
      const expected = type === "000" ? "UNAUTHORIZED" : hasRole(type, "SiteAdmin") ? "resolved" : "FORBIDDEN";
      expect([type, await appCodeOf(api.settings.greetings())]).toEqual([type, expected]);
      const current = hasRole(type, "SiteAdmin") ? await api.settings.greetings() : {};
      expect([type, await appCodeOf(api.settings.updateGreetings({ before: current, greetings: current }))]).toEqual([
        type,
        expected,
      ]);
    }
  });

  it("cannot read or write another centre's greetings", async () => {
    const { claims } = await newUser(eupen, "900");
    const elsewhere = await callerOn(centreHost(chatelet.slug), {}, claims);
    const before = (await getTenant(chatelet.slug)).greetings;
    expect(await appCodeOf(elsewhere.settings.greetings())).toBe("UNAUTHORIZED");
    expect(await appCodeOf(elsewhere.settings.updateGreetings({ before, greetings: { fr: "Piraté" } }))).toBe(
      "UNAUTHORIZED",
    );
    expect((await getTenant(chatelet.slug)).greetings).toEqual(before);
  });
});
