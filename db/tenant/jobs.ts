import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  serial,
  text,
  timestamp,
  type PgSchema,
} from "drizzle-orm/pg-core";
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

/** What the background jobs leave for the centre's administrators (server/jobs). */
export function jobTables(s: PgSchema) {
  /**
   * A job of this centre that failed for good, after its retries: kept until an administrator
   * retries or dismisses it, so that no failure passes unseen.
   */
  const jobFailures = s.table(
    "job_failures",
    {
      id: bigserial("id", { mode: "number" }).primaryKey(),
      /** The queue's id of the job (pg-boss), to retry it. */
      jobId: text("job_id").notNull(),
      jobName: text("job_name").notNull(),
      payload: jsonb("payload").notNull().default({}),
      error: text("error").notNull(),
      attempts: integer("attempts").notNull(),
      failedAt: timestamp("failed_at", { withTimezone: true }).notNull().defaultNow(),
      version: integer("version").notNull().default(1),
    },
    (t) => [index("job_failures_failed_idx").on(t.failedAt)],
  );
  return { jobFailures };
}

/**
 * Art. 60§7 job supplyment without its contract (domain-integ-money §2.5, Lino's `jobs`): the
 * organisations where clients work, the places of work, job offers and the clients' candidatures.
 */
export function jobSupplyTables(
  s: PgSchema,
  deps: {
    partners: ReturnType<typeof contactTables>["partners"];
    users: ReturnType<typeof userTables>["users"];
  } & Pick<ReturnType<typeof isipTables>, "examPolicies" | "contractEndings"> &
    Pick<ReturnType<typeof cvTables>, "cvRegimes" | "cvSectors" | "cvFunctions">,
) {
  /** Kinds of jobs, for the statistics and the contracts situation (Lino's JobType, ordered by `seqno`). */
  const jobTypes = s.table("job_types", {
    id: serial("id").primaryKey(),
    seqno: integer("seqno").notNull().default(0),
    name: text("name").notNull(),
    remark: text("remark").notNull().default(""),
    isSocial: boolean("is_social").notNull().default(false),
    version: integer("version").notNull().default(1),
  });

  /** Work schedules offered to an Art. 60§7 contract: "5 days/week", "Individual"… */
  const jobSchedules = s.table("job_schedules", {
    id: serial("id").primaryKey(),
    names: jsonb("names").$type<LocalizedText>().notNull(),
    version: integer("version").notNull().default(1),
  });

  /**
   * An organisation of the contacts acting as a job provider ("service utilisateur"; Lino's
   * JobProvider, a Company subtype): the organisation itself stays in `partners`, this row only
   * marks it, under the organisation's own id.
   */
  const jobProviders = s.table("job_providers", {
    companyId: integer("company_id")
      .primaryKey()
      .references(() => deps.partners.id),
    version: integer("version").notNull().default(1),
  });

  /** A place of work at a provider, for one or more clients at a time (`capacity`). */
  const jobs = s.table(
    "jobs",
    {
      id: serial("id").primaryKey(),
      name: text("name").notNull(),
      typeId: integer("type_id").references(() => jobTypes.id),
      providerId: integer("provider_id").references(() => jobProviders.companyId),
      /** The type an Art. 60§7 contract for this job gets (forced on the contract). */
      contractTypeId: integer("contract_type_id").references(() => jobContractTypes.id),
      sectorId: integer("sector_id").references(() => deps.cvSectors.id),
      functionId: integer("function_id").references(() => deps.cvFunctions.id),
      /** Euro cents per hour. */
      hourlyRate: integer("hourly_rate"),
      capacity: integer("capacity").notNull().default(1),
      remark: text("remark").notNull().default(""),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      index("jobs_provider_idx").on(t.providerId),
      index("jobs_type_idx").on(t.typeId),
      check("jobs_capacity", sql`${t.capacity} >= 0`),
      check("jobs_hourly_rate", sql`${t.hourlyRate} is null or ${t.hourlyRate} >= 0`),
    ],
  );

  /** A job offer published by a provider, with its selection period and start date. */
  const jobOffers = s.table(
    "job_offers",
    {
      id: serial("id").primaryKey(),
      name: text("name").notNull().default(""),
      providerId: integer("provider_id").references(() => jobProviders.companyId),
      sectorId: integer("sector_id").references(() => deps.cvSectors.id),
      functionId: integer("function_id").references(() => deps.cvFunctions.id),
      selectionFrom: date("selection_from"),
      selectionUntil: date("selection_until"),
      startDate: date("start_date"),
      remark: text("remark").notNull().default(""),
      version: integer("version").notNull().default(1),
    },
    (t) => [index("job_offers_provider_idx").on(t.providerId)],
  );

  /** A client applying for a job (or for work in general), and how far it went. */
  const candidatures = s.table(
    "job_candidatures",
    {
      id: serial("id").primaryKey(),
      clientId: integer("client_id")
        .notNull()
        .references(() => deps.partners.id),
      jobId: integer("job_id").references(() => jobs.id),
      sectorId: integer("sector_id").references(() => deps.cvSectors.id),
      functionId: integer("function_id").references(() => deps.cvFunctions.id),
      dateSubmitted: date("date_submitted").notNull(),
      state: text("state").notNull().default("10"),
      /** Which contract kinds may satisfy it. */
      art60: boolean("art60").notNull().default(false),
      art61: boolean("art61").notNull().default(false),
      remark: text("remark").notNull().default(""),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      index("job_candidatures_client_idx").on(t.clientId, t.state),
      index("job_candidatures_job_idx").on(t.jobId, t.state),
    ],
  );

  /** Art. 60§7 contract types (Lino's jobs.ContractType): art60-7a Sozialökonomie… */
  const jobContractTypes = s.table("job_contract_types", {
    ...contractTypeColumns(() => deps.examPolicies),
    /** Choice list art60Clauses (server/jobs/clauses.ts): what the print adds for this type; null: nothing. */
    printedClauses: text("printed_clauses"),
  });

  /**
   * An Art. 60§7 job supplyment (Lino's jobs.Contract): the contracts' common base plus the job, its
   * provider as the company, the work's regime and schedule, the rates and the duration.
   */
  const jobContracts = s.table(
    "job_contracts",
    {
      ...contractColumns({
        partners: () => deps.partners,
        users: () => deps.users,
        examPolicies: () => deps.examPolicies,
        endings: () => deps.contractEndings,
      }),
      typeId: integer("type_id")
        .notNull()
        .references(() => jobContractTypes.id),
      jobId: integer("job_id")
        .notNull()
        .references(() => jobs.id),
      /** The job's provider (forced from the job when it has one). */
      companyId: integer("company_id").references(() => deps.partners.id),
      contactPersonId: integer("contact_person_id").references(() => deps.partners.id),
      regimeId: integer("regime_id").references(() => deps.cvRegimes.id),
      scheduleId: integer("schedule_id").references(() => jobSchedules.id),
      /** Euro cents per hour; the job's by default. */
      hourlyRate: integer("hourly_rate"),
      /** Free text offered "0%", "25%", "50%", "100%". */
      refundRate: text("refund_rate").notNull().default(""),
      /** Working days (312, 468, 624 by age). */
      duration: integer("duration"),
      referencePerson: text("reference_person").notNull().default(""),
      responsibilities: text("responsibilities").notNull().default(""),
      remark: text("remark").notNull().default(""),
    },
    (t) => [
      contractClientIndex("job_contracts_client_idx", t),
      ...contractSignerIndexes("job_contracts", t),
      index("job_contracts_user_idx").on(t.userId, t.appliesFrom),
      index("job_contracts_job_idx").on(t.jobId),
      index("job_contracts_company_idx").on(t.companyId),
      check(
        "job_contracts_period",
        sql`coalesce(${t.dateEnded}, ${t.appliesUntil}) is null or coalesce(${t.dateEnded}, ${t.appliesUntil}) >= ${t.appliesFrom}`,
      ),
      check("job_contracts_hourly_rate", sql`${t.hourlyRate} is null or ${t.hourlyRate} >= 0`),
      check("job_contracts_duration", sql`${t.duration} is null or ${t.duration} between 1 and 10000`),
    ],
  );

  return { jobTypes, jobSchedules, jobProviders, jobs, jobOffers, candidatures, jobContractTypes, jobContracts };
}
