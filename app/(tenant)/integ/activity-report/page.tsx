import { RolePage, rolePageMetadata } from "@/app/_components/role-page";
import { ActivityReport } from "./activity-report";

export const generateMetadata = () => rolePageMetadata("integReports.activityPage");

/** Integration → Activity report (domain-integ-money §2.9). */
export default function ActivityReportPage() {
  return (
    <RolePage role="IntegUser" namespace="integReports.activityPage" refusal="notAllowed" wide>
      <ActivityReport />
    </RolePage>
  );
}
