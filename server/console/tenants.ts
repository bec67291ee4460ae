import { ilike, or, sql } from "drizzle-orm";
import { tenants } from "@/db/control/schema";
import type { TenantTables } from "@/db/tenant/tables";
import type { ListPage, ListState } from "@/lib/resources";
import { controlDb } from "@/server/db/control";
import type { Locale } from "@/server/i18n/locale";
import { defineChoiceList } from "@/server/resources/choices";
import { defineResource, type ResourceCtx } from "@/server/resources/define";
import { choice, datetime, filters, integer, localizedMatches, localizedText, text } from "@/server/resources/fields";
import { likePattern } from "@/server/resources/query";
import { createRegistry } from "@/server/resources/registry";
import { readPage } from "@/server/resources/service";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { QUEUE_SCHEMA } from "@/server/db/job-queue";
import { queue } from "@/server/jobs/queue";

export const tenantKinds = defineChoiceList("tenantKinds", ["production", "training", "demo"], {
  namespace: "operator.kinds",
});
export const tenantStatuses = defineChoiceList("tenantStatuses", ["provisioning", "active", "suspended", "deleting"], {
  namespace: "operator.statuses",
});

/**
 * The operator console's list of centres, declared like any resource. Its tables are the control
 * plane's, which are global, so the expressions ignore the per-centre tables they are given.
 */
export const tenantsResource = defineResource({
  id: "console.tenants",
  title: "operator.tenants",
  table: () => tenants,
  pk: () => tenants.id,
  fields: {
    slug: text("operator.columns.slug", () => tenants.slug, { editable: false, width: 16 }),
    name: localizedText("operator.columns.name", () => tenants.names, { editable: false, width: 20 }),
    kind: choice("operator.columns.kind", () => tenants.kind, tenantKinds, { editable: false }),
    status: choice("operator.columns.status", () => tenants.status, tenantStatuses, { editable: false }),
    language: text("languages.label", () => tenants.defaultLocale, { editable: false, width: 8 }),
    schemaVersion: integer("operator.columns.schemaVersion", () => tenants.schemaVersion, { editable: false }),
    createdAt: datetime("operator.columns.createdAt", () => tenants.createdAt),
    // Jobs of the centre that failed after their retries and that its administrators have not
    // retried or dismissed (server/jobs).
    failedJobs: {
      type: "integer",
      label: "operator.columns.failedJobs",
      width: 10,
      expr: () =>
        sql<number>`(select count(*)::int from ${sql.identifier(QUEUE_SCHEMA)}.job j where j.state = 'failed' and j.data->>'tenantId' = ${tenants.id}::text)`,
    },
  },
  // What fits beside the support and action columns on a 1280 px screen; the rest is in the column chooser.
  columns: ["slug", "name", "kind", "status", "failedJobs"],
  hiddenColumns: ["schemaVersion", "language", "createdAt"],
  titleField: "name",
  filters: {
    kind: filters.choice("operator.columns.kind", tenantKinds, () => tenants.kind),
    status: filters.choice("operator.columns.status", tenantStatuses, () => tenants.status),
  },
  search: (q) => or(ilike(tenants.slug, likePattern(q, "prefix")), localizedMatches(tenants.names, likePattern(q))),
  defaultSort: [{ field: "slug", dir: "asc" }],
  // Reached through operator procedures only; no centre user type may view it.
  access: { view: [] },
  detail: [],
});

/** The console's own resource, apart from the centres' declarations. */
const CONSOLE_REGISTRY = createRegistry({
  resources: [tenantsResource],
  menu: [],
  relations: [],
  checkers: [],
  extensibleChoices: [],
  jobs: [],
  changeListeners: [],
  timeline: [],
});

/** A page of centres for the console, through the same query translation as every centre grid. */
export async function listTenants(state: ListState, locale: Locale): Promise<ListPage> {
  await queue(); // installs the queue's schema, which the failed jobs' count reads, if nothing did yet
  const handle = { db: controlDb(), t: {} as TenantTables } as unknown as TenantHandle;
  const ctx: ResourceCtx = {
    handle,
    user: { roles: new Set() } as unknown as ResourceCtx["user"],
    locale,
    registry: CONSOLE_REGISTRY,
  };
  return readPage(ctx, tenantsResource, state);
}
