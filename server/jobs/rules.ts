/**
 * The Art. 60§7 rules that do not need a database (domain-integ-money §2.5), for the contract to
 * call on save. Dates are ISO strings (`YYYY-MM-DD`); a birth date may be incomplete (`1980-00-00`).
 */
import { addDays, addMonths } from "@/server/calendar/rules/reminders";

/** The working days an Art. 60§7 job supplyment lasts by the client's age (the duration field's choices). */
export const JOB_DURATIONS = [312, 468, 624] as const;

/** Lino counts 26 working days in a month when it derives an end date from a duration. */
const WORKING_DAYS_PER_MONTH = 26;

/**
 * A client's age in years on `on`, with its fraction (days / 365, as Lino computes it); an unknown
 * month or day of the birth date counts as January or the 1st (Lino's IncompleteDate.as_date).
 */
export function ageInYearsOn(birthDate: string, on: string): number {
  const [y, m, d] = birthDate.split("-").map(Number) as [number, number, number];
  const born = Date.UTC(y || 1900, (m || 1) - 1, d || 1);
  const days = Math.round((Date.parse(`${on}T00:00:00Z`) - born) / 86_400_000);
  return days / 365;
}

/** The duration (working days) by age: under 36 → 312, under 50 → 468, else 624. */
export function durationForAge(age: number): (typeof JOB_DURATIONS)[number] {
  if (age < 36) return 312;
  if (age < 50) return 468;
  return 624;
}

export interface JobSupplymentDates {
  appliesFrom: string | null;
  appliesUntil: string | null;
  /** Working days; `null` when not given. */
  duration: number | null;
}

/**
 * The duration and planned end a job supplyment gets on save (Lino's JobSupplyment.full_clean):
 * - no duration, a start and a known birth date: the duration by the client's age at the planned
 *   end if there is one, else at the start; without a planned end, the end becomes the start plus
 *   that many *calendar* days;
 * - a duration and no planned end: the end becomes the start plus duration / 26 whole months, less
 *   one day (312 → 12 months, 468 and 480 → 18, 624 → 24).
 * Nothing changes without a start date.
 */
export function jobSupplymentDefaults(values: JobSupplymentDates, birthDate: string | null): JobSupplymentDates {
  const { appliesFrom } = values;
  let { appliesUntil, duration } = values;
  if (!appliesFrom) return values;
  if (duration === null && birthDate) {
    duration = durationForAge(ageInYearsOn(birthDate, appliesUntil ?? appliesFrom));
    appliesUntil ??= addDays(appliesFrom, duration);
  }
  if (duration && !appliesUntil)
    appliesUntil = addDays(addMonths(appliesFrom, Math.trunc(duration / WORKING_DAYS_PER_MONTH)), -1);
  return { appliesFrom, appliesUntil, duration };
}

/** Candidature states (Lino's CandidatureStates), the values of the `candidatureStates` choice list. */
export const CANDIDATURE_STATE = {
  active: "10",
  probation: "20",
  failed: "25",
  working: "27",
  inactive: "30",
} as const;

/**
 * Whether saving a job supplyment makes the client's *active* candidatures inactive (Lino's
 * Contract.after_ui_save): when the contract names a job and its planned end lies after today.
 * A contract already over, or without a job, leaves the candidatures alone.
 */
export const deactivatesCandidatures = (
  contract: { jobId: number | null; appliesUntil: string | null },
  today: string,
) => contract.jobId !== null && contract.appliesUntil !== null && contract.appliesUntil > today;
