import { getLocale, getTranslations } from "next-intl/server";
import { LOCALES } from "@/server/i18n/locale";

/**
 * Plain form buttons: switching language works without client-side script. The browser comes back
 * to the page it was on (`back`, else the page that sent the form); a signed-in centre user's
 * choice is also kept in their profile (app/api/locale).
 */
export async function LanguageSwitch({ back }: { back?: string }) {
  const [locale, t] = [await getLocale(), await getTranslations("languages")];
  return (
    <form action="/api/locale" method="post" className="flex items-center gap-1 text-sm" aria-label={t("label")}>
      {back && <input type="hidden" name="back" value={back} />}
      {LOCALES.map((l) => (
        <button
          key={l}
          name="locale"
          value={l}
          lang={l}
          aria-pressed={l === locale}
          className={`rounded px-2 py-1 ${l === locale ? "bg-white/20 font-semibold" : "hover:bg-white/10"}`}
        >
          {t(l)}
        </button>
      ))}
    </form>
  );
}
