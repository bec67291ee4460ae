import journal from "@/db/migrations/tenant/meta/_journal.json";

/** The tenant schema version this build of the code expects (number of tenant migrations). */
export const TENANT_SCHEMA_VERSION: number = journal.entries.length;
