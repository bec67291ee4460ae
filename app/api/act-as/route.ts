import { getTranslations } from "next-intl/server";
import { seeOther } from "@/app/api/see-other";
import { sessionClaims } from "@/server/auth/nextauth";
import { ACT_AS_COOKIE, resolveSessionUser } from "@/server/auth/session";
import { currentTenant } from "@/server/tenancy/current";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { auditSupportRequest } from "@/server/support/session";
import { actAsTarget } from "@/server/users/authorities";

/** Starts (userId) or stops (empty) acting as a colleague; the authority is checked here and on every request. */
export async function POST(req: Request) {
  const found = await currentTenant();
  if (!found || found.availability !== "served") return seeOther("/");
  const h = tenantHandle(found.tenant);
  const real = await resolveSessionUser(h, found.tenant, await sessionClaims()); // the person signed in, not acting
  if (!real) return seeOther("/login");
  // An operator's support session reads as an administrator but acts for nobody.
  if (real.support) {
    await auditSupportRequest(h, real.support, req, true);
    const t = await getTranslations({ locale: found.tenant.defaultLocale, namespace: "errors" });
    return new Response(t("SUPPORT_READ_ONLY"), {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const target = Number((await req.formData()).get("userId")) || null;
  const res = seeOther("/");
  if (target && (await actAsTarget(h, real, target)))
    res.cookies.set(ACT_AS_COOKIE, String(target), { path: "/", httpOnly: true, sameSite: "lax" });
  else res.cookies.set(ACT_AS_COOKIE, "", { path: "/", maxAge: 0 });
  return res;
}
