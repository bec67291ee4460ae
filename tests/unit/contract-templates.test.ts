// The printed Art. 60§7 contract and immersion training (domain-integ-money §2.5, §2.7): their templates
// use only the tags their data fills, in every language, and print what an empty value leaves out.
import { readFileSync } from "node:fs";
import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import { checkTemplate } from "@/server/documents/own-templates";
import { renderDocx, templateProblems } from "@/server/documents/render";
import { DOCUMENT_TYPES } from "@/server/documents/templates";

const textOf = (docx: Buffer) =>
  new PizZip(docx)
    .file("word/document.xml")!
    .asText()
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

const art60 = {
  centreName: "CPAS de Châtelet",
  centreAddress: "",
  translation: false,
  contractId: "12",
  contractTitle: "Économie sociale",
  clientName: "Anna ARENS",
  birthDate: "05/03/1980",
  nationalId: "",
  clientAddress: "Bergstraße 12, 4700 Eupen",
  companyName: "BISA",
  companyAddress: "",
  contact: "",
  jobName: "Aide-cuisinier",
  duration: "312",
  appliesFrom: "01/02/2027",
  hasUntil: true,
  appliesUntil: "31/12/2027",
  regime: "",
  schedule: "5 jours/semaine",
  hourlyRate: "",
  refundRate: "",
  referencePerson: "",
  responsibilities: [],
  agentName: "Hubert Huppertz",
  dateDecided: "",
  place: "Châtelet",
  printedOn: "07/12/2026",
  author: "Hubert Huppertz",
};

describe("the contract templates", () => {
  for (const template of ["art60Contract", "immersionContract"] as const)
    it(`${template}: only its declared tags, in every language, and the upload check's sample record renders`, () => {
      const tags = DOCUMENT_TYPES.find((d) => d.template === template)!.tags;
      for (const language of ["fr", "nl", "de", "en"]) {
        const docx = readFileSync(`templates/${template}/${language}.docx`);
        expect(templateProblems(docx, tags), language).toEqual([]);
        expect(() => checkTemplate(template, docx), language).not.toThrow();
      }
    });

  it("leaves out what is empty: no rate, no refund, no contact, no national id; '—' for no responsibilities", () => {
    const text = textOf(renderDocx(readFileSync("templates/art60Contract/fr.docx"), art60));
    expect(text).toContain("et BISA, ci-après dénommé « l’organisation » ;");
    expect(text).toContain("et Anna ARENS, né·e le 05/03/1980, domicilié·e Bergstraße 12, 4700 Eupen,");
    expect(text).toContain(
      "Le travailleur est engagé pour une durée de 312 jours ouvrables à partir du 01/02/2027 et jusqu’au 31/12/2027.",
    );
    expect(text).toContain("Horaire : 5 jours/semaine.");
    expect(text).not.toContain("Régime de travail");
    expect(text).toContain("fonctions suivantes : —");
    expect(text).toContain("chargée de l’encadrement sur le lieu de travail.");
    expect(text).not.toContain("contribution de");
    expect(text).not.toContain("remboursements");
    expect(text).not.toContain("comité spécial");
    expect(text).not.toContain("NISS");
    expect(text).toContain("Fait en trois exemplaires à Châtelet, le 07/12/2026");
  });

  it("prints no organisation when the job has no provider", () => {
    const text = textOf(renderDocx(readFileSync("templates/art60Contract/de.docx"), { ...art60, companyName: "" }));
    expect(text).not.toContain("die Organisation“ genannt");
    expect(text).toContain("im Rahmen von Artikel 60 § 7 des Grundlagengesetzes vom 8. Juli 1976");
    expect(text).not.toContain("stellt ihn der Organisation zur Verfügung");
    expect(text).toContain("über die öffentlichen Sozialhilfezentren ein.");
  });
});
