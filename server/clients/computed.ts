import { sql } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import type { FieldDef } from "@/server/resources/define";
import { qualified as q } from "@/server/resources/query";
import { userNameOf } from "@/server/users/sql";
import { primaryCoachOf } from "@/server/coachings/sql";

/** Computed fields of a client (domain-people §3.5). */

/** The user of the client's primary coaching (whatever its dates). */
const primaryCoachId = (t: TenantTables) => primaryCoachOf(t, q(t.partners.id));

export const primaryCoach: FieldDef = {
  type: "ref",
  label: "fields.primaryCoach",
  width: 20,
  sortable: false,
  expr: primaryCoachId,
  ref: { resource: "users.users", display: (t) => userNameOf(t, primaryCoachId(t)) },
};

/** The job office contact: "person (organisation)" of a contact-person row. */
export const contactPersonLabel = (t: TenantTables, roleId: ReturnType<typeof q>) => sql<string>`(select
  trim(pp.first_name || ' ' || pp.last_name) || ' (' || pc.name || ')'
  from ${t.roles} r join ${t.partners} pp on pp.id = r.person_id join ${t.partners} pc on pc.id = r.company_id where r.id = ${roleId})`;
