import { defineChoiceList } from "@/server/resources/choices";

/** Special note types (Lino's notes.SpecialTypes; Welfare defines "first meeting"). */
export const noteSpecialTypes = defineChoiceList("noteSpecialTypes", ["firstMeeting"]);

/** What a note can belong to (its generic owner, as a task's): labels under `choices.noteOwnerTypes`. */
export const NOTE_OWNER_TYPES = ["client", "household", "coaching"] as const;
export type NoteOwnerType = (typeof NOTE_OWNER_TYPES)[number];
export const noteOwnerTypes = defineChoiceList("noteOwnerTypes", NOTE_OWNER_TYPES);
