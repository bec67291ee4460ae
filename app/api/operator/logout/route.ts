import { OPERATOR_COOKIE, operatorCookieOptions } from "@/server/operator/session";
import { seeOther } from "@/app/api/see-other";

export function POST() {
  const res = seeOther("/login");
  res.cookies.set(OPERATOR_COOKIE, "", { ...operatorCookieOptions(), maxAge: 0 });
  return res;
}
