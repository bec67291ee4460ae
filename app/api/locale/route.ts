import { seeOther } from "@/app/api/see-other";
import { actorOf } from "@/server/audit";
import { sessionClaims } from "@/server/auth/nextauth";
import { resolveSessionUser } from "@/server/auth/session";
import { isLocale, LOCALE_COOKIE, type Locale } from "@/server/i18n/locale";
import { saveUserLanguage } from "@/server/shell/language";
import { auditSupportRequest } from "@/server/support/session";
import { currentTenant } from "@/server/tenancy/current";
import { tenantHandle } from "@/server/tenancy/tenant-db";

/** Only a path on this host: never an address elsewhere ("//evil", "https://…"). */
const localPath = (value: string | null | undefined) =>
  value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : null;

/** The page the form was sent from, when the browser says so; only its path is used, on this host. */
function refererPath(req: Request): string | null {
  try {
    const referer = new URL(req.headers.get("referer") ?? "");
    return localPath(referer.pathname + referer.search);
  } catch {
    return null;
  }
}

/**
 * Remembers the chosen UI language on this host (host-only cookie) and, for a signed-in centre
 * user, in their profile, so that it follows them to other devices. Then goes back to the page.
 */
export async function POST(req: Request) {
  const form = await req.formData();
  const locale = form.get("locale");
  const res = seeOther(localPath(form.get("back")?.toString()) ?? refererPath(req) ?? "/");
  if (!isLocale(locale)) return res;
  res.cookies.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600, httpOnly: true });
  await rememberForUser(req, locale);
  return res;
}

async function rememberForUser(req: Request, locale: Locale) {
  const found = await currentTenant();
  if (!found || found.availability !== "served") return;
  const h = tenantHandle(found.tenant);
  // The person signed in, not a colleague they act for: the language is their own. An operator's
  // support session has no profile to keep it in (and may change nothing).
  const user = await resolveSessionUser(h, found.tenant, await sessionClaims());
  if (user?.support) await auditSupportRequest(h, user.support, req);
  else if (user) await saveUserLanguage(h, actorOf(user), user.id, locale);
}
