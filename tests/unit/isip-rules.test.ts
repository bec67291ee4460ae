import { describe, expect, it } from "vitest";
import { planSeries, responsibleCoach } from "@/server/calendar/series/plan";
import {
  defaultDateEnded,
  endReminderDue,
  endsBeforeStart,
  evaluationRule,
  firstOverlap,
  overlapMessage,
  periodsOverlap,
  responsibleAsd,
  type ExamPolicy,
} from "@/server/isip/rules";

// Hand-computed cases from domain-integ-money §2.3 (the contracts' common base).
const dates = (appliesFrom: string | null, appliesUntil: string | null, dateEnded: string | null = null) => ({
  appliesFrom,
  appliesUntil,
  dateEnded,
});

describe("end date defaults", () => {
  it("an empty effective end takes the planned end", () => {
    expect(defaultDateEnded(dates("2026-01-01", "2026-06-30"))).toBe("2026-06-30");
  });
  it("an effective end given stays when the planned end is not edited", () => {
    expect(defaultDateEnded(dates("2026-01-01", "2026-06-30", "2026-03-15"), "2026-06-30")).toBe("2026-03-15");
  });
  it("editing the planned end copies it into the effective end", () => {
    expect(defaultDateEnded(dates("2026-01-01", "2026-09-30", "2026-06-30"), "2026-06-30")).toBe("2026-09-30");
  });
  it("an open contract stays open", () => {
    expect(defaultDateEnded(dates("2026-01-01", null))).toBeNull();
  });
});

describe("ends before it started", () => {
  it("a reversed period is refused, a one-day contract is not", () => {
    expect(endsBeforeStart(dates("2026-05-02", "2026-05-01"))).toBe(true);
    expect(endsBeforeStart(dates("2026-05-01", "2026-05-01"))).toBe(false);
  });
  it("the effective end counts before the planned one", () => {
    expect(endsBeforeStart(dates("2026-05-02", "2026-12-31", "2026-04-30"))).toBe(true);
  });
  it("an open end never ends before its start", () => {
    expect(endsBeforeStart(dates("2026-05-02", null))).toBe(false);
  });
});

describe("overlap", () => {
  const p = (from: string | null, to: string | null) => ({ from, to });
  it("touching dates (one ends the day the other starts) do not overlap", () => {
    expect(periodsOverlap(p("2026-01-01", "2026-03-31"), p("2026-03-31", "2026-06-30"))).toBe(false);
  });
  it("one day in common overlaps", () => {
    expect(periodsOverlap(p("2026-01-01", "2026-04-01"), p("2026-03-31", "2026-06-30"))).toBe(true);
  });
  it("separate periods do not overlap", () => {
    expect(periodsOverlap(p("2026-01-01", "2026-02-28"), p("2026-03-01", "2026-06-30"))).toBe(false);
  });
  it("an open end overlaps everything after its start", () => {
    expect(periodsOverlap(p("2026-01-01", null), p("2030-01-01", "2030-02-01"))).toBe(true);
    expect(periodsOverlap(p("2026-01-01", null), p("2025-01-01", "2026-01-01"))).toBe(false);
  });
  it("two open ends overlap", () => {
    expect(periodsOverlap(p("2026-01-01", null), p("2027-01-01", null))).toBe(true);
  });

  const others = [
    { kind: "isip", id: 7, overlapGroup: "contracts", ...dates("2026-01-01", "2026-06-30") },
    { kind: "jobs", id: 3, overlapGroup: "trainings", ...dates("2026-01-01", "2026-12-31") },
  ];
  it("only a contract of the same group is in the way, whatever its kind", () => {
    const mine = { kind: "jobs", id: null, overlapGroup: "contracts", ...dates("2026-06-01", "2026-12-31") };
    expect(firstOverlap(mine, others)?.id).toBe(7);
    expect(firstOverlap({ ...mine, overlapGroup: "trainings" }, others)?.id).toBe(3);
  });
  it("a type without group overlaps nothing", () => {
    expect(
      firstOverlap({ kind: "isip", id: null, overlapGroup: null, ...dates("2026-03-01", null) }, others),
    ).toBeNull();
  });
  it("a contract is not in its own way", () => {
    expect(
      firstOverlap({ kind: "isip", id: 7, overlapGroup: "contracts", ...dates("2026-02-01", null) }, others),
    ).toBeNull();
  });
  it("the effective end decides, not the planned one", () => {
    const ended = [
      { kind: "isip", id: 7, overlapGroup: "contracts", ...dates("2026-01-01", "2026-12-31", "2026-03-31") },
    ];
    const mine = { kind: "isip", id: null, overlapGroup: "contracts", ...dates("2026-03-31", null) };
    expect(firstOverlap(mine, ended)).toBeNull();
  });
  it("the message is Lino's", () => {
    expect(overlapMessage("ISIP", 7)).toBe("Date range overlaps with ISIP #7.");
  });
});

describe("responsible ASD agent", () => {
  const gss = (userId: number, startDate: string, endDate: string | null) => ({
    userId,
    startDate,
    endDate,
    gss: true,
  });
  const contract = dates("2026-02-01", "2026-07-31");
  it("the coach of the one GSS coaching covering the period", () => {
    expect(responsibleAsd(1, contract, [gss(5, "2025-01-01", null)])).toBe(5);
  });
  it("nobody when that coach is the author", () => {
    expect(responsibleAsd(5, contract, [gss(5, "2025-01-01", null)])).toBeNull();
  });
  it("nobody when two GSS coachings cover it, or none covers all of it", () => {
    expect(responsibleAsd(1, contract, [gss(5, "2025-01-01", null), gss(6, "2026-01-01", null)])).toBeNull();
    expect(responsibleAsd(1, contract, [gss(5, "2025-01-01", "2026-05-31")])).toBeNull();
    expect(responsibleAsd(1, contract, [gss(5, "2026-03-01", null)])).toBeNull();
  });
  it("an integration coaching is no GSS coaching", () => {
    expect(responsibleAsd(1, contract, [{ ...gss(5, "2025-01-01", null), gss: false }])).toBeNull();
  });
});

describe("contract ends in a month", () => {
  it("is due one month before the end, months clamped", () => {
    expect(endReminderDue(dates("2026-01-01", "2027-03-31"), "2026-12-06")).toBe("2027-02-28");
  });
  it("the effective end counts", () => {
    expect(endReminderDue(dates("2026-01-01", "2027-06-30", "2027-01-15"), "2026-12-06")).toBe("2026-12-15");
  });
  it("is made up to a week late, not later", () => {
    // Due 29 November: 7 days before 6 December, still wanted; 28 November is not.
    expect(endReminderDue(dates("2026-01-01", "2026-12-29"), "2026-12-06")).toBe("2026-11-29");
    expect(endReminderDue(dates("2026-01-01", "2026-12-28"), "2026-12-06")).toBeNull();
  });
  it("an open contract has none", () => {
    expect(endReminderDue(dates("2026-01-01", null), "2026-12-06")).toBeNull();
  });
});

describe("evaluation dates", () => {
  const monthly: ExamPolicy = {
    every: 1,
    everyUnit: "monthly",
    maxEvents: null,
    startTime: "09:00:00",
    endTime: null,
    entryTypeId: 1,
  };
  const plan = (c: ReturnType<typeof dates>, policy: ExamPolicy) =>
    planSeries({
      rule: evaluationRule(c, policy, 72)!,
      existing: [],
      summary: (n) => `E${n}`,
      responsible: () => 1,
    }).map((e) => e.startDate);

  it("monthly from 31 January: clamped to the month's end, then to a weekday, shifts accumulating", () => {
    // 2026-01-31 + 1 M = 2026-02-28 (Sat) → Mon 2 March; + 1 M = 2 April (Thu); + 1 M = 2 May (Sat) → Mon 4 May.
    expect(plan(dates("2026-01-31", "2026-05-31"), monthly)).toEqual(["2026-03-02", "2026-04-02", "2026-05-04"]);
  });
  it("the end is inclusive", () => {
    // 2026-03-02 (Mon) + 1 M = 2026-04-02 (Thu), the last day.
    expect(plan(dates("2026-03-02", "2026-04-02"), monthly)).toEqual(["2026-04-02"]);
    expect(plan(dates("2026-03-02", "2026-04-01"), monthly)).toEqual([]);
  });
  it("the effective end stops the series", () => {
    expect(plan(dates("2026-01-05", "2026-12-31", "2026-03-10"), monthly)).toEqual(["2026-02-05", "2026-03-05"]);
  });
  it("once after 10 days gives one entry", () => {
    const once: ExamPolicy = { ...monthly, every: 10, everyUnit: "daily", maxEvents: 1 };
    // 2026-12-07 (Mon) + 10 days = Thu 17 December.
    expect(plan(dates("2026-12-07", "2027-06-30"), once)).toEqual(["2026-12-17"]);
  });
  it("every two weeks", () => {
    const biweekly: ExamPolicy = { ...monthly, every: 2, everyUnit: "weekly" };
    expect(plan(dates("2026-12-07", "2027-01-20"), biweekly)).toEqual(["2026-12-21", "2027-01-04", "2027-01-18"]);
  });
  it("no entries without policy, unit, entry type or end", () => {
    const c = dates("2026-01-01", "2026-12-31");
    expect(evaluationRule(c, null, 72)).toBeNull();
    expect(evaluationRule(c, { ...monthly, everyUnit: null }, 72)).toBeNull();
    expect(evaluationRule(c, { ...monthly, entryTypeId: null }, 72)).toBeNull();
    expect(evaluationRule(dates("2026-01-01", null), monthly, 72)).toBeNull();
  });
  it("the policy's maximum, else the site's", () => {
    expect(evaluationRule(dates("2026-01-01", "2026-12-31"), monthly, 72)!.maxEvents).toBe(72);
    expect(evaluationRule(dates("2026-01-01", "2026-12-31"), { ...monthly, maxEvents: 3 }, 72)!.maxEvents).toBe(3);
  });
});

describe("responsible coach per date", () => {
  const integ = (userId: number, startDate: string, endDate: string | null) => ({
    userId,
    startDate,
    endDate,
    integ: true,
  });
  // Author 1 coaches until 31 March; from 1 April only coach 2 does.
  const coachings = [integ(1, "2026-01-01", "2026-03-31"), integ(2, "2026-04-01", null)];
  it("the author while coaching, the other coach from the switch on", () => {
    expect(responsibleCoach(1, coachings, "2026-03-31")).toBe(1);
    expect(responsibleCoach(1, coachings, "2026-04-01")).toBe(2);
  });
  it("the author again when two others coach that day", () => {
    expect(responsibleCoach(1, [...coachings, integ(3, "2026-04-01", null)], "2026-05-01")).toBe(1);
  });
});
