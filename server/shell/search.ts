import type { Registry } from "@/server/area";
import type { SessionUser } from "@/server/auth/session";
import { can, canListAll } from "@/server/resources/access";

type User = Pick<SessionUser, "roles">;

/** The resources a user may open (quick links). */
export const viewableResources = (registry: Pick<Registry, "resources">, user: User) =>
  [...registry.resources.values()].filter((def) => can(def, "view", user));

/**
 * What the header's quick search covers for this user: the resources they may view and list that
 * declare a search (not variants: their rows are their base's).
 */
export const searchableResources = (registry: Pick<Registry, "resources">, user: User) =>
  viewableResources(registry, user).filter((def) => def.search && !def.variantOf && canListAll(def, user));
