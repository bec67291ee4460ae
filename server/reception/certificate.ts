import { eq, sql } from "drizzle-orm";
import { belgianToday, formatTime, pickLocalized } from "@/lib/format";
import { PRESENT_STATES } from "@/server/calendar/workflow";
import { documentDate, type DocumentLanguage } from "@/server/documents/language";
import { printRecord, type PrintFacts } from "@/server/documents/print";
import type { TemplateData } from "@/server/documents/render";
import { PRINTERS } from "@/server/documents/resources";
import { AppError } from "@/server/errors";
import type { Seed } from "@/server/area";
import type { ActionDef, ResourceCtx } from "@/server/resources/define";

type Tx = ResourceCtx["handle"]["db"];

/** The guest to certify, its entry and its client; only a guest who was there (a present state of §10.3). */
async function presenceOf(tx: Tx, ctx: ResourceCtx, guestId: number) {
  const { t } = ctx.handle;
  const [guest] = await tx
    .select({
      state: t.calendarGuests.state,
      waitingSince: t.calendarGuests.waitingSince,
      busySince: t.calendarGuests.busySince,
      goneSince: t.calendarGuests.goneSince,
      day: t.calendarEntries.startDate,
      startTime: t.calendarEntries.startTime,
      endTime: t.calendarEntries.endTime,
      clientId: t.partners.id,
      isClient: t.partners.isClient,
      first: t.partners.firstName,
      last: t.partners.lastName,
      name: t.partners.name,
      language: t.partners.language,
      nationalId: t.partners.nationalId,
      street: t.partners.street,
      streetNo: t.partners.streetNo,
      streetBox: t.partners.streetBox,
      zipCode: t.partners.zipCode,
      placeNames: sql<Record<
        string,
        string
      > | null>`(select ${t.places.names} from ${t.places} where ${t.places.id} = ${t.partners.placeId})`,
    })
    .from(t.calendarGuests)
    .innerJoin(t.calendarEntries, eq(t.calendarEntries.id, t.calendarGuests.entryId))
    .innerJoin(t.partners, eq(t.partners.id, t.calendarGuests.partnerId))
    .where(eq(t.calendarGuests.id, guestId));
  if (!guest) throw new AppError("NOT_FOUND");
  if (!(PRESENT_STATES as string[]).includes(guest.state) || !guest.isClient)
    throw new AppError("INVALID_INPUT", { messageKey: "reception.certificate.notPresent" });
  return guest;
}

/**
 * The presence certificate's tags (domain-people §11: "We hereby certify that <client> (national
 * register number, address) was present today / on <date> between <waiting since> and <gone since
 * or now> o'clock in the centre for administrative reasons"), in the document's language.
 */
export async function presenceCertificateData(
  tx: Tx,
  ctx: ResourceCtx,
  guestId: number,
  language: DocumentLanguage,
  print: PrintFacts,
): Promise<TemplateData> {
  const g = await presenceOf(tx, ctx, guestId);
  // From check-in (or reception) to checkout, else now; a presence marked by hand has its entry's times.
  const arrived = g.waitingSince ?? g.busySince;
  const day = arrived ? belgianToday(arrived) : g.day;
  const from = arrived ? formatTime(arrived, language) : (g.startTime?.slice(0, 5) ?? "");
  const until = g.goneSince
    ? formatTime(g.goneSince, language)
    : arrived
      ? formatTime(new Date(), language)
      : (g.endTime?.slice(0, 5) ?? "");
  const streetLine = [g.street, g.streetNo, g.streetBox].filter(Boolean).join(" ");
  const placeLine = [g.zipCode, pickLocalized(g.placeNames ?? {}, language)].filter(Boolean).join(" ");
  return {
    clientName: `${g.first} ${g.last}`.trim() || g.name,
    hasNationalId: !!g.nationalId,
    nationalId: g.nationalId ?? "",
    address: [streetLine, placeLine].filter(Boolean).join(", "),
    today: day === belgianToday(),
    date: documentDate(day, language),
    from,
    until,
    place: print.centre.place,
  };
}

/**
 * Prints the presence certificate of a guest with the primary document type of guests, in the
 * client's language (§14.2); the excerpt is the client's.
 */
export const printPresenceCertificate = (ctx: ResourceCtx, guestId: number) =>
  printRecord(ctx, {
    contentType: "guest",
    id: guestId,
    load: async (tx) => {
      const guest = await presenceOf(tx, ctx, guestId);
      return { clientId: guest.clientId, language: guest.language };
    },
    data: (tx, _template, language, print) => presenceCertificateData(tx, ctx, guestId, language, print),
  });

/** "Presence certificate" on a visitor or a presence of the client (§11), for those who print documents. */
export const presenceCertificateAction: ActionDef = {
  name: "presenceCertificate",
  label: "reception.certificate.print",
  roles: [...PRINTERS],
  run: (ctx, id) => printPresenceCertificate(ctx, Number(id)),
};

/** Every centre's document type of guests (Lino: "Attestation de présence", primary, not certifying). */
export const seedPresenceCertificateType: Seed = async ({ db, t }) => {
  const [existing] = await db
    .select({ id: t.excerptTypes.id })
    .from(t.excerptTypes)
    .where(eq(t.excerptTypes.contentType, "guest"));
  if (existing) return;
  await db.insert(t.excerptTypes).values({
    names: {
      fr: "Attestation de présence",
      nl: "Aanwezigheidsattest",
      de: "Anwesenheitsbescheinigung",
      en: "Presence certificate",
    },
    contentType: "guest",
    template: "presenceCertificate",
    isPrimary: true,
  });
};
