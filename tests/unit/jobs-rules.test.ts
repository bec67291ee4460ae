// The Art. 60§7 rules of domain-integ-money §2.5, with cases computed by hand from the text: the
// duration by age (age = days / 365, boundaries 36 and 50), the end date it gives, the end date a
// given duration gives (26 working days a month), the candidature deactivation and the offer match.
import { describe, expect, it } from "vitest";
import { matchesOffer } from "@/server/jobs/matching";
import { ageInYearsOn, deactivatesCandidatures, durationForAge, jobSupplymentDefaults } from "@/server/jobs/rules";

const dates = (appliesFrom: string | null, appliesUntil: string | null = null, duration: number | null = null) => ({
  appliesFrom,
  appliesUntil,
  duration,
});

describe("duration by age (§2.5: <36 → 312, <50 → 468, else 624)", () => {
  it("takes the age as days / 365, so that leap days bring each boundary a few days before the birthday", () => {
    // Born 15/06/1990: 13 140 days (36 × 365) later is 06/06/2026, nine leap days before the 36th birthday.
    expect(ageInYearsOn("1990-06-15", "2026-06-06")).toBe(36);
    expect(ageInYearsOn("1990-06-15", "2026-06-05")).toBeLessThan(36);
  });

  it("gives 312 days under 36, 468 from 36 to under 50 and 624 from 50", () => {
    expect(durationForAge(35.999)).toBe(312);
    expect(durationForAge(36)).toBe(468);
    expect(durationForAge(49.999)).toBe(468);
    expect(durationForAge(50)).toBe(624);
  });

  it("at boundary 36: the day before is 312 days and the end 312 calendar days after the start; the day is 468", () => {
    expect(jobSupplymentDefaults(dates("2026-06-05"), "1990-06-15")).toEqual(dates("2026-06-05", "2027-04-13", 312));
    expect(jobSupplymentDefaults(dates("2026-06-06"), "1990-06-15")).toEqual(dates("2026-06-06", "2027-09-17", 468));
  });

  it("at boundary 50: born 01/03/1976, 50 × 365 days are reached on 17/02/2026", () => {
    expect(jobSupplymentDefaults(dates("2026-02-16"), "1976-03-01")).toEqual(dates("2026-02-16", "2027-05-30", 468));
    expect(jobSupplymentDefaults(dates("2026-02-17"), "1976-03-01")).toEqual(dates("2026-02-17", "2027-11-03", 624));
  });

  it("counts the age at the planned end when there is one, and leaves that end as it is", () => {
    // 35 at the start (06/06/2025), 36 at the end.
    expect(jobSupplymentDefaults(dates("2025-06-06", "2026-06-06"), "1990-06-15")).toEqual(
      dates("2025-06-06", "2026-06-06", 468),
    );
  });

  it("reads an unknown month or day of the birth date as January or the 1st", () => {
    // 1980-00-00 is 01/01/1980: 50.04 years on 01/01/2030.
    expect(jobSupplymentDefaults(dates("2030-01-01"), "1980-00-00").duration).toBe(624);
    expect(jobSupplymentDefaults(dates("2029-12-01"), "1980-00-00").duration).toBe(468);
  });
});

describe("end date of a given duration (26 working days a month, less one day)", () => {
  it("gives 12, 18 and 24 months for 312, 468 (and 480) and 624 days", () => {
    expect(jobSupplymentDefaults(dates("2026-01-01", null, 312), null).appliesUntil).toBe("2026-12-31");
    expect(jobSupplymentDefaults(dates("2026-01-01", null, 468), null).appliesUntil).toBe("2027-06-30");
    expect(jobSupplymentDefaults(dates("2026-01-01", null, 480), null).appliesUntil).toBe("2027-06-30");
    expect(jobSupplymentDefaults(dates("2026-01-01", null, 624), null).appliesUntil).toBe("2027-12-31");
  });

  it("keeps the day of the month, clamped to the month's last day, before taking one day off", () => {
    // 31/08/2026 + 18 months = 31/02/2028 → 29/02/2028 (leap year), less one day.
    expect(jobSupplymentDefaults(dates("2026-08-31", null, 468), null).appliesUntil).toBe("2028-02-28");
  });

  it("applies whether or not the birth date is known, and never replaces a planned end or a duration", () => {
    expect(jobSupplymentDefaults(dates("2026-01-01", null, 312), "1990-06-15")).toEqual(
      dates("2026-01-01", "2026-12-31", 312),
    );
    expect(jobSupplymentDefaults(dates("2026-01-01", "2026-03-31", 624), "1990-06-15")).toEqual(
      dates("2026-01-01", "2026-03-31", 624),
    );
  });

  it("changes nothing without a start date, nor without a duration and a birth date", () => {
    expect(jobSupplymentDefaults(dates(null, null, 312), "1990-06-15")).toEqual(dates(null, null, 312));
    expect(jobSupplymentDefaults(dates(null), "1990-06-15")).toEqual(dates(null));
    expect(jobSupplymentDefaults(dates("2026-01-01"), null)).toEqual(dates("2026-01-01"));
  });
});

describe("candidature deactivation after a contract (§2.5)", () => {
  const today = "2026-12-06";
  it("happens when the contract names a job and ends after today", () => {
    expect(deactivatesCandidatures({ jobId: 3, appliesUntil: "2026-12-07" }, today)).toBe(true);
  });
  it("does not happen for a contract ending today or before, without an end, or without a job", () => {
    expect(deactivatesCandidatures({ jobId: 3, appliesUntil: today }, today)).toBe(false);
    expect(deactivatesCandidatures({ jobId: 3, appliesUntil: "2025-01-01" }, today)).toBe(false);
    expect(deactivatesCandidatures({ jobId: 3, appliesUntil: null }, today)).toBe(false);
    expect(deactivatesCandidatures({ jobId: null, appliesUntil: "2027-12-31" }, today)).toBe(false);
  });
});

describe("rows matching a job offer (Lino's SectorFunctionByOffer)", () => {
  it("requires the offer's sector and function when they are set, and nothing else", () => {
    const offer = { sectorId: 1, functionId: 7 };
    expect(matchesOffer(offer, { sectorId: 1, functionId: 7 })).toBe(true);
    expect(matchesOffer(offer, { sectorId: 1, functionId: 8 })).toBe(false);
    expect(matchesOffer({ sectorId: 1, functionId: null }, { sectorId: 1, functionId: 8 })).toBe(true);
    expect(matchesOffer({ sectorId: null, functionId: null }, { sectorId: 2, functionId: null })).toBe(true);
  });
});
