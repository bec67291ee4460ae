import { describe, expect, it } from "vitest";
import {
  belgianToday,
  brusselsWallClock,
  choiceLabel,
  compareText,
  formatCell,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatTime,
  isCalendarDate,
  isIncompleteDate,
  parseTypedDate,
  pickLocalized,
  upperFirst,
} from "@/lib/format";
import type { ChoiceMeta } from "@/lib/resources";

// Intl separates groups and currency signs with (narrow) no-break spaces; compare on plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
const t = (key: string) => `«${key}»`;

describe("dates", () => {
  it("shows calendar dates the Belgian way in each language", () => {
    expect(formatDate("2024-03-05", "fr")).toBe("05/03/2024");
    expect(formatDate("2024-03-05", "nl")).toBe("05/03/2024");
    expect(formatDate("2024-03-05", "de")).toBe("05.03.2024");
    expect(formatDate("2024-03-05", "en")).toBe("05/03/2024");
  });

  it("keeps the zeros of incomplete dates (day or month unknown)", () => {
    expect(formatDate("1970-00-00", "fr")).toBe("00/00/1970");
    expect(formatDate("1970-05-00", "de")).toBe("00.05.1970");
    expect(formatDate("1970-00-00", "nl")).toBe("00/00/1970");
  });

  it("never shifts a date across midnight, and leaves empty or odd values alone", () => {
    expect(formatDate("2024-12-31", "fr")).toBe("31/12/2024");
    expect(formatDate(null, "fr")).toBe("");
    expect(formatDate("not a date", "fr")).toBe("not a date");
  });

  it("shows moments in Belgian time", () => {
    // 22:30 UTC in summer is 00:30 the next day in Brussels.
    expect(formatDateTime("2024-07-01T22:30:00.000Z", "fr")).toBe("02/07/2024 00:30");
    expect(formatDateTime("2024-01-15T08:05:00.000Z", "de")).toBe("15.01.2024, 09:05");
    expect(formatDateTime(new Date("2024-01-15T08:05:09.000Z"), "nl", { seconds: true })).toBe("15/01/2024, 09:05:09");
    expect(formatDateTime("2024-01-15T08:05:00.000Z", "en")).toBe("15/01/2024, 09:05");
    expect(formatTime("2024-01-15T23:05:00.000Z", "fr")).toBe("00:05");
  });

  it("takes the day in Belgium, not in UTC, near midnight", () => {
    // 23:30 UTC on New Year's Eve is already 00:30 on 1 January in Brussels (winter: UTC+1).
    expect(belgianToday(new Date("2024-12-31T23:30:00Z"))).toBe("2025-01-01");
    expect(belgianToday(new Date("2024-12-31T22:59:00Z"))).toBe("2024-12-31");
    expect(formatDateTime("2024-12-31T23:30:00Z", "de")).toBe("01.01.2025, 00:30");
  });

  it("follows the clock changes of Belgian summer time", () => {
    // 30 March 2025: at 01:00 UTC the clocks go from 02:00 to 03:00.
    expect(formatTime("2025-03-30T00:59:00Z", "fr")).toBe("01:59");
    expect(formatTime("2025-03-30T01:00:00Z", "fr")).toBe("03:00");
    // 26 October 2025: at 01:00 UTC the clocks go back from 03:00 to 02:00, so 02:30 happens twice.
    expect(formatTime("2025-10-26T00:30:00Z", "nl")).toBe("02:30");
    expect(formatTime("2025-10-26T01:30:00Z", "nl")).toBe("02:30");
    expect(brusselsWallClock("2025-07-01T10:00:00Z").toISOString()).toBe("2025-07-01T12:00:00.000Z");
    expect(brusselsWallClock("2025-01-01T10:00:00Z").toISOString()).toBe("2025-01-01T11:00:00.000Z");
  });
});

describe("typed dates", () => {
  it("reads a date as each language writes it", () => {
    expect(parseTypedDate("31/07/2021")).toBe("2021-07-31"); // fr, nl, en
    expect(parseTypedDate("31.07.2021")).toBe("2021-07-31"); // de
    expect(parseTypedDate("1.7.2021")).toBe("2021-07-01");
    expect(parseTypedDate(" 1-7-2021 ")).toBe("2021-07-01");
    expect(parseTypedDate("2021-07-31")).toBe("2021-07-31");
  });

  it("refuses dates the calendar does not have, and other text", () => {
    for (const text of [
      "30/02/2026",
      "29.02.2023",
      "31/04/2026",
      "2026-02-30",
      "00/00/1995",
      "1995",
      "12/2021",
      "0000-01-01",
      "31/07/21",
      "soon",
      "",
    ]) {
      expect([text, parseTypedDate(text)]).toEqual([text, null]);
    }
    expect(parseTypedDate("29/02/2024")).toBe("2024-02-29");
  });

  it("reads incomplete birth dates where asked", () => {
    const incomplete = { incomplete: true };
    expect(parseTypedDate("00/00/1995", incomplete)).toBe("1995-00-00");
    expect(parseTypedDate("00.07.1995", incomplete)).toBe("1995-07-00");
    expect(parseTypedDate("07/1995", incomplete)).toBe("1995-07-00");
    expect(parseTypedDate("1995", incomplete)).toBe("1995-00-00");
    expect(parseTypedDate("23.09.1986", incomplete)).toBe("1986-09-23");
    expect(parseTypedDate("30/02/1995", incomplete)).toBeNull();
    expect(parseTypedDate("00/13/1995", incomplete)).toBeNull();
  });

  it("knows which ISO dates exist", () => {
    expect(["2024-02-29", "0001-01-01", "9999-12-31"].every(isCalendarDate)).toBe(true);
    expect(["2026-02-30", "2023-02-29", "0000-01-01", "2026-13-01", "2026-1-1", "20260101"].some(isCalendarDate)).toBe(
      false,
    );
    expect(["1995-00-00", "1995-07-00", "2024-02-29"].every(isIncompleteDate)).toBe(true);
    // A day is known only within a known month (Belgif's IncompleteDate), and the year is always known.
    expect(["1995-02-30", "0000-00-00", "1995-13-00", "1995-00-31", "1995-00-32"].some(isIncompleteDate)).toBe(false);
  });
});

describe("order of names", () => {
  it("sorts as the reader's language does: accents and case come after the letters", () => {
    const names = ["Zorro", "Östges", "Goffin", "Ogden", "Gérard", "gerard", "Oz", "Dorothée", "Dorothee"];
    for (const locale of ["fr", "nl", "de", "en"] as const) {
      expect([...names].sort(compareText(locale))).toEqual([
        "Dorothee",
        "Dorothée",
        "gerard",
        "Gérard",
        "Goffin",
        "Ogden",
        "Östges",
        "Oz",
        "Zorro",
      ]);
    }
  });
});

describe("a name opening a title", () => {
  it("capitalises the first letter only, leaving the rest as the messages write it", () => {
    expect(upperFirst("contrat art. 60§7 : contrats par type")).toBe("Contrat art. 60§7 : contrats par type");
    expect(upperFirst("état des contrats", "fr")).toBe("État des contrats");
    expect(upperFirst("immersion training ISIP")).toBe("Immersion training ISIP");
    expect(upperFirst("Art. 61")).toBe("Art. 61");
    expect(upperFirst("eupen")).toBe("Eupen");
    expect(upperFirst("")).toBe("");
  });
});

describe("numbers and money", () => {
  it("groups thousands per language from five digits on", () => {
    expect(formatNumber(1234, "fr")).toBe("1234");
    expect(plain(formatNumber(1234567.5, "fr"))).toBe("1 234 567,5");
    expect(formatNumber(1234567.5, "nl")).toBe("1.234.567,5");
    expect(formatNumber(12345, "de")).toBe("12.345");
    expect(formatNumber(0, "en")).toBe("0");
  });

  it("shows integer cents as euros, never through a rounding float", () => {
    expect(plain(formatMoney(123456, "fr"))).toBe("1 234,56 €");
    expect(plain(formatMoney(123456, "nl"))).toBe("€ 1.234,56");
    expect(plain(formatMoney(123456, "de"))).toBe("1.234,56 €");
    expect(plain(formatMoney(-5, "fr"))).toBe("-0,05 €");
    expect(plain(formatMoney(10, "de"))).toBe("0,10 €");
    expect(formatMoney(null, "fr")).toBe("");
  });
});

describe("localized designations", () => {
  it("falls back from the reader's language to French, Dutch, German, English", () => {
    expect(pickLocalized({ fr: "Bruxelles", nl: "Brussel", de: "Brüssel" }, "de")).toBe("Brüssel");
    expect(pickLocalized({ fr: "Laeken", nl: "" }, "nl")).toBe("Laeken");
    expect(pickLocalized({ fr: "", nl: "Gent" }, "en")).toBe("Gent");
    expect(pickLocalized({ en: "Only English" }, "fr")).toBe("Only English");
    expect(pickLocalized(null, "fr")).toBe("");
  });
});

describe("cells", () => {
  const kinds: ChoiceMeta[] = [
    { value: "city", label: { key: "choices.placeKinds.city" } },
    { value: "hamlet", label: { names: { fr: "Hameau", de: "Weiler" } } },
  ];

  it("labels declared choices by message key and a centre's own values by their names", () => {
    expect(choiceLabel(kinds, "city", "fr", t)).toBe("«choices.placeKinds.city»");
    expect(choiceLabel(kinds, "hamlet", "de", t)).toBe("Weiler");
    expect(choiceLabel(kinds, "hamlet", "nl", t)).toBe("Hameau");
    expect(choiceLabel(kinds, "gone", "fr", t)).toBe("gone");
  });

  it("formats each field type", () => {
    expect(formatCell({ type: "boolean" }, true, "fr", t)).toBe("«format.yes»");
    expect(formatCell({ type: "boolean" }, false, "fr", t)).toBe("«format.no»");
    expect(formatCell({ type: "date" }, "2024-03-05", "de", t)).toBe("05.03.2024");
    expect(plain(formatCell({ type: "money" }, 250000, "fr", t))).toBe("2 500,00 €");
    expect(formatCell({ type: "integer" }, 42, "nl", t)).toBe("42");
    // A quantity is grouped in the reader's way; a code (a port, a row's number) is not.
    expect(formatCell({ type: "integer" }, 65535, "de", t)).toBe("65.535");
    expect(formatCell({ type: "integer", plain: true }, 65535, "de", t)).toBe("65535");
    expect(formatCell({ type: "integer", plain: true }, 123456, "fr", t)).toBe("123456");
    expect(formatCell({ type: "choice", choices: kinds }, "city", "fr", t)).toBe("«choices.placeKinds.city»");
    expect(formatCell({ type: "localized" }, { fr: "Liège", nl: "Luik" }, "nl", t)).toBe("Luik");
    expect(formatCell({ type: "text" }, "1000", "fr", t)).toBe("1000");
  });

  it("shows a reference by its label, localized when it is a designation", () => {
    expect(formatCell({ type: "ref" }, { id: "BE", label: { fr: "Belgique", de: "Belgien" } }, "de", t)).toBe(
      "Belgien",
    );
    expect(formatCell({ type: "ref" }, { id: 7, label: "Robin Dubois" }, "fr", t)).toBe("Robin Dubois");
  });

  it("shows nothing for empty values", () => {
    for (const type of ["text", "date", "money", "boolean", "ref", "localized"] as const) {
      expect(formatCell({ type }, null, "fr", t)).toBe("");
    }
  });
});
