import { articleNumbers, numberedArticles, subsidyHeadlines, type ArticleKey, type NumberedArticle } from "./numbering";
import type { Art61Subsidy } from "./subsidies";

/** The languages the convention is written in (Lino printed it in French; Eupen's German is ours). */
export type ConventionLanguage = "fr" | "de";

/**
 * What the convention says about one contract, already in the document's language (names, dates
 * formatted by the caller). The Art. 61 contract fills it from its row; empty values print empty.
 */
export interface ConventionFacts {
  /** The PCSW's town ("Châtelet"). */
  centreCity: string;
  clientName: string;
  /** The client's salutation and last name in capitals ("Monsieur DUBOIS"). */
  clientSalutation: string;
  jobTitle: string;
  status: string;
  duration: string;
  appliesFrom: string;
  appliesUntil: string;
  regime: string;
  /** The agent following the worker (the contract's author). */
  agentName: string;
}

export interface ConventionArticle {
  key: ArticleKey;
  /** "Article 4 (sans tutorat)", "Artikel 4 (ohne Tutorat)". */
  heading: string;
  paragraphs: string[];
}

export interface ConventionText {
  /** The lines naming the subsidies under the title ("Plan Activa", "sans tutorat"…). */
  headlines: string[];
  articles: ConventionArticle[];
}

type Refs = Partial<Record<ArticleKey, number>>;
type Words = {
  article: string;
  labels: Record<NonNullable<NumberedArticle["label"]>, string>;
  headlines: Record<ReturnType<typeof subsidyHeadlines>[number], string>;
  body: Record<ArticleKey, (f: ConventionFacts, refs: Refs) => string[]>;
};

const INTEGRATION_GOALS_FR = [
  "Respect des horaires et des procédures en cas d’absence",
  "Faire preuve de politesse, de motivation, de capacité d’adaptation",
  "Savoir accepter les remarques et les conseils",
  "Savoir respecter les consignes",
  "S’intégrer dans les équipes de travail",
  "Acquérir le rythme de travail exigé par l’entreprise",
  "Apprendre à bien utiliser le matériel, et le respecter",
  "Apprendre à travailler de manière ordonnée et précise",
];
const INTEGRATION_GOALS_DE = [
  "Einhaltung der Arbeitszeiten und der Abläufe bei Abwesenheit",
  "Höflichkeit, Motivation und Anpassungsfähigkeit zeigen",
  "Bemerkungen und Ratschläge annehmen können",
  "Anweisungen befolgen können",
  "Sich in die Arbeitsteams eingliedern",
  "Den vom Unternehmen verlangten Arbeitsrhythmus erwerben",
  "Lernen, das Material richtig zu benutzen und es zu schonen",
  "Lernen, ordentlich und genau zu arbeiten",
];

/** Lino's text (lino_welfare/modlib/art61/config/art61/Contract/contract.body.html), article by article. */
const FR: Words = {
  article: "Article",
  labels: { withoutTutorate: "sans tutorat", activa: "activa" },
  headlines: {
    planActiva: "Plan Activa",
    withTutorate: "avec tutorat",
    withoutTutorate: "sans tutorat",
    walloonRegion: "Région Wallonne",
  },
  body: {
    purpose: (f) => [
      `Dans le but de contribuer à l’insertion sociale et professionnelle des ayants droit à l’intégration sociale ou à l’aide sociale financière du CPAS de ${f.centreCity}, il est décidé d'établir une collaboration sous forme de convention entre les contractants précités.`,
    ],
    employment: (f) => [
      `Pour l'employeur, cette convention consiste à engager${f.jobTitle ? ` en qualité de ${f.jobTitle}` : ""} ${f.clientName} dans les liens d'un contrat de travail dont les conditions sont les suivantes :`,
      `Statut : ${f.status}`,
      `Durée : ${f.duration} prenant cours le ${f.appliesFrom} et se terminant le ${f.appliesUntil}, renouvelable`,
      `Régime de travail : ${f.regime}`,
    ],
    labourLaw: () => [
      "§1 - Ce contrat de travail sera régi par toutes les dispositions de la loi du 3 juillet 1978 relative aux contrats de travail.",
      "§2 - L'employeur veillera à respecter la législation en vigueur en matière de médecine du travail.",
      "§3 - L'employeur veillera également à souscrire à une assurance pour le travailleur engagé.",
    ],
    integrationProgramme: (f) => [
      "§1 - Ensemble, les parties décident de mettre en œuvre le programme d'insertion suivant :",
      `Objectifs d'insertion : ${INTEGRATION_GOALS_FR.join(" ; ")}.`,
      "Horaires : 19h semaine prestées selon un horaire variable.",
      `§2 - Le CPAS désigne ${f.agentName}, mandaté par le CPAS, pour effectuer le suivi social du travailleur pendant la durée de la présente convention.`,
    ],
    activaPayment: (_f, refs) => [
      "§1 – Le salaire net auquel peut prétendre le travailleur lui sera intégralement versé par l'employeur.",
      "§2 – Le CPAS s'engage à verser à l'employeur 2501 Euros par mois calendrier à titre d'intervention dans le coût salarial du travailleur pendant la durée du contrat pour 30 mois maximum.",
      "§3 – Le versement sera effectué par le CPAS dans les 2 mois de la réception du « certificat pour l'intervention financière du CPAS » dont une copie est jointe en annexe de cette convention.",
      "§4 – Une copie du contrat signé sera transmise au CPAS dans les 10 jours qui suivent le premier jour de prestation ainsi que l’annexe Activa au contrat de travail.",
      "§5 – L'employeur, en outre, transmettra au CPAS une copie de sa dernière déclaration trimestrielle à l'ONSS ainsi que les preuves de paiement des cotisations, et ce dans le mois qui suit la fin du trimestre civil auquel elles se rapportent.",
      `A défaut du respect de ce délai, l'employeur ne pourra exiger du CPAS le versement du montant prévu à l'article ${refs.premium}.`,
    ],
    activaChanges: () => [
      "L'employeur s'engage à avertir le CPAS de tous changements survenant dans le contrat de travail.",
      "L'employeur s'engage également à avertir le plus rapidement possible le CPAS de tous changements de domicile du travailleur survenant pendant la durée de la présente convention.",
    ],
    premium: (_f, refs) => [
      "§1 - En contrepartie du programme d'Insertion Professionnelle que permet l'entreprise, le CPAS s'engage à verser mensuellement à l'employeur une prime de 150 euro. (Le CPAS peut décider de rétrocéder la subvention régionale qui lui est due en fonction de l'A.G.W. du 28.4.2005 portant exécution, en ce qui concerne l’intégration professionnelle des ayants droit à l’intégration sociale, du décret-programme du 18.12.2003 portant diverses mesures en matière de trésorerie et de dette, d’action sociale et de santé.)",
      `Cette prime sera due pendant la durée du contrat reprise à l’article ${refs.employment} de la présente avec un maximum de 12 mois.`,
      "§2 - Le CPAS s'engage à verser à l'employeur cette somme au prorata des journées de travail effectivement rémunérées par l'employeur, après réception du contrat de travail signé, des fiches de paie, de la dernière déclaration trimestrielle à l'O.N.S.S ainsi que des preuves de paiement des cotisations à l’ONSS.",
      "§3 - Toutefois, le CPAS se réserve le droit de suspendre ou d'interrompre tout remboursement en cas de non respect des clauses du programme d'insertion.",
    ],
    changes: (f) => [
      `L'employeur s'engage à avertir le CPAS de ${f.centreCity} de tout changement survenant dans le contrat de travail.`,
      "L'employeur s'engage également à avertir, le plus rapidement possible, le CPAS de tout changement de domicile du travailleur survenant pendant la durée de la présente convention.",
    ],
    residence: (f, refs) => [
      `Le CPAS peut mettre fin, sans préavis, au paiement prévu à l'article ${refs.activaPayment} dès que le travailleur transfère sa résidence principale / son domicile ailleurs que sur le territoire de la commune de ${f.centreCity}. (Toutefois, le CPAS d’origine peut poursuivre la convention. Ceci est admis par le SPP-IS.)`,
    ],
    noticeIndemnity: (f) => [
      `En cas de rupture de contrat de travail conclu entre l'employeur et ${f.clientSalutation}, le CPAS ne pourra être nullement tenu d'une éventuelle indemnité de préavis.`,
    ],
    recovery: () => [
      "En cas de rupture unilatérale ou abusive du contrat, ou de non respect de la présente convention, le CPAS se réserve le droit de récupérer les sommes versées.",
    ],
    seriousCause: () => [
      "En cas de rupture du contrat pour motif grave, le bureau permanent ou le conseil de l’action sociale du CPAS sera directement saisi de la situation du travailleur.",
    ],
    start: () => ["La convention est établie dès la signature du contrat de travail."],
    disputes: (f) => [
      "Tout litige qui surviendrait dans la présente convention sera examiné par un Comité qui sera composé paritairement et qui comprendra des représentants de chacune des parties contractantes. En cas de contestation, les tribunaux de Charleroi sont les seuls compétents.",
      `Fait à ${f.centreCity}, en 2 exemplaires.`,
    ],
  },
};

/** The same convention in German, article for article (a translation: Lino had none). */
const DE: Words = {
  article: "Artikel",
  labels: { withoutTutorate: "ohne Tutorat", activa: "Activa" },
  headlines: {
    planActiva: "Activa-Plan",
    withTutorate: "mit Tutorat",
    withoutTutorate: "ohne Tutorat",
    walloonRegion: "Wallonische Region",
  },
  body: {
    purpose: (f) => [
      `Um zur sozialen und beruflichen Eingliederung der Personen beizutragen, die Anrecht auf soziale Eingliederung oder auf finanzielle Sozialhilfe des ÖSHZ ${f.centreCity} haben, wird beschlossen, zwischen den oben genannten Vertragsparteien eine Zusammenarbeit in Form einer Konvention einzugehen.`,
    ],
    employment: (f) => [
      `Für den Arbeitgeber besteht diese Konvention darin, ${f.clientName}${f.jobTitle ? ` als ${f.jobTitle}` : ""} im Rahmen eines Arbeitsvertrags zu folgenden Bedingungen einzustellen:`,
      `Statut: ${f.status}`,
      `Dauer: ${f.duration}, beginnend am ${f.appliesFrom} und endend am ${f.appliesUntil}, verlängerbar`,
      `Arbeitsregelung: ${f.regime}`,
    ],
    labourLaw: () => [
      "§1 - Dieser Arbeitsvertrag unterliegt allen Bestimmungen des Gesetzes vom 3. Juli 1978 über die Arbeitsverträge.",
      "§2 - Der Arbeitgeber achtet auf die Einhaltung der geltenden Gesetzgebung im Bereich der Arbeitsmedizin.",
      "§3 - Der Arbeitgeber schließt außerdem eine Versicherung für den eingestellten Arbeitnehmer ab.",
    ],
    integrationProgramme: (f) => [
      "§1 - Die Parteien beschließen gemeinsam, folgendes Eingliederungsprogramm umzusetzen:",
      `Eingliederungsziele: ${INTEGRATION_GOALS_DE.join("; ")}.`,
      "Arbeitszeiten: 19 Stunden pro Woche nach einem variablen Stundenplan.",
      `§2 - Das ÖSHZ bestimmt ${f.agentName}, beauftragt vom ÖSHZ, um den Arbeitnehmer während der Dauer dieser Konvention sozial zu begleiten.`,
    ],
    activaPayment: (_f, refs) => [
      "§1 – Der Nettolohn, auf den der Arbeitnehmer Anspruch hat, wird ihm vollständig vom Arbeitgeber ausgezahlt.",
      "§2 – Das ÖSHZ verpflichtet sich, dem Arbeitgeber während der Dauer des Vertrags für höchstens 30 Monate 2501 Euro pro Kalendermonat als Beteiligung an den Lohnkosten des Arbeitnehmers zu zahlen.",
      "§3 – Die Zahlung erfolgt durch das ÖSHZ innerhalb von 2 Monaten nach Erhalt der „Bescheinigung für die finanzielle Beteiligung des ÖSHZ“, von der eine Kopie dieser Konvention beiliegt.",
      "§4 – Eine Kopie des unterzeichneten Vertrags wird dem ÖSHZ innerhalb von 10 Tagen nach dem ersten Arbeitstag zusammen mit der Activa-Anlage zum Arbeitsvertrag übermittelt.",
      "§5 – Der Arbeitgeber übermittelt dem ÖSHZ außerdem eine Kopie seiner letzten vierteljährlichen Erklärung beim LSS sowie die Zahlungsbelege der Beiträge, und zwar innerhalb des Monats nach Ende des Kalenderquartals, auf das sie sich beziehen.",
      `Wird diese Frist nicht eingehalten, kann der Arbeitgeber vom ÖSHZ die Zahlung des in Artikel ${refs.premium} vorgesehenen Betrags nicht verlangen.`,
    ],
    activaChanges: () => [
      "Der Arbeitgeber verpflichtet sich, das ÖSHZ über jede Änderung des Arbeitsvertrags zu informieren.",
      "Der Arbeitgeber verpflichtet sich außerdem, das ÖSHZ so schnell wie möglich über jeden Wohnsitzwechsel des Arbeitnehmers während der Dauer dieser Konvention zu informieren.",
    ],
    premium: (_f, refs) => [
      "§1 - Als Gegenleistung für das Programm zur beruflichen Eingliederung, das das Unternehmen ermöglicht, verpflichtet sich das ÖSHZ, dem Arbeitgeber monatlich eine Prämie von 150 Euro zu zahlen. (Das ÖSHZ kann beschließen, den regionalen Zuschuss weiterzugeben, der ihm aufgrund des Erlasses der Wallonischen Regierung vom 28.4.2005 zur Ausführung des Programmdekrets vom 18.12.2003 zusteht, was die berufliche Eingliederung der Personen mit Anrecht auf soziale Eingliederung betrifft.)",
      `Diese Prämie ist während der in Artikel ${refs.employment} genannten Vertragsdauer geschuldet, höchstens jedoch für 12 Monate.`,
      "§2 - Das ÖSHZ verpflichtet sich, dem Arbeitgeber diesen Betrag im Verhältnis zu den vom Arbeitgeber tatsächlich entlohnten Arbeitstagen zu zahlen, nach Erhalt des unterzeichneten Arbeitsvertrags, der Lohnzettel, der letzten vierteljährlichen Erklärung beim LSS sowie der Zahlungsbelege der LSS-Beiträge.",
      "§3 - Das ÖSHZ behält sich jedoch das Recht vor, jede Rückerstattung auszusetzen oder einzustellen, wenn die Bestimmungen des Eingliederungsprogramms nicht eingehalten werden.",
    ],
    changes: (f) => [
      `Der Arbeitgeber verpflichtet sich, das ÖSHZ ${f.centreCity} über jede Änderung des Arbeitsvertrags zu informieren.`,
      "Der Arbeitgeber verpflichtet sich außerdem, das ÖSHZ so schnell wie möglich über jeden Wohnsitzwechsel des Arbeitnehmers während der Dauer dieser Konvention zu informieren.",
    ],
    residence: (f, refs) => [
      `Das ÖSHZ kann die in Artikel ${refs.activaPayment} vorgesehene Zahlung ohne Kündigungsfrist einstellen, sobald der Arbeitnehmer seinen Hauptwohnort / Wohnsitz außerhalb des Gebiets der Gemeinde ${f.centreCity} verlegt. (Das ÖSHZ des bisherigen Wohnorts kann die Konvention jedoch fortführen. Dies wird vom ÖPD SI zugelassen.)`,
    ],
    noticeIndemnity: (f) => [
      `Bei Auflösung des zwischen dem Arbeitgeber und ${f.clientSalutation} geschlossenen Arbeitsvertrags kann das ÖSHZ in keiner Weise zu einer etwaigen Kündigungsentschädigung verpflichtet werden.`,
    ],
    recovery: () => [
      "Bei einseitiger oder missbräuchlicher Auflösung des Vertrags oder bei Nichteinhaltung dieser Konvention behält sich das ÖSHZ das Recht vor, die gezahlten Beträge zurückzufordern.",
    ],
    seriousCause: () => [
      "Bei Auflösung des Vertrags aus schwerwiegendem Grund wird das Ständige Präsidium oder der Sozialhilferat des ÖSHZ unmittelbar mit der Situation des Arbeitnehmers befasst.",
    ],
    start: () => ["Die Konvention gilt ab der Unterzeichnung des Arbeitsvertrags."],
    disputes: (f) => [
      "Jede Streitigkeit im Rahmen dieser Konvention wird von einem paritätisch zusammengesetzten Ausschuss geprüft, dem Vertreter jeder Vertragspartei angehören. Im Streitfall sind ausschließlich die Gerichte von Charleroi zuständig.",
      `Ausgefertigt in ${f.centreCity}, in 2 Exemplaren.`,
    ],
  },
};

const WORDS: Record<ConventionLanguage, Words> = { fr: FR, de: DE };

/**
 * The convention of an Art. 61 contract in French or German: the subsidy lines under its title and
 * its articles, numbered for the contract's subsidies (numbering.ts), the articles that cite another
 * citing it by its number in this convention. The Art. 61 contract's print fills its template with
 * it: `headlines` and the loop `articles` (`heading`, loop `paragraphs`).
 */
export function conventionText(
  language: ConventionLanguage,
  subsidies: ReadonlySet<Art61Subsidy>,
  facts: ConventionFacts,
): ConventionText {
  const words = WORDS[language];
  const articles = numberedArticles(subsidies);
  const refs = articleNumbers(articles);
  return {
    headlines: subsidyHeadlines(subsidies).map((h) => words.headlines[h]),
    articles: articles.map((a) => ({
      key: a.key,
      heading: `${words.article} ${a.number}${a.label ? ` (${words.labels[a.label]})` : ""}`,
      paragraphs: words.body[a.key](facts, refs),
    })),
  };
}
