import { eq } from "drizzle-orm";
import type { FieldDef } from "@/server/resources/define";
import { jsonField } from "@/server/resources/fields";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import type { ClientFieldSet } from "./field-set-names";

/**
 * Centre-specific fields of the client file (domain-people §3.1): Eupen's and Châtelet's own data,
 * kept in the partner's `extra` object and shown only where the centre's settings
 * (`site_settings.client_field_sets`) name their field set.
 */

/** The field sets the centre uses, from its settings. */
export async function clientFieldSetsOf({ db, t }: Pick<TenantHandle, "db" | "t">): Promise<ReadonlySet<string>> {
  const [row] = await db
    .select({ sets: t.siteSettings.clientFieldSets })
    .from(t.siteSettings)
    .where(eq(t.siteSettings.id, 1));
  return new Set(row?.sets ?? []);
}

const extra = (
  set: ClientFieldSet,
  type: "text" | "longtext" | "boolean",
  key: string,
  opts: { max?: number; editable?: boolean; width?: number } = {},
): FieldDef => ({ ...jsonField(type, `fields.clientExtra.${key}`, (t) => t.partners.extra, key, opts), fieldSet: set });

export const eupenFields = {
  gesdosId: extra("eupen", "text", "gesdosId", { max: 40, width: 10 }),
  timId: extra("eupen", "text", "timId", { max: 40, width: 10 }),
  isCpas: extra("eupen", "boolean", "isCpas"),
  isSenior: extra("eupen", "boolean", "isSenior"),
  healthInsurance: extra("eupen", "text", "healthInsurance", { max: 200 }),
  pharmacy: extra("eupen", "text", "pharmacy", { max: 200 }),
  incomeAg: extra("eupen", "boolean", "incomeAg"),
  incomeWg: extra("eupen", "boolean", "incomeWg"),
  incomeKg: extra("eupen", "boolean", "incomeKg"),
  incomeRente: extra("eupen", "boolean", "incomeRente"),
  incomeMisc: extra("eupen", "boolean", "incomeMisc"),
  jobAgents: extra("eupen", "text", "jobAgents", { max: 200 }),
  /** Imported from the former TIM software; never edited here. */
  remarks2: extra("eupen", "longtext", "remarks2", { editable: false }),
};

export const chateletFields = {
  hasEsf: extra("chatelet", "boolean", "hasEsf"),
  childCustody: extra("chatelet", "longtext", "childCustody"),
  /** The area in which the client seeks a job (§2.8, Lino's active_job_search). */
  geographicArea: extra("chatelet", "text", "geographicArea", { max: 200 }),
};
