import { RolePage } from "@/app/_components/role-page";
import { ActivityReport } from "./activity-report";

/** Integration → Activity report (domain-integ-money §2.9). */
export default function ActivityReportPage() {
  return (
    <RolePage role="IntegUser" namespace="integReports.activityPage" refusal="notAllowed" wide>
      <ActivityReport />
    </RolePage>
  );
}
