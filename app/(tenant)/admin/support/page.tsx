import { RolePage } from "@/app/_components/role-page";
import { SupportAccess } from "./support-access";

/** Support access for the centre's administrators: grant it to the operators for a while, see what they did. */
export default function SupportAccessPage() {
  return (
    <RolePage role="SiteAdmin" namespace="support" refusal="adminsOnly">
      <SupportAccess />
    </RolePage>
  );
}
