import { RolePage, rolePageMetadata } from "@/app/_components/role-page";
import { Statistics } from "./statistics";

export const generateMetadata = () => rolePageMetadata("integReports.statisticsPage");

/** Integration → Statistics: contracts of every kind over a period, with charts and drill-downs (issue 17). */
export default function StatisticsPage() {
  return (
    <RolePage role="IntegUser" namespace="integReports.statisticsPage" refusal="notAllowed" wide>
      <Statistics />
    </RolePage>
  );
}
