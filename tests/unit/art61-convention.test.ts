import { describe, expect, it } from "vitest";
import { conventionText, type ConventionFacts } from "@/server/art61/convention";
import { numberedArticles, subsidyHeadlines } from "@/server/art61/numbering";
import { ART61_SUBSIDIES, subsidiesOf, type Art61Subsidy } from "@/server/art61/subsidies";

const ALL = Object.values(ART61_SUBSIDIES);
/** Every subset of the five subsidies (32 contracts). */
const combinations: Art61Subsidy[][] = Array.from({ length: 2 ** ALL.length }, (_, mask) =>
  ALL.filter((_s, i) => mask & (1 << i)),
);

// Written from domain-integ-money §2.6: Lino's demo contract 1 (Activa, no tutorate) prints
// Article 1, 2, 3, 4 (sans tutorat), 5 (activa), 6 (activa), 7 (sans tutorat), 8 … 14.
const WITHOUT_TUTORATE_FR = [
  "Article 1",
  "Article 2",
  "Article 3",
  "Article 4 (sans tutorat)",
  "Article 5 (activa)",
  "Article 6 (activa)",
  "Article 7 (sans tutorat)",
  "Article 8",
  "Article 9",
  "Article 10",
  "Article 11",
  "Article 12",
  "Article 13",
  "Article 14",
];
// With a tutorate the integration programme (the first "sans tutorat" article) is left out and
// everything after it moves up by one.
const WITH_TUTORATE_FR = [
  "Article 1",
  "Article 2",
  "Article 3",
  "Article 4 (activa)",
  "Article 5 (activa)",
  "Article 6 (sans tutorat)",
  "Article 7",
  "Article 8",
  "Article 9",
  "Article 10",
  "Article 11",
  "Article 12",
  "Article 13",
];

const facts: ConventionFacts = {
  centreCity: "Châtelet",
  clientName: "Alfons AUSDEMWALD",
  clientSalutation: "Monsieur AUSDEMWALD",
  jobTitle: "magasinier",
  status: "ouvrier",
  duration: "12 mois",
  appliesFrom: "01/12/2026",
  appliesUntil: "30/11/2027",
  regime: "temps plein",
  agentName: "Alicia Allmanns",
};

const headings = (subsidies: Art61Subsidy[], language: "fr" | "nl" | "de" | "en" = "fr") =>
  conventionText(language, new Set(subsidies), facts).articles.map((a) => a.heading);

describe("Art. 61 convention: which articles appear and their numbers", () => {
  it("prints Lino's demo contract 1 (Activa only) with articles 1 to 14", () => {
    expect(headings(["activa"])).toEqual(WITHOUT_TUTORATE_FR);
  });

  it.each(combinations.map((c) => [c.join("+") || "none", c] as const))(
    "numbers the articles of a contract with %s",
    (_name, subsidies) => {
      expect(headings(subsidies)).toEqual(subsidies.includes("tutorat") ? WITH_TUTORATE_FR : WITHOUT_TUTORATE_FR);
    },
  );

  it("numbers without gaps and keeps the order of the articles", () => {
    for (const c of combinations) {
      const articles = numberedArticles(new Set(c));
      expect(articles.map((a) => a.number)).toEqual(articles.map((_a, i) => i + 1));
    }
  });

  it("names the subsidies under the title as Lino did (SINE and PTP not named)", () => {
    expect(subsidyHeadlines(new Set(["activa"]))).toEqual(["planActiva", "withoutTutorate"]);
    expect(subsidyHeadlines(new Set(["tutorat"]))).toEqual(["withTutorate"]);
    expect(subsidyHeadlines(new Set(["activa", "tutorat", "region", "sine", "ptp"]))).toEqual([
      "planActiva",
      "withTutorate",
      "walloonRegion",
    ]);
    expect(subsidyHeadlines(new Set(["sine", "ptp"]))).toEqual(["withoutTutorate"]);
    expect(conventionText("fr", new Set(["activa", "region"]), facts).headlines).toEqual([
      "Plan Activa",
      "sans tutorat",
      "Région Wallonne",
    ]);
    expect(conventionText("de", new Set(["tutorat"]), facts).headlines).toEqual(["mit Tutorat"]);
  });

  it("prints the same numbering in German", () => {
    expect(headings(["activa"], "de")).toEqual(
      WITHOUT_TUTORATE_FR.map((h) =>
        h.replace("Article", "Artikel").replace("(sans tutorat)", "(ohne Tutorat)").replace("(activa)", "(Activa)"),
      ),
    );
    expect(headings(["tutorat"], "de")[3]).toBe("Artikel 4 (Activa)");
  });

  it("prints the same numbering in Dutch and English", () => {
    expect(headings(["activa"], "nl")).toEqual(
      WITHOUT_TUTORATE_FR.map((h) => h.replace("Article", "Artikel").replace("(sans tutorat)", "(zonder tutoraat)")),
    );
    expect(headings(["activa"], "en")).toEqual(
      WITHOUT_TUTORATE_FR.map((h) => h.replace("(sans tutorat)", "(without tutorate)").replace("(activa)", "(Activa)")),
    );
    expect(conventionText("nl", new Set(["activa", "region"]), facts).headlines).toEqual([
      "Activaplan",
      "zonder tutoraat",
      "Waals Gewest",
    ]);
    expect(conventionText("en", new Set(["tutorat"]), facts).headlines).toEqual(["with tutorate"]);
  });

  it("says in every language what the French says, paragraph for paragraph, facts and citations included", () => {
    for (const c of combinations) {
      const fr = conventionText("fr", new Set(c), facts).articles;
      for (const language of ["nl", "de", "en"] as const) {
        const other = conventionText(language, new Set(c), facts).articles;
        expect(other.map((a) => [a.key, a.paragraphs.length])).toEqual(fr.map((a) => [a.key, a.paragraphs.length]));
        // Each article names the same facts and cites the same article numbers as the French one.
        const facts_ = (text: string) =>
          [facts.centreCity, facts.clientName, facts.clientSalutation, facts.agentName, facts.appliesFrom].filter((f) =>
            text.includes(f),
          );
        const numbers = (text: string) => [...text.matchAll(/\b(?:article|artikel) (\d+)/gi)].map((m) => m[1]);
        for (const [i, article] of other.entries()) {
          const theirs = article.paragraphs.join(" ");
          const ours = fr[i]!.paragraphs.join(" ");
          expect(facts_(theirs), `${language} ${article.key}`).toEqual(facts_(ours));
          expect(numbers(theirs), `${language} ${article.key}`).toEqual(numbers(ours));
        }
      }
    }
  });

  it("cites the payment and premium articles by their number in this convention", () => {
    // Lino wrote "l'article 7" and "l'article 5" into its text: right without a tutorate only.
    const without = conventionText("fr", new Set(["activa"]), facts).articles;
    const para = (articles: typeof without, key: string) => articles.find((a) => a.key === key)!.paragraphs.join(" ");
    expect(para(without, "activaPayment")).toContain("prévu à l'article 7.");
    expect(para(without, "residence")).toContain("prévu à l'article 5 ");
    expect(para(without, "premium")).toContain("reprise à l’article 2 ");
    const withTutorate = conventionText("fr", new Set(["activa", "tutorat"]), facts).articles;
    expect(para(withTutorate, "activaPayment")).toContain("prévu à l'article 6.");
    expect(para(withTutorate, "residence")).toContain("prévu à l'article 4 ");
    expect(para(conventionText("de", new Set(["tutorat"]), facts).articles, "residence")).toContain("in Artikel 4 ");
  });

  it("fills the contract's facts into the text", () => {
    const text = conventionText("fr", new Set(["activa"]), facts).articles;
    expect(text[1]!.paragraphs[0]).toContain("engager en qualité de magasinier Alfons AUSDEMWALD");
    expect(text[3]!.paragraphs.at(-1)).toContain("Le CPAS désigne Alicia Allmanns");
    expect(text.at(-1)!.paragraphs.at(-1)).toBe("Fait à Châtelet, en 2 exemplaires.");
  });

  it("reads the subsidies from their stored values, ignoring unknown ones", () => {
    expect([...subsidiesOf(["10", "30", "99"])]).toEqual(["activa", "region"]);
  });
});
