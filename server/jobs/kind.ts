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
};
