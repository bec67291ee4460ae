import { describe, expect, it } from "vitest";
import { choiceLabel, formatCell, formatDate, formatDateTime, formatMoney, formatNumber, pickLocalized } from "@/lib/format";
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
    expect(formatCell({ type: "choice", choices: kinds }, "city", "fr", t)).toBe("«choices.placeKinds.city»");
    expect(formatCell({ type: "localized" }, { fr: "Liège", nl: "Luik" }, "nl", t)).toBe("Luik");
    expect(formatCell({ type: "text" }, "1000", "fr", t)).toBe("1000");
  });

  it("shows a reference by its label, localized when it is a designation", () => {
    expect(formatCell({ type: "ref" }, { id: "BE", label: { fr: "Belgique", de: "Belgien" } }, "de", t)).toBe("Belgien");
    expect(formatCell({ type: "ref" }, { id: 7, label: "Robin Dubois" }, "fr", t)).toBe("Robin Dubois");
  });

  it("shows nothing for empty values", () => {
    for (const type of ["text", "date", "money", "boolean", "ref", "localized"] as const) {
      expect(formatCell({ type }, null, "fr", t)).toBe("");
    }
  });
});
