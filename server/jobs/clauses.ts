/**
 * What an Art. 60§7 contract's print adds by its type (domain-integ-money §2.5; Lino's
 * jobs/Contract/Default.odt keyed them on the refs art60-7a, 7c, 7d, 7e). Here the type declares
 * it (`printedClauses`), editable in the type's form:
 * - socialEconomy (7a): the organisation is named as a social economy initiative recognised by the
 *   federal minister for social integration;
 * - refund (7c, 7d): the organisation refunds part of the costs monthly, per the annexed cost simulation;
 * - city (7e): the city signs too, through its mayor and its secretary.
 */
import { defineChoiceList } from "@/server/resources/choices";

export const ART60_CLAUSES = ["socialEconomy", "refund", "city"] as const;
export const art60Clauses = defineChoiceList("art60Clauses", ART60_CLAUSES);

/** The template's switches for a type's clauses (templates/art60Contract). */
export const art60ClauseFlags = (set: string | null) => ({
  socialEconomy: set === "socialEconomy",
  refundClause: set === "refund",
  cityBlock: set === "city",
});
