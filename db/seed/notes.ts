import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { LocalizedText } from "@/db/control/schema";
import { escapeHtml } from "@/server/notes/html";
import type { SeedCentre } from "@/server/area";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

type Names = Required<LocalizedText>;

/** Lino Welfare's note types (domain-people §12, the Eupen list), in the four languages. */
const NOTE_TYPES: { names: Names; important?: boolean; specialType?: string }[] = [
  { names: { fr: "Décision", nl: "Beslissing", de: "Beschluss", en: "Decision" }, important: true },
  { names: { fr: "Convention", nl: "Overeenkomst", de: "Konvention", en: "Convention" } },
  { names: { fr: "Note", nl: "Notitie", de: "Notiz", en: "Note" } },
  { names: { fr: "Convocation", nl: "Oproeping", de: "Vorladung", en: "Summons" }, important: true },
  { names: { fr: "Fiche de transfert", nl: "Overdrachtsfiche", de: "Übergabeblatt", en: "Handover sheet" } },
  { names: { fr: "Nouvelle demande", nl: "Nieuwe aanvraag", de: "Neuantrag", en: "New application" } },
  { names: { fr: "Formulaire de demande", nl: "Aanvraagformulier", de: "Antragsformular", en: "Application form" } },
  {
    names: {
      fr: "Grille d'évaluation générale",
      nl: "Algemeen evaluatieformulier",
      de: "Auswertungsbogen allgemein",
      en: "General evaluation sheet",
    },
  },
  {
    names: { fr: "Premier entretien", nl: "Eerste gesprek", de: "Erstgespräch", en: "First meeting" },
    specialType: "firstMeeting",
  },
  { names: { fr: "Lettre", nl: "Brief", de: "Brief", en: "Letter" } },
];

const LETTER_BODY: Names = {
  fr: "Madame, Monsieur,\n\n\n\nVeuillez agréer nos salutations distinguées.",
  nl: "Geachte mevrouw, geachte heer,\n\n\n\nMet vriendelijke groeten.",
  de: "Sehr geehrte Damen und Herren,\n\n\n\nMit freundlichen Grüßen.",
  en: "Dear Sir or Madam,\n\n\n\nYours faithfully.",
};

/** The event types of notes (domain-people §12), and the system's own, which the client life cycle writes. */
const EVENT_TYPES: { names: Names; body?: Names; system?: boolean }[] = [
  { names: { fr: "Note de dossier", nl: "Dossiernotitie", de: "Aktennotiz", en: "File note" } },
  { names: { fr: "Lettre", nl: "Brief", de: "Brief", en: "Letter" }, body: LETTER_BODY },
  { names: { fr: "E-mail", nl: "E-mail", de: "E-Mail", en: "E-mail" } },
  {
    names: { fr: "Lettre recommandée", nl: "Aangetekende brief", de: "Einschreiben", en: "Registered letter" },
    body: LETTER_BODY,
  },
  { names: { fr: "Entretien externe", nl: "Extern gesprek", de: "Gespräch extern", en: "External talk" } },
  { names: { fr: "Entretien interne", nl: "Intern gesprek", de: "Gespräch intern", en: "Internal talk" } },
  { names: { fr: "Visite à domicile", nl: "Huisbezoek", de: "Hausbesuch", en: "Home visit" } },
  {
    names: {
      fr: "Contact interne CPAS",
      nl: "Intern OCMW-contact",
      de: "Kontakt ÖSHZ intern",
      en: "Internal CPAS contact",
    },
  },
  { names: { fr: "Appel téléphonique", nl: "Telefoongesprek", de: "Telefonat", en: "Phone call" } },
  { names: { fr: "Note système", nl: "Systeemnotitie", de: "Systemnotiz", en: "System note" }, system: true },
];

const paragraphs = (text: string) =>
  text
    .split("\n")
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join("");

/** Note types and event types in the four languages: reference data of every centre, seeded once. */
export async function seedNoteTypes({ db, t }: TenantHandle) {
  if (!(await db.select({ id: t.noteTypes.id }).from(t.noteTypes).limit(1)).length)
    await db.insert(t.noteTypes).values(NOTE_TYPES.map((nt) => ({ ...nt, specialType: nt.specialType ?? null })));
  if (!(await db.select({ id: t.noteEventTypes.id }).from(t.noteEventTypes).limit(1)).length)
    await db.insert(t.noteEventTypes).values(
      EVENT_TYPES.map((et) => ({
        names: et.names,
        system: et.system ?? false,
        body: et.body
          ? (Object.fromEntries(Object.entries(et.body).map(([l, text]) => [l, paragraphs(text)])) as Names)
          : null,
      })),
    );
}

/** Demo subjects and bodies in each centre's language: what a social worker writes down. */
const DEMO_TEXTS: Record<"fr" | "de" | "nl" | "en", [subject: string, body: string][]> = {
  fr: [
    [
      "Recherche de logement",
      "Madame cherche un <strong>logement</strong> plus petit ; inscrite auprès de la société de logements sociaux.",
    ],
    ["Entretien de suivi", "Point sur la situation : démarches en cours auprès du <em>Forem</em>."],
    ["Demande de revenu d'intégration", "Le dossier est complet ; proposition au comité la semaine prochaine."],
    ["Visite à domicile", "Le logement est humide ; le propriétaire a été prévenu par téléphone."],
    ["Appel de la mutuelle", "La mutuelle confirme l'affiliation depuis le 1er du mois."],
    ["Facture d'énergie", "Arriérés de gaz : demande d'intervention du fonds énergie."],
    ["Rendez-vous manqué", "Monsieur ne s'est pas présenté ; nouvelle convocation envoyée."],
    ["Formation", "Inscription à une formation de cariste ; début prévu le mois prochain."],
    ["Médiation de dettes", "Plan de remboursement accepté par deux créanciers sur trois."],
    ["Documents de séjour", "Copie du titre de séjour reçue ; valable un an."],
  ],
  de: [
    ["Wohnungssuche", "Frau sucht eine kleinere <strong>Wohnung</strong>; beim sozialen Wohnungsbau eingeschrieben."],
    ["Folgegespräch", "Stand der Dinge: laufende Schritte beim <em>Arbeitsamt</em>."],
    ["Antrag auf Eingliederungseinkommen", "Die Akte ist vollständig; Vorschlag an den Ausschuss nächste Woche."],
    ["Hausbesuch", "Die Wohnung ist feucht; der Vermieter wurde telefonisch benachrichtigt."],
    ["Anruf der Krankenkasse", "Die Krankenkasse bestätigt die Mitgliedschaft seit dem Monatsersten."],
    ["Energierechnung", "Gasrückstände: Antrag auf Hilfe aus dem Energiefonds."],
    ["Verpasster Termin", "Herr ist nicht erschienen; neue Vorladung verschickt."],
    ["Ausbildung", "Anmeldung zu einer Staplerfahrer-Ausbildung; Beginn nächsten Monat."],
    ["Schuldnerberatung", "Zahlungsplan von zwei der drei Gläubiger angenommen."],
    ["Aufenthaltspapiere", "Kopie des Aufenthaltstitels erhalten; ein Jahr gültig."],
  ],
  nl: [
    [
      "Zoektocht naar woning",
      "Mevrouw zoekt een kleinere <strong>woning</strong>; ingeschreven bij de sociale huisvesting.",
    ],
    ["Opvolggesprek", "Stand van zaken: lopende stappen bij de <em>VDAB</em>."],
    ["Aanvraag leefloon", "Het dossier is volledig; voorstel aan het comité volgende week."],
    ["Huisbezoek", "De woning is vochtig; de eigenaar werd telefonisch verwittigd."],
    ["Telefoon van het ziekenfonds", "Het ziekenfonds bevestigt de aansluiting sinds de eerste van de maand."],
    ["Energiefactuur", "Achterstallige gasfacturen: aanvraag bij het energiefonds."],
    ["Gemiste afspraak", "Meneer is niet komen opdagen; nieuwe oproeping verstuurd."],
    ["Opleiding", "Ingeschreven voor een opleiding heftruckchauffeur; start volgende maand."],
    ["Schuldbemiddeling", "Afbetalingsplan aanvaard door twee van de drie schuldeisers."],
    ["Verblijfsdocumenten", "Kopie van de verblijfstitel ontvangen; een jaar geldig."],
  ],
  en: [
    ["Looking for housing", "She is looking for a smaller <strong>flat</strong>; registered with social housing."],
    ["Follow-up talk", "Where things stand: steps under way at the <em>job office</em>."],
    ["Integration income application", "The file is complete; proposal to the committee next week."],
    ["Home visit", "The flat is damp; the landlord was told by phone."],
    ["Call from the health insurance", "The health insurance confirms membership since the first of the month."],
    ["Energy bill", "Gas arrears: application to the energy fund."],
    ["Missed appointment", "He did not come; a new summons was sent."],
    ["Training", "Enrolled in a forklift driver training; starts next month."],
    ["Debt mediation", "Repayment plan accepted by two creditors out of three."],
    ["Residence papers", "Copy of the residence permit received; valid for one year."],
  ],
};

/** The demo's authors: the social workers of Lino's demo (domain-people §20). */
const AUTHORS = ["alicia", "hubert", "melanie", "caroline", "judith", "kerstin", "theresia"];
const DEMO_NOTES = 111;

/**
 * About a hundred notes on the demo clients, in the centre's language, spread over the social
 * workers and the last year, of every type and event type, some important (as their type says,
 * and every ninth). Seeded once per centre.
 */
export async function seedDemoNotes({ db, t }: TenantHandle, centre: SeedCentre) {
  if ((await db.select({ id: t.notes.id }).from(t.notes).limit(1)).length) return;
  const locale = (["fr", "de", "nl", "en"] as const).find((l) => l === centre.defaultLocale) ?? "fr";
  const [clients, authors, types, events] = await Promise.all([
    db
      .select({ id: t.partners.id })
      .from(t.partners)
      .where(and(eq(t.partners.isClient, true), eq(t.partners.isObsolete, false)))
      .orderBy(asc(t.partners.id)),
    db.select({ id: t.users.id }).from(t.users).where(inArray(t.users.username, AUTHORS)).orderBy(asc(t.users.id)),
    db.select({ id: t.noteTypes.id, important: t.noteTypes.important }).from(t.noteTypes).orderBy(asc(t.noteTypes.id)),
    db
      .select({ id: t.noteEventTypes.id })
      .from(t.noteEventTypes)
      .where(eq(t.noteEventTypes.system, false))
      .orderBy(asc(t.noteEventTypes.id)),
  ]);
  if (!clients.length || !authors.length || !types.length || !events.length) return;
  const texts = DEMO_TEXTS[locale];
  const notes = Array.from({ length: DEMO_NOTES }, (_, i) => {
    const client = clients[(i * 7) % clients.length]!.id;
    const type = types[i % types.length]!;
    const [subject, body] = texts[i % texts.length]!;
    return {
      date: sql`current_date - ${(i * 3) % 365}::int`,
      time: `${String(8 + (i % 9)).padStart(2, "0")}:${String((i * 5) % 60).padStart(2, "0")}:00`,
      typeId: type.id,
      eventTypeId: events[i % events.length]!.id,
      subject,
      body: `<p>${body}</p>`,
      clientId: client,
      ownerType: "client",
      ownerId: client,
      userId: authors[i % authors.length]!.id,
      language: locale,
      important: type.important || i % 9 === 0,
    };
  });
  await db.insert(t.notes).values(notes as never);
}
