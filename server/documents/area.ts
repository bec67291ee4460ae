import { sql } from "drizzle-orm";
import { defineArea, type Seed } from "@/server/area";
import { defineRelations } from "@/server/resources/relations";
import { massPrintJob } from "./mass-print";
import { convertExcerptJob } from "./pdf/job";
import { documentsRouter } from "./router";
import { excerptsSource } from "./timeline";
import { clientExcerptsResource, documentTypesResource, letterheadResource, myExcerptsResource } from "./resources";

/**
 * The document types every centre starts with (Lino Eupen's client excerpt types, domain-people
 * §14.1), one per template. Idempotent per template: a template that already has a type is left as
 * it is. The types added after centres existed (eID sheet, letter to an organisation, action plan)
 * reach those centres through the migration `0040_letters` (its hand-written INSERTs, the same rows).
 */
export const SEEDED_DOCUMENT_TYPES = [
  {
    names: { fr: "Fiche du dossier", nl: "Dossierfiche", de: "Aktenblatt", en: "File sheet" },
    contentType: "client",
    template: "fileSheet",
    isPrimary: true,
  },
  {
    names: {
      fr: "Lettre au client",
      nl: "Brief aan de cliënt",
      de: "Brief an den Klienten",
      en: "Letter to the client",
    },
    contentType: "client",
    template: "letter",
    printRecipient: true,
  },
  {
    names: { fr: "Curriculum vitae", nl: "Curriculum vitae", de: "Lebenslauf", en: "Curriculum vitae" },
    contentType: "client",
    template: "cv",
  },
  {
    names: { fr: "Contenu carte eID", nl: "Inhoud eID-kaart", de: "eID-Inhalt", en: "eID sheet" },
    contentType: "client",
    template: "eidSheet",
  },
  {
    names: { fr: "Plan d'action", nl: "Actieplan", de: "Aktionsplan", en: "Action plan" },
    contentType: "client",
    template: "actionPlan",
    printRecipient: true,
  },
  {
    names: {
      fr: "Lettre à une organisation",
      nl: "Brief aan een organisatie",
      de: "Brief an eine Organisation",
      en: "Letter to an organisation",
    },
    contentType: "clientContact",
    template: "organisationLetter",
    isPrimary: true,
    printRecipient: true,
  },
] as const;

const seedDocumentTypes: Seed = async ({ db, t }) => {
  await db.insert(t.documentSettings).values({ id: 1 }).onConflictDoNothing();
  // Per template: other areas seed the types of their own records (reception: the presence certificate).
  const present = new Set(
    (await db.select({ template: t.excerptTypes.template }).from(t.excerptTypes)).map((r) => r.template),
  );
  const missing = SEEDED_DOCUMENT_TYPES.filter((type) => !present.has(type.template));
  if (missing.length > 0) await db.insert(t.excerptTypes).values(missing.map((type) => ({ ...type })));
};

/** The demo centres' letterheads: an address and a place to write letters from. */
const DEMO_LETTERHEADS: Record<string, { address: string; place: string; phone: string; email: string }> = {
  eupen: {
    address: "Bergstraße 12\n4700 Eupen",
    place: "Eupen",
    phone: "087 00 00 00",
    email: "info@oeshz-eupen.example",
  },
  chatelet: {
    address: "Rue du Rempart 3\n6200 Châtelet",
    place: "Châtelet",
    phone: "071 00 00 00",
    email: "info@cpas-chatelet.example",
  },
};

/** The demo centres' secretary and president (§2.3 signers): first name, last name, gender. */
const DEMO_SIGNERS: Record<string, [string, string, "F" | "M"][]> = {
  eupen: [
    ["Bernd", "Heinen", "M"],
    ["Monika", "Kessler", "F"],
  ],
  chatelet: [
    ["Sophie", "Lambert", "F"],
    ["Marc", "Dubois", "M"],
  ],
};

const seedDemoLetterhead: Seed = async ({ db, t }, centre) => {
  const letterhead = DEMO_LETTERHEADS[centre.slug ?? ""];
  if (letterhead)
    await db
      .update(t.documentSettings)
      .set(letterhead)
      .where(sql`${t.documentSettings.address} = ''`);
  const signers = DEMO_SIGNERS[centre.slug ?? ""];
  const [settings] = await db.select({ signer1Id: t.documentSettings.signer1Id }).from(t.documentSettings);
  if (!signers || !settings || settings.signer1Id !== null) return;
  const ids = await db
    .insert(t.partners)
    .values(
      signers.map(([firstName, lastName, gender]) => ({
        kind: "person",
        firstName,
        lastName,
        name: `${lastName} ${firstName}`,
        gender,
        language: centre.defaultLocale,
      })),
    )
    .returning({ id: t.partners.id });
  await db
    .update(t.documentSettings)
    .set({ signer1Id: ids[0]!.id, signer2Id: ids[1]!.id })
    .where(sql`${t.documentSettings.id} = 1`);
};

/** Printing (domain-people §14): document types, the excerpts printed, the centre's letterhead. */
export const documentsArea = defineArea({
  id: "documents",
  resources: [documentTypesResource, myExcerptsResource, clientExcerptsResource, letterheadResource],
  menu: [
    { menu: "office", entries: [{ resource: "documents.mine" }] },
    {
      menu: "configure",
      section: "menu.sections.office",
      entries: [{ resource: "documents.types", roles: ["OfficeStaff"] }],
    },
    { menu: "site", section: "menu.sections.administration", entries: [{ resource: "documents.letterhead" }] },
  ],
  router: documentsRouter,
  jobs: [convertExcerptJob, massPrintJob],
  timeline: [excerptsSource],
  seed: { reference: seedDocumentTypes, demo: seedDemoLetterhead },
  relations: defineRelations([
    // The letterhead's signers: a person deleted is no longer the centre's secretary or president.
    { from: "document_settings.signer1_id", to: "partners", onDelete: "clear", label: "relations.letterhead" },
    { from: "document_settings.signer2_id", to: "partners", onDelete: "clear", label: "relations.letterhead" },
    { from: "excerpts.type_id", to: "excerpt_types", onDelete: "protect", label: "relations.excerpts" },
    // An excerpt is the record of a print: its printer stays; it goes with the client it is about.
    { from: "excerpts.user_id", to: "users", onDelete: "protect", label: "relations.excerpts" },
    { from: "excerpts.client_id", to: "partners", onDelete: "volatile", label: "relations.excerpts" },
    {
      from: "excerpts.owner_id",
      to: "partners",
      ownerType: "client",
      onDelete: "volatile",
      label: "relations.excerpts",
    },
    { from: "excerpts.recipient_id", to: "partners", onDelete: "clear", label: "relations.excerpts" },
    // A letter to one of a client's contacts goes with that contact row, as a client's documents go with the client.
    {
      from: "excerpts.owner_id",
      to: "client_contacts",
      ownerType: "clientContact",
      onDelete: "volatile",
      label: "relations.excerpts",
    },
    // Who uploaded a centre's own template stays named.
    { from: "document_templates.user_id", to: "users", onDelete: "protect", label: "relations.documentTemplates" },
    // Editing in place (server/documents/dav): the links and versions are part of their document;
    // a user's links end with the user, the versions they saved keep them named.
    { from: "dav_tokens.excerpt_id", to: "excerpts", onDelete: "part", label: "relations.excerptVersions" },
    { from: "dav_tokens.user_id", to: "users", onDelete: "part", label: "relations.excerptVersions" },
    { from: "dav_locks.excerpt_id", to: "excerpts", onDelete: "part", label: "relations.excerptVersions" },
    { from: "dav_properties.excerpt_id", to: "excerpts", onDelete: "part", label: "relations.excerptVersions" },
    { from: "excerpt_versions.excerpt_id", to: "excerpts", onDelete: "part", label: "relations.excerptVersions" },
    { from: "excerpt_versions.user_id", to: "users", onDelete: "protect", label: "relations.excerptVersions" },
    // A mass print is its user's download: it goes with the user or the document type.
    { from: "mass_prints.user_id", to: "users", onDelete: "part", label: "relations.massPrints" },
    { from: "mass_prints.type_id", to: "excerpt_types", onDelete: "part", label: "relations.massPrints" },
  ]),
});
