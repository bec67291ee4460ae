import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import {
  checkStoredNiss,
  generateNiss,
  nissCheckDigits,
  nissSearchVariants,
  parseNiss,
  printedNiss,
  validateFormattedNiss,
  type NissErrorCode,
} from "@/server/clients/rules/niss";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import de from "@/messages/de.json";
import en from "@/messages/en.json";

/** Check digits computed independently of the code under test, with big integers. */
const check = (nine: string, from2000 = false) =>
  String(97n - (BigInt((from2000 ? "2" : "") + nine) % 97n)).padStart(2, "0");
const withCheck = (nine: string, from2000 = false) => nine + check(nine, from2000);

describe("parseNiss: valid numbers", () => {
  it("formats a 1900s number as Lino stores it and reads birth date and gender", () => {
    expect(parseNiss("68060105329")).toEqual({
      ok: true,
      formatted: "680601 053-29",
      raw: "68060105329",
      birthDate: "1968-06-01",
      gender: "M",
      kind: "national",
      century: 1900,
    });
  });

  it("accepts spaces, dots, dashes and the stored and printed forms", () => {
    for (const input of ["680601 053-29", "68.06.01-053.29", " 68 06 01 053 29 ", "680601-053-29", "680601 053=29"]) {
      expect(parseNiss(input)).toMatchObject({ ok: true, formatted: "680601 053-29" });
    }
  });

  it('uses the "2" prefix for births from 2000 on, which gives another century and marker', () => {
    expect(parseNiss("02040500244")).toMatchObject({
      formatted: "020405 002=44",
      birthDate: "2002-04-05",
      gender: "F",
      century: 2000,
    });
    // The same 9 digits with the pre-2000 check number: born in 1902.
    expect(parseNiss("02040500215")).toMatchObject({
      formatted: "020405 002-15",
      birthDate: "1902-04-05",
      century: 1900,
    });
    // The two examples of domain-people §6.
    expect(parseNiss("12060105317")).toMatchObject({ formatted: "120601 053-17", birthDate: "1912-06-01" });
    expect(parseNiss("12060105346")).toMatchObject({ formatted: "120601 053=46", birthDate: "2012-06-01" });
  });

  it("accepts 97 as check number (N mod 97 = 0)", () => {
    expect(check("750315079")).toBe("97");
    expect(parseNiss("75031507997")).toMatchObject({ ok: true, formatted: "750315 079-97", gender: "M" });
  });

  it("reads the gender from the parity of the sequence number", () => {
    expect(parseNiss(withCheck("900101001"))).toMatchObject({ gender: "M" });
    expect(parseNiss(withCheck("900101002"))).toMatchObject({ gender: "F" });
    expect(parseNiss(withCheck("050101997", true))).toMatchObject({
      gender: "M",
      century: 2000,
      birthDate: "2005-01-01",
    });
  });

  it("allows incomplete birth dates (month and/or day 00)", () => {
    expect(parseNiss("95000015396")).toMatchObject({
      ok: true,
      formatted: "950000 153-96",
      birthDate: "1995-00-00",
      gender: "M",
    });
    expect(parseNiss(withCheck("950600154"))).toMatchObject({ ok: true, birthDate: "1995-06-00", gender: "F" });
    expect(parseNiss(withCheck("030000154", true))).toMatchObject({ ok: true, birthDate: "2003-00-00", century: 2000 });
  });

  it("recognises bis numbers: month + 40 with gender, month + 20 without", () => {
    expect(parseNiss("68460105417")).toMatchObject({
      ok: true,
      kind: "bis40",
      birthDate: "1968-06-01",
      gender: "F",
      formatted: "684601 054-17",
    });
    expect(parseNiss("62240100181")).toMatchObject({ ok: true, kind: "bis20", birthDate: "1962-04-01", gender: null });
    expect(parseNiss(withCheck("105201123", true))).toMatchObject({
      ok: true,
      kind: "bis40",
      birthDate: "2010-12-01",
      gender: "M",
      century: 2000,
    });
    expect(parseNiss(withCheck("702000123"))).toMatchObject({ ok: true, kind: "bis20", birthDate: "1970-00-00" });
    expect(parseNiss(withCheck("703200123"))).toMatchObject({ ok: true, kind: "bis20", birthDate: "1970-12-00" });
  });

  it("keeps the 1800s marker, which the checksum cannot tell from the 1900s", () => {
    expect(parseNiss("680601 053*29")).toMatchObject({
      ok: true,
      formatted: "680601 053*29",
      birthDate: "1868-06-01",
      century: 1800,
    });
    expect(parseNiss("68060105329")).toMatchObject({ century: 1900 });
  });

  it("gives the printed form of the card's back", () => {
    expect(printedNiss("68060105329")).toBe("68.06.01-053.29");
  });
});

describe("parseNiss: invalid numbers", () => {
  const code = (input: string) => {
    const r = parseNiss(input);
    return r.ok ? "ok" : r.code;
  };

  it("refuses a wrong check digit for both centuries", () => {
    expect(code("68060105328")).toBe("unrecognizedCheckDigit");
    // A fixture of Lino with a wrong check number (expected 46 or 75).
    expect(code("68070201351")).toBe("unrecognizedCheckDigit");
    expect(parseNiss("68060105328")).toMatchObject({ params: { value: "68060105328" } });
  });

  it("refuses impossible months, days and sequence 000 even with a matching check number", () => {
    expect(code("68130105329")).toBe("month");
    expect(code(withCheck("681301053"))).toBe("month");
    expect(code(withCheck("683301053"))).toBe("month");
    expect(code(withCheck("685301053"))).toBe("month");
    expect(code(withCheck("680632053"))).toBe("day");
    expect(code(withCheck("680431053"))).toBe("day");
    expect(code(withCheck("690229053"))).toBe("day");
    expect(code(withCheck("680229053"))).toBe("ok");
    expect(code(withCheck("680601000"))).toBe("sequence");
  });

  it("refuses wrong lengths and letters", () => {
    expect(parseNiss("6806010532")).toEqual({
      ok: false,
      code: "rawLength",
      params: { value: "6806010532", length: 10 },
    });
    expect(code("680601053299")).toBe("rawLength");
    expect(code("68060105A29")).toBe("notDigits");
    expect(code("   ")).toBe("empty");
  });
});

describe("stored values (Lino's validator and the data checker)", () => {
  it("validates the 13-position form with Lino's two messages", () => {
    expect(validateFormattedNiss("680601 053-29")).toMatchObject({ ok: true });
    expect(validateFormattedNiss("020405 002=44")).toMatchObject({ ok: true, century: 2000 });
    expect(validateFormattedNiss("68060105329")).toMatchObject({ ok: false, code: "formattedLength" });
    expect(validateFormattedNiss("680601 053-28")).toEqual({
      ok: false,
      code: "checkDigit",
      params: { value: "680601 053-28", found: 28, expected: 29 },
    });
    // The marker says 1900s, the digits are those of a 2002 birth.
    expect(validateFormattedNiss("020405 002-44")).toMatchObject({
      ok: false,
      code: "checkDigit",
      params: { found: 44, expected: 15 },
    });
  });

  it("reports malformed values with the form to fix them to, and invalid ones", () => {
    expect(checkStoredNiss("680601 053-29")).toEqual({ status: "ok" });
    expect(checkStoredNiss("68060105329")).toEqual({ status: "malformed", expected: "680601 053-29" });
    expect(checkStoredNiss("680601 053=29")).toEqual({ status: "malformed", expected: "680601 053-29" });
    expect(checkStoredNiss("680601 053-28")).toMatchObject({
      status: "invalid",
      error: { code: "unrecognizedCheckDigit" },
    });
  });
});

describe("generateNiss", () => {
  it("makes valid numbers like Lino's demo generator (1 for men, 2 for women)", () => {
    expect(generateNiss("1968-06-01", "M")).toBe(`680601 001-${check("680601001")}`);
    expect(generateNiss("2005-11-30", "F")).toBe(`051130 002=${check("051130002", true)}`);
    expect(generateNiss("1968-06-01", "M", 53)).toBe("680601 053-29");
    expect(() => generateNiss("1899-12-31", "M")).toThrow();
  });

  it("round-trips through parseNiss for every day of two years around 2000", () => {
    for (const year of [1999, 2000]) {
      for (
        let day = new Date(Date.UTC(year, 0, 1));
        day.getUTCFullYear() === year;
        day.setUTCDate(day.getUTCDate() + 1)
      ) {
        const iso = day.toISOString().slice(0, 10);
        const gender = day.getUTCDate() % 2 ? "M" : "F";
        const parsed = parseNiss(generateNiss(iso, gender, day.getUTCDate() * 7));
        expect(parsed).toMatchObject({ ok: true, birthDate: iso, gender, century: year >= 2000 ? 2000 : 1900 });
      }
    }
  });

  it("never needs a check number of 0", () => {
    expect(nissCheckDigits("750315079", 1900)).toBe(97);
  });
});

describe("NISS messages", () => {
  const codes: NissErrorCode[] = [
    "empty",
    "notDigits",
    "rawLength",
    "formattedLength",
    "month",
    "day",
    "sequence",
    "checkDigit",
    "unrecognizedCheckDigit",
  ];

  it("exist in the four languages and fill in their parameters", () => {
    for (const [locale, messages] of Object.entries({ fr, nl, de, en })) {
      const t = createTranslator({ locale, messages });
      for (const code of codes) {
        const text = t(`niss.${code}`, {
          value: "680601 053-28",
          found: 28,
          expected: 29,
          length: 10,
          month: "13",
          day: "32",
        });
        expect(text, `${locale} niss.${code}`).not.toMatch(/[{}]|niss\./);
      }
    }
    expect(
      createTranslator({ locale: "en", messages: en })("niss.checkDigit", {
        value: "680601 053-28",
        found: 28,
        expected: 29,
      }),
    ).toBe("Invalid SSIN 680601 053-28: check digit is 28 but should be 29.");
    expect(
      createTranslator({ locale: "fr", messages: fr })("niss.malformed", {
        got: "68060105329",
        expected: "680601 053-29",
      }),
    ).toBe("Le NISS mal formé « 68060105329 » doit être « 680601 053-29 ».");
  });
});

describe("nissSearchVariants: a national number typed into a search box", () => {
  it("adds the stored form of digits typed without or with other separators", () => {
    expect(nissSearchVariants("68060105329")).toEqual(["68060105329", "680601 053-29"]);
    expect(nissSearchVariants("68.06.01-053.29")).toEqual(["68.06.01-053.29", "680601 053-29"]);
    expect(nissSearchVariants(withCheck("170101003", true))).toEqual([
      withCheck("170101003", true),
      `170101 003=${check("170101003", true)}`,
    ]);
  });

  it("adds the stored start of a number typed only in part, even with a wrong check digit", () => {
    expect(nissSearchVariants("6806010")).toEqual(["6806010", "680601 0"]);
    expect(nissSearchVariants("680601053")).toEqual(["680601053", "680601 053"]);
    expect(nissSearchVariants("68060105300")).toEqual(["68060105300", "680601 053"]);
  });

  it("leaves names, short numbers and the stored form alone", () => {
    for (const word of ["Dubois", "680601", "053-29", "680601 053-29", "#12", "12345"])
      expect(nissSearchVariants(word)).toEqual([word]);
  });
});
