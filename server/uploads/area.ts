import { gridHref } from "@/app/_components/resource/list-state";
import { listStateSchema } from "@/lib/resources";
import { defineArea } from "@/server/area";
import { defineRelations } from "@/server/resources/relations";
import { missingFileChecker, orphanFileChecker } from "./checkers";
import { myUploadsResource, uploadsResource, uploadTypesResource } from "./resources";
import { seedDemoUploads, seedUploadTypes } from "./seed";
import { myExpiringUploadsWidget } from "./widget";
import { uploadsSource } from "./timeline";

/** Scanned documents (domain-people §13): upload types, uploads and their files, expiry reminders. */
export const uploadsArea = defineArea({
  id: "uploads",
  resources: [uploadsResource, myUploadsResource, uploadTypesResource],
  // Office → my uploads; Configure → Office → upload types; Explorer → Office → all uploads (§1.4).
  menu: [
    { menu: "office", entries: [{ resource: "uploads.mine" }] },
    {
      menu: "configure",
      section: "menu.sections.office",
      entries: [{ resource: "uploads.types", roles: ["OfficeStaff"] }],
    },
    {
      menu: "explorer",
      section: "menu.sections.office",
      entries: [
        {
          href: gridHref("uploads.uploads", listStateSchema.parse({})),
          label: "resources.uploads.title",
          roles: ["OfficeStaff"],
        },
      ],
    },
  ],
  widgets: [myExpiringUploadsWidget],
  checkers: [missingFileChecker, orphanFileChecker],
  seed: { reference: seedUploadTypes, demo: seedDemoUploads },
  timeline: [uploadsSource],
  relations: defineRelations([
    // A client's documents are part of their file: the file is closed, the documents stay.
    { from: "uploads.client_id", to: "partners", onDelete: "protect", label: "relations.uploads" },
    { from: "uploads.user_id", to: "users", onDelete: "protect", label: "relations.uploads" },
    { from: "uploads.type_id", to: "upload_types", onDelete: "protect", label: "relations.uploads" },
    { from: "uploads.company_id", to: "partners", onDelete: "protect", label: "relations.uploads" },
    { from: "uploads.contact_person_id", to: "partners", onDelete: "protect", label: "relations.uploads" },
  ]),
});
