// The series engine's rules (domain-people §10.4), written from the domain text: recurrence units,
// month ends, weekday moves, conflicts with holidays, absences and room limits, numbering and the
// summary's language, the responsible coach per date, user-modified entries kept.
import { describe, expect, it } from "vitest";
import { addUnits, isoWeekday, nextDate, toAllowedWeekday } from "@/server/calendar/series/recurrence";
import {
  BusyCalendar,
  conflictingEntries,
  diffSeries,
  isConflicting,
  numberedSummary,
  planSeries,
  responsibleCoach,
  type BusyEntry,
  type SeriesRule,
} from "@/server/calendar/series/plan";

const MON_FRI = [1, 2, 3, 4, 5];
const rule = (over: Partial<SeriesRule> = {}): SeriesRule => ({
  first: "2024-01-31",
  unit: "monthly",
  every: 1,
  weekdays: null,
  until: "2024-12-31",
  maxEvents: 72,
  startTime: "09:00:00",
  endTime: null,
  ...over,
});
const plan = (r: SeriesRule, extra: Partial<Parameters<typeof planSeries>[0]> = {}) =>
  planSeries({ rule: r, existing: [], summary: (n) => `Evaluation ${n}`, responsible: () => 7, ...extra });
const busy = (over: Partial<BusyEntry>): BusyEntry => ({
  startDate: "2024-03-01",
  endDate: null,
  startTime: null,
  endTime: null,
  roomId: null,
  userId: null,
  allRooms: false,
  locksUser: false,
  generator: null,
  ...over,
});

describe("recurrence units", () => {
  it("adds days, weeks, months and years; 'once' has no next date", () => {
    expect(addUnits("2024-02-27", "daily", 3)).toBe("2024-03-01");
    expect(addUnits("2024-02-27", "weekly", 2)).toBe("2024-03-12");
    expect(addUnits("2024-02-29", "yearly", 1)).toBe("2025-02-28");
    expect(addUnits("2024-02-27", "once", 1)).toBeNull();
  });

  it("keeps the day of month, clamped to the month's end: 31 Jan + 1 M = 28 Feb, then 28 Mar (§10.4 rule 4)", () => {
    expect(addUnits("2023-01-31", "monthly", 1)).toBe("2023-02-28");
    expect(addUnits("2024-01-31", "monthly", 1)).toBe("2024-02-29");
    const dates = plan(rule({ first: "2023-01-31", until: "2023-04-30" })).map((e) => e.startDate);
    expect(dates).toEqual(["2023-01-31", "2023-02-28", "2023-03-28", "2023-04-28"]);
    expect(addUnits("2024-08-31", "monthly", 3)).toBe("2024-11-30");
  });

  // Dates from the published Belgian calendars (Ascension = Easter + 39 days, Whit Monday + 50).
  it("repeats a day relative to Easter: Ascension and Whit Monday 2024–2030", () => {
    const ascension = [
      "2024-05-09",
      "2025-05-29",
      "2026-05-14",
      "2027-05-06",
      "2028-05-25",
      "2029-05-10",
      "2030-05-30",
    ];
    const whitMonday = [
      "2024-05-20",
      "2025-06-09",
      "2026-05-25",
      "2027-05-17",
      "2028-06-05",
      "2029-05-21",
      "2030-06-10",
    ];
    const easterMonday = [
      "2024-04-01",
      "2025-04-21",
      "2026-04-06",
      "2027-03-29",
      "2028-04-17",
      "2029-04-02",
      "2030-04-22",
    ];
    for (const days of [ascension, whitMonday, easterMonday]) {
      const r = rule({ first: days[0]!, unit: "easter", until: "2030-12-31", startTime: null });
      expect(plan(r).map((e) => e.startDate)).toEqual(days);
      expect(addUnits(days[0]!, "easter", 6)).toBe(days[6]);
    }
  });

  it("moves a date to the next allowed weekday, at most a week on", () => {
    expect(isoWeekday("2024-06-01")).toBe(6); // a Saturday
    expect(toAllowedWeekday("2024-06-01", MON_FRI)).toBe("2024-06-03");
    expect(toAllowedWeekday("2024-06-03", MON_FRI)).toBe("2024-06-03");
    expect(toAllowedWeekday("2024-06-01", null)).toBe("2024-06-01");
    expect(toAllowedWeekday("2024-06-01", [])).toBeNull();
    // every month from 31 May 2024: 1 Jun is a Saturday → Monday 3 Jun; the next step starts from there.
    expect(nextDate("2024-05-31", { unit: "monthly", every: 1, weekdays: MON_FRI })).toBe("2024-07-01");
  });

  it("stops at the end date and at the maximum count; every N units", () => {
    expect(plan(rule({ first: "2024-01-15", every: 2, until: "2024-07-15" })).map((e) => e.startDate)).toEqual([
      "2024-01-15",
      "2024-03-15",
      "2024-05-15",
      "2024-07-15",
    ]);
    expect(plan(rule({ first: "2024-01-15", maxEvents: 2 }))).toHaveLength(2);
    expect(plan(rule({ first: "2024-01-15", unit: "once" }))).toHaveLength(1);
    expect(plan(rule({ first: "2025-01-15" }))).toEqual([]);
  });
});

describe("conflicts (§10.4 rule 7)", () => {
  const evaluation = { maxConflicting: 4, allRooms: false, transparent: false };
  const candidate = {
    startDate: "2024-03-01",
    endDate: null,
    startTime: "09:00:00",
    endTime: "10:00:00",
    roomId: null,
    userId: 7,
    generator: "contract:1",
  };

  it("a holiday always conflicts, whatever the type allows", () => {
    expect(isConflicting(candidate, evaluation, [busy({ allRooms: true })])).toBe(true);
    expect(isConflicting(candidate, evaluation, [busy({ allRooms: true, startDate: "2024-03-02" })])).toBe(false);
  });

  it("an absence blocks its own user only (beyond Lino, issue 15 §3)", () => {
    const absence = busy({ locksUser: true, userId: 7, startDate: "2024-02-26", endDate: "2024-03-08" });
    expect(isConflicting(candidate, evaluation, [absence])).toBe(true);
    expect(isConflicting({ ...candidate, userId: 8 }, evaluation, [absence])).toBe(false);
  });

  it("same-room entries count up to max_conflicting − 1; times that do not overlap do not count", () => {
    const room = { ...candidate, roomId: 3 };
    const inRoom = (startTime: string | null, endTime: string | null) => busy({ roomId: 3, startTime, endTime });
    const three = [inRoom("09:30:00", "10:30:00"), inRoom(null, null), inRoom("08:00:00", "09:30:00")];
    expect(isConflicting(room, evaluation, three)).toBe(false);
    expect(isConflicting(room, evaluation, [...three, inRoom("09:00:00", "09:15:00")])).toBe(true);
    expect(isConflicting(room, evaluation, [...three, inRoom("10:00:00", "11:00:00")])).toBe(false);
    expect(isConflicting(room, { ...evaluation, maxConflicting: 1 }, [inRoom(null, null)])).toBe(true);
    expect(
      isConflicting(room, evaluation, [busy({ roomId: 4 }), busy({ roomId: 4 }), busy({}), busy({}), busy({})]),
    ).toBe(false);
  });

  it("entries of the same series never conflict; a transparent type conflicts with nothing", () => {
    expect(conflictingEntries(candidate, evaluation, [busy({ allRooms: true, generator: "contract:1" })])).toEqual([]);
    expect(isConflicting(candidate, { ...evaluation, transparent: true }, [busy({ allRooms: true })])).toBe(false);
  });

  it("a conflicting date moves a day on, then to an allowed weekday; the series continues from there", () => {
    // Friday 29 March 2024 (Good Friday, a centre's holiday) and Monday 1 April (Easter Monday).
    const calendar = new BusyCalendar([
      busy({ allRooms: true, startDate: "2024-03-29" }),
      busy({ allRooms: true, startDate: "2024-04-01" }),
    ]);
    const r = rule({ first: "2024-02-29", weekdays: MON_FRI, until: "2024-05-31" });
    const conflicts = (s: { date: string; startTime: string | null; endTime: string | null; userId: number | null }) =>
      isConflicting(
        { ...candidate, startDate: s.date, startTime: s.startTime, endTime: s.endTime, userId: s.userId },
        evaluation,
        calendar.around({ startDate: s.date, endDate: null, startTime: null, endTime: null }),
      );
    // 29 Mar is a holiday, then comes the weekend, then Easter Monday: 2 April; the next month counts from there.
    expect(plan(r, { conflicts }).map((e) => e.startDate)).toEqual(["2024-02-29", "2024-04-02", "2024-05-02"]);
  });

  it("gives up when resolving a conflict passes the end date", () => {
    const calendar = new BusyCalendar([busy({ allRooms: true, startDate: "2024-12-31" })]);
    const r = rule({ first: "2024-12-31", until: "2024-12-31" });
    const conflicts = (s: { date: string }) =>
      calendar.around({ startDate: s.date, endDate: null, startTime: null, endTime: null }).length > 0;
    expect(plan(r, { conflicts })).toEqual([]);
  });
});

describe("numbering, summaries and responsible users", () => {
  it("numbers entries and writes the summary in the author's language", () => {
    const label = { fr: "Évaluation", de: "Auswertung", nl: "Evaluatie", en: "Evaluation" };
    expect(numberedSummary(label, "de", 3)).toBe("Auswertung 3");
    expect(numberedSummary(label, "fr", 3)).toBe("Évaluation 3");
    // A type without a label: "Evaluation n" translated.
    expect(numberedSummary(null, "de", 2)).toBe("Auswertung 2");
    expect(numberedSummary(null, "fr", 2)).toBe("Évaluation 2");
    expect(numberedSummary(null, "nl", 2)).toBe("Evaluatie 2");
    const entries = planSeries({
      rule: rule({ until: "2024-03-31" }),
      existing: [],
      summary: (n) => numberedSummary(label, "de", n),
      responsible: () => null,
    });
    expect(entries.map((e) => [e.autoType, e.summary])).toEqual([
      [1, "Auswertung 1"],
      [2, "Auswertung 2"],
      [3, "Auswertung 3"],
    ]);
  });

  it("keeps the author while their integration coaching is active, else the only integration coach of that date", () => {
    const coachings = [
      { userId: 1, startDate: "2024-01-01", endDate: "2024-03-31", integ: true },
      { userId: 2, startDate: "2024-04-01", endDate: null, integ: true },
      { userId: 3, startDate: "2024-01-01", endDate: null, integ: false },
    ];
    expect(responsibleCoach(1, coachings, "2024-02-15")).toBe(1);
    expect(responsibleCoach(1, coachings, "2024-05-15")).toBe(2);
    expect(responsibleCoach(3, coachings, "2024-02-15")).toBe(1);
    const two = [...coachings, { userId: 4, startDate: "2024-01-01", endDate: null, integ: true }];
    expect(responsibleCoach(3, two, "2024-05-15")).toBe(3);
    const entries = plan(rule({ first: "2024-02-15", until: "2024-05-31" }), {
      responsible: (d) => responsibleCoach(1, coachings, d),
    });
    expect(entries.map((e) => e.userId)).toEqual([1, 1, 2, 2]);
  });
});

describe("user-modified entries (§10.4 rule 6)", () => {
  const existing = [
    { id: 11, autoType: 1, state: "suggested", startDate: "2024-01-31" },
    { id: 12, autoType: 2, state: "draft", startDate: "2024-03-05" },
    { id: 13, autoType: 3, state: "suggested", startDate: "2024-03-29" },
    { id: 14, autoType: 9, state: "suggested", startDate: "2024-09-30" },
  ];

  it("keeps a modified entry and continues the series from its date", () => {
    const planned = plan(rule({ until: "2024-05-31" }), { existing });
    expect(planned.map((p) => [p.autoType, p.startDate])).toEqual([
      [1, "2024-01-31"],
      [3, "2024-04-05"],
      [4, "2024-05-05"],
    ]);
  });

  it("updates unmodified entries in place, deletes those no longer wanted, never touches modified ones", () => {
    const planned = plan(rule({ until: "2024-05-31" }), { existing });
    const diff = diffSeries(existing, planned);
    expect(diff.update.map((u) => [u.entry.id, u.wanted.startDate])).toEqual([
      [11, "2024-01-31"],
      [13, "2024-04-05"],
    ]);
    expect(diff.delete.map((e) => e.id)).toEqual([14]);
    expect(diff.insert.map((p) => p.autoType)).toEqual([4]);
  });
});
