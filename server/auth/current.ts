import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { currentTenant } from "@/server/tenancy/current";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { sessionClaims } from "./nextauth";
import { ACT_AS_COOKIE, resolveSessionUser } from "./session";

/** The signed-in user of this request's centre, for pages and layouts. */
export const currentUser = cache(async () => {
  const found = await currentTenant();
  if (!found || found.availability !== "served") return null;
  const actAs = Number((await cookies()).get(ACT_AS_COOKIE)?.value) || null;
  return resolveSessionUser(tenantHandle(found.tenant), found.tenant, await sessionClaims(), actAs);
});
