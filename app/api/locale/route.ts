import { seeOther } from "@/app/api/see-other";
import { isLocale, LOCALE_COOKIE } from "@/server/i18n/locale";

/** Remembers the chosen UI language on this host (host-only cookie) and goes back. */
export async function POST(req: Request) {
  const form = await req.formData();
  const locale = form.get("locale");
  const back = String(form.get("back") ?? "/");
  const res = seeOther(back.startsWith("/") && !back.startsWith("//") ? back : "/");
  if (isLocale(locale)) res.cookies.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600, httpOnly: true });
  return res;
}
