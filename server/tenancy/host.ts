// Pure: used by proxy.ts, the routing step in front of every request, so no database imports here.

export const TENANT_HEADER = "x-entraide-tenant";
export const HOST_KIND_HEADER = "x-entraide-host-kind";
export const OPERATOR_LABEL = "console";

export type HostClass = { kind: "tenant"; slug: string } | { kind: "operator" } | { kind: "unknown" };

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Classifies a Host header: `<slug>.<base>` is a centre, `console.<base>` the operator, anything else unknown. */
export function classifyHost(hostHeader: string | null | undefined, baseDomain: string): HostClass {
  if (!hostHeader) return { kind: "unknown" };
  let host = hostHeader.trim().toLowerCase();
  if (host.startsWith("[")) return { kind: "unknown" }; // IPv6 literal
  host = host.replace(/:\d+$/, "").replace(/\.$/, "");
  const base = baseDomain.toLowerCase().replace(/\.$/, "");
  if (!host.endsWith(`.${base}`)) return { kind: "unknown" };
  const label = host.slice(0, -(base.length + 1));
  if (!LABEL.test(label)) return { kind: "unknown" }; // also rejects nested sub-domains
  if (label === OPERATOR_LABEL) return { kind: "operator" };
  return { kind: "tenant", slug: label };
}

/**
 * The host class server code acts on: always derived from the Host header itself. When the proxy
 * ran, its header must agree; a disagreement means something bypassed or spoofed it, so nothing is served.
 */
export function trustedHost(get: (name: string) => string | null, baseDomain: string): HostClass {
  const host = classifyHost(get("host"), baseDomain);
  const kind = get(HOST_KIND_HEADER);
  if (kind === null) return host;
  const slug = get(TENANT_HEADER);
  const agrees = host.kind === kind && (host.kind !== "tenant" || host.slug === slug);
  return agrees ? host : { kind: "unknown" };
}
