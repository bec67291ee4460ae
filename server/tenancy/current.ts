import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { env } from "@/server/env";
import { trustedHost } from "./host";
import { availability, findTenantBySlug } from "./registry";

/** This request's host class. */
export const currentHost = cache(async () => {
  const h = await headers();
  return trustedHost((name) => h.get(name), env().BASE_DOMAIN);
});

/** The centre of this request's host with its availability, or null on the console or an unknown centre. */
export const currentTenant = cache(async () => {
  const host = await currentHost();
  if (host.kind !== "tenant") return null;
  const tenant = await findTenantBySlug(host.slug);
  return tenant ? { tenant, availability: availability(tenant) } : null;
});
