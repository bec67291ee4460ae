import { sql, type SQLWrapper } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { TenantTables } from "@/db/tenant/tables";
import { partnerNameOf } from "@/server/contacts/refs";
import { reference } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";

/** References between the job supply's rows, each shown by name and linked to its detail. */

type Col = (t: TenantTables) => AnyPgColumn;

/** "Name @ provider" of the job whose id is `id` (Lino: "<job> at <provider>"), the name alone without a provider. */
export const jobNameOf = (t: TenantTables, id: SQLWrapper) =>
  sql<string>`(select ${t.jobs.name} || coalesce(' @ ' || ${partnerNameOf(t, q(t.jobs.providerId))}, '') from ${t.jobs} where ${q(t.jobs.id)} = ${id})`;

export const jobRef = (label: string, col: Col, opts: { required?: boolean } = {}) =>
  reference(label, "jobs.jobs", col, (t) => jobNameOf(t, q(col(t))), opts);

/** A job provider, shown by its organisation's name; the link opens the provider (its jobs, its offers). */
export const providerRef = (label: string, col: Col) =>
  reference(label, "jobs.providers", col, (t) => partnerNameOf(t, q(col(t))));

export const jobTypeRef = (label: string, col: Col) =>
  reference(
    label,
    "jobs.types",
    col,
    (t) => sql`(select ${t.jobTypes.name} from ${t.jobTypes} where ${q(t.jobTypes.id)} = ${q(col(t))})`,
  );

type CvList = "cvRegimes" | "cvSectors" | "cvFunctions";

/** A row of one of the CV's configuration lists (sector, function, regime), by its name in the reader's language. */
export const cvNameRef = (label: string, resource: string, table: CvList, col: Col) =>
  reference(
    label,
    resource,
    col,
    (t) => sql`(select ${t[table].names} from ${t[table]} where ${q(t[table].id)} = ${q(col(t))})`,
    { localized: true },
  );
