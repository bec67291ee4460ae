import { and, eq } from "drizzle-orm";
import { usersResource } from "@/server/users/resource";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/server/auth/login";
import { resolveSessionUser } from "@/server/auth/session";
import { USER_TYPES, hasRole } from "@/server/auth/user-types";
import { closePools } from "@/server/db/pool";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { appCodeOf, callerOn, centreHost, newCentre, newUser, signedInCaller } from "./helpers";

afterAll(closePools);

let eupen: Tenant;
let chatelet: Tenant;
beforeAll(async () => {
  [eupen, chatelet] = [await newCentre("adm-eupen", "production"), await newCentre("adm-chatelet", "production")];
});

const newcomer = (username: string) => ({
  username,
  firstName: "Nina",
  lastName: "Neumann",
  email: `${username}@example.com`,
  language: "de" as const,
  userType: "100" as const,
  authMethod: "local" as const,
  password: "ein langes Kennwort 2026",
});
const auditOf = async (tenant: Tenant, userId: number) => {
  const { db, t } = tenantHandle(tenant);
  return db
    .select()
    .from(t.auditLog)
    .where(and(eq(t.auditLog.entity, usersResource.id), eq(t.auditLog.entityId, String(userId))));
};

describe("user administration", () => {
  it("is open to administrators (900, 910) and refused to every other user type", async () => {
    for (const type of USER_TYPES.filter((t) => t !== "000")) {
      const api = await signedInCaller(eupen, type);
      const outcome = await appCodeOf(api.users.list());
      expect(outcome, type).toBe(hasRole(type, "SiteAdmin") ? "resolved" : "FORBIDDEN");
      if (!hasRole(type, "SiteAdmin"))
        expect(await appCodeOf(api.users.create(newcomer(`x-${type}`))), type).toBe("FORBIDDEN");
    }
  });

  it("creates a user who can then sign in, audited under the administrator", async () => {
    const { claims } = await newUser(eupen, "900");
    const api = await callerOn(centreHost(eupen.slug), {}, claims);
    const { id } = await api.users.create(newcomer("nina"));
    expect(
      (await authenticate(tenantHandle(eupen), { username: "nina", password: "ein langes Kennwort 2026", ip: "t" })).id,
    ).toBe(id);
    expect((await auditOf(eupen, id)).map((a) => [a.action, a.actor])).toEqual([["user.create", `user:${claims.uid}`]]);
    expect(await appCodeOf(api.users.create(newcomer("NINA")))).toBe("USERNAME_TAKEN");
  });

  it("refuses weak passwords and invalid input with translated codes, saving nothing", async () => {
    const api = await signedInCaller(eupen, "900");
    expect(await appCodeOf(api.users.create({ ...newcomer("weak"), password: "short" }))).toBe("PASSWORD_POLICY");
    expect(await appCodeOf(api.users.create({ ...newcomer("bad name!"), password: "ein langes Kennwort 2026" }))).toBe(
      "BAD_REQUEST",
    );
    const { db, t } = tenantHandle(eupen);
    expect(await db.select().from(t.users).where(eq(t.users.username, "weak"))).toEqual([]);
  });

  it("refuses a stale edit instead of overwriting a colleague's", async () => {
    const api = await signedInCaller(eupen, "900");
    const { id, version } = await api.users.create(newcomer("stale"));
    await api.users.update({ id, version, patch: { lastName: "First" } });
    expect(await appCodeOf(api.users.update({ id, version, patch: { lastName: "Second" } }))).toBe("STALE_EDIT");
    const { db, t } = tenantHandle(eupen);
    expect((await db.select().from(t.users).where(eq(t.users.id, id)))[0]?.lastName).toBe("First");
  });

  it("changes only the fields an edit sends: a deactivated user stays deactivated, the e-mail stays", async () => {
    const api = await signedInCaller(eupen, "900");
    const { id, version } = await api.users.create({
      ...newcomer("partial"),
      remarks: "Temps partiel",
      newcomerQuota: 40,
    });
    const { version: v2 } = await api.users.update({ id, version, patch: { active: false } });
    await api.users.update({ id, version: v2, patch: { lastName: "Renamed" } });
    const { db, t } = tenantHandle(eupen);
    const [row] = await db.select().from(t.users).where(eq(t.users.id, id));
    expect(row).toMatchObject({
      lastName: "Renamed",
      active: false,
      email: "partial@example.com",
      remarks: "Temps partiel",
      newcomerQuota: 40,
    });
  });

  it("ends the sessions of a user who is deactivated or changes user type", async () => {
    const admin = await signedInCaller(eupen, "900");
    const { user, claims } = await newUser(eupen, "100");
    const { version } = await admin.users.update({ id: user.id, version: user.version, patch: { userType: "110" } });
    expect(await resolveSessionUser(tenantHandle(eupen), eupen, claims)).toBeNull();
    await admin.users.update({ id: user.id, version, patch: { active: false } });
    expect(
      await appCodeOf(
        authenticate(tenantHandle(eupen), { username: user.username, password: "a long test passphrase", ip: "t" }),
      ),
    ).toBe("ACCOUNT_INACTIVE");
  });

  it("resets a password: the old one stops working and open sessions end", async () => {
    const admin = await signedInCaller(eupen, "910");
    const { user, claims } = await newUser(eupen, "100");
    await admin.users.resetPassword({ id: user.id, password: "un tout nouveau secret" });
    expect(await resolveSessionUser(tenantHandle(eupen), eupen, claims)).toBeNull();
    expect(
      await appCodeOf(
        authenticate(tenantHandle(eupen), { username: user.username, password: "a long test passphrase", ip: "t" }),
      ),
    ).toBe("INVALID_CREDENTIALS");
    expect(
      (
        await authenticate(tenantHandle(eupen), {
          username: user.username,
          password: "un tout nouveau secret",
          ip: "t",
        })
      ).id,
    ).toBe(user.id);
  });

  it("cannot reach another centre's users: an Eupen administrator's session is anonymous on Châtelet", async () => {
    const { claims } = await newUser(eupen, "900");
    const { user: target } = await newUser(chatelet, "100");
    const onChatelet = await callerOn(centreHost(chatelet.slug), {}, claims);
    expect(
      await appCodeOf(onChatelet.users.update({ id: target.id, version: target.version, patch: { active: false } })),
    ).toBe("UNAUTHORIZED");
    expect(await appCodeOf(onChatelet.users.resetPassword({ id: target.id, password: "un tout nouveau secret" }))).toBe(
      "UNAUTHORIZED",
    );
    const { db, t } = tenantHandle(chatelet);
    expect((await db.select().from(t.users).where(eq(t.users.id, target.id)))[0]?.active).toBe(true);
  });
});
