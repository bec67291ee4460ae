import { NextResponse } from "next/server";
import { isAppError } from "@/server/errors";
import { rootLogger } from "@/server/logger";
import { authenticateOperator } from "@/server/operator/accounts";
import { OPERATOR_COOKIE, operatorCookieOptions, signOperatorSession } from "@/server/operator/session";
import { hostOf } from "@/server/trpc/context";
import { seeOther } from "@/app/api/see-other";

// A plain form post, so signing in works before any script has loaded.
export async function POST(req: Request) {
  if (hostOf(req).kind !== "operator") return new NextResponse("Not found", { status: 404 });
  const form = await req.formData();
  try {
    const op = await authenticateOperator(String(form.get("email") ?? ""), String(form.get("password") ?? ""));
    const res = seeOther("/");
    res.cookies.set(OPERATOR_COOKIE, await signOperatorSession(op), operatorCookieOptions());
    return res;
  } catch (e) {
    if (!isAppError(e)) rootLogger.error({ err: e }, "operator sign-in failed");
    return seeOther(`/login?error=${isAppError(e) ? e.code : "INTERNAL"}`);
  }
}
