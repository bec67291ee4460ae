import { translatorFor } from "@/server/i18n/translator";
import { createMailAction } from "@/server/outbox/create-mail";

/** "Create e-mail" on a client: a draft to the client, in the client's language, for the writer to complete. */
export const createMailToClient = createMailAction(async (_tx, _ctx, id) => ({
  clientId: id,
  owner: { type: "client", id },
  to: [id],
  template: null,
  fallbackKey: "outbox.templates.client",
  compose: (locale) => ({ subject: translatorFor(locale)("outbox.templates.clientSubject"), values: {} }),
}));
