import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, serial, text, type PgSchema } from "drizzle-orm/pg-core";
import type { LocalizedText } from "@/db/control/schema";
import { type contactTables } from "./contacts";
import { type cvTables } from "./cv";
import {
  contractClientIndex,
  contractColumns,
  contractSignerIndexes,
  contractTypeColumns,
  type isipTables,
} from "./isip";
import { type userTables } from "./users";

type Contacts = ReturnType<typeof contactTables>;
type Cv = ReturnType<typeof cvTables>;
type Isip = ReturnType<typeof isipTables>;

/**
 * Immersion trainings (domain-integ-money §2.7, Châtelet's "stages d'immersion"): a contract kind on the
 * contracts' common base (columns from `contractColumns` / `contractTypeColumns`), with its goals.
 */
export function immersionTables(
  s: PgSchema,
  deps: {
    partners: Contacts["partners"];
    roleTypes: Contacts["roleTypes"];
    users: ReturnType<typeof userTables>["users"];
    examPolicies: Isip["examPolicies"];
    contractEndings: Isip["contractEndings"];
    cvSectors: Cv["cvSectors"];
    cvFunctions: Cv["cvFunctions"];
  },
) {
  const immersionContractTypes = s.table("immersion_contract_types", {
    ...contractTypeColumns(() => deps.examPolicies),
  });

  /** What a training is for (§2.7 Goal: discover a job, confirm a professional project…). */
  const immersionGoals = s.table("immersion_goals", {
    id: serial("id").primaryKey(),
    names: jsonb("names").$type<LocalizedText>().notNull(),
    version: integer("version").notNull().default(1),
  });

  const immersionContracts = s.table(
    "immersion_contracts",
    {
      ...contractColumns({
        partners: () => deps.partners,
        users: () => deps.users,
        examPolicies: () => deps.examPolicies,
        endings: () => deps.contractEndings,
      }),
      typeId: integer("type_id")
        .notNull()
        .references(() => immersionContractTypes.id),
      goalId: integer("goal_id")
        .notNull()
        .references(() => immersionGoals.id),
      /** The host organisation (mandatory), its contact person and the contact's role. */
      companyId: integer("company_id")
        .notNull()
        .references(() => deps.partners.id),
      contactPersonId: integer("contact_person_id").references(() => deps.partners.id),
      contactRoleId: integer("contact_role_id").references(() => deps.roleTypes.id),
      sectorId: integer("sector_id").references(() => deps.cvSectors.id),
      functionId: integer("function_id").references(() => deps.cvFunctions.id),
      referencePerson: text("reference_person").notNull().default(""),
      responsibilities: text("responsibilities").notNull().default(""),
      remark: text("remark").notNull().default(""),
    },
    (t) => [
      contractClientIndex("immersion_contracts_client_idx", t),
      ...contractSignerIndexes("immersion_contracts", t),
      index("immersion_contracts_user_idx").on(t.userId, t.appliesFrom),
      index("immersion_contracts_company_idx").on(t.companyId),
      check(
        "immersion_contracts_period",
        sql`coalesce(${t.dateEnded}, ${t.appliesUntil}) is null or coalesce(${t.dateEnded}, ${t.appliesUntil}) >= ${t.appliesFrom}`,
      ),
    ],
  );

  return { immersionContractTypes, immersionGoals, immersionContracts };
}
