import { sql } from "drizzle-orm";
import { partnerNameOf } from "@/server/contacts/refs";
import type { ContractKind } from "@/server/isip/base";
import { qualified as q } from "@/server/resources/query";

type Tables = Parameters<ContractKind["contracts"]>[0];

/**
 * The Art. 60§7 job supplyment as a contract kind of the common base (domain-integ-money §2.3, §2.5):
 * its rows share the base's columns, so the base's rules read them as they read an ISIP's.
 */
export const art60Kind: ContractKind = {
  kind: "art60",
  resource: "jobs.contracts",
  ownerType: "art60Contract",
  label: "jobs.contracts.kind",
  name: "jobs.contracts.kindName",
  contracts: (t: Tables) => t.jobContracts as unknown as ReturnType<ContractKind["contracts"]>,
  types: (t: Tables) => t.jobContractTypes as unknown as ReturnType<ContractKind["types"]>,
  companyName: (t: Tables) => partnerNameOf(t, q(t.jobContracts.companyId)),
  reportTables: [
    // Lino's JobProvidersAndContracts: by the contract's company when it is a job provider (§2.5).
    {
      id: "providers",
      title: "jobs.contracts.reportByProvider",
      head: "jobs.contracts.company",
      filter: "company",
      key: (t: Tables) =>
        sql`case when exists (select 1 from ${t.jobProviders} where ${q(t.jobProviders.companyId)} = ${q(t.jobContracts.companyId)}) then ${q(t.jobContracts.companyId)} end`,
      label: (t: Tables, key) => sql`to_jsonb(${partnerNameOf(t, key)})`,
      hideZeroRows: true,
    },
  ],
};
