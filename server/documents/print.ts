import { Readable } from "node:stream";
import { and, desc, eq, sql } from "drizzle-orm";
import { belgianToday, pickLocalized } from "@/lib/format";
import { actorOf, created, rowChange, writeAudit } from "@/server/audit";
import { c, controlDb } from "@/server/db/control";
import { AppError } from "@/server/errors";
import { translatorFor } from "@/server/i18n/translator";
import type { ActionDef, ActionResult, ResourceCtx } from "@/server/resources/define";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { documentStorage } from "./storage";
import { documentDate, documentLanguage, isTranslation, type DocumentLanguage } from "./language";
import { renderDocx, type TemplateData } from "./render";
import { defaultTemplate, type TemplateName } from "./templates";

type Tx = TenantHandle["db"];

/** The centre as its documents name it: its name in the document's language, its letterhead, its own language. */
export interface Centre {
  names: Record<string, string>;
  defaultLocale: string;
  address: string;
  phone: string;
  email: string;
  place: string;
}

export async function centreOf(tx: Tx, handle: TenantHandle): Promise<Centre> {
  const [tenant] = await controlDb()
    .select({ names: c.tenants.names, defaultLocale: c.tenants.defaultLocale })
    .from(c.tenants)
    .where(eq(c.tenants.id, handle.tenantId));
  const [letterhead] = await tx.select().from(handle.t.documentSettings);
  return {
    names: (tenant?.names ?? {}) as Record<string, string>,
    defaultLocale: tenant?.defaultLocale ?? "fr",
    address: letterhead?.address ?? "",
    phone: letterhead?.phone ?? "",
    email: letterhead?.email ?? "",
    place: letterhead?.place ?? "",
  };
}

/** The letterhead's tags, in the document's language; "(Translation)" when it is not the centre's (§14.2). */
export function letterheadData(centre: Centre, language: DocumentLanguage): TemplateData {
  const contact = [centre.phone, centre.email].filter(Boolean).join(" · ");
  return {
    centreName: pickLocalized(centre.names, language),
    centreAddress: [centre.address.trim(), contact].filter(Boolean).join("\n"),
    translation: isTranslation(language, centre.defaultLocale),
  };
}

/** A client's file sheet's tags (Lino's file_sheet.odt), every label and date in the document's language. */
export async function fileSheetData(
  tx: Tx,
  ctx: ResourceCtx,
  clientId: number,
  language: DocumentLanguage,
): Promise<TemplateData> {
  const { t } = ctx.handle;
  const tr = translatorFor(language);
  const [client] = await tx
    .select({
      id: t.partners.id,
      first: t.partners.firstName,
      last: t.partners.lastName,
      nationalId: t.partners.nationalId,
      birthDate: t.partners.birthDate,
      gender: t.partners.gender,
      language: t.partners.language,
      street: t.partners.street,
      streetNo: t.partners.streetNo,
      streetBox: t.partners.streetBox,
      zipCode: t.partners.zipCode,
      placeNames: sql<Record<
        string,
        string
      > | null>`(select ${t.places.names} from ${t.places} where ${t.places.id} = ${t.partners.placeId})`,
      phone: t.partners.phone,
      gsm: t.partners.gsm,
      email: t.partners.email,
      clientState: t.partners.clientState,
    })
    .from(t.partners)
    .where(eq(t.partners.id, clientId));
  if (!client) throw new AppError("NOT_FOUND");
  const coachings = await tx
    .select({
      start: t.coachings.startDate,
      end: t.coachings.endDate,
      primary: t.coachings.primary,
      coach: sql<string>`(select concat_ws(' ', ${t.users.firstName}, ${t.users.lastName}) from ${t.users} where ${t.users.id} = ${t.coachings.userId})`,
      type: sql<Record<
        string,
        string
      > | null>`(select ${t.coachingTypes.names} from ${t.coachingTypes} where ${t.coachingTypes.id} = ${t.coachings.coachingTypeId})`,
    })
    .from(t.coachings)
    .where(eq(t.coachings.clientId, clientId))
    .orderBy(desc(t.coachings.startDate));
  const place = pickLocalized(client.placeNames ?? {}, language);
  const streetLine = [client.street, client.streetNo, client.streetBox].filter(Boolean).join(" ");
  const primary = coachings.find((ch) => ch.primary && !ch.end);
  const choiceLabel = (list: string, value: string | null) => (value ? tr(`choices.${list}.${value}`) : "");
  return {
    clientName: `${client.last.toLocaleUpperCase(language)} ${client.first}`.trim(),
    clientId: String(client.id),
    nationalId: client.nationalId ?? "",
    birthDate: documentDate(client.birthDate, language),
    gender: choiceLabel("genders", client.gender),
    language: tr(`languages.${client.language}`),
    address: [streetLine, [client.zipCode, place].filter(Boolean).join(" ")].filter(Boolean).join("\n"),
    phone: client.phone,
    gsm: client.gsm,
    email: client.email,
    primaryCoach: primary?.coach ?? "",
    clientState: choiceLabel("clientStates", client.clientState),
    coachings: coachings.map((ch) => ({
      start: documentDate(ch.start, language),
      end: documentDate(ch.end, language),
      coach: ch.coach,
      type: pickLocalized(ch.type ?? {}, language),
    })),
  };
}

/** What a print needs to know about the record it prints. */
interface PrintSource {
  clientId: number | null;
  /** The owner's print language (a client's language). */
  language: string | null;
  /** The tags that come from the record, in the document's language. */
  data: (tx: Tx, language: DocumentLanguage) => Promise<TemplateData>;
  /** The file's name without its extension, in the document's language ("fiche-dossier-123"). */
  name: (language: DocumentLanguage) => string;
}

/**
 * Prints a record with the primary document type of its kind (§14.1 printing flow, without the
 * certifying reuse yet): chooses the language (§14.2), fills the template, stores the file in the
 * centre's storage and records the excerpt, audited, then opens the excerpt for its download.
 */
export async function printWith(
  ctx: ResourceCtx,
  contentType: string,
  owner: { type: string; id: number },
  source: (tx: Tx) => Promise<PrintSource>,
): Promise<ActionResult> {
  const { db, t, tenantId } = ctx.handle;
  const storage = documentStorage();
  const key = storage.newKey();
  let stored = false;
  try {
    return await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Tx;
      const [type] = await tx
        .select({ id: t.excerptTypes.id, template: t.excerptTypes.template })
        .from(t.excerptTypes)
        .where(and(eq(t.excerptTypes.contentType, contentType), eq(t.excerptTypes.isPrimary, true)));
      if (!type) throw new AppError("INVALID_INPUT", { messageKey: "documents.errors.noPrimaryType" });
      const src = await source(tx);
      const centre = await centreOf(tx, ctx.handle);
      const language = documentLanguage({ owner: src.language, centre: centre.defaultLocale });
      const [author] = await tx
        .select({ name: sql<string>`concat_ws(' ', ${t.users.firstName}, ${t.users.lastName})` })
        .from(t.users)
        .where(eq(t.users.id, ctx.user.id));
      const data: TemplateData = {
        ...letterheadData(centre, language),
        ...(await src.data(tx, language)),
        printedOn: documentDate(belgianToday(), language),
        author: author?.name ?? "",
      };
      const file = renderDocx(await defaultTemplate(type.template as TemplateName, language), data);
      const { size } = await storage.put(tenantId, key, Readable.from([file]));
      stored = true;
      const row = {
        typeId: type.id,
        ownerType: owner.type,
        ownerId: owner.id,
        clientId: src.clientId,
        userId: ctx.user.id,
        language,
        storageKey: key,
        fileName: `${src.name(language)}.docx`,
        fileSize: size,
      };
      const [excerpt] = await tx.insert(t.excerpts).values(row).returning({ id: t.excerpts.id });
      const { storageKey: _key, ...shown } = row;
      await writeAudit(tx, t, actorOf(ctx.user), rowChange("documents.mine", "create", excerpt!.id, created(shown)));
      return { open: { resource: "documents.mine", id: excerpt!.id } };
    });
  } catch (e) {
    // The excerpt was not recorded: its file goes too.
    if (stored) await storage.delete(tenantId, key);
    throw e;
  }
}

/** "Print" on a client (Lino's primary excerpt type of the client: the file sheet), in the client's language. */
export const printClientAction: ActionDef = {
  name: "print",
  label: "documents.print",
  roles: ["OfficeUser", "OfficeOperator"],
  run: (ctx, id) =>
    printWith(ctx, "client", { type: "client", id: Number(id) }, async (tx) => {
      const [client] = await tx
        .select({ language: ctx.handle.t.partners.language })
        .from(ctx.handle.t.partners)
        .where(eq(ctx.handle.t.partners.id, Number(id)));
      if (!client) throw new AppError("NOT_FOUND");
      return {
        clientId: Number(id),
        language: client.language,
        data: (tx2, language) => fileSheetData(tx2, ctx, Number(id), language),
        name: (language) => `${translatorFor(language)("documents.fileNames.fileSheet")}-${id}`,
      };
    }),
};
