import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentTenant } from "@/server/tenancy/current";
import { fromAcceptLanguage, isLocale, LOCALE_COOKIE, type Locale } from "./locale";

// Locale order: the user's choice (cookie) → the centre's language → the browser's → French.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const centre = await currentTenant().catch(() => null);
  const locale: Locale = isLocale(chosen)
    ? chosen
    : centre && isLocale(centre.tenant.defaultLocale)
      ? centre.tenant.defaultLocale
      : (fromAcceptLanguage((await headers()).get("accept-language")) ?? "fr");
  return { locale, messages: (await import(`@/messages/${locale}.json`)).default };
});
