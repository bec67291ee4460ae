import { describe, expect, it } from "vitest";
import {
  ageDisplay,
  ageOn,
  ageRangeBounds,
  filterPeriod,
  isActiveIn,
  isActiveOn,
  isCoachedBy,
} from "@/server/clients/rules/period";

const TODAY = "2014-05-22";

describe("filter period defaults", () => {
  it("is today when both dates are empty", () => {
    expect(filterPeriod(null, null, TODAY)).toEqual({ start: TODAY, end: TODAY });
    expect(filterPeriod("", undefined, TODAY)).toEqual({ start: TODAY, end: TODAY });
  });

  it("takes the end for an empty start, and the start for an empty end: one day, not an open range", () => {
    expect(filterPeriod(null, "2014-01-31", TODAY)).toEqual({ start: "2014-01-31", end: "2014-01-31" });
    expect(filterPeriod("2013-01-01", null, TODAY)).toEqual({ start: "2013-01-01", end: "2013-01-01" });
  });

  it("keeps both given dates", () => {
    expect(filterPeriod("2013-01-01", "2013-12-31", TODAY)).toEqual({ start: "2013-01-01", end: "2013-12-31" });
  });
});

describe("active in a period", () => {
  const period = { start: "2014-03-01", end: "2014-03-31" };
  const c = (startDate: string | null, endDate: string | null) => ({ startDate, endDate });

  it("starts by the period's end and does not end before its start (both inclusive)", () => {
    expect(isActiveIn(c("2014-03-31", null), period)).toBe(true);
    expect(isActiveIn(c("2014-04-01", null), period)).toBe(false);
    expect(isActiveIn(c("2013-01-01", "2014-03-01"), period)).toBe(true);
    expect(isActiveIn(c("2013-01-01", "2014-02-28"), period)).toBe(false);
    expect(isActiveIn(c("2014-03-10", "2014-03-12"), period)).toBe(true);
    expect(isActiveIn(c("2013-01-01", "2015-01-01"), period)).toBe(true);
    expect(isActiveIn(c(null, null), period)).toBe(false);
  });

  it("on one date", () => {
    expect(isActiveOn(c("2014-05-22", "2014-05-22"), TODAY)).toBe(true);
    expect(isActiveOn(c("2014-05-23", null), TODAY)).toBe(false);
    expect(isActiveOn(c("2012-01-01", "2014-05-21"), TODAY)).toBe(false);
  });

  it('"coached by" needs the user\'s coaching active in the period, primary when asked', () => {
    const coachings = [
      { userId: 7, primary: false, startDate: "2013-01-01", endDate: null },
      { userId: 8, primary: true, startDate: "2012-01-01", endDate: "2013-06-30" },
    ];
    const today = filterPeriod(null, null, TODAY);
    expect(isCoachedBy(coachings, 7, today)).toBe(true);
    expect(isCoachedBy(coachings, 7, today, true)).toBe(false);
    expect(isCoachedBy(coachings, 8, today)).toBe(false);
    expect(isCoachedBy(coachings, 8, filterPeriod("2013-06-01", "2013-12-31", TODAY), true)).toBe(true);
    expect(isCoachedBy(coachings, 9, today)).toBe(false);
  });
});

describe("age", () => {
  it("counts whole years, the birthday included", () => {
    expect(ageOn("1968-06-01", TODAY)).toBe(45);
    expect(ageOn("1968-05-22", TODAY)).toBe(46);
    expect(ageOn("1968-05-23", TODAY)).toBe(45);
    expect(ageOn("2014-05-22", TODAY)).toBe(0);
  });

  it("counts an unknown month or day as the earliest, and gives no age without a year", () => {
    expect(ageOn("1968-00-00", TODAY)).toBe(46);
    expect(ageOn("1968-05-00", TODAY)).toBe(46);
    expect(ageOn("1968-06-00", TODAY)).toBe(45);
    expect(ageOn(null, TODAY)).toBeNull();
    expect(ageOn("0000-06-01", TODAY)).toBeNull();
    expect(ageOn("not a date", TODAY)).toBeNull();
  });

  it("handles 29 February", () => {
    expect(ageOn("2000-02-29", "2014-02-28")).toBe(13);
    expect(ageOn("2000-02-29", "2014-03-01")).toBe(14);
    expect(ageDisplay("2000-02-29", "2004-02-29")).toEqual({ years: 4, months: 0, approximate: false });
  });

  it("shows months up to 4 years and marks incomplete dates as approximate", () => {
    expect(ageDisplay("2011-03-10", TODAY)).toEqual({ years: 3, months: 2, approximate: false });
    expect(ageDisplay("2011-03-23", TODAY)).toEqual({ years: 3, months: 1, approximate: false });
    expect(ageDisplay("2009-01-01", TODAY)).toEqual({ years: 5, months: null, approximate: false });
    expect(ageDisplay("1969-00-00", TODAY)).toEqual({ years: 44, months: null, approximate: true });
    expect(ageDisplay(null, TODAY)).toBeNull();
  });

  it("turns an age range into birth-date bounds consistent with the age", () => {
    const { bornOnOrBefore, bornAfter } = ageRangeBounds(18, 25, TODAY);
    expect({ bornOnOrBefore, bornAfter }).toEqual({ bornOnOrBefore: "1996-05-22", bornAfter: "1988-05-22" });
    const inRange = (b: string) => b <= bornOnOrBefore! && b > bornAfter!;
    for (const b of [
      "1996-05-22",
      "1996-05-23",
      "1988-05-22",
      "1988-05-23",
      "1996-00-00",
      "1988-00-00",
      "1990-07-14",
    ]) {
      const age = ageOn(b, TODAY)!;
      expect(inRange(b), `${b} (${age})`).toBe(age >= 18 && age <= 25);
    }
    expect(ageRangeBounds(null, null, TODAY)).toEqual({ bornOnOrBefore: null, bornAfter: null });
    expect(ageRangeBounds(18, null, "2016-02-29").bornOnOrBefore).toBe("1998-02-28");
  });
});
