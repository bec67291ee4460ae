import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { TenantTables } from "@/db/tenant/tables";
import { qualified as q } from "@/server/resources/query";

/**
 * Which rows a job offer shows beside it (Lino's SectorFunctionByOffer: the work experiences and the
 * candidatures "matching" the offer). Sectors and functions are the CV's configuration lists
 * (domain-integ-money §2.1); offers, candidatures and experiences refer to them, and the offer's
 * "Experiences" and "Candidates" panels select the rows for which this rule holds (`offerMatchesSql`).
 */
export interface SectorFunction {
  sectorId: number | null;
  functionId: number | null;
}

/** Each of the offer's sector and function, when set, must be the row's; an offer with neither matches every row. */
export const matchesOffer = (offer: SectorFunction, row: SectorFunction) =>
  (offer.sectorId === null || offer.sectorId === row.sectorId) &&
  (offer.functionId === null || offer.functionId === row.functionId);

/** `matchesOffer` in SQL, for the rows (`row`'s sector and function columns) beside offer `offerId`. */
export const offerMatchesSql = (
  t: TenantTables,
  offerId: number,
  row: { sectorId: AnyPgColumn; functionId: AnyPgColumn },
): SQL => {
  const o = t.jobOffers;
  return sql`exists (select 1 from ${o} where ${q(o.id)} = ${offerId}
    and (${q(o.sectorId)} is null or ${q(o.sectorId)} = ${q(row.sectorId)})
    and (${q(o.functionId)} is null or ${q(o.functionId)} = ${q(row.functionId)}))`;
};
