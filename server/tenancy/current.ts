import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { HOST_KIND_HEADER, TENANT_HEADER } from "./host";
import { availability, findTenantBySlug } from "./registry";

/** What middleware decided about this request's host. */
export const currentHost = cache(async () => {
  const h = await headers();
  const kind = h.get(HOST_KIND_HEADER);
  const slug = h.get(TENANT_HEADER);
  if (kind === "tenant" && slug) return { kind: "tenant" as const, slug };
  if (kind === "operator") return { kind: "operator" as const };
  return { kind: "unknown" as const };
});

/** The centre of this request's host with its availability, or null on the console or an unknown centre. */
export const currentTenant = cache(async () => {
  const host = await currentHost();
  if (host.kind !== "tenant") return null;
  const tenant = await findTenantBySlug(host.slug);
  return tenant ? { tenant, availability: availability(tenant) } : null;
});
