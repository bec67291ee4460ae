import { RolePage } from "@/app/_components/role-page";
import { GreetingsForm } from "./greetings-form";
import { CentreSettingsForm } from "./settings-form";

/** Sign-in settings of the centre (methods, two-factor, idle timeout, directory) and its home page's greeting, for its administrators. */
export default function CentreSettingsPage() {
  return (
    <RolePage role="SiteAdmin" namespace="centreSettings" refusal="adminsOnly">
      <CentreSettingsForm />
      <GreetingsForm />
    </RolePage>
  );
}
