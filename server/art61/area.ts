import { gridHref } from "@/app/_components/resource/list-state";
import { listStateSchema } from "@/lib/resources";
import { defineArea } from "@/server/area";
import { contractSeriesOwners } from "@/server/isip/base";
import { defineRelations } from "@/server/resources/relations";
import { art61TypesResource } from "./config";
import { art61ContractsResource, art61EvaluationsResource, myArt61ContractsResource } from "./contracts";
import { art61Kind } from "./kind";
import { seedConventionType } from "./print";
import { seedArt61Demo, seedArt61Reference } from "./seed";

/** Art. 61 job supplyment (domain-integ-money §2.6): contracts with a private employer and their printed convention. */
export const art61Area = defineArea({
  id: "art61",
  resources: [art61ContractsResource, myArt61ContractsResource, art61EvaluationsResource, art61TypesResource],
  menu: [
    { menu: "integration", entries: [{ resource: "art61.mine" }] },
    {
      menu: "configure",
      section: "menu.sections.integration",
      entries: [{ resource: "art61.types", roles: ["IntegrationStaff"] }],
    },
    {
      menu: "explorer",
      section: "menu.sections.integration",
      entries: [
        {
          href: gridHref("art61.contracts", listStateSchema.parse({ filters: { observedEvent: "active" } })),
          label: "art61.contracts.title",
          roles: ["IntegrationStaff"],
        },
      ],
    },
  ],
  seed: {
    reference: async (handle, centre) => {
      await seedArt61Reference(handle);
      await seedConventionType(handle, centre);
    },
    demo: seedArt61Demo,
  },
  seriesOwners: [contractSeriesOwners(art61Kind)],
  relations: defineRelations([
    ...(["client_id", "company_id", "contact_person_id", "signer1_id", "signer2_id"] as const).map((col) => ({
      from: `art61_contracts.${col}`,
      to: "partners",
      onDelete: "protect" as const,
      label: "relations.art61Contracts",
    })),
    ...(["user_id", "user_asd_id"] as const).map((col) => ({
      from: `art61_contracts.${col}`,
      to: "users",
      onDelete: "protect" as const,
      label: "relations.art61Contracts",
    })),
    {
      from: "art61_contracts.type_id",
      to: "art61_contract_types",
      onDelete: "protect",
      label: "relations.art61Contracts",
    },
    {
      from: "art61_contracts.ending_id",
      to: "contract_endings",
      onDelete: "protect",
      label: "relations.art61Contracts",
    },
    {
      from: "art61_contracts.exam_policy_id",
      to: "exam_policies",
      onDelete: "protect",
      label: "relations.art61Contracts",
    },
    {
      from: "art61_contracts.contact_role_id",
      to: "role_types",
      onDelete: "protect",
      label: "relations.art61Contracts",
    },
    { from: "art61_contracts.status_id", to: "cv_statuses", onDelete: "protect", label: "relations.art61Contracts" },
    {
      from: "art61_contracts.cv_duration_id",
      to: "cv_durations",
      onDelete: "protect",
      label: "relations.art61Contracts",
    },
    { from: "art61_contracts.regime_id", to: "cv_regimes", onDelete: "protect", label: "relations.art61Contracts" },
    // Its printed conventions go with it.
    {
      from: "excerpts.owner_id",
      to: "art61_contracts",
      ownerType: art61Kind.ownerType,
      onDelete: "volatile",
      label: "relations.excerpts",
    },
    {
      from: "art61_contract_types.exam_policy_id",
      to: "exam_policies",
      onDelete: "protect",
      label: "relations.art61Types",
    },
  ]),
});
