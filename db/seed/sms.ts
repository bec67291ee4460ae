import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { SeedCentre } from "@/server/area";
import { parseGsm } from "@/server/integrations/sms/gsm";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/** What a social worker texts a client, in the centre's language: appointments, documents, decisions. */
const DEMO_TEXTS = {
  fr: [
    "Rappel : rendez-vous au CPAS jeudi à 10h avec votre assistante sociale. Merci d'apporter votre carte d'identité.",
    "Le CPAS attend toujours votre titre de séjour. Merci de le déposer à l'accueil cette semaine.",
    "Votre demande d'aide a été examinée par le comité. Un courrier suit ; pour toute question, appelez-nous.",
    "Votre assistante sociale est absente aujourd'hui : votre rendez-vous est déplacé, nous vous rappelons.",
  ],
  de: [
    "Erinnerung: Termin im ÖSHZ am Donnerstag um 10 Uhr bei Ihrer Sozialassistentin. Bitte bringen Sie Ihren Personalausweis mit.",
    "Das ÖSHZ wartet noch auf Ihren Aufenthaltstitel. Bitte geben Sie ihn diese Woche am Empfang ab.",
    "Der Ausschuss hat über Ihren Hilfeantrag entschieden. Ein Brief folgt; bei Fragen rufen Sie uns an.",
    "Ihre Sozialassistentin ist heute abwesend: Ihr Termin wird verschoben, wir rufen Sie zurück.",
  ],
  nl: [
    "Herinnering: afspraak bij het OCMW donderdag om 10 uur met uw maatschappelijk werker. Breng uw identiteitskaart mee.",
    "Het OCMW wacht nog op uw verblijfstitel. Gelieve hem deze week aan het onthaal af te geven.",
    "Het comité heeft over uw hulpaanvraag beslist. Een brief volgt; bel ons bij vragen.",
    "Uw maatschappelijk werker is vandaag afwezig: uw afspraak wordt verplaatst, wij bellen u terug.",
  ],
  en: [
    "Reminder: appointment at the PCSW on Thursday at 10 am with your social worker. Please bring your identity card.",
    "The PCSW is still waiting for your residence permit. Please hand it in at reception this week.",
    "The committee has decided on your request for aid. A letter follows; call us with any question.",
    "Your social worker is away today: your appointment is moved, we will call you back.",
  ],
};

/** The demo's writers: the social workers of Lino's demo (domain-people §20). */
const WRITERS = ["alicia", "hubert", "melanie", "caroline", "judith", "theresia"];
/** Mostly sent, two still drafts, one the provider refused. */
const STATES = ["sent", "sent", "draft", "sent", "sent", "failed", "sent", "draft"] as const;

/**
 * A few SMS to demo clients with a mobile number, in the centre's language, as its social workers
 * would write them; seeded once per centre, never sent (they are records of the demo's past).
 */
export async function seedDemoSms({ db, t }: TenantHandle, centre: SeedCentre) {
  if ((await db.select({ id: t.smsMessages.id }).from(t.smsMessages).limit(1)).length) return;
  const locale = (["fr", "de", "nl", "en"] as const).find((l) => l === centre.defaultLocale) ?? "fr";
  const [clients, writers] = await Promise.all([
    db
      .select({ id: t.partners.id, gsm: t.partners.gsm })
      .from(t.partners)
      .where(and(eq(t.partners.isClient, true), eq(t.partners.isObsolete, false), ne(t.partners.gsm, "")))
      .orderBy(asc(t.partners.id))
      .limit(40),
    db.select({ id: t.users.id }).from(t.users).where(inArray(t.users.username, WRITERS)).orderBy(asc(t.users.id)),
  ]);
  const mobiles = clients.flatMap((c) => {
    const gsm = parseGsm(c.gsm);
    return gsm.ok ? [{ id: c.id, to: gsm.e164 }] : [];
  });
  if (!mobiles.length || !writers.length) return;
  const texts = DEMO_TEXTS[locale];
  await db.insert(t.smsMessages).values(
    STATES.map((state, i) => {
      const client = mobiles[(i * 5) % mobiles.length]!;
      const daysAgo = (STATES.length - i) * 4;
      return {
        userId: writers[i % writers.length]!.id,
        clientId: client.id,
        to: client.to,
        body: texts[i % texts.length]!,
        state,
        attempts: state === "draft" ? 0 : 1,
        providerId: state === "sent" ? `SM${randomBytes(16).toString("hex")}` : null,
        error: state === "failed" ? `400 21614 '${client.to}' is not a valid mobile number` : null,
        createdAt: sql`now() - ${daysAgo}::int * interval '1 day'`,
        sentAt: state === "sent" ? sql`now() - ${daysAgo}::int * interval '1 day' + interval '2 minutes'` : null,
      };
    }) as never,
  );
}
