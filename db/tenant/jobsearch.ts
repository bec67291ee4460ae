import { boolean, date, index, integer, serial, text, type PgSchema } from "drizzle-orm/pg-core";
import { type contactTables } from "./contacts";

/** Active job search (domain-integ-money §2.8, Châtelet): the client's proofs of search. */
export function jobSearchTables(s: PgSchema, deps: { partners: ReturnType<typeof contactTables>["partners"] }) {
  const jobSearchProofs = s.table(
    "job_search_proofs",
    {
      id: serial("id").primaryKey(),
      clientId: integer("client_id")
        .notNull()
        .references(() => deps.partners.id),
      date: date("date"),
      /** The organisation applied to, if any. */
      companyId: integer("company_id").references(() => deps.partners.id),
      spontaneous: boolean("spontaneous").notNull().default(false),
      /** A response to a job offer. */
      response: boolean("response").notNull().default(false),
      remarks: text("remarks").notNull().default(""),
      version: integer("version").notNull().default(1),
    },
    (t) => [index("job_search_proofs_client_idx").on(t.clientId, t.date)],
  );
  return { jobSearchProofs };
}
