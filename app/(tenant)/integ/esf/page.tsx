import { RolePage } from "@/app/_components/role-page";
import { EsfSummaries } from "./esf";

/** Integration → ESF summaries (domain-integ-money §2.10): compute a year's summaries, then list and export them. */
export default function EsfPage() {
  return (
    <RolePage role="IntegUser" namespace="integReports.esf.page" refusal="notAllowed">
      <EsfSummaries />
    </RolePage>
  );
}
