import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  serial,
  text,
  time,
  timestamp,
  type AnyPgColumn,
  type PgSchema,
} from "drizzle-orm/pg-core";
import type { LocalizedText } from "@/db/control/schema";
import { type calendarTables } from "./calendar";
import { type contactTables } from "./contacts";
import { type cvTables } from "./cv";
import { type userTables } from "./users";

type Partners = ReturnType<typeof contactTables>["partners"];
type Users = ReturnType<typeof userTables>["users"];
type EntryTypes = ReturnType<typeof calendarTables>["entryTypes"];
type StudyTypes = ReturnType<typeof cvTables>["cvStudyTypes"];
type WithId = () => { id: AnyPgColumn };

/**
 * The columns every contract type has (domain-integ-money §2.3 ContractTypeBase): ISIP types here,
 * Art. 60§7, Art. 61 and immersion types in their areas, built with the same factory.
 */
export const contractTypeColumns = (examPolicies: WithId) => ({
  id: serial("id").primaryKey(),
  names: jsonb("names").$type<LocalizedText>().notNull(),
  /** The name printed as the document's title, when it differs. */
  fullNames: jsonb("full_names").$type<LocalizedText>(),
  ref: text("ref"),
  examPolicyId: integer("exam_policy_id").references(() => examPolicies().id),
  /** Choice list overlapGroups (contracts, trainings); null: contracts of this type overlap anything. */
  overlapGroup: text("overlap_group"),
  version: integer("version").notNull().default(1),
});

/**
 * The columns every contract has (§2.3 ContractBase): who, when, how it ended, its evaluations' policy.
 * A contract kind's table spreads them and adds its own (`type_id` points to its own types table).
 */
export const contractColumns = (deps: {
  partners: () => Partners;
  users: () => Users;
  examPolicies: WithId;
  endings: WithId;
}) => ({
  id: serial("id").primaryKey(),
  clientId: integer("client_id")
    .notNull()
    .references(() => deps.partners().id),
  /** The author, "responsible integration agent". */
  userId: integer("user_id").references(() => deps.users().id),
  /** "Responsible GSS agent" (general social service). */
  userAsdId: integer("user_asd_id").references(() => deps.users().id),
  /** The print language (fr, nl, de, en). */
  language: text("language"),
  appliesFrom: date("applies_from").notNull(),
  /** Planned end. */
  appliesUntil: date("applies_until"),
  /** Effective end. */
  dateEnded: date("date_ended"),
  endingId: integer("ending_id").references(() => deps.endings().id),
  /** Ratified by the board. */
  dateDecided: date("date_decided"),
  /** Signed by the client. */
  dateIssued: date("date_issued"),
  examPolicyId: integer("exam_policy_id").references(() => deps.examPolicies().id),
  /** Who signs for the centre (§2.3): its secretary and its president, from the letterhead's settings at creation. */
  signer1Id: integer("signer1_id").references(() => deps.partners().id),
  signer2Id: integer("signer2_id").references(() => deps.partners().id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  version: integer("version").notNull().default(1),
});

/**
 * A contract table's index on its client. The end dates ride along so that "has a contract active in
 * the period" (the client lists' filters, the overlap rule) is answered from the index alone.
 */
export const contractClientIndex = (
  name: string,
  t: { clientId: AnyPgColumn; appliesFrom: AnyPgColumn; appliesUntil: AnyPgColumn; dateEnded: AnyPgColumn },
) => index(name).on(t.clientId, t.appliesFrom, t.appliesUntil, t.dateEnded);

/**
 * A contract table's indexes on its signers, for the deletion rule that protects a person who signed
 * one (probed with every person's read); partial, as most contracts' signers are the letterhead's few.
 */
export const contractSignerIndexes = (prefix: string, t: { signer1Id: AnyPgColumn; signer2Id: AnyPgColumn }) => [
  index(`${prefix}_signer1_idx`)
    .on(t.signer1Id)
    .where(sql`${t.signer1Id} is not null`),
  index(`${prefix}_signer2_idx`)
    .on(t.signer2Id)
    .where(sql`${t.signer2Id} is not null`),
];

/** ISIP / PIIS (§2.3–2.4): exam policies, contract endings, ISIP types and contracts with their partners. */
export function isipTables(
  s: PgSchema,
  deps: { partners: Partners; users: Users; entryTypes: EntryTypes; cvStudyTypes: StudyTypes },
) {
  /** How often a contract's evaluation meetings come (§2.3 ExamPolicy). */
  const examPolicies = s.table(
    "exam_policies",
    {
      id: serial("id").primaryKey(),
      names: jsonb("names").$type<LocalizedText>().notNull(),
      ref: text("ref"),
      every: integer("every").notNull().default(1),
      /** Choice list recurrenceUnits; null: no evaluation meetings ("Other"). */
      everyUnit: text("every_unit"),
      maxEvents: integer("max_events"),
      startTime: time("start_time"),
      endTime: time("end_time"),
      /** The entry type of the meetings; none: no meetings. */
      entryTypeId: integer("entry_type_id").references(() => deps.entryTypes.id),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      check("exam_policies_every", sql`${t.every} >= 1`),
      check("exam_policies_max_events", sql`${t.maxEvents} >= 1`),
    ],
  );

  /** Why a contract ended (§2.3 ContractEnding), for which kinds, and whether it is a success. */
  const contractEndings = s.table("contract_endings", {
    id: serial("id").primaryKey(),
    names: jsonb("names").$type<LocalizedText>().notNull(),
    useInIsip: boolean("use_in_isip").notNull().default(true),
    useInJobs: boolean("use_in_jobs").notNull().default(true),
    isSuccess: boolean("is_success").notNull().default(false),
    needsDateEnded: boolean("needs_date_ended").notNull().default(false),
    version: integer("version").notNull().default(1),
  });

  const isipContractTypes = s.table("isip_contract_types", {
    ...contractTypeColumns(() => examPolicies),
    needsStudyType: boolean("needs_study_type").notNull().default(false),
    /** Choice list isipClauses (server/isip/clauses.ts): the person's duties the print adds; null: none. */
    printedClauses: text("printed_clauses"),
  });

  const isipContracts = s.table(
    "isip_contracts",
    {
      ...contractColumns({
        partners: () => deps.partners,
        users: () => deps.users,
        examPolicies: () => examPolicies,
        endings: () => contractEndings,
      }),
      typeId: integer("type_id")
        .notNull()
        .references(() => isipContractTypes.id),
      /** The CV's study type (§2.4), required when the type "needs a study type". */
      studyTypeId: integer("study_type_id").references(() => deps.cvStudyTypes.id),
      stages: text("stages").notNull().default(""),
      goals: text("goals").notNull().default(""),
      dutiesAsd: text("duties_asd").notNull().default(""),
      dutiesDsbe: text("duties_dsbe").notNull().default(""),
      dutiesPcsw: text("duties_pcsw").notNull().default(""),
      dutiesPerson: text("duties_person").notNull().default(""),
      /** Beyond Lino: who allowed printing without PCSW duties (and without an active aid), and when. */
      printOverrideById: integer("print_override_by_id").references(() => deps.users.id),
      printOverrideAt: timestamp("print_override_at", { withTimezone: true }),
      /** Why printing was allowed without them, as the person who allowed it wrote it. */
      printOverrideReason: text("print_override_reason").notNull().default(""),
    },
    (t) => [
      contractClientIndex("isip_contracts_client_idx", t),
      ...contractSignerIndexes("isip_contracts", t),
      index("isip_contracts_user_idx").on(t.userId, t.appliesFrom),
      index("isip_contracts_study_type_idx").on(t.studyTypeId),
      check(
        "isip_contracts_period",
        sql`coalesce(${t.dateEnded}, ${t.appliesUntil}) is null or coalesce(${t.dateEnded}, ${t.appliesUntil}) >= ${t.appliesFrom}`,
      ),
    ],
  );

  /** External partners of an ISIP and what they undertake (§2.3 ContractPartner). */
  const isipPartners = s.table(
    "isip_partners",
    {
      id: serial("id").primaryKey(),
      contractId: integer("contract_id")
        .notNull()
        .references(() => isipContracts.id),
      companyId: integer("company_id")
        .notNull()
        .references(() => deps.partners.id),
      contactPersonId: integer("contact_person_id").references(() => deps.partners.id),
      dutiesCompany: text("duties_company").notNull().default(""),
      version: integer("version").notNull().default(1),
    },
    (t) => [index("isip_partners_contract_idx").on(t.contractId), index("isip_partners_company_idx").on(t.companyId)],
  );

  return { examPolicies, contractEndings, isipContractTypes, isipContracts, isipPartners };
}
