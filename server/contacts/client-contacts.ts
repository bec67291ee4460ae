import { eq } from "drizzle-orm";
import { clientNameOf } from "@/server/clients/sql";
import { organisationLetterAction } from "@/server/documents/organisation-letter";
import { AppError } from "@/server/errors";
import { defineResource } from "@/server/resources/define";
import { integer, reference, text } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { assertKinds, clientContactTypeRefOf, organisationRef, personRef, roleTypeRef } from "./refs";

/** A client's contacts: their health insurance, pharmacy, doctor, lawyer, bailiff… (domain-people §2.7). */
export const clientContactsResource = defineResource({
  id: "contacts.clientContacts",
  title: "resources.clientContacts.title",
  table: (t) => t.clientContacts,
  pk: (t) => t.clientContacts.id,
  version: (t) => t.clientContacts.version,
  fields: {
    id: integer("fields.id", (t) => t.clientContacts.id, { editable: false, plain: true, width: 6 }),
    client: reference(
      "resources.clientContacts.client",
      "clients.clients",
      (t) => t.clientContacts.clientId,
      (t) => clientNameOf(t, q(t.clientContacts.clientId)),
      { required: true, createOnly: true, width: 24 },
    ),
    type: clientContactTypeRefOf("resources.clientContactTypes.one", (t) => t.clientContacts.typeId),
    company: organisationRef("resources.clientContacts.company", (t) => t.clientContacts.companyId, { width: 24 }),
    contactPerson: personRef("resources.clientContacts.contactPerson", (t) => t.clientContacts.contactPersonId, {
      width: 24,
    }),
    contactRole: roleTypeRef("resources.roles.type", (t) => t.clientContacts.roleTypeId),
    remark: text("resources.clientContacts.remark", (t) => t.clientContacts.remark, { max: 200, width: 24 }),
  },
  columns: ["type", "company", "contactPerson", "contactRole", "remark", "client"],
  hiddenColumns: ["id"],
  titleField: "company",
  defaultSort: [{ field: "type", dir: "asc" }],
  // Read on the client's Coaches tab by everyone (Lino's clients.ContactsByClient: login_required()); the list of all is contacts staff's.
  access: { view: ["SimpleContactsUser"], edit: ["SimpleContactsUser"], listAll: ["ContactsStaff"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["client", "type", "company", "contactPerson", "contactRole", "remark"] }],
    },
  ],
  insert: { fields: ["client", "type", "company", "contactPerson", "contactRole", "remark"] },
  // A letter to this contact about the client (server/documents/organisation-letter.ts).
  actions: [organisationLetterAction],
  // Someone to contact (an organisation, a person or both), each of the right kind.
  beforeSave: async (tx, ctx, id, values) => {
    const t = ctx.handle.t;
    const [current] =
      id === undefined
        ? [undefined]
        : await tx
            .select()
            .from(t.clientContacts)
            .where(eq(t.clientContacts.id, Number(id)));
    await assertKinds(tx, t, {
      client: { id: values.client, kind: "person", client: true },
      company: { id: values.company, kind: "organisation" },
      contactPerson: { id: values.contactPerson, kind: "person" },
    });
    const company = values.company === undefined ? current?.companyId : values.company;
    const person = values.contactPerson === undefined ? current?.contactPersonId : values.contactPerson;
    if ((company ?? null) === null && (person ?? null) === null)
      throw new AppError("INVALID_INPUT", { field: "company" });
  },
});
