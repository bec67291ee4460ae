import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveSessionUser, type SessionClaims } from "@/server/auth/session";
import { USER_TYPES } from "@/server/auth/user-types";
import { c, controlDb } from "@/server/db/control";
import { closePools } from "@/server/db/pool";
import { authenticateOperator, createOperator } from "@/server/operator/accounts";
import { OPERATOR_COOKIE, signOperatorSession } from "@/server/operator/session";
import { supportClaimsFor } from "@/server/support/session";
import { redeemSupportToken } from "@/server/support/token";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { exportResponse } from "@/server/resources/export/response";
import { appCodeOf, callerOn, centreHost, consoleHost, newCentre, newUser, uniqueSlug } from "./helpers";

afterAll(closePools);

const password = "correct horse battery";
let centre: Tenant;
let other: Tenant;
let email: string;
let consoleCookies: Record<string, string>;
let adminClaims: SessionClaims;

beforeAll(async () => {
  [centre, other] = [await newCentre("sup", "production"), await newCentre("sup-other", "production")];
  email = `${uniqueSlug("op")}@entraide.test`;
  await createOperator({ email, name: "Olivia Operator", password }, "test");
  consoleCookies = { [OPERATOR_COOKIE]: await signOperatorSession(await authenticateOperator(email, password)) };
  adminClaims = (await newUser(centre, "900")).claims;
});

const consoleApi = () => callerOn(consoleHost, consoleCookies);
const centreApi = (claims: SessionClaims | null, tenant = centre) => callerOn(centreHost(tenant.slug), {}, claims);
const tokenOf = (url: string) => new URL(url).searchParams.get("token")!;
/** What the "open support session" button does: a token from the console, used on the centre's address. */
async function openSession(tenant = centre) {
  const { url } = await (await consoleApi()).operator.support.open({ slug: tenant.slug });
  const { grant, operator } = await redeemSupportToken(tenantHandle(tenant), tenant, tokenOf(url));
  return supportClaimsFor(tenant, grant.id, operator.id);
}
const trpcCode = async (p: Promise<unknown>) =>
  p.then(
    () => "resolved",
    (e: { code?: string }) => e.code,
  );

describe("operator support access", () => {
  it("is refused while the centre has granted nothing, and the console cookie reads nothing in a centre", async () => {
    expect(await appCodeOf((await consoleApi()).operator.support.open({ slug: centre.slug }))).toBe(
      "SUPPORT_NOT_GRANTED",
    );
    expect(
      (await (await consoleApi()).operator.tenants.list()).tenants.find((t) => t.slug === centre.slug)?.support,
    ).toBeNull();
    expect(await appCodeOf(callerOn(centreHost(centre.slug), consoleCookies).then((api) => api.users.list()))).toBe(
      "UNAUTHORIZED",
    );
  });

  it("once granted: the console shows it, the support identity reads as an administrator, every change is refused, all is audited", async () => {
    const admin = await centreApi(adminClaims);
    const { id: grantId, endsAt } = await admin.support.grant({ reason: "Ticket 4711: grid does not load", hours: 4 });
    expect(endsAt.getTime() - Date.now()).toBeGreaterThan(3.9 * 3600_000);
    const row = (await (await consoleApi()).operator.tenants.list()).tenants.find((t) => t.slug === centre.slug);
    expect(row?.support).toMatchObject({ reason: "Ticket 4711: grid does not load" });

    const support = await centreApi(await openSession());
    const me = await support.users.me();
    expect(me).toMatchObject({ id: 0, userType: "900", username: email });
    expect((await support.users.list()).length).toBeGreaterThan(0);
    expect(await support.settings.get()).toMatchObject({ idleTimeoutMinutes: 480 });

    // Every mutation is refused, including granting itself more time.
    expect(
      await appCodeOf(
        support.users.create({
          username: "intruder",
          firstName: "I",
          lastName: "N",
          userType: "900",
          authMethod: "local",
          password: "a long enough passphrase 1",
        } as never),
      ),
    ).toBe("SUPPORT_READ_ONLY");
    expect(await trpcCode(support.settings.update({ version: 1, patch: { idleTimeoutMinutes: 60 } }))).toBe(
      "FORBIDDEN",
    );
    expect(await trpcCode(support.support.grant({ reason: "more time please", hours: 100 }))).toBe("FORBIDDEN");
    expect(await trpcCode(support.users.logoutEverywhere())).toBe("FORBIDDEN");

    const { db, t } = tenantHandle(centre);
    const audit = await db.select().from(t.auditLog).where(like(t.auditLog.action, "support.%")).orderBy(t.auditLog.id);
    expect(audit.map((a) => [a.actor, a.action, a.entityId])).toEqual([
      [`user:${adminClaims.uid}`, "support.grant", grantId],
      [`operator:${email}`, "support.session_start", grantId],
      [`operator:${email}`, "support.read", "users.me"],
      [`operator:${email}`, "support.read", "users.list"],
      [`operator:${email}`, "support.read", "settings.get"],
      [`operator:${email}`, "support.refused", "users.create"],
      [`operator:${email}`, "support.refused", "settings.update"],
      [`operator:${email}`, "support.refused", "support.grant"],
      [`operator:${email}`, "support.refused", "users.logoutEverywhere"],
    ]);
    // The administrators see the grant and the use made of it.
    const overview = await admin.support.overview();
    expect(overview.grants.find((g) => g.id === grantId)).toMatchObject({
      state: "active",
      reason: "Ticket 4711: grid does not load",
    });
    expect(overview.usage.filter((u) => u.actor === `operator:${email}`).length).toBe(8);
    // And the platform keeps its own trail.
    const controlRows = await controlDb()
      .select()
      .from(c.controlAudit)
      .where(and(eq(c.controlAudit.tenantId, centre.id), like(c.controlAudit.action, "support.%")));
    expect(new Set(controlRows.map((r) => r.action))).toEqual(
      new Set(["support.grant", "support.token_issued", "support.session_start"]),
    );
  });

  it("refuses a token used twice, and a token for one centre presented to another", async () => {
    await (
      await centreApi((await newUser(other, "910")).claims, other)
    ).support.grant({ reason: "both centres", hours: 1 });
    const { url } = await (await consoleApi()).operator.support.open({ slug: centre.slug });
    const token = tokenOf(url);
    // On the other centre (which has a grant of its own) the token is worthless, and stays unused.
    expect(await appCodeOf(redeemSupportToken(tenantHandle(other), other, token))).toBe("SUPPORT_TOKEN_INVALID");
    await redeemSupportToken(tenantHandle(centre), centre, token);
    expect(await appCodeOf(redeemSupportToken(tenantHandle(centre), centre, token))).toBe("SUPPORT_TOKEN_INVALID");
    expect(await appCodeOf(redeemSupportToken(tenantHandle(centre), centre, `${token.slice(0, -2)}xx`))).toBe(
      "SUPPORT_TOKEN_INVALID",
    );
    expect(await appCodeOf(redeemSupportToken(tenantHandle(centre), centre, "not a token"))).toBe(
      "SUPPORT_TOKEN_INVALID",
    );
    const [jti] = await controlDb()
      .select()
      .from(c.supportTokens)
      .where(eq(c.supportTokens.jti, JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()).jti));
    expect(jti?.usedAt).toBeInstanceOf(Date);
    // A support session of one centre is anonymous on another.
    const claims = await openSession();
    expect(await resolveSessionUser(tenantHandle(other), other, claims)).toBeNull();
    expect(await appCodeOf((await centreApi(claims, other)).users.list())).toBe("UNAUTHORIZED");
  });

  it("ends an open support session when the grant is revoked, ends, or the operator is deactivated", async () => {
    const admin = await centreApi(adminClaims);
    const { id } = await admin.support.grant({ reason: "revocation test", hours: 2 });
    const byGrant = async (grantId: string) => {
      const { url } = await (await consoleApi()).operator.support.open({ slug: centre.slug });
      const { operator } = await redeemSupportToken(tenantHandle(centre), centre, tokenOf(url));
      return supportClaimsFor(centre, grantId, operator.id);
    };
    // Revoke every grant but the new one, so the console opens sessions on it.
    for (const g of (await admin.support.overview()).grants)
      if (g.state === "active" && g.id !== id) await admin.support.revoke({ id: g.id });
    const claims = await byGrant(id);
    expect((await (await centreApi(claims)).users.me()).id).toBe(0);
    await admin.support.revoke({ id });
    expect(await appCodeOf((await centreApi(claims)).users.me())).toBe("UNAUTHORIZED");
    expect(await appCodeOf((await consoleApi()).operator.support.open({ slug: centre.slug }))).toBe(
      "SUPPORT_NOT_GRANTED",
    );
    expect(await appCodeOf(admin.support.revoke({ id }))).toBe("NOT_FOUND");

    // A grant that ran out.
    const { id: shortId } = await admin.support.grant({ reason: "expiry test", hours: 1 });
    const shortClaims = await byGrant(shortId);
    const { url } = await (await consoleApi()).operator.support.open({ slug: centre.slug });
    expect((await (await centreApi(shortClaims)).users.me()).id).toBe(0);
    await controlDb()
      .update(c.supportGrants)
      .set({ startsAt: new Date(Date.now() - 2 * 3600_000), endsAt: new Date(Date.now() - 1000) })
      .where(eq(c.supportGrants.id, shortId));
    expect(await appCodeOf((await centreApi(shortClaims)).users.me())).toBe("UNAUTHORIZED");
    // A token issued before the end and used after it opens nothing.
    expect(await appCodeOf(redeemSupportToken(tenantHandle(centre), centre, tokenOf(url)))).toBe("SUPPORT_NOT_GRANTED");
    expect((await admin.support.overview()).grants.find((g) => g.id === shortId)?.state).toBe("ended");

    // An operator deactivated on the platform loses the session too.
    const { id: thirdId } = await admin.support.grant({ reason: "deactivation test", hours: 1 });
    const third = await byGrant(thirdId);
    expect((await (await centreApi(third)).users.me()).id).toBe(0);
    await controlDb().update(c.operators).set({ active: false }).where(eq(c.operators.email, email));
    expect(await appCodeOf((await centreApi(third)).users.me())).toBe("UNAUTHORIZED");
    await controlDb().update(c.operators).set({ active: true }).where(eq(c.operators.email, email));
    await admin.support.revoke({ id: thirdId });
  });

  it("lists every request of a support session for the administrators, downloads and exports included", async () => {
    const admin = await centreApi(adminClaims);
    const { id } = await admin.support.grant({ reason: "export check", hours: 1 });
    for (const g of (await admin.support.overview()).grants)
      if (g.state === "active" && g.id !== id) await admin.support.revoke({ id: g.id });
    const claims = await openSession();
    // The export route handler, as Next calls it for a download link.
    const url = `http://0.0.0.0:3000/api/export/geo.places.csv?state=${encodeURIComponent(JSON.stringify({ sort: [], filters: {} }))}&columns=name`;
    const res = await exportResponse(new Request(url, { headers: { host: `${centre.slug}.localhost` } }), claims);
    expect(res.status).toBe(200);
    await res.text();
    const usage = (await admin.support.overview()).usage.filter((u) => u.actor === `operator:${email}`);
    expect(usage[0]).toMatchObject({ action: "support.request", entity: "request" });
    expect(usage[0]!.entityId).toMatch(/^GET \/api\/export\/geo\.places\.csv\?state=.*&columns=name$/);
    await admin.support.revoke({ id });
  });

  it("lets only administrators (900, 910) grant, list and revoke; each centre sees its own grants", async () => {
    for (const type of USER_TYPES) {
      const { claims } = await newUser(centre, type);
      const api = await centreApi(claims);
      const expected = type === "900" || type === "910" ? "resolved" : type === "000" ? "UNAUTHORIZED" : "FORBIDDEN";
      expect(await appCodeOf(api.support.overview()), type).toBe(expected);
      const granted = await appCodeOf(api.support.grant({ reason: `walk ${type}`, hours: 1 }));
      expect(granted, type).toBe(expected);
    }
    const { grants } = await (await centreApi(adminClaims)).support.overview();
    expect(
      grants
        .filter((g) => g.reason.startsWith("walk "))
        .map((g) => g.reason)
        .sort(),
    ).toEqual(["walk 900", "walk 910"]);
    // The other centre's administrators neither see nor revoke them.
    const otherAdmin = await centreApi((await newUser(other, "900")).claims, other);
    expect((await otherAdmin.support.overview()).grants.some((g) => g.reason.startsWith("walk "))).toBe(false);
    expect(await appCodeOf(otherAdmin.support.revoke({ id: grants[0]!.id }))).toBe("NOT_FOUND");
    // A session of another centre is anonymous here.
    expect(await appCodeOf(centreApi((await newUser(other, "900")).claims).then((api) => api.support.overview()))).toBe(
      "UNAUTHORIZED",
    );
    // Bad input: too long, no reason.
    const admin = await centreApi(adminClaims);
    expect(await appCodeOf(admin.support.grant({ reason: "too long", hours: 7 * 24 + 1 }))).toBe("BAD_REQUEST");
    expect(await appCodeOf(admin.support.grant({ reason: "", hours: 1 }))).toBe("BAD_REQUEST");
  });
});
