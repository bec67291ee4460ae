import type { Art61Subsidy } from "./subsidies";

/**
 * The articles of the printed Art. 61 convention in their order (domain-integ-money §2.6, Lino's
 * `art61/Contract/contract.body.html`): three always; the integration programme "(sans tutorat)"
 * only when the contract has no tutorate; two "(activa)" articles (salary and the PCSW's
 * intervention, then the employer's duty to report changes); the monthly premium "(sans tutorat)";
 * then seven general articles. Like Lino, only the integration programme depends on the subsidies:
 * the "(activa)" and second "(sans tutorat)" articles carry their label but are always printed.
 */
export const ART61_ARTICLES = [
  { key: "purpose" },
  { key: "employment" },
  { key: "labourLaw" },
  { key: "integrationProgramme", label: "withoutTutorate", when: (s: ReadonlySet<Art61Subsidy>) => !s.has("tutorat") },
  { key: "activaPayment", label: "activa" },
  { key: "activaChanges", label: "activa" },
  { key: "premium", label: "withoutTutorate" },
  { key: "changes" },
  { key: "residence" },
  { key: "noticeIndemnity" },
  { key: "recovery" },
  { key: "seriousCause" },
  { key: "start" },
  { key: "disputes" },
] as const satisfies readonly {
  key: string;
  label?: ArticleLabel;
  when?: (s: ReadonlySet<Art61Subsidy>) => boolean;
}[];

/** What Lino writes after an article's number: "(sans tutorat)", "(activa)". */
export type ArticleLabel = "withoutTutorate" | "activa";
export type ArticleKey = (typeof ART61_ARTICLES)[number]["key"];

export interface NumberedArticle {
  key: ArticleKey;
  number: number;
  label?: ArticleLabel;
}

/** The articles a convention with these subsidies prints, numbered 1, 2… in their order (Lino's `Counter()`). */
export function numberedArticles(subsidies: ReadonlySet<Art61Subsidy>): NumberedArticle[] {
  const shown = ART61_ARTICLES.filter((a) => !("when" in a) || a.when(subsidies));
  return shown.map((a, i) => ({ key: a.key, number: i + 1, ...("label" in a ? { label: a.label } : {}) }));
}

/**
 * The number of each printed article, for the articles that refer to one another ("the payment of
 * article 5"): Lino wrote those numbers into the text, right only for a contract without tutorate.
 */
export const articleNumbers = (articles: readonly NumberedArticle[]): Partial<Record<ArticleKey, number>> =>
  Object.fromEntries(articles.map((a) => [a.key, a.number]));

/**
 * The lines under the title naming the subsidies (Lino: "Plan Activa", "avec tutorat" or "sans
 * tutorat", "Région Wallonne"); SINE and PTP are not named.
 */
export function subsidyHeadlines(subsidies: ReadonlySet<Art61Subsidy>) {
  return [
    ...(subsidies.has("activa") ? (["planActiva"] as const) : []),
    subsidies.has("tutorat") ? ("withTutorate" as const) : ("withoutTutorate" as const),
    ...(subsidies.has("region") ? (["walloonRegion"] as const) : []),
  ];
}
