import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { auditSupportPage } from "@/server/support/session";
import { currentTenant } from "@/server/tenancy/current";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { sessionClaims } from "./nextauth";
import { ACT_AS_COOKIE, endedByInactivity, resolveSessionUser } from "./session";

/**
 * The signed-in user of this request's centre, for pages and layouts (which cannot rewrite the
 * session cookie). Once per request; a support session's page is written to the centre's audit.
 */
export const currentUser = cache(async () => {
  const found = await currentTenant();
  if (!found || found.availability !== "served") return null;
  const actAs = Number((await cookies()).get(ACT_AS_COOKIE)?.value) || null;
  const h = tenantHandle(found.tenant);
  const user = await resolveSessionUser(h, found.tenant, await sessionClaims({ touch: false }), actAs);
  if (user?.support) await auditSupportPage(h, user.support, (await headers()).get("x-entraide-path") ?? "");
  return user;
});

/** Whether this request carries a session of this centre that ended because it was left unused too long. */
export const sessionEndedByInactivity = cache(async () => {
  const found = await currentTenant();
  if (!found || found.availability !== "served") return false;
  return endedByInactivity(tenantHandle(found.tenant), found.tenant, await sessionClaims({ touch: false }));
});

/**
 * For a server action that reports activity: rewrites the session's last-activity claim when it is
 * due, and says whether the session is still alive ("active"), ended by inactivity ("expired"), or absent.
 */
export async function touchSession(): Promise<"active" | "expired" | "none"> {
  const found = await currentTenant();
  if (!found || found.availability !== "served") return "none";
  const h = tenantHandle(found.tenant);
  const claims = await sessionClaims({ touch: true });
  if (await resolveSessionUser(h, found.tenant, claims)) return "active";
  return (await endedByInactivity(h, found.tenant, claims)) ? "expired" : "none";
}
