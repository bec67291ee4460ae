import { seeOther } from "@/app/api/see-other";
import { sessionClaims } from "@/server/auth/nextauth";
import { ACT_AS_COOKIE, resolveSessionUser } from "@/server/auth/session";
import { currentTenant } from "@/server/tenancy/current";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { actAsTarget } from "@/server/users/authorities";

/** Starts (userId) or stops (empty) acting as a colleague; the authority is checked here and on every request. */
export async function POST(req: Request) {
  const found = await currentTenant();
  if (!found || found.availability !== "served") return seeOther("/");
  const h = tenantHandle(found.tenant);
  const real = await resolveSessionUser(h, found.tenant, await sessionClaims()); // the person signed in, not acting
  if (!real) return seeOther("/login");
  const target = Number((await req.formData()).get("userId")) || null;
  const res = seeOther("/");
  if (target && (await actAsTarget(h, real, target))) res.cookies.set(ACT_AS_COOKIE, String(target), { path: "/", httpOnly: true, sameSite: "lax" });
  else res.cookies.set(ACT_AS_COOKIE, "", { path: "/", maxAge: 0 });
  return res;
}
