import { getLocale, getTranslations } from "next-intl/server";
import { LOCALES } from "@/server/i18n/locale";

/** Plain form buttons: switching language works without client-side script. */
export async function LanguageSwitch({ back = "/" }: { back?: string }) {
  const [locale, t] = [await getLocale(), await getTranslations("languages")];
  return (
    <form action="/api/locale" method="post" className="flex items-center gap-1 text-sm" aria-label={t("label")}>
      <input type="hidden" name="back" value={back} />
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
