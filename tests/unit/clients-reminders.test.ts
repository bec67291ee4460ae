import { describe, expect, it } from "vitest";
import { addMonths, reminderStep } from "@/server/calendar/rules/reminders";

const TODAY = "2014-05-22";
const todo = { state: "todo" };

describe("month arithmetic of the reminders", () => {
  it("keeps the day of month and clamps it to the end of a shorter month", () => {
    expect(addMonths("2014-07-15", -2)).toBe("2014-05-15");
    expect(addMonths("2014-05-31", -1)).toBe("2014-04-30");
    expect(addMonths("2014-04-30", -2)).toBe("2014-02-28");
    expect(addMonths("2016-04-30", -2)).toBe("2016-02-29");
  });

  it("crosses year boundaries both ways", () => {
    expect(addMonths("2015-01-31", -2)).toBe("2014-11-30");
    expect(addMonths("2014-12-15", 1)).toBe("2015-01-15");
  });
});

describe("what happens to an automatic task", () => {
  it("is created or updated on the client's date minus the delay when that is at most a week ago", () => {
    expect(reminderStep("2014-08-01", 2, null, TODAY)).toEqual({ do: "upsert", date: "2014-06-01" });
    expect(reminderStep("2014-07-15", 2, todo, TODAY)).toEqual({ do: "upsert", date: "2014-05-15" });
  });

  it("is deleted when the reminder date is more than a week past, or the client's date was cleared", () => {
    expect(reminderStep("2014-07-14", 2, todo, TODAY)).toEqual({ do: "delete" });
    expect(reminderStep(null, 1, todo, TODAY)).toEqual({ do: "delete" });
    expect(reminderStep(null, 1, null, TODAY)).toEqual({ do: "nothing" });
    expect(reminderStep("2010-01-01", 1, null, TODAY)).toEqual({ do: "nothing" });
  });

  it("leaves a task alone once the user changed its state", () => {
    expect(reminderStep("2014-08-01", 2, { state: "done" }, TODAY)).toEqual({ do: "nothing" });
    expect(reminderStep(null, 2, { state: "started" }, TODAY)).toEqual({ do: "nothing" });
  });
});
