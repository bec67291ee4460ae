import { eq, inArray } from "drizzle-orm";
import type { LocalizedText } from "@/db/control/schema";
import { actorOf, created, rowChange, writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";
import type { Locale } from "@/server/i18n/locale";
import type { ActionDef, ActionResult, ResourceCtx } from "@/server/resources/define";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { readerLocale, renderTemplate, type TemplateValues } from "./templates";

type Tx = TenantHandle["db"];

/** What a mailable object (a note, a scanned document, a client) says about the mail written from it. */
export interface MailSource {
  clientId: number | null;
  owner: { type: string; id: number };
  /**
   * Whom it may go to, most fitting first (a note's contact person, then its organisation, then its
   * client): the mail goes to the first one having an e-mail address, in that partner's language.
   */
  to: (number | null)[];
  /** The language when no recipient has an address (e.g. the note's). */
  language?: string | null;
  /** The type's template (its "E-mail template"), else the app's text under `fallbackKey`. */
  template: LocalizedText | null;
  fallbackKey: string;
  /** The subject and the template's values, in the mail's language. */
  compose: (locale: Locale) => { subject: string; values: Partial<TemplateValues> };
  /** Scanned documents sent with it. */
  attachments?: number[];
}

/**
 * "Create e-mail" (domain-people §15) on an object: writes a draft from it, addressed and worded in
 * the recipient's language, and opens it for the writer to read, complete and send. The writer needs
 * an e-mail address of their own: the mail goes out in their name.
 */
export function createMailAction(read: (tx: Tx, ctx: ResourceCtx, id: number) => Promise<MailSource>): ActionDef {
  return {
    name: "createMail",
    label: "outbox.createMail",
    roles: ["OfficeUser"],
    run: async (ctx, id) => {
      const { db } = ctx.handle;
      return db.transaction((tx) => writeDraft(tx as never, ctx, Number(id), read));
    },
  };
}

async function writeDraft(
  tx: Tx,
  ctx: ResourceCtx,
  id: number,
  read: (tx: Tx, ctx: ResourceCtx, id: number) => Promise<MailSource>,
): Promise<ActionResult> {
  const { t } = ctx.handle;
  const [writer] = await tx
    .select({ email: t.users.email, first: t.users.firstName, last: t.users.lastName, language: t.users.language })
    .from(t.users)
    .where(eq(t.users.id, ctx.user.id));
  if (!writer?.email) throw new AppError("INVALID_INPUT", { messageKey: "outbox.errors.noSenderAddress" });
  const source = await read(tx, ctx, id);

  const candidates = source.to.filter((pid): pid is number => pid !== null);
  const partners = candidates.length
    ? await tx
        .select({
          id: t.partners.id,
          email: t.partners.email,
          name: t.partners.name,
          first: t.partners.firstName,
          last: t.partners.lastName,
          language: t.partners.language,
        })
        .from(t.partners)
        .where(inArray(t.partners.id, candidates))
    : [];
  const recipients = candidates
    .map((pid) => partners.find((p) => p.id === pid))
    .filter((p): p is (typeof partners)[number] => !!p?.email)
    .slice(0, 1);
  const locale = readerLocale(recipients[0]?.language, source.language, writer.language);
  const [settings] = await tx.select({ centre: t.mailSettings.fromName }).from(t.mailSettings);
  const nameOf = (p: (typeof partners)[number]) => `${p.first} ${p.last}`.trim() || p.name;
  const { subject, values } = source.compose(locale);
  const body = renderTemplate(source.template, locale, source.fallbackKey, {
    recipient: recipients[0] ? nameOf(recipients[0]) : "",
    client: "",
    body: "",
    date: "",
    centre: settings?.centre ?? "",
    sender: `${writer.first} ${writer.last}`.trim(),
    ...values,
    subject: values.subject ?? subject,
  });

  const draft = {
    userId: ctx.user.id,
    clientId: source.clientId,
    ownerType: source.owner.type,
    ownerId: source.owner.id,
    subject: subject.slice(0, 200),
    body,
    state: "draft",
  };
  const [mail] = await tx.insert(t.mails).values(draft).returning({ id: t.mails.id });
  const mailId = mail!.id;
  if (recipients.length)
    await tx
      .insert(t.mailRecipients)
      .values(recipients.map((p) => ({ mailId, kind: "to", address: p.email, name: nameOf(p), partnerId: p.id })));
  if (source.attachments?.length)
    await tx.insert(t.mailAttachments).values(source.attachments.map((uploadId) => ({ mailId, uploadId })));
  await writeAudit(
    tx,
    t,
    actorOf(ctx.user),
    rowChange("outbox.mine", "create", mailId, {
      ...created(draft),
      recipients: { from: null, to: recipients.map((p) => p.email).join(", ") },
      ...(source.attachments?.length ? { attachments: { from: null, to: source.attachments } } : {}),
    }),
  );
  return { open: { resource: "outbox.mine", id: mailId } };
}
