import { eq } from "drizzle-orm";
import { convert } from "html-to-text";
import { formatDate, pickLocalized } from "@/lib/format";
import { createMailAction } from "@/server/outbox/create-mail";

/**
 * "Create e-mail" on a note: to its contact person, else its organisation, else its client; the
 * body from the note type's template, the note's own text in it.
 */
export const createMailFromNote = createMailAction(async (tx, ctx, id) => {
  const { t } = ctx.handle;
  const [note] = await tx
    .select({
      clientId: t.notes.clientId,
      companyId: t.notes.companyId,
      personId: t.roles.personId,
      subject: t.notes.subject,
      body: t.notes.body,
      date: t.notes.date,
      language: t.notes.language,
      typeNames: t.noteTypes.names,
      template: t.noteTypes.mailTemplate,
    })
    .from(t.notes)
    .leftJoin(t.noteTypes, eq(t.noteTypes.id, t.notes.typeId))
    .leftJoin(t.roles, eq(t.roles.id, t.notes.contactPersonId))
    .where(eq(t.notes.id, id));
  const [client] = note!.clientId
    ? await tx
        .select({ first: t.partners.firstName, last: t.partners.lastName })
        .from(t.partners)
        .where(eq(t.partners.id, note!.clientId))
    : [];
  return {
    clientId: note!.clientId,
    owner: { type: "note", id },
    to: [note!.personId, note!.companyId, note!.clientId],
    language: note!.language,
    template: note!.template,
    fallbackKey: "outbox.templates.note",
    compose: (locale) => ({
      subject: note!.subject || pickLocalized(note!.typeNames, locale),
      values: {
        client: client ? `${client.first} ${client.last}`.trim() : "",
        body: convert(note!.body, { wordwrap: false }),
        date: formatDate(note!.date, locale),
      },
    }),
  };
});
