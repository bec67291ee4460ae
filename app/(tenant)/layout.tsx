import { Link } from "@/app/_components/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/app/_components/language-switch";
import { HeaderBell, HeaderMenu, HeaderSearch } from "@/app/_components/shell/header-parts";
import { FocusOnNavigation, MAIN_ID, SkipLink } from "@/app/_components/shell/page-focus";
import { UserMenu } from "@/app/_components/user-menu";
import { SessionActivity } from "./login/session-activity";
import { currentUser } from "@/server/auth/current";
import { localized, type Locale } from "@/server/i18n/locale";
import { currentTenant } from "@/server/tenancy/current";

export const dynamic = "force-dynamic";

/** Every centre page passes here: unknown centres are 404, unavailable ones get a notice instead of the app. */
export default async function TenantLayout({ children }: { children: React.ReactNode }) {
  const found = await currentTenant();
  if (!found) notFound();
  const { tenant, availability } = found;
  const locale = (await getLocale()) as Locale;
  const name = localized(tenant.names, locale);
  const t = await getTranslations();
  const user = await currentUser();
  // Menu and search only once the user may work: not while they still have to set up two-factor sign-in.
  const shell = availability === "served" && user && !user.mustEnrollTotp ? user : null;

  return (
    <div className="flex min-h-screen flex-col">
      {availability === "served" && (
        <>
          <SkipLink label={t("menu.skipToContent")} />
          <FocusOnNavigation />
          <SessionActivity />
        </>
      )}
      <header>
        {tenant.kind !== "production" && (
          <div role="note" className="bg-amber-300 px-4 py-2 text-center text-sm font-medium text-amber-950">
            {t(tenant.kind === "training" ? "centre.trainingBanner" : "centre.demoBanner")}
          </div>
        )}
        {/* Focus rings in a light colour: the default blue is hard to see on the dark bar. */}
        <div className="bg-brand-700 text-white [&_:focus-visible]:outline-amber-300!">
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
            <Link href="/" className="font-semibold" data-testid="centre-name">
              {name}
            </Link>
            {shell && <HeaderSearch user={shell} />}
            <div className="ml-auto flex items-center gap-3">
              {shell && <HeaderBell />}
              <LanguageSwitch />
            </div>
          </div>
          {user && (
            <div className="flex justify-end border-t border-white/20 px-4 py-1.5">
              <UserMenu user={user} />
            </div>
          )}
        </div>
        {shell && <HeaderMenu user={shell} />}
        {user?.mustEnrollTotp && (
          <p role="alert" className="bg-red-50 px-4 py-2 text-center text-sm text-red-900">
            <Link href="/account" className="underline">
              {t("account.enrollmentRequired")}
            </Link>
          </p>
        )}
      </header>
      {availability === "served" ? (
        <div id={MAIN_ID} tabIndex={-1} className="outline-none">
          {children}
        </div>
      ) : (
        <main className="mx-auto max-w-xl p-10" data-testid="unavailable">
          <h1 className="text-2xl font-semibold">{t(`unavailable.${availability}.title`)}</h1>
          <p className="mt-2 text-slate-700">{t(`unavailable.${availability}.text`, { name })}</p>
        </main>
      )}
    </div>
  );
}
