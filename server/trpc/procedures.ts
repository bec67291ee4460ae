import type { Role } from "@/server/auth/user-types";
import { AppError } from "@/server/errors";
import { supportCall } from "@/server/support/session";
import { availability } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { baseProcedure } from "./init";

/**
 * What a guard of this file requires. Each guard middleware is recorded here, so a test can tell
 * from a procedure's middlewares which guard protects it (tests/integration/permission-walk.test.ts).
 */
export type Guard =
  { kind: "tenant" } | { kind: "operator" } | { kind: "enrolling" } | { kind: "authed" } | { kind: "role"; role: Role };
const guards = new WeakMap<object, Guard>();
/** Records the middleware just added to `builder` as the guard `what`. */
function guarded<B extends { _def: { middlewares: readonly object[] } }>(builder: B, what: Guard): B {
  guards.set(builder._def.middlewares.at(-1)!, what);
  return builder;
}

/** The guards a procedure's middlewares carry, outermost first. */
export function guardsOf(procedure: { _def: { middlewares?: readonly object[] } }): Guard[] {
  return (procedure._def.middlewares ?? []).flatMap((m) => guards.get(m) ?? []);
}

/** Anyone, on any known host. */
export const publicProcedure = baseProcedure;

/**
 * A served centre: the host names an existing centre that is active and whose schema matches the
 * code. Adds `db` and `t` (and the whole `handle`), the only way procedures reach centre data.
 */
export const tenantProcedure = guarded(
  baseProcedure.use(({ ctx, next }) => {
    if (ctx.host.kind !== "tenant" || !ctx.tenant)
      throw new AppError("TENANT_NOT_FOUND", { slug: ctx.host.kind === "tenant" ? ctx.host.slug : "" });
    if (availability(ctx.tenant) !== "served") throw new AppError("TENANT_UNAVAILABLE");
    const handle = tenantHandle(ctx.tenant);
    return next({ ctx: { ...ctx, tenant: ctx.tenant, handle, db: handle.db, t: handle.t } });
  }),
  { kind: "tenant" },
);

/** A signed-in operator on the console host. Operators reach the control plane only. */
export const operatorProcedure = guarded(
  baseProcedure.use(({ ctx, next }) => {
    if (ctx.host.kind !== "operator") throw new AppError("NOT_FOUND");
    if (!ctx.operator) throw new AppError("UNAUTHORIZED");
    return next({ ctx: { ...ctx, operator: ctx.operator } });
  }),
  { kind: "operator" },
);

/**
 * A signed-in user of the host's centre, even one who still has to set up two-factor sign-in.
 * An operator's support session passes as a user who may only read: its mutations are refused,
 * and each of its calls is written to the centre's audit (server/support/session.ts).
 */
export const enrollingProcedure = guarded(
  tenantProcedure.use(({ ctx, next, path, type }) => {
    if (!ctx.user) throw new AppError("UNAUTHORIZED");
    const user = ctx.user;
    if (user.support)
      return supportCall(ctx.handle, user.support, { path, type }, () => next({ ctx: { ...ctx, user } }));
    return next({ ctx: { ...ctx, user } });
  }),
  { kind: "enrolling" },
);

/** A signed-in user of the host's centre who meets the centre's sign-in requirements. */
export const authedProcedure = guarded(
  enrollingProcedure.use(({ ctx, next }) => {
    if (ctx.user.mustEnrollTotp) throw new AppError("TOTP_ENROLLMENT_REQUIRED");
    return next();
  }),
  { kind: "authed" },
);

/** A signed-in user whose user type holds the role (see server/auth/user-types.ts). */
export const roleProcedure = (role: Role) =>
  guarded(
    authedProcedure.use(({ ctx, next }) => {
      if (!ctx.user.roles.has(role)) throw new AppError("FORBIDDEN");
      return next();
    }),
    { kind: "role", role },
  );
