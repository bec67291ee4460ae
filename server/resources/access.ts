import type { Role } from "@/server/auth/user-types";
import type { SessionUser } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import type { ResourceDef } from "./define";

export type ResourceAction = "view" | "create" | "edit" | "delete";

/** Whether the user has one of these roles (none given: no). */
export const anyOf = (user: Pick<SessionUser, "roles">, roles: Role[] | undefined) =>
  !!roles?.some((r) => user.roles.has(r));

/** Whether the user's type allows an action; actions without their own roles need edit rights. */
export function can(def: ResourceDef, action: ResourceAction, user: Pick<SessionUser, "roles">): boolean {
  if (!anyOf(user, def.access.view)) return false;
  if (action === "view") return true;
  if (action === "edit") return anyOf(user, def.access.edit);
  return anyOf(user, def.access[action] ?? def.access.edit);
}

/** Whether the user may list the resource without a master row (some lists are for staff only; others see rows on their master). */
export const canListAll = (def: ResourceDef, user: Pick<SessionUser, "roles">) =>
  !def.access.listAll || anyOf(user, def.access.listAll);

export function assertCan(def: ResourceDef, action: ResourceAction, user: Pick<SessionUser, "roles">) {
  if (!can(def, action, user)) throw new AppError("FORBIDDEN");
}
