import { sql } from "drizzle-orm";
import { controlDb } from "@/server/db/control";
import { hostOf } from "@/server/trpc/context";
import { availability, findTenantBySlug } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { TENANT_SCHEMA_VERSION } from "@/server/tenancy/version";

export const dynamic = "force-dynamic";

/** Liveness and identity of the host: which centre (or the operator console), its status and schema version. */
export async function GET(req: Request) {
  const host = hostOf(req);
  try {
    if (host.kind === "operator") {
      await controlDb().execute(sql`select 1`);
      return Response.json({
        kind: "operator",
        status: "ok",
        database: "up",
        codeSchemaVersion: TENANT_SCHEMA_VERSION,
      });
    }
    if (host.kind !== "tenant") return Response.json({ error: "not found" }, { status: 404 });
    const tenant = await findTenantBySlug(host.slug);
    if (!tenant) return Response.json({ kind: "tenant", slug: host.slug, status: "unknown" }, { status: 404 });
    const state = availability(tenant);
    // The centre's own database cluster, which may be down while the directory answers.
    await tenantHandle(tenant).db.execute(sql`select 1`);
    return Response.json(
      {
        kind: "tenant",
        slug: tenant.slug,
        status: tenant.status,
        availability: state,
        database: "up",
        schemaVersion: tenant.schemaVersion,
        codeSchemaVersion: TENANT_SCHEMA_VERSION,
      },
      { status: state === "served" ? 200 : 503 },
    );
  } catch {
    // The centre cannot be told served or not while its directory is out of reach.
    return Response.json({ status: "database unavailable", database: "down" }, { status: 503 });
  }
}
