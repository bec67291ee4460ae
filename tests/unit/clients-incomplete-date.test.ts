import { describe, expect, it } from "vitest";
import { isIncompleteDate as isBirthDate } from "@/lib/format";
import { parseIncompleteDate } from "@/server/clients/rules/incomplete-date";

describe("a client's birth date (Lino's incomplete dates)", () => {
  it("may leave the day, or the month and the day, unknown (00)", () => {
    for (const date of ["1995-07-14", "1995-07-00", "1995-00-00", "2000-02-29", "1995-02-00"])
      expect(isBirthDate(date), date).toBe(true);
    expect(parseIncompleteDate("1995-07-00")).toEqual({ year: 1995, month: 7, day: 0 });
  });

  it("refuses a day the month does not have, a month 13, a day without its month, an unknown year and anything else", () => {
    const refused = [
      "2026-02-30",
      "1900-02-29",
      "1995-04-31",
      "2026-13-01",
      "1995-00-15",
      "0000-00-00",
      "0000-06-01",
      "1995-7-1",
      "95-07-14",
      "1995-07-14T00:00",
      "abc",
      "",
    ];
    for (const date of refused) expect(isBirthDate(date), date).toBe(false);
    expect(parseIncompleteDate("1995-00-15")).toBeNull();
  });
});
