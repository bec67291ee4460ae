import type { Role } from "@/server/auth/user-types";
import { AppError } from "@/server/errors";
import { availability } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { baseProcedure } from "./init";

/** Anyone, on any known host. */
export const publicProcedure = baseProcedure;

/**
 * A served centre: the host names an existing centre that is active and whose schema matches the
 * code. Adds `db` and `t` (and the whole `handle`), the only way procedures reach centre data.
 */
export const tenantProcedure = baseProcedure.use(({ ctx, next }) => {
  if (ctx.host.kind !== "tenant" || !ctx.tenant) throw new AppError("TENANT_NOT_FOUND", { slug: ctx.host.kind === "tenant" ? ctx.host.slug : "" });
  if (availability(ctx.tenant) !== "served") throw new AppError("TENANT_UNAVAILABLE");
  const handle = tenantHandle(ctx.tenant);
  return next({ ctx: { ...ctx, tenant: ctx.tenant, handle, db: handle.db, t: handle.t } });
});

/** A signed-in operator on the console host. Operators reach the control plane only. */
export const operatorProcedure = baseProcedure.use(({ ctx, next }) => {
  if (ctx.host.kind !== "operator") throw new AppError("NOT_FOUND");
  if (!ctx.operator) throw new AppError("UNAUTHORIZED");
  return next({ ctx: { ...ctx, operator: ctx.operator } });
});

/** A signed-in user of the host's centre, even one who still has to set up two-factor sign-in. */
export const enrollingProcedure = tenantProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new AppError("UNAUTHORIZED");
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** A signed-in user of the host's centre who meets the centre's sign-in requirements. */
export const authedProcedure = enrollingProcedure.use(({ ctx, next }) => {
  if (ctx.user.mustEnrollTotp) throw new AppError("TOTP_ENROLLMENT_REQUIRED");
  return next();
});

/** A signed-in user whose user type holds the role (see server/auth/user-types.ts). */
export const roleProcedure = (role: Role) =>
  authedProcedure.use(({ ctx, next }) => {
    if (!ctx.user.roles.has(role)) throw new AppError("FORBIDDEN");
    return next();
  });
