import { defineResource } from "@/server/resources/define";
import { boolean, date, integer, longText } from "@/server/resources/fields";
import { assertClient, clientRef } from "@/server/clients/client-rows";
import { assertKinds, organisationRef } from "@/server/contacts/refs";
import { belgianToday } from "@/lib/format";

/**
 * Proofs of job search (domain-integ-money §2.8; Lino's active_job_search.Proofs and ProofsByClient),
 * Châtelet only: on the client's Job search tab for integration agents, the global list for integration staff.
 */
export const jobSearchProofsResource = defineResource({
  id: "jobsearch.proofs",
  title: "jobsearch.proofs.title",
  countLabel: "relations.jobSearchProofs",
  table: (t) => t.jobSearchProofs,
  pk: (t) => t.jobSearchProofs.id,
  version: (t) => t.jobSearchProofs.version,
  fields: {
    id: integer("fields.id", (t) => t.jobSearchProofs.id, { editable: false, plain: true, width: 6 }),
    client: clientRef((t) => t.jobSearchProofs.clientId),
    date: date("fields.date", (t) => t.jobSearchProofs.date),
    company: organisationRef("jobsearch.proofs.company", (t) => t.jobSearchProofs.companyId),
    spontaneous: boolean("jobsearch.proofs.spontaneous", (t) => t.jobSearchProofs.spontaneous),
    response: boolean("jobsearch.proofs.response", (t) => t.jobSearchProofs.response),
    remarks: longText("fields.remarks", (t) => t.jobSearchProofs.remarks),
  },
  // Lino's ProofsByClient: date company spontaneous response; the global list names the client too.
  columns: ["date", "client", "company", "spontaneous", "response", "remarks"],
  hiddenColumns: ["id"],
  titleField: "date",
  defaultSort: [{ field: "date", dir: "desc" }],
  access: { view: ["JobSearchUser"], edit: ["JobSearchUser"], listAll: ["JobSearchStaff"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["date", "client", "company", "id"] },
        { fields: ["spontaneous", "response"] },
        { fields: ["remarks"] },
      ],
    },
  ],
  insert: {
    fields: ["client", "date", "company", "spontaneous", "response", "remarks"],
    defaults: () => ({ date: belgianToday() }),
  },
  beforeSave: async (tx, ctx, _id, values) => {
    await assertClient(tx, ctx.handle.t, values.client);
    await assertKinds(tx, ctx.handle.t, { company: { id: values.company, kind: "organisation" } });
  },
});
