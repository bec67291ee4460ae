import type { TenantTables } from "@/db/tenant/tables";
import { partnerNameOf } from "@/server/contacts/refs";
import type { ContractKind } from "@/server/isip/base";
import { qualified as q } from "@/server/resources/query";

/**
 * Immersion trainings as a contract kind on the common base (domain-integ-money §2.3, §2.7). Their
 * tables are built with the base's column factories, so the base's rules read them as its own.
 */
export const immersionKind: ContractKind = {
  kind: "immersion",
  resource: "immersion.contracts",
  ownerType: "immersionContract",
  label: "immersion.kind",
  name: "immersion.kindName",
  contracts: (t) => t.immersionContracts as unknown as TenantTables["isipContracts"],
  types: (t) => t.immersionContractTypes as unknown as TenantTables["isipContractTypes"],
  companyName: (t) => partnerNameOf(t, q(t.immersionContracts.companyId)),
};
