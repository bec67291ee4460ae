import { sql } from "drizzle-orm";
import { boolean, check, index, integer, text, type PgSchema } from "drizzle-orm/pg-core";
import type { contactTables } from "./contacts";
import type { cvTables } from "./cv";
import {
  contractClientIndex,
  contractColumns,
  contractSignerIndexes,
  contractTypeColumns,
  type isipTables,
} from "./isip";
import type { userTables } from "./users";

type Contacts = ReturnType<typeof contactTables>;
type Cv = ReturnType<typeof cvTables>;
type Isip = ReturnType<typeof isipTables>;

/**
 * Art. 61 job supplyment (domain-integ-money §2.6, Lino's `art61`): a contract with a private
 * employer on the contracts' common base (db/tenant/isip.ts), its company and contact person on the
 * contract itself, the job it describes and one flag per subsidy formula (server/art61/subsidies.ts).
 */
export function art61Tables(
  s: PgSchema,
  deps: {
    partners: Contacts["partners"];
    roleTypes: Contacts["roleTypes"];
    users: ReturnType<typeof userTables>["users"];
    examPolicies: Isip["examPolicies"];
    contractEndings: Isip["contractEndings"];
    cvStatuses: Cv["cvStatuses"];
    cvRegimes: Cv["cvRegimes"];
    cvDurations: Cv["cvDurations"];
  },
) {
  const art61ContractTypes = s.table(
    "art61_contract_types",
    contractTypeColumns(() => deps.examPolicies),
  );

  const art61Contracts = s.table(
    "art61_contracts",
    {
      ...contractColumns({
        partners: () => deps.partners,
        users: () => deps.users,
        examPolicies: () => deps.examPolicies,
        endings: () => deps.contractEndings,
      }),
      typeId: integer("type_id")
        .notNull()
        .references(() => art61ContractTypes.id),
      /** The employer (mandatory: an Art. 61 contract is with a private employer). */
      companyId: integer("company_id")
        .notNull()
        .references(() => deps.partners.id),
      contactPersonId: integer("contact_person_id").references(() => deps.partners.id),
      contactRoleId: integer("contact_role_id").references(() => deps.roleTypes.id),
      jobTitle: text("job_title").notNull().default(""),
      statusId: integer("status_id").references(() => deps.cvStatuses.id),
      cvDurationId: integer("cv_duration_id").references(() => deps.cvDurations.id),
      regimeId: integer("regime_id").references(() => deps.cvRegimes.id),
      /** Working days. */
      duration: integer("duration"),
      referencePerson: text("reference_person").notNull().default(""),
      responsibilities: text("responsibilities").notNull().default(""),
      remark: text("remark").notNull().default(""),
      /** One flag per subsidy formula (art61Subsidies): Activa, tutorate, Walloon Region, SINE, PTP. */
      subsidize10: boolean("subsidize_10").notNull().default(false),
      subsidize20: boolean("subsidize_20").notNull().default(false),
      subsidize30: boolean("subsidize_30").notNull().default(false),
      subsidize40: boolean("subsidize_40").notNull().default(false),
      subsidize50: boolean("subsidize_50").notNull().default(false),
    },
    (t) => [
      contractClientIndex("art61_contracts_client_idx", t),
      ...contractSignerIndexes("art61_contracts", t),
      index("art61_contracts_user_idx").on(t.userId, t.appliesFrom),
      index("art61_contracts_company_idx").on(t.companyId),
      check("art61_contracts_duration", sql`${t.duration} is null or ${t.duration} >= 0`),
      check(
        "art61_contracts_period",
        sql`coalesce(${t.dateEnded}, ${t.appliesUntil}) is null or coalesce(${t.dateEnded}, ${t.appliesUntil}) >= ${t.appliesFrom}`,
      ),
    ],
  );

  return { art61ContractTypes, art61Contracts };
}
