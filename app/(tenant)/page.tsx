import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { currentUser } from "@/server/auth/current";
import { localized, type Locale } from "@/server/i18n/locale";
import { currentTenant } from "@/server/tenancy/current";

export default async function CentreHome() {
  const [found, user, t] = [await currentTenant(), await currentUser(), await getTranslations()];
  const name = found ? localized(found.tenant.names, (await getLocale()) as Locale) : "";
  return (
    <main className="mx-auto w-full max-w-3xl p-8">
      <h1 className="text-3xl font-semibold">{t("centre.welcome", { name })}</h1>
      <p className="mt-3 text-slate-700">{t("centre.intro")}</p>
      {!user && (
        <p className="mt-6 rounded border border-slate-200 bg-white p-4 text-slate-700">
          {t("auth.signInPrompt")}{" "}
          <Link href="/login" className="font-medium text-blue-800 underline">{t("auth.signIn")}</Link>
        </p>
      )}
    </main>
  );
}
