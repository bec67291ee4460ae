import { defineChoiceList } from "@/server/resources/choices";

/** Where a mail stands: written, waiting for the mail job, handed to the mail server, or refused for good. */
export const mailStates = defineChoiceList("mailStates", ["draft", "queued", "sent", "failed"], {
  namespace: "outbox.states",
});
export const mailSecurities = defineChoiceList("mailSecurities", ["starttls", "tls", "none"], {
  namespace: "outbox.security",
});
export const recipientKinds = defineChoiceList("recipientKinds", ["to", "cc", "bcc"], { namespace: "outbox.kinds" });
