import { seedDemoNotes, seedNoteTypes } from "@/db/seed/notes";
import { defineArea } from "@/server/area";
import { defineRelations } from "@/server/resources/relations";
import { eventTypesResource, noteTypesResource } from "./config";
import { myNotesResource, notesResource } from "./resource";
import { notesSource } from "./timeline";

/** Notes about clients, their types and event types (domain-people §12). */
export const notesArea = defineArea({
  id: "notes",
  resources: [notesResource, myNotesResource, noteTypesResource, eventTypesResource],
  // Office → My notes; Configure → Office → note and event types; Explorer → Office → all notes (§1.4).
  menu: [
    { menu: "office", entries: [{ resource: "notes.mine" }] },
    {
      menu: "configure",
      section: "menu.sections.office",
      entries: [
        { resource: "notes.noteTypes", roles: ["OfficeStaff"] },
        { resource: "notes.eventTypes", roles: ["OfficeStaff"] },
      ],
    },
    {
      menu: "explorer",
      section: "menu.sections.office",
      entries: [{ resource: "notes.notes", roles: ["OfficeStaff"] }],
    },
  ],
  seed: { reference: seedNoteTypes, demo: seedDemoNotes },
  timeline: [notesSource],
  relations: defineRelations([
    // A client with notes has a file: it is closed (former), never deleted; merges move the notes.
    { from: "notes.client_id", to: "partners", onDelete: "protect", label: "relations.notes" },
    { from: "notes.company_id", to: "partners", onDelete: "protect", label: "relations.notes" },
    { from: "notes.owner_id", to: "partners", ownerType: "client", onDelete: "protect", label: "relations.notes" },
    { from: "notes.owner_id", to: "partners", ownerType: "household", onDelete: "protect", label: "relations.notes" },
    { from: "notes.owner_id", to: "coachings", ownerType: "coaching", onDelete: "protect", label: "relations.notes" },
    // The contact person is a pointer the author sets again.
    { from: "notes.contact_person_id", to: "roles", onDelete: "clear", label: "relations.notes" },
    { from: "notes.user_id", to: "users", onDelete: "protect", label: "relations.notes" },
    { from: "notes.type_id", to: "note_types", onDelete: "protect", label: "relations.notes" },
    { from: "notes.event_type_id", to: "note_event_types", onDelete: "protect", label: "relations.notes" },
  ]),
});
