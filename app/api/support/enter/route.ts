import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { seeOther } from "@/app/api/see-other";
import { signIn } from "@/server/auth/nextauth";
import { ACT_AS_COOKIE } from "@/server/auth/session";
import { hostOf } from "@/server/trpc/context";

/**
 * Where the console sends an operator to open a support session on this centre: the single-use
 * token is checked (this centre, not used before, grant still active) by the "support" sign-in
 * provider in server/auth/nextauth.ts, which also writes the start of the session to the centre's audit.
 */
export async function GET(req: Request) {
  if (hostOf(req).kind !== "tenant") return new Response("Not found", { status: 404 });
  const token = new URL(req.url).searchParams.get("token") ?? "";
  (await cookies()).delete(ACT_AS_COOKIE);
  try {
    await signIn("support", { token, redirectTo: "/" });
  } catch (e) {
    // Success is a redirect thrown by signIn; a refusal goes to the sign-in page with its reason.
    if (e instanceof AuthError) {
      const code = (e as AuthError & { code?: string }).code;
      return seeOther(
        `/login?error=${encodeURIComponent(code && code !== "credentials" ? code : "SUPPORT_TOKEN_INVALID")}`,
      );
    }
    throw e;
  }
  return seeOther("/");
}
