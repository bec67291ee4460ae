/**
 * The person's duties a PIIS prints by its type (domain-integ-money §2.4: "type-specific clauses for
 * study/apprenticeship types"). Lino's Eupen template keyed them on the type's ref (vsea, vsec, vsed);
 * here the type declares which set it prints (`printedClauses`), editable in the type's form. The
 * facts are Lino's, the words ours:
 * - training (vsea): complete the training;
 * - studies (vsed): claim alimony and family allowances / study grants, complete the studies, keep
 *   one's work commitments, earn an income one month a year with a student job;
 * - apprenticeship (vsec): the same without the student job.
 */
import { defineChoiceList } from "@/server/resources/choices";
import type { DocumentLanguage } from "@/server/documents/language";

export const ISIP_CLAUSES = ["training", "studies", "apprenticeship"] as const;
export type IsipClauses = (typeof ISIP_CLAUSES)[number];
export const isipClauses = defineChoiceList("isipClauses", ISIP_CLAUSES);

type Clause = "alimony" | "allowances" | "complete" | "work" | "studentJob";

/** Which clauses each set prints, in the order of the contract. */
const SETS: Record<IsipClauses, Clause[]> = {
  training: ["complete"],
  studies: ["alimony", "allowances", "complete", "work", "studentJob"],
  apprenticeship: ["alimony", "allowances", "complete", "work"],
};

/** The clauses' words; `{studyType}` becomes " (type d'études : …)" or nothing. */
const TEXTS: Record<DocumentLanguage, Record<Clause, string> & { studyType: string }> = {
  fr: {
    alimony:
      "faire valoir son droit aux aliments (article 4 de la loi du 26 mai 2002 concernant le droit à l’intégration sociale), soit en produisant les preuves des revenus des débiteurs d’aliments et une convention fixant une pension alimentaire en sa faveur pour la durée des études, soit en introduisant une action en justice ;",
    allowances: "faire valoir son droit aux allocations familiales et aux allocations d’études ;",
    complete:
      "tout mettre en œuvre pour mener à bien sa formation, ses études ou son apprentissage{studyType} : suivre les cours, remettre un certificat médical en cas d’absence, présenter les examens et remettre les bulletins ; une exception n’est possible que pour des raisons de santé ou d’équité ;",
    work: "respecter ses engagements envers son employeur et son contrat de travail : prévenir à temps en cas d’empêchement, remettre un certificat médical en cas d’absence ;",
    studentJob:
      "en tant qu’élève ou étudiant, se procurer des revenus par un travail d’étudiant un mois par an ; la période est choisie librement pendant l’année d’études et communiquée au CPAS, qui la vérifie chaque année au plus tard en juillet ; une exception motivée n’est accordée que sur demande, après examen par le comité spécial du service social.",
    studyType: " (type d’études : {name})",
  },
  nl: {
    alimony:
      "zijn of haar recht op onderhoudsgeld laten gelden (artikel 4 van de wet van 26 mei 2002 betreffende het recht op maatschappelijke integratie), door bewijzen voor te leggen van de inkomsten van de onderhoudsplichtigen en een overeenkomst die een onderhoudsuitkering te zijnen of haren gunste vastlegt voor de duur van de studie, of door een rechtsvordering in te stellen;",
    allowances: "zijn of haar recht op kinderbijslag en studietoelagen laten gelden;",
    complete:
      "alles in het werk stellen om de opleiding, de studie of de leertijd met succes af te ronden{studyType}: de lessen volgen, bij afwezigheid een medisch attest bezorgen, de examens afleggen en de rapporten voorleggen; een uitzondering is alleen mogelijk om gezondheids- of billijkheidsredenen;",
    work: "zijn of haar verbintenissen tegenover de werkgever en de arbeidsovereenkomst nakomen: tijdig verwittigen bij verhindering, bij afwezigheid een medisch attest bezorgen;",
    studentJob:
      "als leerling of student één maand per jaar inkomsten verwerven met studentenarbeid; de periode wordt vrij gekozen tijdens het studiejaar en aan het OCMW meegedeeld, dat ze jaarlijks uiterlijk in juli nagaat; een gemotiveerde uitzondering wordt alleen op verzoek toegestaan, na onderzoek door het bijzonder comité voor de sociale dienst.",
    studyType: " (studietype: {name})",
  },
  de: {
    alimony:
      "den Anspruch auf Unterhalt gemäß Artikel 4 des Gesetzes vom 26. Mai 2002 über das Recht auf soziale Eingliederung geltend zu machen, indem Belege über das Einkommen der Unterhaltspflichtigen und eine Vereinbarung vorgelegt werden, die für die Dauer des Studiums eine Unterhaltszahlung zu eigenen Gunsten festlegt, oder indem der Anspruch gerichtlich eingeklagt wird;",
    allowances: "den Anspruch auf Kindergeld und Studienbeihilfe geltend zu machen;",
    complete:
      "alle Vorkehrungen zu treffen, um die Ausbildung, das Studium oder die Lehre erfolgreich abzuschließen{studyType}: dem Unterricht zu folgen, bei Abwesenheit ärztliche Atteste beizubringen, die Prüfungen abzulegen und die Zeugnisse vorzulegen; eine Ausnahme ist nur aus Gesundheits- oder Billigkeitsgründen möglich;",
    work: "den Verpflichtungen gegenüber dem Arbeitgeber und aus dem Arbeitsvertrag nachzukommen: sich im Verhinderungsfall rechtzeitig abzumelden und bei Abwesenheit ärztliche Atteste beizubringen;",
    studentJob:
      "als Schüler oder Student einen Monat pro Jahr durch einen Studentenjob für Einkünfte zu sorgen; der Zeitraum wird innerhalb des Studienjahres frei gewählt und dem ÖSHZ mitgeteilt, das ihn jährlich, spätestens im Juli, überprüft; begründete Ausnahmen werden nur auf Antrag und nach Prüfung durch den Sonderausschuss für Soziales gewährt.",
    studyType: " (Studienart: {name})",
  },
  en: {
    alimony:
      "to claim the right to maintenance (article 4 of the law of 26 May 2002 on the right to social integration), either by producing proof of the income of those liable for maintenance and an agreement setting a maintenance allowance in the person’s favour for the duration of the studies, or by bringing a court action;",
    allowances: "to claim the right to family allowances and study grants;",
    complete:
      "to do everything needed to complete the training, studies or apprenticeship successfully{studyType}: attend classes, hand in a medical certificate when absent, sit the exams and hand in the school reports; an exception is possible only for reasons of health or fairness;",
    work: "to keep the commitments towards the employer and the employment contract: give notice in time when prevented, hand in a medical certificate when absent;",
    studentJob:
      "as a pupil or student, to earn an income with a student job one month a year; the period is freely chosen within the school year and made known to the PCSW, which checks it every year, in July at the latest; a reasoned exception is granted only on request, after review by the special committee for social services.",
    studyType: " (study type: {name})",
  },
};

/** The paragraphs a PIIS of a type with `set` prints among the person's duties, naming the study type if any. */
export function isipClauseParagraphs(
  set: string | null,
  language: DocumentLanguage,
  studyType: string,
): { text: string }[] {
  if (!set || !(ISIP_CLAUSES as readonly string[]).includes(set)) return [];
  const x = TEXTS[language];
  const study = studyType ? x.studyType.replace("{name}", studyType) : "";
  return SETS[set as IsipClauses].map((clause) => ({ text: x[clause].replace("{studyType}", study) }));
}
