/**
 * The automatic reminders of a client (domain-people §3.4, §10.5), as pure date rules: which
 * date each reminder falls on and whether its task is to be kept, created, updated or deleted.
 * Dates are ISO strings; `today` is a parameter.
 */

/** The three slots of a client's automatic tasks: which client date, how many months before. */
export const CLIENT_REMINDERS = [
  { autoType: 1, field: "cardValidUntil", months: 2, summary: "reminders.cardExpires" },
  { autoType: 2, field: "unavailableUntil", months: 1, summary: "reminders.availableAgain" },
  { autoType: 3, field: "workPermitSuspendedUntil", months: 1, summary: "reminders.workPermitSuspensionEnds" },
] as const;
export type ClientReminder = (typeof CLIENT_REMINDERS)[number];

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The same day `months` months later (earlier if negative), clamped to the month's last day: 31 March − 1 month = 28/29 February. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return iso(year, month, Math.min(d, lastDay(year, month)));
}

export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

export type ExistingTask = { state: string } | null;
export type ReminderStep = { do: "upsert"; date: string } | { do: "delete" } | { do: "nothing" };

/** A task the user changed (its state is no longer "to do") is never touched again by the automation. */
export const isUserModified = (task: { state: string }) => task.state !== "todo";

/**
 * Lino's rule for an automatic task: the reminder date is the client's date minus the delay; if it
 * is no more than a week ago, the task is created or brought up to date; otherwise (or without a
 * client date) it is deleted. A task the user already modified is kept as it is in both cases.
 */
export function reminderStep(
  eventDate: string | null,
  months: number,
  existing: ExistingTask,
  today: string,
): ReminderStep {
  return autoTaskStep(eventDate ? addMonths(eventDate, -months) : null, existing, today);
}

/** Lino's rule for any automatic task due on `date` (none: the task has no reason to exist). */
export function autoTaskStep(date: string | null, existing: ExistingTask, today: string): ReminderStep {
  if (existing && isUserModified(existing)) return { do: "nothing" };
  if (date && date >= addDays(today, -7)) return { do: "upsert", date };
  return existing ? { do: "delete" } : { do: "nothing" };
}

/** Lino's recurrence units as an upload type's expiry warning uses them (domain-people §13). */
export const EXPIRY_UNITS = ["daily", "weekly", "monthly", "yearly"] as const;
export type ExpiryUnit = (typeof EXPIRY_UNITS)[number];

/** `date` moved `value` units earlier; months and years keep the day, clamped to the month's end. */
export function unitsBefore(date: string, unit: ExpiryUnit, value: number): string {
  switch (unit) {
    case "daily":
      return addDays(date, -value);
    case "weekly":
      return addDays(date, -7 * value);
    case "monthly":
      return addMonths(date, -value);
    case "yearly":
      return addMonths(date, -12 * value);
  }
}

/**
 * An upload's expiry reminder (domain-people §13): for a needed upload whose type has an expiry
 * unit, a task on its end date minus the type's warning; otherwise none. Then the rule of §3.4.
 * Beyond Lino: a document scanned when its warning date has already passed but that is still
 * valid (a residence permit ending in six weeks, warned two months ahead) gets its reminder today;
 * Lino would create none, and the permit would expire unannounced.
 */
export function expiryReminderStep(
  upload: { endDate: string | null; needed: boolean; unit: string | null; value: number },
  existing: ExistingTask,
  today: string,
): ReminderStep {
  const unit = EXPIRY_UNITS.find((u) => u === upload.unit);
  if (!upload.needed || !unit || !upload.endDate) return autoTaskStep(null, existing, today);
  const warning = unitsBefore(upload.endDate, unit, upload.value);
  return autoTaskStep(warning < today && upload.endDate >= today ? today : warning, existing, today);
}
