/**
 * Finding a date (issue 15 §5): the next free slots of an agent, as a pure function of the agent's
 * working hours, the days nobody works (holidays) and the intervals the agent is busy. Everything is
 * Brussels wall-clock time, as calendar entries store it: a slot at 09:00 stays at 09:00 on the day
 * summer time begins, and only its instant (`startsAt`) moves. No database, no clock.
 */
import { brusselsWallClock } from "@/lib/format";

/** One period of work on a weekday (1 = Monday … 7 = Sunday), in minutes after midnight. */
export interface WorkingPeriod {
  weekday: number;
  start: number;
  end: number;
}

/**
 * When the centre has not set a user's hours: Monday to Friday, 8:30–12:00 and 13:00–17:00.
 * A user's own rows replace these whole.
 */
export const DEFAULT_WORKING_HOURS: readonly WorkingPeriod[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, start: 8 * 60 + 30, end: 12 * 60 },
  { weekday, start: 13 * 60, end: 17 * 60 },
]);

/** A busy stretch of wall-clock time: from `start` (inclusive) to `end` (exclusive), "YYYY-MM-DDTHH:MM". */
export interface BusyInterval {
  start: string;
  end: string;
}

export interface FreeSlot {
  /** The Brussels day, "YYYY-MM-DD". */
  date: string;
  /** Wall-clock start and end, "HH:MM". */
  start: string;
  end: string;
  /** The slot's start as an instant (UTC ISO string). */
  startsAt: string;
}

export interface SlotQuery {
  /** First day to look at, "YYYY-MM-DD". */
  from: string;
  /** Number of days to look at from `from`. */
  days: number;
  /** Length of the appointment in minutes. */
  duration: number;
  /** Slots start on multiples of this many minutes after the period's start (default 15). */
  step?: number;
  /** Nothing before this wall-clock moment ("YYYY-MM-DDTHH:MM"): now, when looking from today. */
  notBefore?: string;
  /** How many slots at most. */
  limit: number;
  workingHours: readonly WorkingPeriod[];
  /** Days without any slot: holidays, days the type's limit is reached. */
  closedDays?: ReadonlySet<string>;
  busy: readonly BusyInterval[];
}

const DAY = 1440;
/** Days since 1970-01-01 of "YYYY-MM-DD" (wall-clock arithmetic: every day has 1440 minutes). */
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const isoOfDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
/** Minutes since 1970-01-01 00:00 of a wall-clock "YYYY-MM-DDTHH:MM". */
export const wallMinutes = (wall: string) => dayNumber(wall.slice(0, 10)) * DAY + minutesOf(wall.slice(11, 16));
/** "HH:MM" (or "HH:MM:SS") as minutes after midnight. */
export const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
export const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
/** ISO weekday, 1 = Monday. */
const weekdayOf = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

/** The instant at which Brussels' clock reads `date` `minutes` (the later one if the clock passes it twice). */
export function brusselsInstant(date: string, minutes: number): Date {
  const asUtc = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), 0, minutes);
  // Brussels is UTC+1 or UTC+2: try the offset of the guess, then the offset at the result.
  let instant = asUtc;
  for (let i = 0; i < 2; i++) instant = asUtc - (brusselsWallClock(new Date(instant)).getTime() - instant);
  return new Date(instant);
}

/** Busy intervals merged and sorted, in wall-clock minutes. */
function merged(busy: readonly BusyInterval[]): [number, number][] {
  const spans = busy
    .map((b) => [wallMinutes(b.start), wallMinutes(b.end)] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const span of spans) {
    const last = out.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else out.push([...span]);
  }
  return out;
}

/**
 * The first `limit` slots of `duration` minutes, in time order, that lie inside a working period,
 * on no closed day, after `notBefore`, and overlap no busy interval.
 */
export function freeSlots(q: SlotQuery): FreeSlot[] {
  if (q.duration <= 0 || q.limit <= 0) return [];
  const step = q.step ?? 15;
  const busy = merged(q.busy);
  const notBefore = q.notBefore ? wallMinutes(q.notBefore) : -Infinity;
  const first = dayNumber(q.from);
  const slots: FreeSlot[] = [];
  let b = 0; // busy intervals ending before the candidate are behind us for good
  for (let day = first; day < first + q.days; day++) {
    const date = isoOfDay(day);
    if (q.closedDays?.has(date)) continue;
    const periods = q.workingHours.filter((p) => p.weekday === weekdayOf(day)).sort((x, y) => x.start - y.start);
    for (const period of periods) {
      for (let start = period.start; start + q.duration <= period.end; start += step) {
        const from = day * DAY + start;
        const to = from + q.duration;
        if (from < notBefore) continue;
        while (b < busy.length && busy[b]![1] <= from) b++;
        // The first busy interval still open: if it begins before the slot ends, the slot overlaps it.
        const next = busy[b];
        if (next && next[0] < to) {
          // Jump to the first step at or after the end of the busy stretch.
          const resume = next[1] - day * DAY;
          start = period.start + Math.ceil((resume - period.start) / step) * step - step;
          continue;
        }
        slots.push({
          date,
          start: hhmm(start),
          end: hhmm(start + q.duration),
          startsAt: brusselsInstant(date, start).toISOString(),
        });
        if (slots.length >= q.limit) return slots;
      }
    }
  }
  return slots;
}

/**
 * The stretches during which at least `max` of the intervals overlap: when a room or an entry type
 * allows `max` simultaneous entries (§10.1 `max_conflicting`), these are the times it is full.
 */
export function saturated(intervals: readonly BusyInterval[], max: number): BusyInterval[] {
  const points = intervals
    .flatMap((i) => [
      { at: i.start, delta: 1 },
      { at: i.end, delta: -1 },
    ])
    // Ends before starts at the same moment: back-to-back entries do not overlap.
    .sort((a, b) => a.at.localeCompare(b.at) || a.delta - b.delta);
  const out: BusyInterval[] = [];
  let count = 0;
  let since: string | null = null;
  for (const p of points) {
    count += p.delta;
    if (count >= max && since === null) since = p.at;
    else if (count < max && since !== null) {
      if (p.at > since) out.push({ start: since, end: p.at });
      since = null;
    }
  }
  return out;
}
