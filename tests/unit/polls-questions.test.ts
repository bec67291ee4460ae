import { describe, expect, it } from "vitest";
import { numberedTitle, parseQuestions } from "@/server/polls/rules";
import { INI_QUESTIONS, RAE_QUESTIONS } from "@/server/polls/seed";

describe("questions pasted into a poll (Lino's questions_to_add)", () => {
  it("numbers lines 1, 2…, restarts after a heading, and gives '#' lines to the question before", () => {
    expect(parseQuestions("=Début\nQ1\n#Détail de Q1\nQ2\n\n=Suite\nQ3")).toEqual([
      { title: "Début", number: "", isHeading: true, details: "" },
      { title: "Q1", number: "1", isHeading: false, details: "Détail de Q1" },
      { title: "Q2", number: "2", isHeading: false, details: "" },
      { title: "Suite", number: "", isHeading: true, details: "" },
      { title: "Q3", number: "1", isHeading: false, details: "" },
    ]);
  });

  it("ignores a '#' line with nothing before it and empty lines", () => {
    expect(parseQuestions("#orphan\n\n  \nQ")).toEqual([{ title: "Q", number: "1", isHeading: false, details: "" }]);
  });

  it("gives Lino's demo poll INI its 30 rows: 2 headings, questions 1–9 and 1–19 (domain-integ-money §2.11)", () => {
    const ini = parseQuestions(INI_QUESTIONS);
    expect(ini).toHaveLength(30);
    expect(ini.filter((q) => q.isHeading).map((q) => q.title)).toEqual([
      "Pour commencer ma recherche d'emploi, je dois",
      "Est-ce que je sais...",
    ]);
    expect(ini[0]!.details).toBe("Veuillez sélectionner votre réponse pour chaque question");
    expect(ini[9]!.number).toBe("9");
    expect(ini[10]!.isHeading).toBe(true);
    expect(ini[29]!.number).toBe("19");
    expect(numberedTitle(ini[2]!)).toBe("2) Réaliser mon curriculum vitae");
    expect(ini[2]!.details).toBe("Sinon, faites-vous aider par votre agent d'insertion.");
  });

  it("gives RAE its 7 numbered questions (the 8th, with its own choice set, is added apart)", () => {
    expect(parseQuestions(RAE_QUESTIONS).map((q) => q.number)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
  });
});
