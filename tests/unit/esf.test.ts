// ESF hours of contracts (domain-integ-money §2.10): 38 hours a week over the Monday-to-Friday days
// from the contract's start to its end, clipped to the year; counted by hand on the 2030 calendar
// (1 January 2030 is a Tuesday).
import { describe, expect, it } from "vitest";
import { contractMinutes, hoursOf, weekdaysBetween } from "@/server/integ/reports/esf";

describe("weekdays", () => {
  it("counts Monday to Friday, both ends included", () => {
    expect(weekdaysBetween("2030-01-01", "2030-01-01")).toBe(1); // a Tuesday
    expect(weekdaysBetween("2030-01-05", "2030-01-06")).toBe(0); // Saturday, Sunday
    expect(weekdaysBetween("2030-01-01", "2030-01-07")).toBe(5); // Tue…Fri, then Monday
    expect(weekdaysBetween("2030-01-01", "2030-01-31")).toBe(23);
    expect(weekdaysBetween("2030-01-01", "2030-12-31")).toBe(261);
    expect(weekdaysBetween("2030-01-02", "2030-01-01")).toBe(0);
  });
});

describe("a contract's ESF minutes in a year", () => {
  it("is 456 minutes (38 h / 5) per weekday within the year", () => {
    // 1–31 January 2030: 23 weekdays = 174.8 hours.
    expect(contractMinutes(2030, "2030-01-01", "2030-01-31")).toBe(23 * 456);
    expect(hoursOf(contractMinutes(2030, "2030-01-01", "2030-01-31"))).toBe("174:48");
    // An open end or an end after the year stops at 31 December: 2 Dec (Monday)–31 Dec = 22 weekdays.
    expect(contractMinutes(2030, "2030-12-02", null)).toBe(22 * 456);
    expect(contractMinutes(2030, "2030-12-02", "2031-06-30")).toBe(22 * 456);
    // A start before the year counts from 1 January.
    expect(contractMinutes(2030, "2029-12-01", "2030-01-07")).toBe(5 * 456);
  });
});

describe("the result (Lino's esf ParticipationCertificates)", () => {
  it("is Lino's one value, 10, labelled in every language", async () => {
    const { esfResults } = await import("@/server/integ/reports/esf");
    expect(esfResults.values).toEqual(["10"]);
    const labels = await Promise.all(
      ["fr", "nl", "de", "en"].map(
        async (l) => (await import(`@/messages/${l}.json`)).default.choices.esfResults["10"],
      ),
    );
    expect(labels).toEqual([
      "Épreuve d'évaluation réussie sans titre spécifique",
      "Evaluatieproef geslaagd, zonder specifiek diploma",
      "Evaluierungsprüfung bestanden, ohne spezifischen Abschluss",
      "Evaluation test passed, without a specific qualification",
    ]);
  });
});
