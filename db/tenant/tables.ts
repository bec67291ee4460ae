import { pgSchema } from "drizzle-orm/pg-core";
import { auditTables } from "./audit";
import { desktopTables } from "./desktop";
import { geoTables } from "./geo";
import { settingsTables } from "./settings";
import { userTables } from "./users";

/** The schema drizzle-kit generates against; the migration runner rewrites it per tenant. */
export const SENTINEL_SCHEMA = "tenant_template";

/** Every table of a centre, bound to that centre's schema so all SQL comes out schema-qualified. */
export function tenantTables(schemaName: string) {
  const s = pgSchema(schemaName);
  return { ...geoTables(s), ...auditTables(s), ...userTables(s), ...settingsTables(s), ...desktopTables(s) };
}

export type TenantTables = ReturnType<typeof tenantTables>;
