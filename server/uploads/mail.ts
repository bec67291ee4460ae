import { eq } from "drizzle-orm";
import { belgianToday, formatDate, pickLocalized } from "@/lib/format";
import { createMailAction } from "@/server/outbox/create-mail";

/** "Create e-mail" on a scanned document: to its client, the document attached, the body from its type's template. */
export const createMailFromUpload = createMailAction(async (tx, ctx, id) => {
  const { t } = ctx.handle;
  const [upload] = await tx
    .select({
      clientId: t.uploads.clientId,
      description: t.uploads.description,
      startDate: t.uploads.startDate,
      typeNames: t.uploadTypes.names,
      template: t.uploadTypes.mailTemplate,
      clientFirst: t.partners.firstName,
      clientLast: t.partners.lastName,
    })
    .from(t.uploads)
    .innerJoin(t.uploadTypes, eq(t.uploadTypes.id, t.uploads.typeId))
    .leftJoin(t.partners, eq(t.partners.id, t.uploads.clientId))
    .where(eq(t.uploads.id, id));
  const u = upload!;
  return {
    clientId: u.clientId,
    owner: { type: "upload", id },
    to: [u.clientId],
    template: u.template,
    fallbackKey: "outbox.templates.upload",
    attachments: [id],
    compose: (locale) => {
      const type = pickLocalized(u.typeNames, locale);
      return {
        subject: u.description ? `${type}: ${u.description}` : type,
        values: {
          client: `${u.clientFirst ?? ""} ${u.clientLast ?? ""}`.trim(),
          body: u.description,
          date: formatDate(u.startDate ?? belgianToday(), locale),
        },
      };
    },
  };
});
