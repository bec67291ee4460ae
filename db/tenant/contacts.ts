import { sql, type SQLWrapper } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  serial,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
  type PgSchema,
} from "drizzle-orm/pg-core";
import { folded, inReadersOrder } from "@/db/text";
import type { LocalizedText } from "@/db/control/schema";
import type { geoTables } from "./geo";
import type { newcomerTables } from "./newcomers";

/** The columns of a partner that the quick search reads (of clients, persons, organisations, households), in `partners.search_text`. */
export const SEARCHED_COLUMNS = ["prefix", "name", "phone", "gsm", "email", "street", "vat_id", "national_id"] as const;

/**
 * The partner's searched texts in one string, folded (db/text.ts: no accents, lower case), kept by
 * PostgreSQL in a generated column that pg_trgm indexes (server/db/extensions.ts installs the
 * extension): a search compares the stored text instead of folding every candidate row again.
 * Whitespace separates the columns, so a search word, which has none, cannot match across two of
 * them: `search_text LIKE '%w%'` equals the OR of `folded(column) LIKE '%w%'` over these columns.
 */
const searchText = () =>
  folded(
    sql.join(
      SEARCHED_COLUMNS.map((c) => (c === "national_id" ? sql`coalesce(${sql.identifier(c)}, '')` : sql.identifier(c))),
      sql` || ' ' || `,
    ),
  );

/** What lists of partners, persons, clients and organisations sort by: the name in the readers' order. */
export const partnerNameOrder = (t: { name: SQLWrapper }) => inReadersOrder(t.name);

/**
 * Partners: persons, organisations and households in one table. Lino derives Person, Organisation
 * and Client from Partner (one row per level); one row with nullable columns per kind keeps every
 * list a single-table query and lets a partner be "seen as" person or client without joins.
 */
export function contactTables(
  s: PgSchema,
  geo: Pick<ReturnType<typeof geoTables>, "countries" | "places"> &
    Pick<ReturnType<typeof newcomerTables>, "faculties" | "brokers">,
) {
  const country = (name: string) => text(name).references(() => geo.countries.isoCode);
  const place = (name: string) => integer(name).references(() => geo.places.id);
  /** The columns of a postal address: an address row's, and the partner's copy of its primary one. */
  const postalAddress = () => ({
    countryCode: country("country_code"),
    placeId: place("place_id"),
    zipCode: text("zip_code").notNull().default(""),
    street: text("street").notNull().default(""),
    streetNo: text("street_no").notNull().default(""),
    streetBox: text("street_box").notNull().default(""),
    addr1: text("addr1").notNull().default(""),
    addr2: text("addr2").notNull().default(""),
  });

  const companyTypes = s.table("company_types", {
    id: serial("id").primaryKey(),
    names: jsonb("names").$type<LocalizedText>().notNull(),
    abbreviation: jsonb("abbreviation").$type<LocalizedText>().notNull().default({ fr: "" }),
    version: integer("version").notNull().default(1),
  });

  /** Functions of contact persons ("RoleType"): director, social worker, … */
  const roleTypes = s.table("role_types", {
    id: serial("id").primaryKey(),
    names: jsonb("names").$type<LocalizedText>().notNull(),
    /** Authorised to sign on behalf of the organisation. */
    canSign: boolean("can_sign").notNull().default(false),
    /** May be chosen as contact person of a job contract. */
    useInContracts: boolean("use_in_contracts").notNull().default(true),
    version: integer("version").notNull().default(1),
  });

  /** What a partner is for clients: health insurance, pharmacy, physician, bailiff, … */
  const clientContactTypes = s.table("client_contact_types", {
    id: serial("id").primaryKey(),
    names: jsonb("names").$type<LocalizedText>().notNull(),
    /** Persons of this type can be the doctor of a refund confirmation. */
    canRefund: boolean("can_refund").notNull().default(false),
    isBailiff: boolean("is_bailiff").notNull().default(false),
    version: integer("version").notNull().default(1),
  });

  /** Integration phases ("PersonGroup"): evaluation, training, search, work, standby. */
  const personGroups = s.table("person_groups", {
    id: serial("id").primaryKey(),
    names: jsonb("names").$type<LocalizedText>().notNull(),
    /** Short name used as a column of "users with their clients"; empty hides the column. */
    refName: text("ref_name").notNull().default(""),
    /** Clients in this phase count as actively integrating. */
    active: boolean("active").notNull().default(true),
    version: integer("version").notNull().default(1),
  });

  const partners = s.table(
    "partners",
    {
      id: serial("id").primaryKey(),
      kind: text("kind").notNull(),
      /** Persons: "last_name first_name", recomputed on save. */
      name: text("name").notNull(),
      prefix: text("prefix").notNull().default(""),
      language: text("language").notNull().default("fr"),
      email: text("email").notNull().default(""),
      url: text("url").notNull().default(""),
      phone: text("phone").notNull().default(""),
      gsm: text("gsm").notNull().default(""),
      fax: text("fax").notNull().default(""),
      // The primary postal address, mirrored from `addresses`.
      ...postalAddress(),
      remarks: text("remarks").notNull().default(""),
      isObsolete: boolean("is_obsolete").notNull().default(false),
      clientContactTypeId: integer("client_contact_type_id").references(() => clientContactTypes.id),
      // Persons.
      title: text("title").notNull().default(""),
      firstName: text("first_name").notNull().default(""),
      middleName: text("middle_name").notNull().default(""),
      lastName: text("last_name").notNull().default(""),
      gender: text("gender"),
      /** `YYYY-MM-DD`, where month and day may be 00 when unknown (Lino's incomplete dates). */
      birthDate: text("birth_date"),
      // Organisations.
      companyTypeId: integer("company_type_id").references(() => companyTypes.id),
      vatId: text("vat_id").notNull().default(""),
      // Clients (a person who asked the centre for help).
      isClient: boolean("is_client").notNull().default(false),
      clientState: text("client_state"),
      /** NISS as formatted by server/clients/rules/niss.ts; unique per centre. */
      nationalId: text("national_id"),
      nationalityCode: country("nationality_code"),
      birthCountryCode: country("birth_country_code"),
      birthPlace: text("birth_place").notNull().default(""),
      nationalityText: text("nationality_text").notNull().default(""),
      civilState: text("civil_state"),
      residenceType: text("residence_type"),
      inBelgiumSince: date("in_belgium_since"),
      residenceUntil: date("residence_until"),
      declaredName: boolean("declared_name").notNull().default(false),
      needsResidencePermit: boolean("needs_residence_permit").notNull().default(false),
      needsWorkPermit: boolean("needs_work_permit").notNull().default(false),
      unemployedSince: date("unemployed_since"),
      seekingSince: date("seeking_since"),
      workPermitSuspendedUntil: date("work_permit_suspended_until"),
      unavailableUntil: date("unavailable_until"),
      unavailableWhy: text("unavailable_why").notNull().default(""),
      obstacles: text("obstacles").notNull().default(""),
      skills: text("skills").notNull().default(""),
      refusalReason: text("refusal_reason"),
      /** The faculty a newcomer is attributed to (domain-people §9): decides who may coach them. */
      facultyId: integer("faculty_id").references((): AnyPgColumn => geo.faculties.id),
      /** The institution that sent the newcomer (domain-people §9). */
      brokerId: integer("broker_id").references((): AnyPgColumn => geo.brokers.id),
      groupId: integer("group_id").references(() => personGroups.id),
      /** Contact person at the job office (a contact-person row; never the client himself). */
      jobOfficeContactId: integer("job_office_contact_id").references((): AnyPgColumn => roles.id, {
        onDelete: "set null",
      }),
      isSeeking: boolean("is_seeking").notNull().default(false),
      // eID card (read from the card, §7).
      cardNumber: text("card_number").notNull().default(""),
      cardType: text("card_type"),
      cardValidFrom: date("card_valid_from"),
      cardValidUntil: date("card_valid_until"),
      cardIssuer: text("card_issuer").notNull().default(""),
      nobleCondition: text("noble_condition").notNull().default(""),
      /** Words of the name as Double Metaphone keys, for finding similar clients. */
      phoneticWords: text("phonetic_words")
        .array()
        .notNull()
        .default(sql`'{}'::text[]`),
      /** What the quick search reads: see `searchText`. */
      searchText: text("search_text").generatedAlwaysAs(searchText),
      // Centre-specific fields (shown only where the centre's settings enable them).
      extra: jsonb("extra").$type<Record<string, unknown>>().notNull().default({}),
      createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
      modifiedAt: timestamp("modified_at", { withTimezone: true }).notNull().defaultNow(),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      check("partners_kind", sql`${t.kind} in ('person', 'organisation', 'household')`),
      check("partners_client_is_person", sql`not ${t.isClient} or ${t.kind} = 'person'`),
      uniqueIndex("partners_national_id_key").on(t.nationalId),
      // Lists by name (partnerNameOrder), ascending with NULLS FIRST as server/resources/query.ts sorts.
      index("partners_name_idx").on(sql`${partnerNameOrder(t)} nulls first`, t.id),
      // The quick search: one trigram index serves `LIKE '%word%'` over all searched columns, accents and case folded.
      index("partners_search_idx").using("gin", sql`${t.searchText} extensions.gin_trgm_ops`),
      index("partners_last_name_idx").on(sql`lower(${t.lastName})`),
      // Clients by id: the probe side of "clients coached by …" and of their counts, read index-only.
      index("partners_clients_idx")
        .on(t.id, t.isObsolete)
        .where(sql`${t.isClient}`),
      index("partners_client_state_idx")
        .on(t.clientState, t.id)
        .where(sql`${t.isClient}`),
      index("partners_phonetic_idx").using("gin", t.phoneticWords),
      // A faculty's clients (its deletion check, ClientsByFaculty).
      index("partners_faculty_idx")
        .on(t.facultyId)
        .where(sql`${t.facultyId} is not null`),
      // A broker's clients (its deletion check).
      index("partners_broker_idx")
        .on(t.brokerId)
        .where(sql`${t.brokerId} is not null`),
    ],
  );

  /** Postal addresses of a partner; the primary one is mirrored into the partner row. */
  const addresses = s.table(
    "addresses",
    {
      id: serial("id").primaryKey(),
      partnerId: integer("partner_id")
        .notNull()
        .references(() => partners.id),
      addressType: text("address_type").notNull().default("01"),
      dataSource: text("data_source").notNull().default("manual"),
      ...postalAddress(),
      remark: text("remark").notNull().default(""),
      primary: boolean("primary").notNull().default(false),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      index("addresses_partner_idx").on(t.partnerId),
      uniqueIndex("addresses_one_primary")
        .on(t.partnerId)
        .where(sql`${t.primary}`),
    ],
  );

  /** Contact persons: a person acting in a function for an organisation ("Role"). */
  const roles = s.table(
    "roles",
    {
      id: serial("id").primaryKey(),
      companyId: integer("company_id")
        .notNull()
        .references(() => partners.id),
      personId: integer("person_id")
        .notNull()
        .references(() => partners.id),
      typeId: integer("type_id").references(() => roleTypes.id),
      startDate: date("start_date"),
      endDate: date("end_date"),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      index("roles_company_idx").on(t.companyId),
      index("roles_person_idx").on(t.personId),
      check("roles_dates", sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`),
    ],
  );

  /** A client's contacts: their health insurance, pharmacy, doctor, lawyer, bailiff… */
  const clientContacts = s.table(
    "client_contacts",
    {
      id: serial("id").primaryKey(),
      clientId: integer("client_id")
        .notNull()
        .references(() => partners.id),
      typeId: integer("type_id").references(() => clientContactTypes.id),
      companyId: integer("company_id").references(() => partners.id),
      contactPersonId: integer("contact_person_id").references(() => partners.id),
      roleTypeId: integer("role_type_id").references(() => roleTypes.id),
      remark: text("remark").notNull().default(""),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      index("client_contacts_client_idx").on(t.clientId),
      check("client_contacts_someone", sql`${t.companyId} is not null or ${t.contactPersonId} is not null`),
    ],
  );

  return { companyTypes, roleTypes, clientContactTypes, personGroups, partners, addresses, roles, clientContacts };
}
