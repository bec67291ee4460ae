// Finding a date (issue 15 §5): the free slots an agent is proposed, from working hours, holidays
// and what the agent already has planned, in Brussels wall-clock time.
import { describe, expect, it } from "vitest";
import { DEFAULT_WORKING_HOURS, freeSlots, type SlotQuery } from "@/server/calendar/rules/free-slots";

// 2026-03-02 is a Monday.
const base: SlotQuery = {
  from: "2026-03-02",
  days: 7,
  duration: 30,
  limit: 5,
  workingHours: DEFAULT_WORKING_HOURS,
  busy: [],
};
const starts = (q: Partial<SlotQuery>) => freeSlots({ ...base, ...q }).map((s) => `${s.date} ${s.start}`);

describe("free slots", () => {
  it("start at the beginning of the working day and follow each other by the step", () => {
    expect(starts({ limit: 3 })).toEqual(["2026-03-02 08:30", "2026-03-02 08:45", "2026-03-02 09:00"]);
  });

  it("stay inside a working period: none runs into the lunch break or past the end of the day", () => {
    const monday = freeSlots({ ...base, duration: 60, limit: 50 }).filter((s) => s.date === "2026-03-02");
    expect(monday.map((s) => s.start)).toContain("11:00");
    expect(monday.map((s) => s.start)).not.toContain("11:15");
    expect(monday.at(-1)).toMatchObject({ start: "16:00", end: "17:00" });
  });

  it("are never on a day without working hours (the weekend) nor on a holiday", () => {
    const all = freeSlots({
      ...base,
      from: "2026-03-06",
      days: 4,
      duration: 480,
      limit: 10,
      workingHours: [
        { weekday: 5, start: 480, end: 960 },
        { weekday: 1, start: 480, end: 960 },
        { weekday: 2, start: 480, end: 960 },
      ],
      closedDays: new Set(["2026-03-09"]),
    });
    // Friday 6th and Tuesday 10th; not the weekend, not the holiday Monday 9th.
    expect(all.map((s) => s.date)).toEqual(["2026-03-06"]);
    expect(
      starts({
        from: "2026-03-06",
        days: 5,
        duration: 60,
        limit: 1,
        closedDays: new Set(["2026-03-06", "2026-03-09"]),
      }),
    ).toEqual(["2026-03-10 08:30"]);
  });

  it("avoid what the agent has planned, and an absence over several days", () => {
    expect(
      starts({
        limit: 2,
        busy: [
          { start: "2026-03-02T08:30", end: "2026-03-02T09:10" },
          { start: "2026-03-02T09:15", end: "2026-03-02T10:00" },
        ],
      }),
    ).toEqual(["2026-03-02 10:00", "2026-03-02 10:15"]);
    expect(starts({ limit: 1, busy: [{ start: "2026-03-02T00:00", end: "2026-03-05T00:00" }] })).toEqual([
      "2026-03-05 08:30",
    ]);
  });

  it("need room for the whole duration: a gap shorter than the appointment is skipped", () => {
    const busy = [
      { start: "2026-03-02T08:30", end: "2026-03-02T09:00" },
      { start: "2026-03-02T09:30", end: "2026-03-02T12:00" },
    ];
    expect(starts({ limit: 1, duration: 30, busy })).toEqual(["2026-03-02 09:00"]);
    expect(starts({ limit: 1, duration: 45, busy })).toEqual(["2026-03-02 13:00"]);
  });

  it("start no earlier than now", () => {
    expect(starts({ limit: 1, notBefore: "2026-03-02T10:05" })).toEqual(["2026-03-02 10:15"]);
  });

  it("keep their wall-clock time when summer time begins in Brussels, and their instant moves by an hour", () => {
    // Summer time began on Sunday 29 March 2026: Friday 27th is UTC+1, Monday 30th UTC+2.
    const slots = freeSlots({ ...base, from: "2026-03-27", days: 4, limit: 50, duration: 60 });
    const friday = slots.find((s) => s.date === "2026-03-27" && s.start === "08:30")!;
    const monday = slots.find((s) => s.date === "2026-03-30" && s.start === "08:30")!;
    expect(friday.startsAt).toBe("2026-03-27T07:30:00.000Z");
    expect(monday.startsAt).toBe("2026-03-30T06:30:00.000Z");
    // Winter time again on Sunday 25 October 2026.
    const [october] = freeSlots({ ...base, from: "2026-10-26", days: 1, limit: 1 });
    expect(october!.startsAt).toBe("2026-10-26T07:30:00.000Z");
  });

  it("count a day that changes clock as a normal working day: an appointment over the change lasts its wall-clock length", () => {
    const night = [{ weekday: 7, start: 60, end: 240 }];
    // Sunday 29 March 2026 from 01:00: 02:00–03:00 does not exist, the slot still reads 01:00–03:00.
    const [slot] = freeSlots({ ...base, from: "2026-03-29", days: 1, limit: 1, duration: 120, workingHours: night });
    expect(slot).toMatchObject({ start: "01:00", end: "03:00", startsAt: "2026-03-29T00:00:00.000Z" });
  });
});
