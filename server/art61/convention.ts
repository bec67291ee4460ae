import { articleNumbers, numberedArticles, subsidyHeadlines, type ArticleKey, type NumberedArticle } from "./numbering";
import type { Art61Subsidy } from "./subsidies";

/** The languages the convention is written in (Lino printed it in French; German, Dutch and English are ours). */
export type ConventionLanguage = "fr" | "nl" | "de" | "en";

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

const INTEGRATION_GOALS_NL = [
  "Naleving van de werktijden en van de procedures bij afwezigheid",
  "Blijk geven van beleefdheid, motivatie en aanpassingsvermogen",
  "Opmerkingen en raad kunnen aanvaarden",
  "Instructies kunnen naleven",
  "Zich inpassen in de werkploegen",
  "Het door het bedrijf vereiste werkritme verwerven",
  "Leren het materiaal goed te gebruiken en ermee zorgvuldig om te gaan",
  "Leren ordelijk en nauwkeurig te werken",
];
const INTEGRATION_GOALS_EN = [
  "Keeping to working hours and to the procedures in case of absence",
  "Showing politeness, motivation and adaptability",
  "Being able to accept remarks and advice",
  "Being able to follow instructions",
  "Fitting into the work teams",
  "Acquiring the pace of work the company requires",
  "Learning to use the equipment properly and to take care of it",
  "Learning to work in an orderly and precise way",
];

/** The same convention in Dutch, article for article (a translation: Lino had none). */
const NL: Words = {
  article: "Artikel",
  labels: { withoutTutorate: "zonder tutoraat", activa: "activa" },
  headlines: {
    planActiva: "Activaplan",
    withTutorate: "met tutoraat",
    withoutTutorate: "zonder tutoraat",
    walloonRegion: "Waals Gewest",
  },
  body: {
    purpose: (f) => [
      `Om bij te dragen tot de maatschappelijke en professionele integratie van de gerechtigden op maatschappelijke integratie of op financiële maatschappelijke dienstverlening van het OCMW ${f.centreCity}, wordt besloten tussen de voornoemde contractanten een samenwerking in de vorm van een overeenkomst aan te gaan.`,
    ],
    employment: (f) => [
      `Voor de werkgever bestaat deze overeenkomst erin ${f.clientName}${f.jobTitle ? ` als ${f.jobTitle}` : ""} in dienst te nemen met een arbeidsovereenkomst onder de volgende voorwaarden:`,
      `Statuut: ${f.status}`,
      `Duur: ${f.duration}, met aanvang op ${f.appliesFrom} en einde op ${f.appliesUntil}, hernieuwbaar`,
      `Arbeidsregeling: ${f.regime}`,
    ],
    labourLaw: () => [
      "§1 - Deze arbeidsovereenkomst wordt beheerst door alle bepalingen van de wet van 3 juli 1978 betreffende de arbeidsovereenkomsten.",
      "§2 - De werkgever zorgt ervoor dat de geldende wetgeving inzake arbeidsgeneeskunde wordt nageleefd.",
      "§3 - De werkgever sluit eveneens een verzekering af voor de in dienst genomen werknemer.",
    ],
    integrationProgramme: (f) => [
      "§1 - De partijen beslissen samen het volgende inschakelingsprogramma uit te voeren:",
      `Inschakelingsdoelstellingen: ${INTEGRATION_GOALS_NL.join("; ")}.`,
      "Werktijden: 19 uur per week volgens een variabel uurrooster.",
      `§2 - Het OCMW wijst ${f.agentName} aan, gemandateerd door het OCMW, om de werknemer tijdens de duur van deze overeenkomst sociaal op te volgen.`,
    ],
    activaPayment: (_f, refs) => [
      "§1 – Het nettoloon waarop de werknemer recht heeft, wordt hem volledig door de werkgever uitbetaald.",
      "§2 – Het OCMW verbindt zich ertoe de werkgever tijdens de duur van de overeenkomst, voor ten hoogste 30 maanden, 2501 euro per kalendermaand te betalen als tegemoetkoming in de loonkost van de werknemer.",
      "§3 – De betaling gebeurt door het OCMW binnen 2 maanden na ontvangst van het « attest voor de financiële tegemoetkoming van het OCMW », waarvan een kopie als bijlage bij deze overeenkomst is gevoegd.",
      "§4 – Een kopie van de ondertekende overeenkomst wordt binnen 10 dagen na de eerste werkdag aan het OCMW bezorgd, samen met de Activa-bijlage bij de arbeidsovereenkomst.",
      "§5 – De werkgever bezorgt het OCMW bovendien een kopie van zijn laatste driemaandelijkse aangifte bij de RSZ en de betalingsbewijzen van de bijdragen, binnen de maand na het einde van het kalenderkwartaal waarop zij betrekking hebben.",
      `Wordt deze termijn niet nageleefd, dan kan de werkgever van het OCMW de betaling van het in artikel ${refs.premium} bepaalde bedrag niet eisen.`,
    ],
    activaChanges: () => [
      "De werkgever verbindt zich ertoe het OCMW op de hoogte te brengen van elke wijziging van de arbeidsovereenkomst.",
      "De werkgever verbindt zich er eveneens toe het OCMW zo snel mogelijk op de hoogte te brengen van elke verandering van woonplaats van de werknemer tijdens de duur van deze overeenkomst.",
    ],
    premium: (_f, refs) => [
      "§1 - Als tegenprestatie voor het programma voor professionele inschakeling dat het bedrijf mogelijk maakt, verbindt het OCMW zich ertoe de werkgever maandelijks een premie van 150 euro te betalen. (Het OCMW kan beslissen de gewestelijke subsidie door te storten die het verschuldigd is krachtens het besluit van de Waalse Regering van 28.4.2005 tot uitvoering, wat de professionele inschakeling van de gerechtigden op maatschappelijke integratie betreft, van het programmadecreet van 18.12.2003 houdende diverse maatregelen inzake thesaurie en schuld, sociale actie en gezondheid.)",
      `Deze premie is verschuldigd tijdens de in artikel ${refs.employment} van deze overeenkomst vermelde duur van de arbeidsovereenkomst, met een maximum van 12 maanden.`,
      "§2 - Het OCMW verbindt zich ertoe de werkgever dit bedrag te betalen naar verhouding van de door de werkgever werkelijk bezoldigde arbeidsdagen, na ontvangst van de ondertekende arbeidsovereenkomst, de loonfiches, de laatste driemaandelijkse aangifte bij de RSZ en de betalingsbewijzen van de RSZ-bijdragen.",
      "§3 - Het OCMW behoudt zich echter het recht voor elke terugbetaling op te schorten of stop te zetten wanneer de bepalingen van het inschakelingsprogramma niet worden nageleefd.",
    ],
    changes: (f) => [
      `De werkgever verbindt zich ertoe het OCMW ${f.centreCity} op de hoogte te brengen van elke wijziging van de arbeidsovereenkomst.`,
      "De werkgever verbindt zich er eveneens toe het OCMW zo snel mogelijk op de hoogte te brengen van elke verandering van woonplaats van de werknemer tijdens de duur van deze overeenkomst.",
    ],
    residence: (f, refs) => [
      `Het OCMW kan de in artikel ${refs.activaPayment} bepaalde betaling zonder opzegging stopzetten zodra de werknemer zijn hoofdverblijfplaats / woonplaats overbrengt naar een plaats buiten het grondgebied van de gemeente ${f.centreCity}. (Het OCMW van herkomst kan de overeenkomst echter voortzetten. Dit wordt door de POD MI aanvaard.)`,
    ],
    noticeIndemnity: (f) => [
      `Bij beëindiging van de arbeidsovereenkomst tussen de werkgever en ${f.clientSalutation} kan het OCMW in geen geval gehouden zijn tot een eventuele opzeggingsvergoeding.`,
    ],
    recovery: () => [
      "Bij eenzijdige of onrechtmatige beëindiging van de overeenkomst, of bij niet-naleving van deze overeenkomst, behoudt het OCMW zich het recht voor de betaalde bedragen terug te vorderen.",
    ],
    seriousCause: () => [
      "Bij beëindiging van de overeenkomst om dringende reden wordt de toestand van de werknemer rechtstreeks voorgelegd aan het vast bureau of aan de raad voor maatschappelijk welzijn van het OCMW.",
    ],
    start: () => ["De overeenkomst geldt vanaf de ondertekening van de arbeidsovereenkomst."],
    disputes: (f) => [
      "Elk geschil in het kader van deze overeenkomst wordt onderzocht door een paritair samengesteld comité waarin vertegenwoordigers van elk van de contracterende partijen zetelen. Bij betwisting zijn uitsluitend de rechtbanken van Charleroi bevoegd.",
      `Opgemaakt te ${f.centreCity}, in 2 exemplaren.`,
    ],
  },
};

/** The same convention in English, article for article (a translation: Lino had none). */
const EN: Words = {
  article: "Article",
  labels: { withoutTutorate: "without tutorate", activa: "Activa" },
  headlines: {
    planActiva: "Activa plan",
    withTutorate: "with tutorate",
    withoutTutorate: "without tutorate",
    walloonRegion: "Walloon Region",
  },
  body: {
    purpose: (f) => [
      `In order to contribute to the social and professional integration of the persons entitled to social integration or to financial social aid from the PCSW of ${f.centreCity}, it is decided to establish a collaboration between the above-mentioned parties in the form of a convention.`,
    ],
    employment: (f) => [
      `For the employer, this convention consists in hiring ${f.clientName}${f.jobTitle ? ` as ${f.jobTitle}` : ""} under an employment contract on the following terms:`,
      `Status: ${f.status}`,
      `Duration: ${f.duration}, starting on ${f.appliesFrom} and ending on ${f.appliesUntil}, renewable`,
      `Working regime: ${f.regime}`,
    ],
    labourLaw: () => [
      "§1 - This employment contract is governed by all the provisions of the law of 3 July 1978 on employment contracts.",
      "§2 - The employer ensures that the legislation in force on occupational health is respected.",
      "§3 - The employer also takes out insurance for the worker hired.",
    ],
    integrationProgramme: (f) => [
      "§1 - Together, the parties decide to carry out the following integration programme:",
      `Integration goals: ${INTEGRATION_GOALS_EN.join("; ")}.`,
      "Working hours: 19 hours a week on a variable schedule.",
      `§2 - The PCSW appoints ${f.agentName}, mandated by the PCSW, to provide the worker's social follow-up for the duration of this convention.`,
    ],
    activaPayment: (_f, refs) => [
      "§1 – The net salary to which the worker is entitled is paid to the worker in full by the employer.",
      "§2 – The PCSW undertakes to pay the employer 2501 euros per calendar month as a contribution to the worker's wage costs for the duration of the contract, for at most 30 months.",
      "§3 – The PCSW makes the payment within 2 months of receiving the “certificate for the PCSW's financial contribution”, a copy of which is annexed to this convention.",
      "§4 – A copy of the signed contract is sent to the PCSW within 10 days of the first working day, together with the Activa annex to the employment contract.",
      "§5 – The employer also sends the PCSW a copy of its latest quarterly declaration to the NSSO and the proofs of payment of the contributions, within the month following the end of the calendar quarter they relate to.",
      `If this time limit is not met, the employer cannot claim from the PCSW the payment of the amount provided for in article ${refs.premium}.`,
    ],
    activaChanges: () => [
      "The employer undertakes to inform the PCSW of any change in the employment contract.",
      "The employer also undertakes to inform the PCSW as soon as possible of any change of the worker's address during this convention.",
    ],
    premium: (_f, refs) => [
      "§1 - In return for the professional integration programme the company makes possible, the PCSW undertakes to pay the employer a monthly premium of 150 euros. (The PCSW may decide to pass on the regional subsidy due to it under the Walloon Government Order of 28.4.2005 implementing, as regards the professional integration of persons entitled to social integration, the programme decree of 18.12.2003 on various measures regarding treasury and debt, social action and health.)",
      `This premium is due for the duration of the contract set out in article ${refs.employment} of this convention, for at most 12 months.`,
      "§2 - The PCSW undertakes to pay this sum to the employer in proportion to the working days the employer actually paid, after receiving the signed employment contract, the payslips, the latest quarterly declaration to the NSSO and the proofs of payment of the NSSO contributions.",
      "§3 - The PCSW however reserves the right to suspend or stop any refund if the terms of the integration programme are not respected.",
    ],
    changes: (f) => [
      `The employer undertakes to inform the PCSW of ${f.centreCity} of any change in the employment contract.`,
      "The employer also undertakes to inform the PCSW as soon as possible of any change of the worker's address during this convention.",
    ],
    residence: (f, refs) => [
      `The PCSW may stop the payment provided for in article ${refs.activaPayment} without notice as soon as the worker moves their main residence / address outside the territory of the municipality of ${f.centreCity}. (The original PCSW may however continue the convention. The PPS Social Integration accepts this.)`,
    ],
    noticeIndemnity: (f) => [
      `If the employment contract between the employer and ${f.clientSalutation} is terminated, the PCSW cannot in any way be held liable for any compensation in lieu of notice.`,
    ],
    recovery: () => [
      "If the contract is terminated unilaterally or wrongfully, or if this convention is not respected, the PCSW reserves the right to recover the sums paid.",
    ],
    seriousCause: () => [
      "If the contract is terminated for serious cause, the worker's situation is referred directly to the standing bureau or to the social welfare council of the PCSW.",
    ],
    start: () => ["The convention takes effect when the employment contract is signed."],
    disputes: (f) => [
      "Any dispute arising under this convention is examined by a joint committee made up of representatives of each of the contracting parties. In case of litigation, the courts of Charleroi alone have jurisdiction.",
      `Made in ${f.centreCity}, in 2 copies.`,
    ],
  },
};

const WORDS: Record<ConventionLanguage, Words> = { fr: FR, nl: NL, de: DE, en: EN };

/**
 * The convention of an Art. 61 contract in the document's language: the subsidy lines under its title and
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
