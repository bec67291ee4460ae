import { and, asc, eq, inArray } from "drizzle-orm";
import type { LocalizedText } from "@/db/control/schema";
import { belgianToday } from "@/lib/format";
import { addDays } from "@/server/calendar/rules/reminders";
import type { SeedCentre } from "@/server/area";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { parseQuestions } from "./rules";

type Names = Required<LocalizedText>;
const same = (name: string): Names => ({ fr: name, nl: name, de: name, en: name });

const YES: Names = { fr: "Oui", nl: "Ja", de: "Ja", en: "Yes" };
const NO: Names = { fr: "Non", nl: "Nee", de: "Nein", en: "No" };
const MAYBE: Names = { fr: "Peut-être", nl: "Misschien", de: "Vielleicht", en: "Maybe" };

/** Lino's standard choice sets (lino_xl/lib/polls/fixtures/std.py), in its order. */
const CHOICE_SETS: { names: Names; choices: Names[] }[] = [
  { names: { fr: "Oui/Non", nl: "Ja/Nee", de: "Ja/Nein", en: "Yes/No" }, choices: [YES, NO] },
  {
    names: { fr: "Oui/Peut-être/Non", nl: "Ja/Misschien/Nee", de: "Ja/Vielleicht/Nein", en: "Yes/Maybe/No" },
    choices: [YES, MAYBE, NO],
  },
  {
    names: same("That's it!...Never!"),
    choices: ["That's it!", "Rather Yes", "Neutral", "Rather No", "Never!"].map(same),
  },
  { names: same("-1..+1"), choices: ["-1", "0", "+1"].map(same) },
  {
    names: { fr: "Acquis", nl: "Verworven", de: "Erworben", en: "Acquired" },
    choices: [
      { fr: "Acquis", nl: "Verworven", de: "Erworben", en: "Acquired" },
      { fr: "En cours", nl: "Bezig", de: "In Arbeit", en: "In progress" },
      { fr: "Non acquis", nl: "Niet verworven", de: "Nicht erworben", en: "Not acquired" },
    ],
  },
  { names: same("1...5"), choices: ["1", "2", "3", "4", "5"].map(same) },
  { names: same("1...10"), choices: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"].map(same) },
  {
    names: same("Agree-Disagree"),
    choices: ["Strongly disagree", "Disagree", "Agree", "Strongly agree"].map(same),
  },
];

/** The standard choice sets, once (every centre: a centre switching polls on finds them ready). */
export async function seedChoiceSets({ db, t }: TenantHandle) {
  if ((await db.select({ id: t.pollChoiceSets.id }).from(t.pollChoiceSets).limit(1)).length) return;
  for (const set of CHOICE_SETS) {
    const [row] = await db.insert(t.pollChoiceSets).values({ names: set.names }).returning({ id: t.pollChoiceSets.id });
    await db
      .insert(t.pollChoices)
      .values(set.choices.map((names, i) => ({ choiceSetId: row!.id, seqno: i + 1, names })));
  }
}

// Lino Welfare's demo polls for Châtelet (lino_welfare/modlib/polls/fixtures/demo.py), verbatim.
export const INI_QUESTIONS = `
=Pour commencer ma recherche d'emploi, je dois
#Veuillez sélectionner votre réponse pour chaque question
Avoir une farde de recherche d’emploi organisée
Réaliser mon curriculum vitae
#Sinon, faites-vous aider par votre agent d'insertion.
Savoir faire une lettre de motivation adaptée au poste de travail visé
Respecter les modalités de candidature
Me créer une boite e-mail appropriée à la recherche d’emploi
Créer mon compte sur le site de Forem
Mettre mon curriculum vitae sur le site du Forem
Connaître les aides à l’embauche qui me concernent
Etre préparé à l’entretien d’embauche ou téléphonique

=Est-ce que je sais...
#Veuillez sélectionner votre réponse pour chaque question
Utiliser le site du Forem pour consulter les offres d’emploi
Décoder une offre d’emploi
Adapter mon curriculum vitae par rapport à une offre ou pour une candidature spontanée
Réaliser une lettre de motivation suite à une offre d’emploi
Adapter une lettre de motivation par rapport à l’offre d’emploi
Réaliser une lettre de motivation spontanée
Utiliser le fax pour envoyer mes candidatures
Utiliser ma boite e-mail pour envoyer mes candidatures
Mettre mon curriculum vitae en ligne sur des sites d’entreprise
Compléter en ligne les formulaires de candidature
M’inscrire aux agences intérim via Internet
M’inscrire auprès d’agence de recrutement via Internet
Utiliser Internet pour faire des recherches sur une entreprise
Préparer un entretien d’embauche (questions, argumentation du C.V.,…)
Utiliser Internet pour gérer ma mobilité (transport en commun ou itinéraire voiture)
Utiliser la photocopieuse (ex : copie de lettre de motivation que j’envoie par courrier)
Utiliser le téléphone pour poser ma candidature
Utiliser le téléphone pour relancer ma candidature
Trouver et imprimer les formulaires de demandes d’aides à l’embauche se trouvant sur le site de l’ONEm
`;
export const RAE_QUESTIONS = `
Cherchez-vous du travail actuellement?
Avez-vous un CV à jour?
Est-ce que vous vous présentez régulièrement au FOREM?
Est-ce que vous consultez les petites annonces?
Demande à l’entourage?
#Demandez-vous à vos connaissances s'ils connaissent quelqu'un qui connait...?
Candidature spontanée?
#Avez-vous fait des candidatures spontanées depuis notre dernière entrevue?
Antécédents judiciaires?
#Avez-vous des antécédents judiciaires qui pourraient être préjudiciables à votre recherce d’emploi?
`;
const WORKING_TIMES = ["temps-plein", "3/4", "1/2", "quelques heures par semaine"];

/**
 * Châtelet's demo polls (domain-integ-money §2.11): "INI Interview initial" (choice set Acquired,
 * 2 headings and 28 questions) and "RAE Recherche active d'emploi" (Yes/Maybe/No, 7 questions and
 * "Temps de travail acceptés" with its own choice set), both active, written by Robin; and Lino's
 * six responses by Alicia for two clients, RAE answered three times by the first (a recurrent
 * poll), each question's choice cycling through its set. Only for centres using Châtelet's field set.
 */
export async function seedDemoPolls(handle: TenantHandle, _centre: SeedCentre) {
  const { db, t } = handle;
  const [settings] = await db.select({ sets: t.siteSettings.clientFieldSets }).from(t.siteSettings);
  if (!settings?.sets.includes("chatelet")) return;
  if ((await db.select({ id: t.polls.id }).from(t.polls).limit(1)).length) return;
  await seedChoiceSets(handle);
  const users = await db
    .select({ id: t.users.id, username: t.users.username })
    .from(t.users)
    .where(inArray(t.users.username, ["robin", "alicia"]));
  const robin = users.find((u) => u.username === "robin");
  const alicia = users.find((u) => u.username === "alicia");
  if (!robin || !alicia) return;
  const sets = await db.select({ id: t.pollChoiceSets.id, names: t.pollChoiceSets.names }).from(t.pollChoiceSets);
  const setNamed = (en: string) => sets.find((s) => s.names.en === en)?.id ?? null;

  const poll = async (ref: string, title: string, details: string, choiceSetId: number | null, text: string) => {
    const [row] = await db
      .insert(t.polls)
      .values({ ref, title, details, userId: robin.id, defaultChoiceSetId: choiceSetId, state: "20" })
      .returning({ id: t.polls.id });
    await db
      .insert(t.pollQuestions)
      .values(parseQuestions(text).map((q, i) => ({ pollId: row!.id, seqno: i + 1, ...q })));
    return row!.id;
  };
  const ini = await poll(
    "INI",
    "Interview initial",
    "À remplir lors de la première entrevue.",
    setNamed("Acquired"),
    INI_QUESTIONS,
  );
  const rae = await poll(
    "RAE",
    "Recherche active d'emploi",
    "Veuillez sélectionner votre réponse pour chaque question",
    setNamed("Yes/Maybe/No"),
    RAE_QUESTIONS,
  );
  const [temps] = await db
    .insert(t.pollChoiceSets)
    .values({ names: same("Temps de travail") })
    .returning({ id: t.pollChoiceSets.id });
  await db
    .insert(t.pollChoices)
    .values(WORKING_TIMES.map((name, i) => ({ choiceSetId: temps!.id, seqno: i + 1, names: same(name) })));
  await db.insert(t.pollQuestions).values({
    pollId: rae,
    seqno: 8,
    title: "Temps de travail acceptés",
    choiceSetId: temps!.id,
    multipleChoices: true,
  });

  const clients = await db
    .select({ id: t.partners.id })
    .from(t.partners)
    .where(eq(t.partners.isClient, true))
    .orderBy(asc(t.partners.id))
    .limit(2);
  if (clients.length < 2) return;
  const today = belgianToday();
  const response = async (offset: number, registered: boolean, partnerId: number, pollId: number) => {
    const [row] = await db
      .insert(t.pollResponses)
      .values({
        pollId,
        partnerId,
        userId: alicia.id,
        date: addDays(today, offset),
        state: registered ? "20" : "10",
      })
      .returning({ id: t.pollResponses.id });
    const questions = await db
      .select({ id: t.pollQuestions.id, own: t.pollQuestions.choiceSetId, isHeading: t.pollQuestions.isHeading })
      .from(t.pollQuestions)
      .where(and(eq(t.pollQuestions.pollId, pollId)))
      .orderBy(asc(t.pollQuestions.seqno));
    const defaultSet = pollId === ini ? setNamed("Acquired") : setNamed("Yes/Maybe/No");
    let i = 0;
    for (const q of questions) {
      if (q.isHeading) continue;
      const choices = await db
        .select({ id: t.pollChoices.id })
        .from(t.pollChoices)
        .where(eq(t.pollChoices.choiceSetId, (q.own ?? defaultSet)!))
        .orderBy(asc(t.pollChoices.seqno));
      i = i % choices.length;
      await db.insert(t.pollAnswerChoices).values({ responseId: row!.id, questionId: q.id, choiceId: choices[i]!.id });
      i += 1;
    }
  };
  const [first, second] = clients as [{ id: number }, { id: number }];
  await response(-80, true, first.id, ini);
  await response(-80, true, first.id, rae);
  await response(-50, false, first.id, rae);
  await response(-20, false, first.id, rae);
  await response(-30, true, second.id, ini);
  await response(-20, true, second.id, rae);
}
