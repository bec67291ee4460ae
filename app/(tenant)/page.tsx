import { Link } from "@/app/_components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Dashboard } from "@/app/_components/shell/dashboard";
import { currentUser } from "@/server/auth/current";
import { localized, type Locale } from "@/server/i18n/locale";
import { greetingIn } from "@/server/settings/greetings";
import { currentTenant } from "@/server/tenancy/current";
import { tenantHandle } from "@/server/tenancy/tenant-db";

/** The centre's home: a welcome for visitors, the dashboard for signed-in staff. */
export default async function CentreHome() {
  const [found, user, t, locale] = [
    await currentTenant(),
    await currentUser(),
    await getTranslations(),
    (await getLocale()) as Locale,
  ];
  const name = found ? localized(found.tenant.names, locale) : "";
  if (found && user && !user.mustEnrollTotp) {
    return (
      <main className="mx-auto w-full max-w-6xl p-4 sm:p-8">
        <Dashboard
          handle={tenantHandle(found.tenant)}
          user={user}
          locale={locale}
          heading={t("dashboard.heading", { name: user.firstName || user.username })}
        />
      </main>
    );
  }
  return (
    <main className="mx-auto w-full max-w-3xl p-8">
      {/* The centre's own words when it wrote them: "au", "à la", "im" depend on its name. */}
      <h1 className="text-3xl font-semibold">
        {(found && greetingIn(found.tenant.greetings, locale)) ?? t("centre.welcome", { name })}
      </h1>
      <p className="mt-3 text-slate-700">{t("centre.intro")}</p>
      {!user && (
        <p className="mt-6 rounded border border-slate-200 bg-white p-4 text-slate-700">
          {t("auth.signInPrompt")}{" "}
          <Link href="/login" className="font-medium text-blue-800 underline">
            {t("auth.signIn")}
          </Link>
        </p>
      )}
    </main>
  );
}
