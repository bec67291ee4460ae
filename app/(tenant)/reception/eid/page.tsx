import { RolePage } from "@/app/_components/role-page";
import { EidReader } from "./eid-reader";

/** Reception → "Read eID card": Lino's "find by eID" quick link (domain-people §7), for BeIdUser. */
export default function ReadEidCardPage() {
  return (
    <RolePage role="BeIdUser" namespace="eidFlow" refusal="notAllowed">
      <EidReader />
    </RolePage>
  );
}
