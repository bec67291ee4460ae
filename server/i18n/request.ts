import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { TIME_ZONE } from "@/lib/format";
import { currentUser } from "@/server/auth/current";
import { currentTenant } from "@/server/tenancy/current";
import { fromAcceptLanguage, isLocale, LOCALE_COOKIE, type Locale } from "./locale";

// Locale order: the choice made on this device (cookie) → the signed-in user's profile (so it follows
// them to any device) → the centre's language → the browser's → French.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const centre = await currentTenant().catch(() => null);
  const profile = centre && !isLocale(chosen) ? (await currentUser().catch(() => null))?.language : undefined;
  const locale: Locale =
    [chosen, profile, centre?.tenant.defaultLocale].find(isLocale) ??
    fromAcceptLanguage((await headers()).get("accept-language")) ??
    "fr";
  // Dates are formatted by lib/format.ts; the zone also holds for anything next-intl formats itself.
  return { locale, timeZone: TIME_ZONE, messages: (await import(`@/messages/${locale}.json`)).default };
});
