// The printed PIIS (domain-integ-money §2.4): rich texts as Word paragraphs, the print rule
// ("Cannot print … no active aid confirmation and Duties (PCSW) is empty") and the template's layout.
import { readFileSync } from "node:fs";
import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import { decodeEntities, hasText, htmlParagraphs } from "@/server/documents/html-paragraphs";
import { renderDocx, templateProblems } from "@/server/documents/render";
import { DOCUMENT_TYPES } from "@/server/documents/templates";
import { checkTemplate } from "@/server/documents/own-templates";
import { isipPrintRefusal } from "@/server/isip/print";

/** The document's paragraphs as text, in order (a line break as "\n"). */
function paragraphsOf(docx: Buffer): string[] {
  const xml = new PizZip(docx).file("word/document.xml")!.asText();
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((m) =>
      decodeEntities(
        m[0]
          .replace(/<w:br\/>/g, "\n")
          .replace(/<w:t[^>]*>([^<]*)<\/w:t>/g, "$1")
          .replace(/<[^>]+>/g, ""),
      ),
    )
    .filter((p) => p.trim());
}

describe("rich text as paragraphs", () => {
  it("makes one paragraph per block, bullets and numbers for list items, line breaks kept", () => {
    expect(
      htmlParagraphs(
        "<p>Find <strong>a job</strong> &amp; keep it</p><ul><li>CV</li><li>Letters<ul><li>to firms</li></ul></li></ul>" +
          "<ol><li>First</li><li>Second</li></ol><p>Line one<br>line two</p><h2>Title</h2><p></p><p>&nbsp;</p>",
      ),
    ).toEqual([
      { text: "Find a job & keep it" },
      { text: "• CV" },
      { text: "• Letters" },
      { text: "– to firms" },
      { text: "1. First" },
      { text: "2. Second" },
      { text: "Line one\nline two" },
      { text: "Title" },
    ]);
  });
  it("reads an empty text, only markup or only spaces as nothing", () => {
    expect(htmlParagraphs("")).toEqual([]);
    expect(hasText("<p></p><p> &nbsp; </p><ul><li></li></ul>")).toBe(false);
    expect(hasText("<p>x</p>")).toBe(true);
  });
  it("keeps escaped markup as text", () => {
    expect(htmlParagraphs("<p>&lt;script&gt; 3 &lt; 4 &#8364; &#x2019;</p>")).toEqual([{ text: "<script> 3 < 4 € ’" }]);
  });
});

describe("the print rule (§2.4)", () => {
  it("refuses a PIIS without PCSW duties and without an active aid", () => {
    expect(isipPrintRefusal({ dutiesPcsw: "", activeAid: false, overridden: false })).toBe("isip.print.noPcswDuties");
    expect(isipPrintRefusal({ dutiesPcsw: "<p> </p>", activeAid: false, overridden: false })).toBe(
      "isip.print.noPcswDuties",
    );
  });
  it("prints with PCSW duties, with an active aid, or when someone allowed it", () => {
    expect(isipPrintRefusal({ dutiesPcsw: "<p>Aid</p>", activeAid: false, overridden: false })).toBeNull();
    expect(isipPrintRefusal({ dutiesPcsw: "", activeAid: true, overridden: false })).toBeNull();
    expect(isipPrintRefusal({ dutiesPcsw: "", activeAid: false, overridden: true })).toBeNull();
  });
});

describe("the PIIS template", () => {
  const tags = DOCUMENT_TYPES.find((d) => d.template === "isipContract")!.tags;
  const data = {
    centreName: "ÖSHZ Eupen",
    centreAddress: "Bergstraße 1",
    translation: false,
    contractId: "12",
    contractTitle: "VSE Arbeitssuche",
    appliesFrom: "01.02.2027",
    hasUntil: true,
    appliesUntil: "31.07.2027",
    examPolicy: "Jeden Monat",
    clientName: "Anna ARENS",
    birthDate: "05.03.1980",
    nationalId: "800305 123-45",
    address: "Bergstraße 12, 4700 Eupen",
    agentName: "Hubert Huppertz",
    hasAsd: false,
    asdName: "",
    goals: htmlParagraphs("<p>Eine Arbeit finden</p><p>Deutsch lernen</p>"),
    stages: [],
    dutiesPcsw: htmlParagraphs("<ul><li>Begleitung</li><li>Fahrtkosten</li></ul>"),
    dutiesAsd: htmlParagraphs("<p>Nicht gedruckt</p>"),
    dutiesDsbe: [],
    dutiesPerson: htmlParagraphs("<p>Termine wahrnehmen</p>"),
    partners: [{ company: "Sprachschule Eupen", contact: "Eva Emonts", duties: htmlParagraphs("<p>Kurs A2</p>") }],
    place: "Eupen",
    printedOn: "07.12.2026",
    author: "Hubert Huppertz",
  };

  it("uses only its declared tags, in every language, and renders with the upload check's sample record", () => {
    for (const language of ["fr", "nl", "de", "en"]) {
      const template = readFileSync(`templates/isipContract/${language}.docx`);
      expect(templateProblems(template, tags), language).toEqual([]);
      expect(() => checkTemplate("isipContract", template), language).not.toThrow();
    }
  });

  it("prints the parties, each rich text as its own paragraphs, the partners and the signatures (German)", () => {
    const text = paragraphsOf(renderDocx(readFileSync("templates/isipContract/de.docx"), data));
    const at = (s: string) => text.indexOf(s);
    expect(text).toContain("Vertrag zur sozialen Eingliederung Nr. 12");
    expect(text).toContain("Laufzeit: vom 01.02.2027 bis zum 31.07.2027");
    expect(text).toContain(
      "und andererseits dem Begünstigten, Anna ARENS, geboren am 05.03.1980, NISS 800305 123-45, wohnhaft Bergstraße 12, 4700 Eupen,",
    );
    // Each partner ends with ", " so that two partners read "…, sowie …" (the trailing space prints as nothing).
    expect(text).toContain("sowie Sprachschule Eupen, vertreten durch Eva Emonts, ");
    // Goals: two paragraphs in order, under their heading; stages empty: a dash.
    expect(text.slice(at("Ziele"), at("Ziele") + 3)).toEqual(["Ziele", "Eine Arbeit finden", "Deutsch lernen"]);
    expect(text.slice(at("Etappen"), at("Etappen") + 2)).toEqual(["Etappen", "—"]);
    expect(text.slice(at("Verpflichtungen des ÖSHZ"), at("Verpflichtungen des ÖSHZ") + 3)).toEqual([
      "Verpflichtungen des ÖSHZ",
      "• Begleitung",
      "• Fahrtkosten",
    ]);
    // No GSS worker: neither the party nor its duties.
    expect(text.join("\n")).not.toMatch(/allgemeinen Sozialdienstes|Nicht gedruckt/);
    expect(text.slice(at("Sprachschule Eupen (Eva Emonts)"), at("Sprachschule Eupen (Eva Emonts)") + 2)).toEqual([
      "Sprachschule Eupen (Eva Emonts)",
      "Kurs A2",
    ]);
    expect(text).toContain("Dieser Vertrag wird regelmäßig mit dem Begünstigten ausgewertet (Jeden Monat).");
    expect(text).toContain("Ausgefertigt in zwei Exemplaren in Eupen, den 07.12.2026.");
    expect(text).toEqual(expect.arrayContaining(["Der Begünstigte", "Der Sozialarbeiter", "Anna ARENS"]));
    expect(text.join("\n")).not.toMatch(/[{}]/);
  });

  it("prints the French one with a GSS worker and no partner", () => {
    const text = paragraphsOf(
      renderDocx(readFileSync("templates/isipContract/fr.docx"), {
        ...data,
        hasAsd: true,
        asdName: "Judith Jousten",
        hasUntil: false,
        partners: [],
        translation: true,
      }),
    );
    expect(text).toContain("(Traduction)");
    expect(text).toContain("Projet individualisé d’intégration sociale n° 12");
    expect(text).toContain("Durée : du 01.02.2027");
    expect(text).toContain("l’assistant social du service social général, Judith Jousten,");
    expect(text).toContain("Engagements du service social général");
    expect(text).toContain("Nicht gedruckt");
    expect(text).toContain("Aucun partenaire.");
    expect(text.join("\n")).not.toMatch(/[{}]/);
  });
});
