/**
 * The series engine's rules (domain-people §10.4, Lino's EventGenerator.update_auto_events), pure:
 * which entries a series wants, where conflicts push them, what becomes of the entries already
 * generated. The database side (generate.ts) loads what these functions read and writes what they say.
 */
import type { LocalizedText } from "@/db/control/schema";
import { localized, type Locale } from "@/server/i18n/locale";
import { translatorFor } from "@/server/i18n/translator";
import { addDays } from "@/server/calendar/rules/reminders";
import { nextDate, toAllowedWeekday, type RecurrenceUnit, type Weekdays } from "./recurrence";

/** When an entry takes place: a day (or days), with or without times ("HH:MM:SS"). */
export interface Slot {
  startDate: string;
  endDate: string | null;
  startTime: string | null;
  endTime: string | null;
}

/** An entry that may stand in the way of another, with what its type says about it. */
export interface BusyEntry extends Slot {
  id?: number;
  roomId: number | null;
  userId: number | null;
  /** Its type locks every room (holidays): it conflicts with everything. */
  allRooms: boolean;
  /** Its type blocks its user (absences): it conflicts with whatever that user would be given. */
  locksUser: boolean;
  /** `type:id` of the series that generated it, null for a manual entry. */
  generator: string | null;
}

/** An entry being placed, and the limits its type sets. */
export interface Candidate extends Slot {
  id?: number;
  roomId: number | null;
  userId: number | null;
  generator: string | null;
}
export interface TypeLimits {
  maxConflicting: number;
  allRooms: boolean;
  transparent: boolean;
}

const lastDay = (s: Slot) => s.endDate ?? s.startDate;

/** Two slots overlap when their days meet and, on a single shared day where both have times, their hours too. */
export function overlaps(a: Slot, b: Slot): boolean {
  if (a.startDate > lastDay(b) || b.startDate > lastDay(a)) return false;
  const timed = (s: Slot) => s.startTime !== null && s.endTime !== null && lastDay(s) === s.startDate;
  if (!timed(a) || !timed(b) || a.startDate !== b.startDate) return true;
  return a.startTime! < b.endTime! && b.startTime! < a.endTime!;
}

/**
 * The entries `candidate` conflicts with (§10.4 rule 7): overlapping ones that lock every room, that
 * use its room, or (beyond Lino, issue 15 §3) that block its user (an absence). Entries of the same
 * series never conflict; a transparent type conflicts with nothing. `others` are the non-transparent,
 * non-cancelled entries around it.
 */
export function conflictingEntries(candidate: Candidate, type: TypeLimits, others: Iterable<BusyEntry>): BusyEntry[] {
  if (type.transparent) return [];
  const found: BusyEntry[] = [];
  for (const other of others) {
    if (candidate.id !== undefined && other.id === candidate.id) continue;
    if (candidate.generator !== null && other.generator === candidate.generator) continue;
    const blocksUser = other.locksUser && candidate.userId !== null && other.userId === candidate.userId;
    const sameRoom = candidate.roomId !== null && other.roomId === candidate.roomId;
    // A room-less entry of a type that locks no room meets only what blocks it; an all-rooms one meets everything.
    const meets = other.allRooms || blocksUser || sameRoom || (type.allRooms && candidate.roomId === null);
    if (meets && overlaps(candidate, other)) found.push(other);
  }
  return found;
}

/** Whether `candidate` may not take place as it is: a holiday or an absence always blocks, else more than `max_conflicting − 1` others. */
export function isConflicting(candidate: Candidate, type: TypeLimits, others: Iterable<BusyEntry>): boolean {
  const found = conflictingEntries(candidate, type, others);
  if (found.some((o) => o.allRooms || (o.locksUser && o.userId === candidate.userId))) return true;
  return found.length > type.maxConflicting - 1;
}

/** The busy entries of a stretch of days, indexed by day so that each look-up reads one day's entries. */
export class BusyCalendar {
  private readonly byDay = new Map<string, BusyEntry[]>();
  /** Longer entries are indexed on their first this-many days only (a year-long absence still blocks a year). */
  static readonly MAX_INDEXED_DAYS = 366;

  constructor(entries: Iterable<BusyEntry> = []) {
    for (const entry of entries) this.add(entry);
  }

  add(entry: BusyEntry) {
    let day = entry.startDate;
    for (let i = 0; i < BusyCalendar.MAX_INDEXED_DAYS && day <= lastDay(entry); i++, day = addDays(day, 1)) {
      const list = this.byDay.get(day);
      if (list) list.push(entry);
      else this.byDay.set(day, [entry]);
    }
  }

  /** The entries that touch any day of `slot`. */
  around(slot: Slot): BusyEntry[] {
    if (lastDay(slot) === slot.startDate) return this.byDay.get(slot.startDate) ?? [];
    const seen = new Set<BusyEntry>();
    for (let day = slot.startDate; day <= lastDay(slot); day = addDays(day, 1))
      for (const e of this.byDay.get(day) ?? []) seen.add(e);
    return [...seen];
  }
}

/** How a series recurs and how far (§10.4 recurrence set, with the owner's dates already applied). */
export interface SeriesRule {
  /** The first date asked for (a contract: its start + 1 unit; a holiday: its date), before the weekday move. */
  first: string;
  unit: RecurrenceUnit;
  every: number;
  weekdays: Weekdays;
  /** No entry after this day. */
  until: string;
  maxEvents: number;
  startTime: string | null;
  endTime: string | null;
}

/** Lino's site default `max_auto_events`: no series generates more entries than this unless told. */
export const MAX_AUTO_EVENTS = 72;

/** An entry a series generated earlier (only its number, state and day matter to planning). */
export interface GeneratedEntry {
  autoType: number;
  state: string;
  startDate: string;
}

/** A generated entry still "suggested" is the series' own; any other state means a person changed it (§10.2). */
export const isUserModified = (entry: { state: string }) => entry.state !== "suggested";

export interface PlannedEntry {
  autoType: number;
  startDate: string;
  startTime: string | null;
  endTime: string | null;
  userId: number | null;
  summary: string;
}

export interface PlanInput {
  rule: SeriesRule;
  existing: readonly GeneratedEntry[];
  summary: (n: number) => string;
  /** The responsible user of the entry falling on `date` (§10.4 rule 5). */
  responsible: (date: string) => number | null;
  /** Whether an entry at this place would conflict; absent, conflicts are not looked at (recurrent events, §10.1). */
  conflicts?: (slot: {
    date: string;
    startTime: string | null;
    endTime: string | null;
    userId: number | null;
  }) => boolean;
}

/**
 * The entries a series wants (§10.4 rule 4 and 6): from the first date, one every `every` units
 * moved to an allowed weekday, numbered 1, 2, 3…; an entry a user modified keeps its number and its
 * day, and the series continues from that day; a conflicting date moves a day on (then to an allowed
 * weekday) until it is free, and the series ends when that passes `until`.
 */
export function planSeries({ rule, existing, summary, responsible, conflicts }: PlanInput): PlannedEntry[] {
  const modified = new Map(existing.filter(isUserModified).map((e) => [e.autoType, e]));
  const planned: PlannedEntry[] = [];
  let date = toAllowedWeekday(rule.first, rule.weekdays);
  for (let n = 1; date !== null && date <= rule.until && n <= rule.maxEvents; n++) {
    const kept = modified.get(n);
    if (kept) {
      date = nextDate(kept.startDate, rule);
      continue;
    }
    let at: string | null = date;
    const slot = (d: string) => ({ date: d, startTime: rule.startTime, endTime: rule.endTime, userId: responsible(d) });
    while (conflicts && at !== null && at <= rule.until && conflicts(slot(at)))
      at = toAllowedWeekday(addDays(at, 1), rule.weekdays);
    if (at === null || at > rule.until) break;
    planned.push({
      autoType: n,
      startDate: at,
      startTime: rule.startTime,
      endTime: rule.endTime,
      userId: responsible(at),
      summary: summary(n),
    });
    date = nextDate(at, rule);
  }
  return planned;
}

/** What the stored entries need to become what the series wants. */
export interface SeriesDiff<E> {
  insert: PlannedEntry[];
  update: { entry: E; wanted: PlannedEntry }[];
  delete: E[];
}

/**
 * Matches the stored generated entries with the planned ones by number (§10.4 rule 6): an entry still
 * suggested is updated in place or deleted when no longer wanted; a user-modified entry is never
 * touched; a number nobody holds is inserted.
 */
export function diffSeries<E extends GeneratedEntry>(existing: readonly E[], planned: readonly PlannedEntry[]) {
  const diff: SeriesDiff<E> = { insert: [], update: [], delete: [] };
  const held = new Map<number, E>();
  for (const entry of existing) {
    if (isUserModified(entry)) continue;
    if (held.has(entry.autoType)) diff.delete.push(entry);
    else held.set(entry.autoType, entry);
  }
  const wanted = new Map(planned.map((p) => [p.autoType, p]));
  for (const [n, entry] of held) {
    const p = wanted.get(n);
    if (p) diff.update.push({ entry, wanted: p });
    else diff.delete.push(entry);
  }
  for (const p of planned) if (!held.has(p.autoType)) diff.insert.push(p);
  return diff;
}

/**
 * The summary of entry `n` of a series (§10.4 rule 4): "<entry label of the type> n", or, when the
 * type has no label, "Evaluation n" in `locale` (the author's language: "Auswertung 3", "Évaluation 3").
 */
export function numberedSummary(label: LocalizedText | null, locale: Locale, n: number): string {
  const text = label ? localized(label, locale) : "";
  return text ? `${text} ${n}` : translatorFor(locale)("series.numbered", { n });
}

/** A coaching as rule 5 of §10.4 reads it. */
export interface CoachingPeriod {
  userId: number;
  startDate: string;
  endDate: string | null;
  /** Its type is an integration coaching (`does_integ`). */
  integ: boolean;
}

/**
 * The responsible user of an entry on `date` (§10.4 rule 5): the author while they have an integration
 * coaching of the client active that day; otherwise the coach of the only integration coaching active
 * that day; otherwise the author still.
 */
export function responsibleCoach(authorId: number | null, coachings: readonly CoachingPeriod[], date: string) {
  const active = coachings.filter((c) => c.integ && c.startDate <= date && (c.endDate === null || c.endDate >= date));
  if (active.some((c) => c.userId === authorId)) return authorId;
  return active.length === 1 ? active[0]!.userId : authorId;
}
