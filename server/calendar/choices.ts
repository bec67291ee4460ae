import { defineChoiceList } from "@/server/resources/choices";

/** Calendar entry states (domain-people §10.2, Lino's EntryStates); labels under `choices.entryStates`. */
export const ENTRY_STATES = ["suggested", "draft", "published", "tookPlace", "cancelled"] as const;
export type EntryState = (typeof ENTRY_STATES)[number];
export const entryStates = defineChoiceList("entryStates", ENTRY_STATES);

/** Guest (presence) states (§10.3, Lino's GuestStates, with Welfare's reception states). */
export const GUEST_STATES = [
  "invited",
  "accepted",
  "rejected",
  "present",
  "missing",
  "excused",
  "waiting",
  "busy",
  "gone",
] as const;
export type GuestState = (typeof GUEST_STATES)[number];
export const guestStates = defineChoiceList("guestStates", GUEST_STATES);

/** The column of the team planner an entry type's entries go in (§10.1 `planner_column`). */
export const plannerColumns = defineChoiceList("plannerColumns", ["external", "internal"]);

/** What an entry can belong to (its generic owner, as a task's or a note's). */
export const entryOwnerTypes = defineChoiceList("entryOwnerTypes", [
  "client",
  "coaching",
  "recurrentEvent",
  "isipContract",
  "art61Contract",
  "art60Contract",
  "immersionContract",
]);
