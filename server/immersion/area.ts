import { gridHref } from "@/app/_components/resource/list-state";
import { listStateSchema } from "@/lib/resources";
import { defineArea } from "@/server/area";
import { contractSeriesOwners } from "@/server/isip/base";
import { defineRelations } from "@/server/resources/relations";
import { immersionKind } from "./kind";
import {
  immersionContractsResource,
  immersionEvaluationsResource,
  immersionGoalsResource,
  immersionTypesResource,
  myImmersionContractsResource,
} from "./resources";
import { seedImmersionDocumentType } from "./print";
import { seedImmersionDemo, seedImmersionReference } from "./seed";

const rel = (from: string, to: string, label = "relations.immersionContracts") =>
  ({ from: `immersion_contracts.${from}`, to, onDelete: "protect", label }) as const;

/**
 * Immersion trainings (domain-integ-money §2.7, Châtelet), a contract kind on the contracts' common base
 * (docs/contracts.md). Its roles exist only in centres using Châtelet's field set (CENTRE_ROLES).
 */
export const immersionArea = defineArea({
  id: "immersion",
  resources: [
    immersionContractsResource,
    myImmersionContractsResource,
    immersionEvaluationsResource,
    immersionTypesResource,
    immersionGoalsResource,
  ],
  // Lino: Integration → My immersion trainings; Configure → Integration → types, goals; Explorer → Integration.
  menu: [
    { menu: "integration", entries: [{ resource: "immersion.mine" }] },
    {
      menu: "configure",
      section: "menu.sections.integration",
      entries: [
        { resource: "immersion.types", roles: ["ImmersionStaff"] },
        { resource: "immersion.goals", roles: ["ImmersionStaff"] },
      ],
    },
    {
      menu: "explorer",
      section: "menu.sections.integration",
      entries: [
        {
          href: gridHref("immersion.contracts", listStateSchema.parse({ filters: { observedEvent: "active" } })),
          label: "immersion.contracts.title",
          roles: ["ImmersionUser"],
        },
      ],
    },
  ],
  seed: {
    reference: async (handle, centre) => {
      await seedImmersionReference(handle);
      await seedImmersionDocumentType(handle, centre);
    },
    demo: seedImmersionDemo,
  },
  seriesOwners: [contractSeriesOwners(immersionKind)],
  relations: defineRelations([
    rel("client_id", "partners"),
    rel("user_id", "users"),
    rel("user_asd_id", "users"),
    rel("type_id", "immersion_contract_types"),
    rel("goal_id", "immersion_goals"),
    rel("company_id", "partners"),
    rel("signer1_id", "partners"),
    rel("signer2_id", "partners"),
    rel("contact_person_id", "partners"),
    rel("contact_role_id", "role_types"),
    rel("sector_id", "cv_sectors"),
    rel("function_id", "cv_functions"),
    rel("ending_id", "contract_endings"),
    rel("exam_policy_id", "exam_policies"),
    {
      from: "immersion_contract_types.exam_policy_id",
      to: "exam_policies",
      onDelete: "protect",
      label: "relations.immersionTypes",
    },
  ]),
});
