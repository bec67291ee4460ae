import { getLocale, getTranslations } from "next-intl/server";
import { compareText, type UiLocale } from "@/lib/format";
import { ApiProvider } from "@/app/_components/trpc";
import { registry } from "@/server/areas";
import type { SessionUser } from "@/server/auth/session";
import type { Locale } from "@/server/i18n/locale";
import { translatorFor } from "@/server/i18n/translator";
import { translatedMenuFor } from "@/server/shell/menu";
import { searchableResources } from "@/server/shell/search";
import { messageTypes } from "@/server/notify/choices";
import { resourceHref } from "@/lib/resources";
import { MainMenu } from "./main-menu";
import { NotificationBell } from "./notification-bell";
import { QuickSearch } from "./quick-search";

/** The main menu of the user's type (server/shell/menu.ts), translated. */
export async function HeaderMenu({ user }: { user: SessionUser }) {
  const t = await getTranslations();
  const menus = translatedMenuFor(user, registry, (await getLocale()) as Locale);
  if (menus.length === 0) return null;
  return <MainMenu menus={menus} label={t("menu.label")} toggleLabel={t("menu.toggle")} />;
}

/** The quick search, with a hint naming what this user can search. */
export async function HeaderSearch({ user }: { user: SessionUser }) {
  const { resources, hint } = searchHintFor(user, (await getLocale()) as Locale);
  if (resources.length === 0) return null;
  return (
    <ApiProvider>
      <QuickSearch resources={resources} hint={hint} />
    </ApiProvider>
  );
}

const searchHints = new Map<string, { resources: { id: string; title: string }[]; hint: string }>();
/** What the quick search covers and its hint, built once per set of roles and language (like the menu). */
function searchHintFor(user: SessionUser, locale: Locale) {
  const key = `${locale}\0${[...user.roles].sort().join(",")}`;
  let found = searchHints.get(key);
  if (!found) {
    const t = translatorFor(locale);
    const resources = searchableResources(registry, user).map((r) => ({ id: r.id, title: t(r.title) }));
    const what = resources
      .map((r) => r.title)
      .sort(compareText(locale as UiLocale))
      .join(", ");
    searchHints.set(key, (found = { resources, hint: t("search.hint", { what }) }));
  }
  return found;
}

/** The notification bell, live (app/_components/shell/notification-bell.tsx). */
export async function HeaderBell() {
  const t = await getTranslations();
  const types = messageTypes.values.map((id) => ({ id, label: t(`notify.types.${id}`) }));
  return (
    <ApiProvider>
      <NotificationBell types={types} listHref={resourceHref("notify.messages")} />
    </ApiProvider>
  );
}
