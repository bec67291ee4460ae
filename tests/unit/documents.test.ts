import { readFileSync } from "node:fs";
import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import {
  documentAmount,
  documentDate,
  documentLanguage,
  isTranslation,
  letterDate,
  recipientLines,
} from "@/server/documents/language";
import { renderDocx, templateProblems } from "@/server/documents/render";
import { DOCUMENT_TYPES } from "@/server/documents/templates";

// domain-people §14.2, "Document language": the owner's print language; if none, the recipient's
// language; else the site default. "(Translation)" above the title when not the site's main language.
describe("document language (§14.2)", () => {
  it("is the owner's print language first", () => {
    expect(documentLanguage({ owner: "de", recipient: "fr", centre: "fr" })).toBe("de");
  });
  it("is the recipient's language when the owner has none", () => {
    expect(documentLanguage({ owner: null, recipient: "nl", centre: "fr" })).toBe("nl");
    expect(documentLanguage({ owner: "", recipient: "nl", centre: "fr" })).toBe("nl");
  });
  it("is the centre's language when neither has one", () => {
    expect(documentLanguage({ centre: "de" })).toBe("de");
  });
  it("skips a language no document exists in (a client speaking Italian gets the centre's)", () => {
    expect(documentLanguage({ owner: "it", recipient: null, centre: "fr" })).toBe("fr");
  });
  it("follows the doctest: an excerpt for a French recipient about a German-speaking client is French", () => {
    // The excerpt's owner there is the request to the recipient (BISA), whose language is the recipient's.
    expect(documentLanguage({ owner: null, recipient: "fr", centre: "de" })).toBe("fr");
  });
  it("says (Translation) only when it is not the centre's main language", () => {
    expect(isTranslation("de", "fr")).toBe(true);
    expect(isTranslation("fr", "fr")).toBe(false);
    expect(isTranslation("de", "de")).toBe(false);
  });
});

describe("dates, amounts and addresses in the document's language", () => {
  it("writes field dates as the language does", () => {
    expect(documentDate("2014-05-22", "fr")).toBe("22/05/2014");
    expect(documentDate("2014-05-22", "de")).toBe("22.05.2014");
  });
  it("spells a letter's date out", () => {
    expect(letterDate("2014-05-22", "fr")).toBe("22 mai 2014");
    expect(letterDate("2014-05-22", "nl")).toBe("22 mei 2014");
    expect(letterDate("2014-05-22", "de")).toBe("22. Mai 2014");
  });
  it("writes amounts with the language's separators", () => {
    expect(documentAmount(123450, "fr").replace(/\s/g, " ")).toBe("1 234,50 €");
    expect(documentAmount(123450, "de").replace(/\s/g, " ")).toBe("1.234,50 €");
  });
  const address = {
    name: "Mme Anna Müller",
    street: "Rue de la Station",
    streetNo: "12",
    streetBox: "3",
    zipCode: "6200",
    place: "Châtelet",
    countryCode: "BE",
    countryName: "Belgique",
  };
  it("writes a Belgian recipient block: name, street number box, postcode place, no country", () => {
    expect(recipientLines(address, "fr")).toEqual(["Mme Anna Müller", "Rue de la Station 12 bte 3", "6200 Châtelet"]);
    expect(recipientLines({ ...address, streetBox: "" }, "nl")[1]).toBe("Rue de la Station 12");
    expect(recipientLines(address, "nl")[1]).toBe("Rue de la Station 12 bus 3");
  });
  it("names the country in capitals for an address abroad, and leaves no empty line", () => {
    const abroad = { ...address, street: "", streetNo: "", streetBox: "", countryCode: "DE", countryName: "Allemagne" };
    expect(recipientLines(abroad, "fr")).toEqual(["Mme Anna Müller", "6200 Châtelet", "ALLEMAGNE"]);
  });
});

const textOf = (docx: Buffer) =>
  new PizZip(docx)
    .file("word/document.xml")!
    .asText()
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

/** A shipped template with its XML edited, as an administrator's typo would leave it. */
function edited(type: string, edit: (xml: string) => string): Buffer {
  const zip = new PizZip(readFileSync(`templates/${type}/fr.docx`));
  zip.file("word/document.xml", edit(zip.file("word/document.xml")!.asText()));
  return zip.generate({ type: "nodebuffer" }) as Buffer;
}

describe("template checks", () => {
  it("finds nothing wrong with the shipped templates", () => {
    for (const type of DOCUMENT_TYPES)
      for (const lang of ["fr", "nl", "de", "en"])
        expect(templateProblems(readFileSync(`templates/${type.template}/${lang}.docx`), type.tags)).toEqual([]);
  });
  it("names a tag that no data fills", () => {
    const typo = edited("fileSheet", (xml) => xml.replace("{clientName}", "{clientNme}"));
    expect(templateProblems(typo, DOCUMENT_TYPES[0]!.tags)).toEqual([{ id: "unknown_tag", tag: "clientNme" }]);
  });
  it("names an unclosed tag and a broken loop", () => {
    const broken = edited("fileSheet", (xml) => xml.replace("{gender}", "{gender").replace("{/coachings}", ""));
    expect(templateProblems(broken, DOCUMENT_TYPES[0]!.tags).map((p) => p.id)).toEqual([
      "unclosed_tag",
      "unclosed_loop",
    ]);
  });
  it("renders values, a loop per table row and line breaks", () => {
    const out = renderDocx(readFileSync("templates/fileSheet/de.docx"), {
      centreName: "ÖSHZ Eupen",
      centreAddress: "Bergstraße 1\n4700 Eupen",
      translation: false,
      clientName: "Müller Anna",
      coachings: [
        { start: "01.01.2014", end: "", coach: "Hubert Huppertz", type: "ASD" },
        { start: "02.02.2014", end: "03.03.2014", coach: "Alicia Allmanns", type: "DSBE" },
      ],
    });
    const text = textOf(out);
    expect(text).toContain("ÖSHZ Eupen Bergstraße 1 4700 Eupen Aktenblatt");
    expect(text).toContain("Müller Anna");
    expect(text).toMatch(/Hubert Huppertz ASD .*Alicia Allmanns DSBE/);
    expect(text).not.toContain("Übersetzung");
    expect(text).not.toContain("Keine Begleitungen");
  });
});

// Issue 14 §1: the administrator reads what each tag prints, in their own language.
describe("the tags a template may use", () => {
  it("each say what they print, in every language of the screens", () => {
    for (const language of ["fr", "nl", "de", "en"]) {
      const messages = JSON.parse(readFileSync(`messages/${language}.json`, "utf8")) as {
        documents: { tags: Record<string, string> };
      };
      for (const { template, tags } of DOCUMENT_TYPES)
        for (const tag of tags) expect(messages.documents.tags[tag], `${template} ${tag} in ${language}`).toBeTruthy();
    }
  });
});
