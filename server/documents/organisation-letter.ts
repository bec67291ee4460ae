import { eq } from "drizzle-orm";
import { AppError } from "@/server/errors";
import type { ActionDef, ResourceCtx } from "@/server/resources/define";
import { authorFacts, organisationRecipient } from "./letters";
import type { DocumentLanguage } from "./language";
import { printRecord, type PrintCtx, type PrintFacts } from "./print";
import type { TemplateData } from "./render";
import { PRINTERS } from "./resources";

type Tx = ResourceCtx["handle"]["db"];

/** One of a client's contacts (domain-people §2.7): the client, the organisation and its contact person. */
async function contactOf(tx: Tx, ctx: PrintCtx, contactId: number) {
  const { t } = ctx.handle;
  const [row] = await tx
    .select({
      clientId: t.clientContacts.clientId,
      companyId: t.clientContacts.companyId,
      contactPersonId: t.clientContacts.contactPersonId,
      clientFirst: t.partners.firstName,
      clientLast: t.partners.lastName,
      nationalId: t.partners.nationalId,
    })
    .from(t.clientContacts)
    .innerJoin(t.partners, eq(t.partners.id, t.clientContacts.clientId))
    .where(eq(t.clientContacts.id, contactId));
  if (!row) throw new AppError("NOT_FOUND");
  const recipientId = row.companyId ?? row.contactPersonId!;
  const [recipient] = await tx
    .select({ language: t.partners.language })
    .from(t.partners)
    .where(eq(t.partners.id, recipientId));
  return { ...row, recipientId, recipientLanguage: recipient?.language ?? null };
}

/** A letter to one of a client's contacts: the organisation's block with its contact person, about the client. */
export async function organisationLetterData(
  tx: Tx,
  ctx: PrintCtx,
  contactId: number,
  language: DocumentLanguage,
  print: PrintFacts,
): Promise<TemplateData> {
  const { t } = ctx.handle;
  const c = await contactOf(tx, ctx, contactId);
  return {
    ...(await authorFacts(tx, t, ctx.user.id, c.clientId, print.excerptId, language)),
    printRecipient: print.printRecipient,
    recipient: await organisationRecipient(tx, t, c, language),
    place: print.centre.place,
    subject: print.typeName,
    clientName: `${c.clientFirst} ${c.clientLast.toLocaleUpperCase(language)}`.trim(),
    nationalId: c.nationalId ?? "",
    body: "",
  };
}

/**
 * Prints a letter from a client's file to one of the client's contacts (an organisation and its
 * contact person) with the primary document type of client contacts. §14.2: the contact row has no
 * language of its own, so the letter is written in the recipient's (the organisation's, else the
 * person's), else the centre's; the excerpt is the client's, addressed to that partner.
 */
export const printOrganisationLetter = (ctx: ResourceCtx, contactId: number) =>
  printRecord(ctx, {
    contentType: "clientContact",
    id: contactId,
    load: async (tx) => {
      const c = await contactOf(tx, ctx, contactId);
      return { clientId: c.clientId, language: null, recipient: { id: c.recipientId, language: c.recipientLanguage } };
    },
    data: (tx, _template, language, print) => organisationLetterData(tx, ctx, contactId, language, print),
  });

/** "Letter" on a client's contact: a letter to that organisation about the client, for those who print documents. */
export const organisationLetterAction: ActionDef = {
  name: "printLetter",
  label: "documents.printLetter",
  roles: [...PRINTERS],
  run: (ctx, id) => printOrganisationLetter(ctx, Number(id)),
};
