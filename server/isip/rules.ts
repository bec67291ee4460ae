/**
 * The rules every integration contract shares (domain-integ-money §2.3, Lino's isip ContractBase), as pure
 * functions: ISIP/PIIS here, Art. 60§7, Art. 61 and immersion next. Dates are ISO `YYYY-MM-DD` strings.
 */
import { reminderStep } from "@/server/calendar/rules/reminders";
import { addUnits, type RecurrenceUnit } from "@/server/calendar/series/recurrence";

/** The dates of a contract as the rules read them. */
export interface ContractDates {
  appliesFrom: string | null;
  appliesUntil: string | null;
  dateEnded: string | null;
}

/**
 * The effective end after a save (§2.3): an empty `dateEnded` takes the planned end; when the planned
 * end was edited (`previousUntil` differs), the new planned end is copied into `dateEnded`.
 */
export function defaultDateEnded(values: ContractDates, previousUntil?: string | null): string | null {
  const untilEdited = previousUntil !== undefined && previousUntil !== values.appliesUntil;
  if (untilEdited || values.dateEnded === null) return values.appliesUntil;
  return values.dateEnded;
}

/** The period during which a contract is active: from its start to its effective (or else planned) end; null = open. */
export function activePeriod(c: ContractDates): { from: string | null; to: string | null } {
  return { from: c.appliesFrom, to: c.dateEnded ?? c.appliesUntil };
}

/** "Contract ends before it started." (§2.3): the active period is reversed. */
export function endsBeforeStart(c: ContractDates): boolean {
  const { from, to } = activePeriod(c);
  return from !== null && to !== null && to < from;
}

/**
 * Whether two active periods overlap (§2.3): touching dates (one ends the day the other starts) do
 * not; an open start or end reaches indefinitely.
 */
export function periodsOverlap(
  a: { from: string | null; to: string | null },
  b: { from: string | null; to: string | null },
): boolean {
  const startsAfterEnd = (x: { from: string | null }, y: { to: string | null }) =>
    x.from !== null && y.to !== null && x.from >= y.to;
  return !startsAfterEnd(a, b) && !startsAfterEnd(b, a);
}

/** The overlap groups of contract types (Lino's OverlapGroups). */
export const OVERLAP_GROUPS = ["contracts", "trainings"] as const;
export type OverlapGroup = (typeof OVERLAP_GROUPS)[number];

/** Another contract of the client, of any kind, as the overlap rule reads it. */
export interface OtherContract extends ContractDates {
  kind: string;
  id: number;
  overlapGroup: string | null;
}

/**
 * The first of the client's other contracts whose type has the same overlap group and whose active
 * period overlaps this one's (§2.3), or null. Without an overlap group a contract overlaps nothing.
 */
export function firstOverlap(
  contract: ContractDates & { kind: string; id: number | null; overlapGroup: string | null },
  others: readonly OtherContract[],
): OtherContract | null {
  if (!contract.overlapGroup) return null;
  const period = activePeriod(contract);
  for (const other of others) {
    if (other.kind === contract.kind && other.id === contract.id) continue;
    if (other.overlapGroup !== contract.overlapGroup) continue;
    if (periodsOverlap(period, activePeriod(other))) return other;
  }
  return null;
}

/** Lino's exact message, "Date range overlaps with <kind> #<id>.", in English (the translated one is `isip.overlap`). */
export const overlapMessage = (kindLabel: string, id: number) => `Date range overlaps with ${kindLabel} #${id}.`;

/**
 * The responsible general social service agent of a new contract (§2.3): the coach of the one GSS
 * coaching of the client covering the contract's period, unless that coach is the author; else nobody.
 */
export function responsibleAsd(
  authorId: number | null,
  contract: ContractDates,
  coachings: readonly { userId: number; startDate: string; endDate: string | null; gss: boolean }[],
): number | null {
  const { from, to } = activePeriod(contract);
  const covering = coachings.filter(
    (c) => c.gss && (from === null || c.startDate <= from) && (c.endDate === null || (to !== null && c.endDate >= to)),
  );
  if (covering.length !== 1) return null;
  const coach = covering[0]!.userId;
  return coach === authorId ? null : coach;
}

/**
 * The "contract ends in a month" task (§2.3): due one month before the effective (else planned) end,
 * and wanted only when that day is at most a week past (`today − 7 ≤ due`). Null: no task.
 */
export function endReminderDue(c: ContractDates, today: string): string | null {
  const step = reminderStep(c.dateEnded ?? c.appliesUntil, 1, null, today);
  return step.do === "upsert" ? step.date : null;
}

/** An exam policy's recurrence (§2.3 ExamPolicy). */
export interface ExamPolicy {
  every: number;
  everyUnit: RecurrenceUnit | null;
  maxEvents: number | null;
  startTime: string | null;
  endTime: string | null;
  entryTypeId: number | null;
}

/** Lino's exam policies allow Monday to Friday. */
export const EVALUATION_WEEKDAYS = [1, 2, 3, 4, 5] as const;

/**
 * The evaluation series of a contract (§2.3 algorithm, steps 1–3): the first date is the start plus one
 * step (months clamped to the month's end), entries up to the effective (else planned) end inclusive;
 * null when the policy, its unit, the start, the end or the entry type is missing (an open-ended
 * contract gets none: Lino stops at the planned end too).
 */
export function evaluationRule(c: ContractDates, policy: ExamPolicy | null, maxDefault: number) {
  if (!policy || !policy.everyUnit || policy.entryTypeId === null || !c.appliesFrom) return null;
  const until = c.dateEnded ?? c.appliesUntil;
  const first = addUnits(c.appliesFrom, policy.everyUnit, policy.every);
  if (!until || !first) return null;
  return {
    first,
    unit: policy.everyUnit,
    every: policy.every,
    weekdays: EVALUATION_WEEKDAYS,
    until,
    maxEvents: policy.maxEvents ?? maxDefault,
    startTime: policy.startTime,
    endTime: policy.endTime,
  };
}
