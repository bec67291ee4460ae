import type { SessionUser } from "@/server/auth/session";
import { can } from "@/server/resources/access";
import { RESOURCES } from "@/server/resources/registry";

/** The resources a user may open (quick links). */
export const viewableResources = (user: Pick<SessionUser, "roles">) => [...RESOURCES.values()].filter((def) => can(def, "view", user));

/** What the header's quick search covers for this user: the resources they may view that declare a search (not variants: their rows are their base's). */
export const searchableResources = (user: Pick<SessionUser, "roles">) => viewableResources(user).filter((def) => def.search && !def.variantOf);
