import { eq } from "drizzle-orm";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { c, controlDb } from "@/server/db/control";
import { closePools } from "@/server/db/pool";
import { env } from "@/server/env";
import { authenticateOperator, createOperator, MAX_FAILED_LOGINS } from "@/server/operator/accounts";
import { OPERATOR_COOKIE, signOperatorSession } from "@/server/operator/session";
import { getTenant } from "@/server/tenancy/lifecycle";
import { appCodeOf, callerOn, centreHost, consoleHost, newCentre, uniqueSlug } from "./helpers";

afterAll(closePools);

const password = "correct horse battery";
let cookies: Record<string, string>;
let email: string;
beforeAll(async () => {
  email = `${uniqueSlug("op")}@entraide.test`;
  await createOperator({ email, name: "Olivia Operator", password }, "test");
  cookies = { [OPERATOR_COOKIE]: await signOperatorSession(await authenticateOperator(email, password)) };
});

describe("operator sign-in", () => {
  it("refuses a wrong password and an unknown account with the same error", async () => {
    expect(await appCodeOf(authenticateOperator(email, "wrong password!"))).toBe("INVALID_CREDENTIALS");
    expect(await appCodeOf(authenticateOperator("nobody@entraide.test", password))).toBe("INVALID_CREDENTIALS");
  });

  it("locks the account after repeated failures, even for the right password", async () => {
    const victim = `${uniqueSlug("lock")}@entraide.test`;
    await createOperator({ email: victim, name: "Locked", password }, "test");
    for (let i = 1; i < MAX_FAILED_LOGINS; i++)
      expect(await appCodeOf(authenticateOperator(victim, "nope nope nope"))).toBe("INVALID_CREDENTIALS");
    expect(await appCodeOf(authenticateOperator(victim, "nope nope nope"))).toBe("ACCOUNT_LOCKED");
    expect(await appCodeOf(authenticateOperator(victim, password))).toBe("ACCOUNT_LOCKED");
    const [row] = await controlDb().select().from(c.operators).where(eq(c.operators.email, victim));
    expect(row!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });
});

describe("operator procedures", () => {
  it("need a signed-in operator on the console host", async () => {
    expect(await appCodeOf((await callerOn(consoleHost)).operator.tenants.list())).toBe("UNAUTHORIZED");
    expect((await (await callerOn(consoleHost, cookies)).operator.me()).email).toBe(email);
  });

  it("are not reachable from a centre host, even with an operator cookie", async () => {
    const centre = await newCentre("op-host");
    expect(await appCodeOf((await callerOn(centreHost(centre.slug), cookies)).operator.tenants.list())).toBe(
      "NOT_FOUND",
    );
  });

  it("refuse forged, foreign-audience and revoked session tokens", async () => {
    const forged = await new SignJWT({ epoch: 0 })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("x")
      .setAudience("entraide:operator")
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("another-secret-another-secret-another-secret"));
    expect(await appCodeOf((await callerOn(consoleHost, { [OPERATOR_COOKIE]: forged })).operator.me())).toBe(
      "UNAUTHORIZED",
    );

    const [op] = await controlDb().select().from(c.operators).where(eq(c.operators.email, email));
    const otherAudience = await new SignJWT({ epoch: op!.sessionEpoch })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(op!.id)
      .setAudience("entraide:centre")
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode(env().SESSION_SECRET));
    expect(await appCodeOf((await callerOn(consoleHost, { [OPERATOR_COOKIE]: otherAudience })).operator.me())).toBe(
      "UNAUTHORIZED",
    );

    const revokedEmail = `${uniqueSlug("rev")}@entraide.test`;
    await createOperator({ email: revokedEmail, name: "Rev", password }, "test");
    const oldCookie = {
      [OPERATOR_COOKIE]: await signOperatorSession(await authenticateOperator(revokedEmail, password)),
    };
    await createOperator({ email: revokedEmail, name: "Rev", password: "a brand new password" }, "test"); // password reset
    expect(await appCodeOf((await callerOn(consoleHost, oldCookie)).operator.me())).toBe("UNAUTHORIZED");
  });

  it("create, suspend, resume and migrate centres, audited under the operator's name", async () => {
    const api = await callerOn(consoleHost, cookies);
    const slug = uniqueSlug("console");
    const created = await api.operator.tenants.create({
      slug,
      name: "CPAS de la Console",
      locale: "fr",
      kind: "training",
    });
    expect(created).toMatchObject({ slug, created: true, url: `http://${slug}.localhost:${env().PORT}` });
    expect((await (await callerOn(centreHost(slug))).centre.info()).availability).toBe("served");

    expect((await api.operator.tenants.suspend({ slug })).status).toBe("suspended");
    expect((await (await callerOn(centreHost(slug))).centre.info()).availability).toBe("suspended");
    expect((await api.operator.tenants.resume({ slug })).status).toBe("active");
    expect((await api.operator.tenants.migrate({ slug })).applied).toEqual([]);
    expect((await api.operator.tenants.list()).tenants.find((t) => t.slug === slug)).toMatchObject({
      kind: "training",
      availability: "served",
    });

    const tenant = await getTenant(slug);
    const actors = await controlDb()
      .select({ actor: c.controlAudit.actor })
      .from(c.controlAudit)
      .where(eq(c.controlAudit.tenantId, tenant.id));
    expect(new Set(actors.map((a) => a.actor))).toEqual(new Set([`operator:${email}`]));
  });

  it("return translated error codes for bad input", async () => {
    const api = await callerOn(consoleHost, cookies);
    expect(
      await appCodeOf(api.operator.tenants.create({ slug: "www", name: "Nope", locale: "fr", kind: "demo" })),
    ).toBe("SLUG_RESERVED");
    expect(await appCodeOf(api.operator.tenants.reset({ slug: "no-such-centre" }))).toBe("TENANT_NOT_FOUND");
  });
});
