import { readFile } from "node:fs/promises";
import path from "node:path";
import { projectPath } from "@/lib/project-path";
import { defineChoiceList } from "@/server/resources/choices";
import type { DocumentLanguage } from "./language";

/**
 * What a document type prints: Lino's `content_type`: a client, a guest of a calendar entry (a
 * presence), an ISIP/PIIS, Art. 61, Art. 60§7 contract or immersion training (its value is the contract kind's owner type,
 * server/isip/base.ts), one of a client's contacts (a letter to that organisation), a client's poll response, a client's
 * ESF summary of a year.
 */
export const documentContentTypes = defineChoiceList("documentContentTypes", [
  "client",
  "guest",
  "isipContract",
  "art61Contract",
  "art60Contract",
  "immersionContract",
  "clientContact",
  "pollResponse",
  "esfSummary",
]);

/** The tags every document's letterhead fills. */
const LETTERHEAD = ["centreName", "centreAddress", "translation"];
/** The contracts' signers, their functions, and whether there are any (server/documents/signers.ts). */
const SIGNERS = [
  ...["signer1", "signer1Function", "signer1FunctionBy", "signer2", "signer2Function", "signer2FunctionBy"],
  ...["hasSigners", "bothSigners"],
];

/**
 * The shipped templates (`templates/<template>/<lang>.docx`, built by scripts/build-templates.ts),
 * each with the kind of record it prints and the tags its data fills: a template, the default or a
 * centre's own, may use these tags and no other.
 */
export const DOCUMENT_TYPES = [
  {
    template: "fileSheet",
    contentType: "client",
    tags: new Set([
      ...LETTERHEAD,
      ...["clientName", "clientId", "nationalId", "birthDate", "gender", "language", "address"],
      ...["phone", "gsm", "email", "primaryCoach", "clientState", "printedOn", "author"],
      ...["coachings", "start", "end", "coach", "type"],
    ]),
  },
  {
    template: "letter",
    contentType: "client",
    tags: new Set([
      ...LETTERHEAD,
      ...["printRecipient", "recipient", "place", "date", "ref", "subject", "body", "author", "authorRole"],
    ]),
  },
  {
    // A client's CV (domain-integ-money §2.1), its data from the CV area (server/cv/document.ts).
    template: "cv",
    contentType: "client",
    tags: new Set([
      ...LETTERHEAD,
      ...["clientName", "address", "languages", "text", "studies", "trainings", "experiences"],
      ...["period", "what", "where", "company", "function", "printedOn", "author"],
    ]),
  },
  {
    // §11: "We hereby certify that <client> … was present today / on <date> between … and …".
    template: "presenceCertificate",
    contentType: "guest",
    tags: new Set([
      ...LETTERHEAD,
      ...["clientName", "hasNationalId", "nationalId", "address", "today", "date", "from", "until"],
      ...["place", "printedOn", "author"],
    ]),
  },
  {
    // The printed PIIS (domain-integ-money §2.4), its data from the ISIP area (server/isip/print.ts).
    template: "isipContract",
    contentType: "isipContract",
    tags: new Set([
      ...LETTERHEAD,
      ...["contractId", "contractTitle", "appliesFrom", "hasUntil", "appliesUntil", "examPolicy"],
      ...["clientName", "birthDate", "nationalId", "address", "agentName", "hasAsd", "asdName"],
      ...["goals", "stages", "dutiesPcsw", "dutiesAsd", "dutiesDsbe", "dutiesPerson", "text"],
      ...["partners", "company", "contact", "duties", "place", "printedOn", "author"],
      ...["personClauses", ...SIGNERS],
    ]),
  },
  {
    // An Art. 61 contract's convention (domain-integ-money §2.6), its data from server/art61/print.ts.
    template: "art61Convention",
    contentType: "art61Contract",
    tags: new Set([
      ...LETTERHEAD,
      ...["title", "headline", "ref", "clientName", "clientAddress", "companyName", "companyAddress", "contact"],
      ...["articles", "heading", "paragraphs", "paragraph", "printedOn", "author"],
      ...SIGNERS,
    ]),
  },
  {
    // An Art. 60§7 contract (domain-integ-money §2.5, Lino's jobs/Contract/Default.odt), its data from server/jobs/print.ts.
    template: "art60Contract",
    contentType: "art60Contract",
    tags: new Set([
      ...LETTERHEAD,
      ...["contractId", "contractTitle", "clientName", "birthDate", "nationalId", "clientAddress"],
      ...["companyName", "companyAddress", "contact", "jobName", "duration", "appliesFrom", "hasUntil"],
      ...["appliesUntil", "regime", "schedule", "hourlyRate", "refundRate", "referencePerson"],
      ...["responsibilities", "text", "agentName", "dateDecided", "place", "printedOn", "author"],
      ...["socialEconomy", "refundClause", "cityBlock", ...SIGNERS],
    ]),
  },
  {
    // An immersion training (domain-integ-money §2.7, Lino's immersion body / StageForem), from server/immersion/print.ts.
    template: "immersionContract",
    contentType: "immersionContract",
    tags: new Set([
      ...LETTERHEAD,
      ...["contractId", "contractTitle", "clientName", "birthDate", "nationalId", "clientAddress"],
      ...["companyName", "companyAddress", "contact", "contactRole", "goal", "sector", "function"],
      ...["appliesFrom", "hasUntil", "appliesUntil", "referencePerson", "responsibilities", "text"],
      ...["agentName", "place", "printedOn", "author", ...SIGNERS],
    ]),
  },
  {
    // The client's eID card as read (domain-people §7; Lino's eid-content.odt).
    template: "eidSheet",
    contentType: "client",
    tags: new Set([
      ...LETTERHEAD,
      ...["hasCard", "cardType", "cardNumber", "cardValidFrom", "cardValidUntil", "cardIssuer", "nationalId"],
      ...["nobleCondition", "lastName", "firstName", "nationality", "gender", "birthDate", "birthPlace", "address"],
      ...["clientName", "printedOn", "author"],
    ]),
    // A placeholder picture described (alternative text) `eidPhoto` shows the card's photo (./pictures.ts).
    pictures: ["eidPhoto"],
  },
  {
    // A letter from a client's file to one of the client's contacts: an organisation and its contact person (§14.1).
    template: "organisationLetter",
    contentType: "clientContact",
    tags: new Set([
      ...LETTERHEAD,
      ...["printRecipient", "recipient", "place", "date", "ref", "subject", "clientName", "nationalId"],
      ...["body", "author", "authorRole", "printedOn"],
    ]),
  },
  {
    // Lino Eupen's "Action plan" (Default.odt with the pac body): the letter layout, the client's tasks, the contact person.
    template: "actionPlan",
    contentType: "client",
    tags: new Set([
      ...LETTERHEAD,
      ...["printRecipient", "recipient", "place", "date", "ref", "subject", "author", "authorRole"],
      ...["tasks", "summary", "due", "state", "printedOn"],
    ]),
  },
  {
    // A client's poll response (domain-integ-money §2.11), its data from the polls area (server/polls/printout.ts).
    template: "pollAnswers",
    contentType: "pollResponse",
    tags: new Set([
      ...LETTERHEAD,
      ...["poll", "clientName", "date", "interviewer", "state", "remark", "printedOn", "author"],
      ...["questions", "heading", "number", "title", "answer", "comment"],
    ]),
  },
  {
    // A client's ESF summary of a year, the "Training report" (domain-integ-money §2.10), its data from server/integ/reports/esf-print.ts.
    template: "esfTrainingReport",
    contentType: "esfSummary",
    tags: new Set([
      ...LETTERHEAD,
      ...["clientName", "clientId", "year", "fields", "label", "hours", "totalHours", "educationLevel"],
      ...["childrenAtCharge", "certifiedHandicap", "otherDifficulty", "result", "remark", "printedOn", "author"],
    ]),
  },
] as const;

export type TemplateName = (typeof DOCUMENT_TYPES)[number]["template"];

/** The templates a document type may fill (Configure → Office → Document types). */
export const documentTemplates = defineChoiceList(
  "documentTemplates",
  DOCUMENT_TYPES.map((d) => d.template),
);

const cache = new Map<string, Promise<Buffer>>();

/** The shipped template of a document in a language, read once. */
export function defaultTemplate(template: TemplateName, language: DocumentLanguage): Promise<Buffer> {
  const key = `${template}/${language}`;
  let file = cache.get(key);
  if (!file) {
    file = readFile(path.join(projectPath("templates"), template, `${language}.docx`));
    cache.set(key, file);
    file.catch(() => cache.delete(key));
  }
  return file;
}
