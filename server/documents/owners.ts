import { can } from "@/server/resources/access";
import type { ResourceCtx } from "@/server/resources/define";
import { inScope } from "@/server/resources/service";

/** The resource whose rows each kind of owner is (a document type's content type). */
const OWNER_RESOURCES: Record<string, string> = {
  client: "clients.clients",
  guest: "calendar.guests",
  isipContract: "isip.contracts",
  art61Contract: "art61.contracts",
  art60Contract: "jobs.contracts",
  immersionContract: "immersion.contracts",
  clientContact: "contacts.clientContacts",
  pollResponse: "polls.responses",
  esfSummary: "integ.esfSummaries",
};

/**
 * Whether the user may see the record a document printed (the excerpt's owner): the one check of
 * every way a printed document leaves (its download, its PDF, its edit link over WebDAV). Kept
 * apart from routes.ts, which reaches the request context and so the list of areas.
 */
export async function maySeeOwner(ctx: ResourceCtx, excerpt: { ownerType: string; ownerId: number }) {
  const owner = ctx.registry.resources.get(OWNER_RESOURCES[excerpt.ownerType] ?? "");
  return !!owner && can(owner, "view", ctx.user) && (await inScope(ctx, owner, excerpt.ownerId));
}
