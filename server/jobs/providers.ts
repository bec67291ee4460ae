import { sql } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { addressLine } from "@/server/clients/sql";
import { assertKinds, organisationRef } from "@/server/contacts/refs";
import { defineResource } from "@/server/resources/define";
import { wordSearch } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";

const jp = (t: TenantTables) => t.jobProviders;
/** A column of the provider's organisation (the contacts' partner row under the same id). */
const company = <T>(t: TenantTables, column: (p: TenantTables["partners"]) => unknown) =>
  sql<T>`(select ${column(t.partners)} from ${t.partners} where ${q(t.partners.id)} = ${q(jp(t).companyId)})`;
const readOnlyText = (label: string, expr: (t: TenantTables) => ReturnType<typeof company>, width = 20) => ({
  type: "text" as const,
  label,
  width,
  expr,
});

/**
 * Integration → Job providers (Lino's JobProviders, IntegUser): organisations of the contacts where
 * clients work under Art. 60§7 ("services utilisateurs"). The organisation stays one row of the
 * contacts, edited there; being a provider is a mark on it, made by picking the organisation.
 */
export const jobProvidersResource = defineResource({
  id: "jobs.providers",
  title: "jobs.providers.title",
  table: jp,
  pk: (t) => jp(t).companyId,
  version: (t) => jp(t).version,
  fields: {
    company: organisationRef("jobs.providers.company", (t) => jp(t).companyId, {
      required: true,
      createOnly: true,
      // Organisations that are not providers yet.
      choices: (t) =>
        sql`${q(t.partners.kind)} = 'organisation' and not exists (select 1 from ${t.jobProviders} where ${q(t.jobProviders.companyId)} = ${q(t.partners.id)})`,
    }),
    name: readOnlyText("fields.name", (t) => company(t, (p) => p.name), 28),
    address: readOnlyText("fields.address", (t) => company(t, (p) => addressLine(p, t)), 32),
    phone: readOnlyText("fields.phone", (t) => company(t, (p) => p.phone), 14),
    email: readOnlyText("fields.email", (t) => company(t, (p) => p.email)),
  },
  columns: ["name", "address", "phone", "email"],
  hiddenColumns: ["company"],
  titleField: "name",
  search: wordSearch(
    (t) => ({ folded: company(t, (p) => p.searchText) }),
    (t) => [jp(t).companyId],
  ),
  defaultSort: [{ field: "name", dir: "asc" }],
  access: { view: ["IntegUser"], edit: ["IntegUser"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["company", "address", "phone", "email"] }],
      slaves: [
        { resource: "jobs.jobs", label: "jobs.jobs.title", masterField: "provider" },
        { resource: "jobs.offers", label: "jobs.offers.title", masterField: "provider" },
        { resource: "jobs.contracts", label: "jobs.contracts.title", masterField: "company" },
      ],
    },
  ],
  insert: { fields: ["company"] },
  beforeSave: async (tx, ctx, id, values) => {
    if (id === undefined)
      await assertKinds(tx, ctx.handle.t, { company: { id: values.company, kind: "organisation" } });
  },
});
