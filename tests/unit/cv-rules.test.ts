import { describe, expect, it } from "vitest";
import { defaultStartDate, languageKnowledgeText } from "@/server/cv/rules";

// domain-integ-money §2.1: "X (MT)" if native; else "X (B1)" if CEF; else "(s/w)", "(s)", "(w)" suffixes.
const words = { motherTongue: "MT", spokenAndWritten: "s/w", spoken: "s", written: "w" };
const none = { native: false, cefLevel: null, spoken: null, written: null };

describe("language knowledge text form", () => {
  it("names a mother tongue, whatever else is known", () => {
    expect(languageKnowledgeText("German", { ...none, native: true, cefLevel: "C2", spoken: "4" }, words)).toBe(
      "German (MT)",
    );
  });
  it("gives the CEF level when there is one", () => {
    expect(languageKnowledgeText("French", { ...none, cefLevel: "B1", spoken: "4", written: "4" }, words)).toBe(
      "French (B1)",
    );
    expect(languageKnowledgeText("French", { ...none, cefLevel: "A1+" }, words)).toBe("French (A1+)");
  });
  it("says spoken and written, spoken or written without a level", () => {
    expect(languageKnowledgeText("Dutch", { ...none, spoken: "3", written: "2" }, words)).toBe("Dutch (s/w)");
    expect(languageKnowledgeText("Dutch", { ...none, spoken: "3" }, words)).toBe("Dutch (s)");
    expect(languageKnowledgeText("Dutch", { ...none, written: "1" }, words)).toBe("Dutch (w)");
  });
  it("counts 'not at all' as given, as Lino does", () => {
    expect(languageKnowledgeText("Dutch", { ...none, spoken: "0" }, words)).toBe("Dutch (s)");
  });
  it("is the language alone when nothing is known", () => {
    expect(languageKnowledgeText("English", none, words)).toBe("English");
  });
  it("uses the reader's words", () => {
    const fr = { motherTongue: "LM", spokenAndWritten: "o/é", spoken: "o", written: "é" };
    expect(languageKnowledgeText("allemand", { ...none, native: true }, fr)).toBe("allemand (LM)");
    expect(languageKnowledgeText("allemand", { ...none, spoken: "2", written: "2" }, fr)).toBe("allemand (o/é)");
  });
});

describe("start date of a new CV entry", () => {
  it("is empty for a person's first entry", () => {
    expect(defaultStartDate([])).toBeNull();
  });
  it("is the end date of the latest entry", () => {
    const entries = [
      { startDate: "2010-09-01", endDate: "2013-06-30" },
      { startDate: "2015-01-01", endDate: "2016-12-31" },
      { startDate: "2013-09-01", endDate: "2014-06-30" },
    ];
    expect(defaultStartDate(entries)).toBe("2016-12-31");
  });
  it("is the latest entry's start date when it has no end (still going on)", () => {
    expect(
      defaultStartDate([
        { startDate: "2010-09-01", endDate: "2013-06-30" },
        { startDate: "2020-03-01", endDate: null },
      ]),
    ).toBe("2020-03-01");
  });
  it("takes an entry without dates only when no other entry has a start date", () => {
    expect(defaultStartDate([{ startDate: null, endDate: "2001-06-30" }])).toBe("2001-06-30");
    expect(
      defaultStartDate([
        { startDate: "2005-01-01", endDate: "2006-01-01" },
        { startDate: null, endDate: "2001-06-30" },
      ]),
    ).toBe("2006-01-01");
  });
});
