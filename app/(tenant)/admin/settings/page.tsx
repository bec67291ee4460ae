import { RolePage } from "@/app/_components/role-page";
import { CentreSettingsForm } from "./settings-form";

/** Sign-in settings of the centre (methods, two-factor, idle timeout, directory), for its administrators. */
export default function CentreSettingsPage() {
  return <RolePage role="SiteAdmin" namespace="centreSettings" refusal="adminsOnly"><CentreSettingsForm /></RolePage>;
}
