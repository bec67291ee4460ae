import { describe, expect, it } from "vitest";
import { hasRole, ROLE_MATRIX, ROLES, rolesOf, USER_TYPES, type Role, type UserType } from "@/server/auth/user-types";
import type { Context } from "@/server/trpc/context";
import { router } from "@/server/trpc/init";
import { roleProcedure } from "@/server/trpc/procedures";
import { rootLogger } from "@/server/logger";
import type { Tenant } from "@/server/tenancy/registry";
import { t as trpc } from "@/server/trpc/init";
import { registry } from "@/server/areas";

process.env.DATABASE_URL ??= "postgres://unused@127.0.0.1:1/unused"; // handles are built, never queried

// One procedure per role, guarded exactly as real procedures are.
const probe = router(Object.fromEntries(ROLES.map((role) => [role, roleProcedure(role).query(() => "ok")])));
const createCaller = trpc.createCallerFactory(probe);

const tenant = {
  id: "00000000-0000-0000-0000-000000000001",
  slug: "eupen",
  schemaName: "t_probe",
  clusterId: "default",
  status: "active",
  schemaVersion: 999,
  sessionEpoch: 0,
} as Tenant;
const ctxFor = (userType: UserType): Context => ({
  requestId: "test",
  host: { kind: "tenant", slug: "eupen" },
  tenant,
  operator: null,
  log: rootLogger,
  locale: "fr",
  registry,
  user: {
    id: 1,
    username: "probe",
    firstName: "",
    lastName: "",
    language: "fr",
    userType,
    roles: rolesOf(userType),
    mustEnrollTotp: false,
    realUser: null,
  },
});

describe("the permission matrix", () => {
  for (const userType of USER_TYPES) {
    it(`user type ${userType}: every role's procedure is allowed or refused as declared`, async () => {
      const caller = createCaller(ctxFor(userType));
      for (const role of ROLES) {
        const call = (caller as unknown as Record<Role, () => Promise<string>>)[role]();
        if ((ROLE_MATRIX[role] as readonly string[]).includes(userType))
          await expect(call, `${userType} ${role}`).resolves.toBe("ok");
        else await expect(call, `${userType} ${role}`).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
    });
  }

  it("refuses every role to a visitor who is not signed in", async () => {
    const caller = createCaller({ ...ctxFor("900"), user: null });
    await expect((caller as unknown as Record<Role, () => Promise<string>>).SiteUser()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  // Facts from Lino's own doctests (domain-people §1.3), checked independently of the table above.
  it("matches Lino's documented consequences", () => {
    expect(hasRole("110", "ContactsStaff") && hasRole("210", "ContactsStaff")).toBe(true);
    expect(hasRole("100", "ContactsStaff")).toBe(false);
    expect(hasRole("210", "OfficeOperator")).toBe(true);
    expect(hasRole("210", "OfficeUser")).toBe(false);
    expect(USER_TYPES.filter((t) => hasRole(t, "OfficeUser"))).toEqual([
      "100",
      "110",
      "120",
      "200",
      "300",
      "400",
      "410",
      "420",
      "500",
      "510",
      "900",
      "910",
    ]);
    expect(USER_TYPES.filter((t) => hasRole(t, "IntegUser") || hasRole(t, "SocialCoordinator"))).toEqual([
      "100",
      "110",
      "120",
      "210",
      "400",
      "410",
      "420",
      "900",
      "910",
    ]);
    expect([...rolesOf("420")].sort()).toEqual([...rolesOf("120")].sort());
    expect(rolesOf("000").size).toBe(0);
    expect(USER_TYPES.filter((t) => hasRole(t, "Supervisor"))).toEqual(["800", "900", "910"]);
    expect(hasRole("910", "SecurityAdvisor") && !hasRole("900", "SecurityAdvisor")).toBe(true);
  });
});
