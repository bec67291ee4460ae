import { pgSchema, type PgSchema } from "drizzle-orm/pg-core";
import { accountabilityTables } from "./accountability";
import { auditTables } from "./audit";
import { coachingTables } from "./coachings";
import { contactTables } from "./contacts";
import { cvTables } from "./cv";
import { davTables } from "./dav";
import { isipTables } from "./isip";
import { art61Tables } from "./art61";
import { integTables } from "./integ";
import { immersionTables } from "./immersion";
import { jobSearchTables } from "./jobsearch";
import { desktopTables } from "./desktop";
import { documentTables } from "./documents";
import { geoTables } from "./geo";
import { householdTables } from "./households";
import { clientTables } from "./clients";
import { calendarTables } from "./calendar";
import { seriesTables } from "./series";
import { clientReminderTables } from "./client-reminders";
import { plannerTables } from "./planner";
import { checksTables } from "./checks";
import { jobSupplyTables, jobTables } from "./jobs";
import { notifyTables } from "./notify";
import { outboxTables } from "./outbox";
import { newcomerTables } from "./newcomers";
import { noteTables } from "./notes";
import { pollTables } from "./polls";
import { receptionTables } from "./reception";
import { settingsTables } from "./settings";
import { uploadTables } from "./uploads";
import { userTables } from "./users";

/** The schema drizzle-kit generates against; the migration runner rewrites it per tenant. */
export const SENTINEL_SCHEMA = "tenant_template";

/**
 * Each area builds its tables on a schema; an area adds its builder here. A builder that refers to
 * another area's tables receives them lazily (foreign keys are resolved only when needed).
 */
const AREAS = {
  geo: geoTables,
  audit: auditTables,
  users: userTables,
  settings: settingsTables,
  desktop: desktopTables,
  contacts: contactTables,
  coachings: coachingTables,
  accountability: accountabilityTables,
  households: householdTables,
  clients: clientTables,
  calendar: calendarTables,
  series: seriesTables,
  clientReminders: clientReminderTables,
  planner: plannerTables,
  checks: checksTables,
  jobs: jobTables,
  jobSupply: jobSupplyTables,
  notify: notifyTables,
  outbox: outboxTables,
  uploads: uploadTables,
  notes: noteTables,
  documents: documentTables,
  reception: receptionTables,
  newcomers: newcomerTables,
  dav: davTables,
  cv: cvTables,
  isip: isipTables,
  art61: art61Tables,
  integ: integTables,
  immersion: immersionTables,
  jobSearch: jobSearchTables,
  polls: pollTables,
};

type Areas = typeof AREAS;
type Builder = (s: PgSchema, all: never) => Record<string, unknown>;
type Union<T> = { [K in keyof T]: (x: T[K]) => void }[keyof T] extends (x: infer I) => void ? I : never;
export type TenantTables = Union<{ [A in keyof Areas]: ReturnType<Areas[A]> }>;

/** Which area declares each table name, learnt once from the sentinel schema. */
const areaOf = new Map<string, keyof Areas>();
for (const area of Object.keys(AREAS) as (keyof Areas)[]) {
  for (const name of Object.keys((AREAS[area] as Builder)(pgSchema(SENTINEL_SCHEMA), {} as never)))
    areaOf.set(name, area);
}

/**
 * Every table of a centre, bound to that centre's schema so all SQL comes out schema-qualified.
 * An area's tables are built the first time one of them is used: a server holds thousands of
 * centres, and most requests touch a few areas only.
 */
export function tenantTables(schemaName: string): TenantTables {
  const schema: PgSchema = pgSchema(schemaName);
  const built = new Map<keyof Areas, Record<string, unknown>>();
  const tables = {} as Record<string, unknown>;
  for (const [name, area] of areaOf) {
    Object.defineProperty(tables, name, {
      enumerable: true,
      get() {
        let group = built.get(area);
        if (!group) built.set(area, (group = (AREAS[area] as Builder)(schema, tables as never)));
        return group[name];
      },
    });
  }
  return tables as TenantTables;
}
