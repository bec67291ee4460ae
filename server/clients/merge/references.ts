/**
 * Every foreign key to `partners` (table and column as in the database) that merging two clients
 * handles. tests/integration/merge.test.ts compares this list with the relations the areas declare,
 * which tests/integration/relations.test.ts compares with the PostgreSQL catalogue, so a new foreign
 * key to partners fails a test until the merge decides what happens to its rows.
 */
export const HANDLED_PARTNER_REFERENCES = [
  "addresses.partner_id",
  "calendar_entries.client_id",
  // A presence at an entry the kept client is a guest of too goes (one presence per entry).
  "calendar_guests.partner_id",
  "client_contacts.client_id",
  "client_contacts.company_id",
  "client_contacts.contact_person_id",
  "client_merges.kept_id",
  "coachings.client_id",
  "convictions.client_id",
  "dispenses.client_id",
  "exclusions.client_id",
  "excerpts.client_id",
  "excerpts.recipient_id",
  // Households are partners of their own kind: a client (a person) is never one; the merge refuses such rows.
  "household_members.household_id",
  "household_members.person_id",
  "households.partner_id",
  "human_links.child_id",
  "human_links.parent_id",
  "mail_recipients.partner_id",
  "mails.client_id",
  "notes.client_id",
  "notes.company_id",
  "partner_photos.partner_id",
  "roles.company_id",
  "roles.person_id",
  "rooms.company_id",
  "sms_messages.client_id",
  "uploads.client_id",
  "uploads.company_id",
  "uploads.contact_person_id",
  "cv_experiences.client_id",
  "cv_language_knowledge.client_id",
  "cv_obstacles.client_id",
  "cv_skills.client_id",
  "cv_soft_skills.client_id",
  "cv_studies.client_id",
  "cv_trainings.client_id",
  "isip_contracts.client_id",
  "isip_partners.company_id",
  "isip_partners.contact_person_id",
  "job_candidatures.client_id",
  "job_contracts.client_id",
  "job_contracts.company_id",
  "job_contracts.contact_person_id",
  // A job provider is an organisation, never a client (a person): no row names the duplicate.
  "job_providers.company_id",
  "poll_responses.partner_id",
] as const;

/** Rows that name a client without a foreign key: tasks and data problems about "client" N. */
export const CLIENT_OWNER_TYPE = "client";

/**
 * Fields of the kept client filled from the merged one when empty; a group is filled only as a
 * whole (an address or a card is never mixed from two people).
 */
export const FILLABLE_GROUPS = [
  ["middleName"],
  ["gender"],
  ["birthDate"],
  ["nationalId"],
  ["email"],
  ["phone"],
  ["gsm"],
  ["title"],
  ["street", "streetNo", "streetBox", "addr1", "addr2", "zipCode", "placeId", "countryCode"],
  ["nationalityCode"],
  ["birthCountryCode"],
  ["birthPlace"],
  ["nationalityText"],
  ["civilState"],
  ["residenceType"],
  ["inBelgiumSince"],
  ["residenceUntil"],
  ["unemployedSince"],
  ["seekingSince"],
  ["workPermitSuspendedUntil"],
  ["unavailableUntil", "unavailableWhy"],
  ["obstacles"],
  ["skills"],
  ["groupId"],
  ["jobOfficeContactId"],
  ["remarks"],
  ["cardNumber", "cardType", "cardValidFrom", "cardValidUntil", "cardIssuer"],
  ["nobleCondition"],
] as const;
