import { defineChoiceList } from "@/server/resources/choices";

/** What a notification is about (domain-people §16). */
export const messageTypes = defineChoiceList("messageTypes", ["system", "change", "coachings", "reception", "notes"], {
  namespace: "notify.types",
});

/**
 * How notifications reach a user by e-mail: silent (no message at all), never (messages, no
 * e-mail), often (each by e-mail at once), daily or weekly digest.
 */
export const mailModes = defineChoiceList("mailModes", ["silent", "never", "often", "daily", "weekly"], {
  namespace: "notify.mailModes",
});

/** Message types a user type does not receive (Lino: the 420 profile is not told about changes). */
export const MASKED_TYPES: Readonly<Record<string, readonly string[]>> = { "420": ["change"] };
