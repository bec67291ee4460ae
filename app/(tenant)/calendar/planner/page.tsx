import { RolePage } from "@/app/_components/role-page";
import { Planner } from "./planner";
import type { PlannerMode } from "./columns";

const MODES: PlannerMode[] = ["mine", "colleague", "team", "rooms"];

/**
 * Calendar → the planners (issue 15 §4): `?view=` mine (default), colleague, team or rooms; for
 * those who plan, the agents (OfficeUser) and the reception (OfficeOperator).
 */
export default async function PlannerPage({ searchParams }: { searchParams: Promise<{ view?: string }> }) {
  const { view } = await searchParams;
  const mode = MODES.find((m) => m === view) ?? "mine";
  return (
    <RolePage role={["OfficeUser", "OfficeOperator"]} namespace={`planner.pages.${mode}`} refusal="notAllowed" wide>
      <Planner mode={mode} />
    </RolePage>
  );
}
