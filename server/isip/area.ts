import { gridHref } from "@/app/_components/resource/list-state";
import { listStateSchema } from "@/lib/resources";
import { defineArea } from "@/server/area";
import { defineRelations } from "@/server/resources/relations";
import { contractSeriesOwners, isipKind } from "./base";
import { contractEndingsResource, examPoliciesResource, isipTypesResource } from "./config";
import {
  isipContractsResource,
  isipEvaluationsResource,
  isipPartnersResource,
  myIsipContractsResource,
} from "./contracts";
import { seedIsipDocumentType } from "./print";
import { seedIsipDemo, seedIsipReference } from "./seed";

/** ISIP / PIIS contracts and the contracts' common base (domain-integ-money §2.3–2.4). See docs/contracts.md. */
export const isipArea = defineArea({
  id: "isip",
  resources: [
    isipContractsResource,
    myIsipContractsResource,
    isipPartnersResource,
    isipEvaluationsResource,
    examPoliciesResource,
    contractEndingsResource,
    isipTypesResource,
  ],
  menu: [
    { menu: "integration", entries: [{ resource: "isip.mine" }] },
    {
      menu: "configure",
      section: "menu.sections.integration",
      entries: [
        { resource: "isip.types", roles: ["SocialStaff"] },
        { resource: "isip.examPolicies", roles: ["SocialStaff"] },
        { resource: "isip.endings", roles: ["SocialStaff"] },
      ],
    },
    {
      menu: "explorer",
      section: "menu.sections.integration",
      entries: [
        {
          // The contracts active today, which the list's filters widen (§2.3: "active" by default).
          href: gridHref("isip.contracts", listStateSchema.parse({ filters: { observedEvent: "active" } })),
          label: "isip.contracts.title",
          roles: ["SocialStaff"],
        },
      ],
    },
  ],
  seed: {
    reference: async (handle, centre) => {
      await seedIsipReference(handle);
      await seedIsipDocumentType(handle, centre);
    },
    demo: seedIsipDemo,
  },
  seriesOwners: [contractSeriesOwners(isipKind)],
  relations: defineRelations([
    { from: "isip_contracts.client_id", to: "partners", onDelete: "protect", label: "relations.isipContracts" },
    // Who signed for the centre stays named on the contract.
    { from: "isip_contracts.signer1_id", to: "partners", onDelete: "protect", label: "relations.isipContracts" },
    { from: "isip_contracts.signer2_id", to: "partners", onDelete: "protect", label: "relations.isipContracts" },
    { from: "isip_contracts.user_id", to: "users", onDelete: "protect", label: "relations.isipContracts" },
    { from: "isip_contracts.user_asd_id", to: "users", onDelete: "protect", label: "relations.isipContracts" },
    { from: "isip_contracts.print_override_by_id", to: "users", onDelete: "protect", label: "relations.isipContracts" },
    {
      from: "isip_contracts.type_id",
      to: "isip_contract_types",
      onDelete: "protect",
      label: "relations.isipContracts",
    },
    { from: "isip_contracts.ending_id", to: "contract_endings", onDelete: "protect", label: "relations.isipContracts" },
    {
      from: "isip_contracts.study_type_id",
      to: "cv_study_types",
      onDelete: "protect",
      label: "relations.isipContracts",
    },
    {
      from: "isip_contracts.exam_policy_id",
      to: "exam_policies",
      onDelete: "protect",
      label: "relations.isipContracts",
    },
    {
      from: "isip_contract_types.exam_policy_id",
      to: "exam_policies",
      onDelete: "protect",
      label: "relations.isipTypes",
    },
    { from: "exam_policies.entry_type_id", to: "entry_types", onDelete: "protect", label: "relations.examPolicies" },
    { from: "isip_partners.contract_id", to: "isip_contracts", onDelete: "volatile", label: "relations.isipPartners" },
    { from: "isip_partners.company_id", to: "partners", onDelete: "protect", label: "relations.isipPartners" },
    { from: "isip_partners.contact_person_id", to: "partners", onDelete: "protect", label: "relations.isipPartners" },
  ]),
});
