// Belgian public holidays (domain-people §10.4; the legal days of the law of 4 January 1974 and the
// communities' days), checked against the published calendars of 2024–2030.
import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import {
  COMMUNITY_HOLIDAYS,
  easterSunday,
  holidayDate,
  holidaysOf,
  LEGAL_HOLIDAYS,
  OTHER_HOLIDAYS,
} from "@/server/calendar/holidays";

// Year → Easter Sunday, Easter Monday, Ascension, Whit Monday (as Belgian calendars print them).
const EASTER: Record<number, [string, string, string, string]> = {
  2024: ["2024-03-31", "2024-04-01", "2024-05-09", "2024-05-20"],
  2025: ["2025-04-20", "2025-04-21", "2025-05-29", "2025-06-09"],
  2026: ["2026-04-05", "2026-04-06", "2026-05-14", "2026-05-25"],
  2027: ["2027-03-28", "2027-03-29", "2027-05-06", "2027-05-17"],
  2028: ["2028-04-16", "2028-04-17", "2028-05-25", "2028-06-05"],
  2029: ["2029-04-01", "2029-04-02", "2029-05-10", "2029-05-21"],
  2030: ["2030-04-21", "2030-04-22", "2030-05-30", "2030-06-10"],
};

describe("Belgian public holidays", () => {
  for (const [y, [easter, monday, ascension, whitMonday]] of Object.entries(EASTER)) {
    const year = Number(y);
    it(`${year}: the ten legal holidays, Easter-relative ones on their published dates`, () => {
      expect(easterSunday(year)).toBe(easter);
      expect(holidaysOf(year)).toEqual(
        [
          { key: "newYear", date: `${year}-01-01` },
          { key: "easterMonday", date: monday },
          { key: "labourDay", date: `${year}-05-01` },
          { key: "ascension", date: ascension },
          { key: "whitMonday", date: whitMonday },
          { key: "nationalDay", date: `${year}-07-21` },
          { key: "assumption", date: `${year}-08-15` },
          { key: "allSaints", date: `${year}-11-01` },
          { key: "armistice", date: `${year}-11-11` },
          { key: "christmas", date: `${year}-12-25` },
        ].sort((a, b) => a.date.localeCompare(b.date)),
      );
    });
  }

  it("Lino's demo days relative to Easter: Carnival Monday −48, Ash Wednesday −46, Good Friday −2, Whit Sunday +49", () => {
    const on = (key: string, year: number) =>
      holidayDate(
        OTHER_HOLIDAYS.find((r) => r.key === key)!,
        year,
      );
    // 2024 is a leap year: 48 days before 31 March is 12 February.
    expect(on("carnivalMonday", 2024)).toBe("2024-02-12");
    expect(on("ashWednesday", 2024)).toBe("2024-02-14");
    expect(on("goodFriday", 2025)).toBe("2025-04-18");
    expect(on("whitSunday", 2026)).toBe("2026-05-24");
    expect(on("carnivalMonday", 2027)).toBe("2027-02-08");
  });

  it("the communities' days: 11 July (Flemish), 27 September (French), 15 November (German-speaking)", () => {
    expect(holidaysOf(2026, COMMUNITY_HOLIDAYS)).toEqual([
      { key: "flemishCommunity", date: "2026-07-11" },
      { key: "frenchCommunity", date: "2026-09-27" },
      { key: "germanCommunity", date: "2026-11-15" },
    ]);
  });

  it("a centre's choice merges in date order; every rule names a translated holiday", () => {
    const eupen = holidaysOf(2026, [...LEGAL_HOLIDAYS, COMMUNITY_HOLIDAYS[2]!]);
    expect(eupen.map((h) => h.key).slice(-3)).toEqual(["armistice", "germanCommunity", "christmas"]);
    for (const messages of [fr, nl, de, en])
      for (const rule of [...LEGAL_HOLIDAYS, ...COMMUNITY_HOLIDAYS, ...OTHER_HOLIDAYS])
        expect((messages.calendar.holidays as Record<string, string>)[rule.key], rule.key).toBeTruthy();
  });

  it("refuses a year without a Gregorian Easter rather than inventing one", () => {
    expect(() => easterSunday(1500)).toThrow(RangeError);
    expect(() => easterSunday(2024.5)).toThrow(RangeError);
  });
});
