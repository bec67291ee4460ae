/**
 * Which rows a job offer shows beside it (Lino's SectorFunctionByOffer: the work experiences and the
 * candidatures "matching" the offer). Sectors and functions are the CV's configuration lists
 * (domain-integ-money §2.1), which this area does not copy: once the CV area declares them, offers
 * and candidatures get `sector` and `function` references and their "Experiences" and "Candidates"
 * panels select the rows for which this rule holds.
 */
export interface SectorFunction {
  sectorId: number | null;
  functionId: number | null;
}

/** Each of the offer's sector and function, when set, must be the row's; an offer with neither matches every row. */
export const matchesOffer = (offer: SectorFunction, row: SectorFunction) =>
  (offer.sectorId === null || offer.sectorId === row.sectorId) &&
  (offer.functionId === null || offer.functionId === row.functionId);
