import { defineChoiceList } from "@/server/resources/choices";

/**
 * The subsidy formulas of an Art. 61 job supplyment (domain-integ-money §2.6, Lino's
 * `art61.Subsidizations`), by their stored value; a contract ticks any of them. Labels under
 * `choices.art61Subsidies.<value>`.
 */
export const ART61_SUBSIDIES = {
  "10": "activa",
  "20": "tutorat",
  "30": "region",
  "40": "sine",
  "50": "ptp",
} as const;
export type Art61SubsidyValue = keyof typeof ART61_SUBSIDIES;
export type Art61Subsidy = (typeof ART61_SUBSIDIES)[Art61SubsidyValue];

export const art61Subsidies = defineChoiceList("art61Subsidies", Object.keys(ART61_SUBSIDIES) as Art61SubsidyValue[]);

/** The subsidies named by their stored values ("10", "20"…), unknown values left out. */
export const subsidiesOf = (values: Iterable<string>): ReadonlySet<Art61Subsidy> =>
  new Set([...values].flatMap((v) => (v in ART61_SUBSIDIES ? [ART61_SUBSIDIES[v as Art61SubsidyValue]] : [])));
