import { contractTypeFields } from "@/server/isip/config";
import { defineResource } from "@/server/resources/define";
import { art61Kind } from "./kind";

/** Art. 61 contract types (domain-integ-money §2.6), configured by integration staff (§1 IntegrationStaff). */
export const art61TypesResource = defineResource({
  id: "art61.types",
  title: "art61.types.title",
  table: (t) => t.art61ContractTypes,
  pk: (t) => t.art61ContractTypes.id,
  version: (t) => t.art61ContractTypes.version,
  fields: contractTypeFields(art61Kind.types),
  columns: ["name", "ref", "examPolicy", "overlapGroup"],
  hiddenColumns: ["id", "fullName"],
  titleField: "name",
  defaultSort: [{ field: "id", dir: "asc" }],
  access: { view: ["IntegUser", "SocialCoordinator"], edit: ["IntegrationStaff"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["name", "fullName", "ref"] }, { fields: ["examPolicy", "overlapGroup"] }],
    },
  ],
  insert: { fields: ["name", "examPolicy", "overlapGroup"], defaults: () => ({ overlapGroup: "contracts" }) },
});
