import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import { periodOf } from "@/server/clients/events";
import { CONTRACT_KINDS, contractActiveIn, type ContractKind } from "@/server/isip/base";
import { defineChoiceList } from "@/server/resources/choices";
import type { FieldDef, FilterDef } from "@/server/resources/define";
import { qualified as q } from "@/server/resources/query";

/**
 * What the client lists know of integration contracts (domain-integ-money §2.2, domain-people §3.5–3.6),
 * over every kind of `CONTRACT_KINDS`, so that a kind added there is searched and shown without a
 * change here: the filters "active contract of a kind in the period" and "available" (none in the
 * period), and the integration list's columns on the client's active contract.
 */

/** The contract kinds as a choice list, each labelled by its kind's name standing alone ("Contrat art. 61"). */
export const contractKinds = defineChoiceList(
  "contractKinds",
  CONTRACT_KINDS.map((k) => k.kind),
  { labels: Object.fromEntries(CONTRACT_KINDS.map((k) => [k.kind, k.name])) },
);

const clientId = (t: TenantTables) => q(t.partners.id);

/**
 * "The client has a contract of that kind active between `start` and `end`", probed on the contract
 * table's client index for each client row (so a list stops after its page's clients; `not in` over
 * every active contract read the whole table for each page and count).
 */
const hasContractOf = (kind: ContractKind, t: TenantTables, start: string | SQL, end: string | SQL) => {
  const c = kind.contracts(t);
  return sql`exists (select 1 from ${c} where ${q(c.clientId)} = ${clientId(t)} and ${contractActiveIn(c, start, end)})`;
};

/** Contract filters of the client lists; the period is the list's own (`period`: empty start takes the end or today). */
export const contractClientFilters: Record<string, FilterDef> = {
  activeContract: {
    label: "integ.filters.activeContract",
    summary: "integ.filters.activeContractSummary",
    widget: "choice",
    choices: contractKinds,
    schema: z.enum(contractKinds.values as [string, ...string[]]),
    where: (v: string, t, _ctx, all) => {
      const kind = CONTRACT_KINDS.find((k) => k.kind === v);
      if (!kind) return undefined;
      const { start, end } = periodOf(all);
      return hasContractOf(kind, t, start, end);
    },
  },
  available: {
    label: "integ.filters.available",
    widget: "boolean",
    schema: z.boolean(),
    // Lino names a misspelt relation for Art. 60§7 contracts here (domain-integ-money §2.2); the intent is kept.
    where: (v: boolean, t, _ctx, all) => {
      if (v !== true) return undefined;
      const { start, end } = periodOf(all);
      const kinds = CONTRACT_KINDS.filter((k) => !k.keepsAvailable);
      return sql.join(
        kinds.map((k) => sql`not ${hasContractOf(k, t, start, end)}`),
        sql` and `,
      );
    },
  },
};

/**
 * The client's contracts of every kind active today, as rows (kind, applies_from, applies_until,
 * company); the client's "active contract" is the only one (none when there are 0 or several, §3.5).
 */
function activeToday(t: TenantTables): SQL {
  const today = sql`current_date`;
  return sql.join(
    CONTRACT_KINDS.map((k) => {
      const c = k.contracts(t);
      const company = k.companyName ? sql`(${k.companyName(t)})::text` : sql`null::text`;
      return sql`select ${k.kind}::text as kind, ${q(c.appliesFrom)} as applies_from, ${q(c.appliesUntil)} as applies_until, ${company} as company
        from ${c} where ${q(c.clientId)} = ${clientId(t)} and ${contractActiveIn(c, today, today)}`;
    }),
    sql` union all `,
  );
}

/** One value of the client's only active contract: null when the client has none or more than one. */
const ofActiveContract = (column: "kind" | "applies_from" | "applies_until" | "company", t: TenantTables) =>
  sql`(select case when count(*) = 1 then min(x.${sql.raw(column)}) end from (${activeToday(t)}) x)`;

/** The integration client list's contract columns (§2.2: "applies_from/applies_until/company of the active contract"). */
export const contractColumnFields: Record<string, FieldDef> = {
  contractKind: {
    type: "choice",
    label: "integ.columns.contractKind",
    choices: contractKinds,
    width: 16,
    sortable: false,
    expr: (t) => ofActiveContract("kind", t),
  },
  contractFrom: {
    type: "date",
    label: "integ.columns.contractFrom",
    width: 10,
    sortable: false,
    expr: (t) => ofActiveContract("applies_from", t),
  },
  contractUntil: {
    type: "date",
    label: "integ.columns.contractUntil",
    width: 10,
    sortable: false,
    expr: (t) => ofActiveContract("applies_until", t),
  },
  contractCompany: {
    type: "text",
    label: "integ.columns.contractCompany",
    width: 20,
    sortable: false,
    expr: (t) => ofActiveContract("company", t),
  },
};
