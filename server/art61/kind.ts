import { partnerNameOf } from "@/server/contacts/refs";
import type { ContractKind } from "@/server/isip/base";
import { qualified as q } from "@/server/resources/query";

/**
 * Art. 61 contracts as a kind of the contracts' common base (docs/contracts.md): its table is built
 * with the base's column factories (db/tenant/art61.ts), so the base's rules read it as they read an
 * ISIP's; its extra columns are the area's own.
 */
export const art61Kind: ContractKind = {
  kind: "art61",
  resource: "art61.contracts",
  ownerType: "art61Contract",
  label: "art61.kind",
  name: "art61.kindName",
  contracts: (t) => t.art61Contracts as unknown as ReturnType<ContractKind["contracts"]>,
  types: (t) => t.art61ContractTypes as unknown as ReturnType<ContractKind["types"]>,
  companyName: (t) => partnerNameOf(t, q(t.art61Contracts.companyId)),
  // §2.2: an Art. 61 contract does not make its client unavailable.
  keepsAvailable: true,
};
