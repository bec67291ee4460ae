import { RolePage } from "@/app/_components/role-page";
import { FindDate } from "./find-date";

/** Calendar → "Find a date" (issue 15 §5), also opened from a client's file with `?client=` (and `&user=`). */
export default async function FindDatePage({
  searchParams,
}: {
  searchParams: Promise<{ client?: string; user?: string }>;
}) {
  const { client, user } = await searchParams;
  const id = (v?: string) => (v && /^\d{1,9}$/.test(v) ? v : "");
  return (
    <RolePage role={["OfficeUser", "OfficeOperator"]} namespace="planner.find" refusal="notAllowed">
      <FindDate initialClient={id(client)} initialUser={id(user)} />
    </RolePage>
  );
}
