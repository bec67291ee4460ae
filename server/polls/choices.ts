import { defineChoiceList } from "@/server/resources/choices";

/** Lino's PollStates: 10 draft, 20 active (clients may be interviewed), 30 closed. */
export const pollStates = defineChoiceList("pollStates", ["10", "20", "30"]);
/** Lino's ResponseStates: 10 draft (its answers may change), 20 registered. */
export const pollResponseStates = defineChoiceList("pollResponseStates", ["10", "20"]);

export const POLL_ACTIVE = "20";
export const RESPONSE_DRAFT = "10";
export const RESPONSE_REGISTERED = "20";
