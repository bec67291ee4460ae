import { getLocale, getTranslations } from "next-intl/server";
import { compareText, type UiLocale } from "@/lib/format";
import { ApiProvider } from "@/app/_components/trpc";
import { registry } from "@/server/areas";
import type { SessionUser } from "@/server/auth/session";
import { menuFor } from "@/server/shell/menu";
import { searchableResources } from "@/server/shell/search";
import { messageTypes } from "@/server/notify/choices";
import { resourceHref } from "@/lib/resources";
import { MainMenu } from "./main-menu";
import { NotificationBell } from "./notification-bell";
import { QuickSearch } from "./quick-search";

/** The main menu of the user's type (server/shell/menu.ts), translated. */
export async function HeaderMenu({ user }: { user: SessionUser }) {
  const t = await getTranslations();
  const menus = menuFor(user, registry).map((m) => ({
    id: m.id,
    label: t(m.label),
    sections: m.sections.map((s) => ({
      label: s.label && t(s.label),
      items: s.items.map((i) => ({ label: t(i.label), href: i.href })),
    })),
  }));
  if (menus.length === 0) return null;
  return <MainMenu menus={menus} label={t("menu.label")} toggleLabel={t("menu.toggle")} />;
}

/** The quick search, with a hint naming what this user can search. */
export async function HeaderSearch({ user }: { user: SessionUser }) {
  const t = await getTranslations();
  const resources = searchableResources(registry, user).map((r) => ({ id: r.id, title: t(r.title) }));
  if (resources.length === 0) return null;
  const hint = t("search.hint", {
    what: resources
      .map((r) => r.title)
      .sort(compareText((await getLocale()) as UiLocale))
      .join(", "),
  });
  return (
    <ApiProvider>
      <QuickSearch resources={resources} hint={hint} />
    </ApiProvider>
  );
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
