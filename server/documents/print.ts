import { Readable } from "node:stream";
import { and, desc, eq, sql } from "drizzle-orm";
import { belgianToday, pickLocalized } from "@/lib/format";
import { actorOf, created, rowChange, writeAudit } from "@/server/audit";
import { c, controlDb } from "@/server/db/control";
import { AppError } from "@/server/errors";
import { translatorFor } from "@/server/i18n/translator";
import type { ActionDef, ActionResult, ResourceCtx } from "@/server/resources/define";
import { reference } from "@/server/resources/fields";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { documentStorage } from "./storage";
import { documentDate, documentLanguage, isTranslation, type DocumentLanguage } from "./language";
import { renderDocx, type TemplateData } from "./render";
import { templateOf } from "./own-templates";
import { certifyingExcerptOf } from "./certifying";
import { pdfAvailable } from "./pdf/converter";
import { convertExcerptJob } from "./pdf/job";
import { enqueue } from "@/server/jobs/queue";
import type { DOCUMENT_TYPES, TemplateName } from "./templates";
import { cvDocumentData } from "@/server/cv/document";
import { actionPlanData, authorFacts, clientRecipient, eidSheetData } from "./letters";

type Tx = TenantHandle["db"];
/** What filling a document needs of its request: the centre and who prints (a job has no more). */
export type PrintCtx = { handle: TenantHandle; user: { id: number } };

/** The centre as its documents name it: its name in the document's language, its letterhead, its own language. */
export interface Centre {
  names: Record<string, string>;
  defaultLocale: string;
  address: string;
  phone: string;
  email: string;
  place: string;
}

/**
 * The centre's names and language, from the directory. Read before the printing transaction opens:
 * on the embedded database the directory and the centre share the one connection the transaction holds.
 */
export async function centreIdentityOf(handle: Pick<TenantHandle, "tenantId">) {
  const [tenant] = await controlDb()
    .select({ names: c.tenants.names, defaultLocale: c.tenants.defaultLocale })
    .from(c.tenants)
    .where(eq(c.tenants.id, handle.tenantId));
  return tenant;
}

export async function centreOf(
  tx: Tx,
  handle: TenantHandle,
  tenant: Awaited<ReturnType<typeof centreIdentityOf>>,
): Promise<Centre> {
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
  ctx: PrintCtx,
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

/** A general letter to a client (§14.1 default letter layout): the client's address block, our reference, the signature. */
export async function letterToClientData(
  tx: Tx,
  ctx: PrintCtx,
  clientId: number,
  language: DocumentLanguage,
  print: PrintFacts,
): Promise<TemplateData> {
  const { t } = ctx.handle;
  return {
    ...(await authorFacts(tx, t, ctx.user.id, clientId, print.excerptId, language)),
    printRecipient: print.printRecipient,
    recipient: await clientRecipient(tx, t, clientId, language),
    place: print.centre.place,
    subject: print.typeName,
    body: "",
  };
}

/** The action plan: the letter's head and signature, the client's tasks (server/documents/letters.ts). */
export async function actionPlanDocumentData(
  tx: Tx,
  ctx: PrintCtx,
  clientId: number,
  language: DocumentLanguage,
  print: PrintFacts,
): Promise<TemplateData> {
  return {
    ...(await authorFacts(tx, ctx.handle.t, ctx.user.id, clientId, print.excerptId, language)),
    printRecipient: print.printRecipient,
    place: print.centre.place,
    subject: print.typeName,
    ...(await actionPlanData(tx, ctx.handle.t, clientId, language)),
  };
}

/** What a print knows besides its record: the excerpt it makes, its type, the centre. */
export interface PrintFacts {
  /** The excerpt it makes; none in a mass print (server/documents/mass-print.ts). */
  excerptId: number | null;
  typeName: string;
  printRecipient: boolean;
  centre: Centre;
}

type ClientData = (
  tx: Tx,
  ctx: PrintCtx,
  clientId: number,
  language: DocumentLanguage,
  print: PrintFacts,
) => Promise<TemplateData>;

/** The data each template is filled with when it prints a client (the only record kind printed yet). */
type ClientTemplate = Extract<(typeof DOCUMENT_TYPES)[number], { contentType: "client" }>["template"];
const CLIENT_DATA: Record<ClientTemplate, ClientData> = {
  fileSheet: (tx, ctx, id, language) => fileSheetData(tx, ctx, id, language),
  letter: letterToClientData,
  cv: (tx, ctx, id, language) => cvDocumentData(tx, ctx, id, language),
  eidSheet: (tx, ctx, id, language) => eidSheetData(tx, ctx.handle.t, id, language),
  actionPlan: (tx, ctx, id, language, print) => actionPlanDocumentData(tx, ctx, id, language, print),
};

/** A record to print: its kind (a document type's content type), its id, the client it is about and its language. */
export interface Printable {
  contentType: string;
  id: number;
  /** The client's id and language (§14.2: the document follows its owner's language); NOT_FOUND when it is gone. */
  load: (tx: Tx) => Promise<{
    clientId: number;
    language: string | null;
    /** Whom the document is addressed to when it is not its owner (an organisation): its language comes next (§14.2). */
    recipient?: { id: number; language: string | null };
  }>;
  /** The template's own tags (the letterhead, `printedOn` and `author` are filled for every document). */
  data: (tx: Tx, template: TemplateName, language: DocumentLanguage, print: PrintFacts) => Promise<TemplateData>;
}

/**
 * A document filled and rendered: the letterhead, the print's date and author, and the template's
 * own data, with the centre's own template of the language, else the default.
 */
export async function renderDocument(
  tx: Tx,
  ctx: PrintCtx,
  language: DocumentLanguage,
  print: PrintFacts & { template: TemplateName },
  dataOf: (facts: PrintFacts) => Promise<TemplateData>,
): Promise<Buffer> {
  const { t } = ctx.handle;
  const [author] = await tx
    .select({ name: sql<string>`concat_ws(' ', ${t.users.firstName}, ${t.users.lastName})` })
    .from(t.users)
    .where(eq(t.users.id, ctx.user.id));
  const data: TemplateData = {
    ...letterheadData(print.centre, language),
    printedOn: documentDate(belgianToday(), language),
    author: author?.name ?? "",
    ...(await dataOf(print)),
  };
  return renderDocx(await templateOf(ctx.handle, tx, print.template, language), data);
}

/** The data of a client's document of that template; refused for a template that does not print clients. */
function clientDataOf(template: TemplateName): ClientData {
  const data = CLIENT_DATA[template as ClientTemplate];
  if (!data) throw new AppError("INVALID_INPUT", { messageKey: "documents.errors.notForClients" });
  return data;
}

/** A client's document filled and rendered (a mass print renders them one by one: mass-print.ts). */
export const renderClientDocument = (
  tx: Tx,
  ctx: PrintCtx,
  clientId: number,
  language: DocumentLanguage,
  print: PrintFacts & { template: TemplateName },
) =>
  renderDocument(tx, ctx, language, print, (facts) => clientDataOf(print.template)(tx, ctx, clientId, language, facts));

/**
 * Prints a record with a document type of its kind, the primary one unless `typeId` names another
 * (§14.1 printing flow): a certifying type already printed for the record and not cleared gives
 * that same document again. Otherwise it chooses the language (§14.2: the owner's, else the
 * centre's), records the excerpt, fills the template, stores the file in the centre's storage and
 * queues its PDF, all audited in one transaction, then opens the excerpt for its download. A
 * failure leaves neither row nor file.
 */
export async function printRecord(ctx: ResourceCtx, record: Printable, typeId?: number): Promise<ActionResult> {
  const { db, t, tenantId } = ctx.handle;
  const storage = documentStorage();
  const key = storage.newKey();
  let stored = false;
  const identity = await centreIdentityOf(ctx.handle);
  try {
    return await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Tx;
      const [type] = await tx
        .select({
          id: t.excerptTypes.id,
          names: t.excerptTypes.names,
          template: t.excerptTypes.template,
          printRecipient: t.excerptTypes.printRecipient,
          certifying: t.excerptTypes.certifying,
        })
        .from(t.excerptTypes)
        .where(
          and(
            eq(t.excerptTypes.contentType, record.contentType),
            typeId === undefined ? eq(t.excerptTypes.isPrimary, true) : eq(t.excerptTypes.id, typeId),
          ),
        );
      if (!type)
        throw new AppError("INVALID_INPUT", {
          ...(typeId === undefined ? {} : { field: "type" }),
          messageKey: typeId === undefined ? "documents.errors.noPrimaryType" : "documents.errors.notForClients",
        });
      const owner = { type: record.contentType, id: record.id };
      if (type.certifying) {
        const printed = await certifyingExcerptOf(tx, t, owner, type.id);
        if (printed !== null) return { open: { resource: "documents.mine", id: printed } };
      }
      const template = type.template as TemplateName;
      const { clientId, language: ownerLanguage, recipient } = await record.load(tx);
      const centre = await centreOf(tx, ctx.handle, identity);
      const language = documentLanguage({
        owner: ownerLanguage,
        recipient: recipient?.language,
        centre: centre.defaultLocale,
      });
      const row = {
        typeId: type.id,
        ownerType: owner.type,
        ownerId: owner.id,
        clientId,
        ...(recipient ? { recipientId: recipient.id } : {}),
        userId: ctx.user.id,
        language,
        storageKey: key,
        fileName: `${translatorFor(language)(`documents.fileNames.${template}`)}-${clientId}.docx`,
        fileSize: 0,
        // Its PDF is made by a job, where the server has LibreOffice (docs/documents.md).
        pdfState: pdfAvailable() ? "pending" : "none",
      };
      const [excerpt] = await tx.insert(t.excerpts).values(row).returning({ id: t.excerpts.id });
      const excerptId = excerpt!.id;
      const print = {
        excerptId,
        typeName: pickLocalized(type.names, language),
        printRecipient: type.printRecipient,
        centre,
        template,
      };
      const file = await renderDocument(tx, ctx, language, print, (facts) =>
        record.data(tx, template, language, facts),
      );
      const { size } = await storage.put(tenantId, key, Readable.from([file]));
      stored = true;
      await tx.update(t.excerpts).set({ fileSize: size }).where(eq(t.excerpts.id, excerptId));
      const { storageKey: _key, ...shown } = { ...row, fileSize: size };
      await writeAudit(tx, t, actorOf(ctx.user), rowChange("documents.mine", "create", excerptId, created(shown)));
      if (row.pdfState === "pending") await enqueue(ctx.handle, convertExcerptJob, { excerptId }, { tx });
      return { open: { resource: "documents.mine", id: excerptId } };
    });
  } catch (e) {
    // The excerpt was not recorded: its file goes too.
    if (stored) await storage.delete(tenantId, key);
    throw e;
  }
}

/** Prints a client with a document type of clients, the primary one unless `typeId` names another. */
export const printClient = (ctx: ResourceCtx, clientId: number, typeId?: number) =>
  printRecord(
    ctx,
    {
      contentType: "client",
      id: clientId,
      load: async (tx) => {
        const t = ctx.handle.t;
        const [client] = await tx
          .select({ language: t.partners.language })
          .from(t.partners)
          .where(eq(t.partners.id, clientId));
        if (!client) throw new AppError("NOT_FOUND");
        return { clientId, language: client.language };
      },
      data: (tx, template, language, facts) => clientDataOf(template)(tx, ctx, clientId, language, facts),
    },
    typeId,
  );

/** "Print" on a client: the primary document type of clients (Lino Eupen: the file sheet), in the client's language. */
export const printClientAction: ActionDef = {
  name: "print",
  label: "documents.print",
  roles: ["OfficeUser", "OfficeOperator"],
  run: (ctx, id) => printClient(ctx, Number(id)),
};

/** "Print…" on a client: another of the client's document types than the primary one (§14.1 extra print actions). */
export const printOtherClientAction: ActionDef = {
  name: "printOther",
  label: "documents.printOther",
  roles: ["OfficeUser", "OfficeOperator"],
  params: {
    type: reference(
      "documents.fields.type",
      "documents.types",
      (t) => t.excerptTypes.id,
      (t) => t.excerptTypes.names,
      { required: true, localized: true, choices: (t) => eq(t.excerptTypes.contentType, "client") },
    ),
  },
  run: (ctx, id, params) => printClient(ctx, Number(id), Number(params.type)),
};
