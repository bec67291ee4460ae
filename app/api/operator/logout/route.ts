import { cookies } from "next/headers";
import { OPERATOR_COOKIE, operatorCookieOptions, revokeOperatorSession } from "@/server/operator/session";
import { seeOther } from "@/app/api/see-other";

/** Signing out ends the session on the server too: a copy of the cookie is refused from now on. */
export async function POST() {
  await revokeOperatorSession((await cookies()).get(OPERATOR_COOKIE)?.value);
  const res = seeOther("/login");
  res.cookies.set(OPERATOR_COOKIE, "", { ...operatorCookieOptions(), maxAge: 0 });
  return res;
}
