import { resourceHref } from "@/lib/resources";
import type { SessionUser } from "@/server/auth/session";
import type { Role } from "@/server/auth/user-types";
import { can } from "@/server/resources/access";
import type { Registry } from "@/server/area";
import type { Locale } from "@/server/i18n/locale";
import { translatorFor } from "@/server/i18n/translator";

/** Lino Welfare's top-level menus (domain-people §1.4), in their order; labels are `menu.<id>`. */
export const TOP_MENUS = [
  "contacts",
  "office",
  "calendar",
  "reception",
  "pcsw",
  "accounting",
  "integration",
  "polls",
  "courses",
  "newcomers",
  "debts",
  "reports",
  "configure",
  "explorer",
  "site",
] as const;
export type TopMenu = (typeof TOP_MENUS)[number];

/**
 * The sections of a menu in Lino's order (Configure: places, contacts, PCSW…); labels are
 * `menu.sections.<id>`. Entries without a section come first, then these, then any other section.
 */
export const SECTIONS = [
  "places",
  "contacts",
  "office",
  "calendar",
  "pcsw",
  "system",
  "administration",
  "security",
] as const;
const sectionRank = (label: string | null) => {
  if (label === null) return -1;
  const i = SECTIONS.indexOf(label.replace("menu.sections.", "") as (typeof SECTIONS)[number]);
  return i === -1 ? SECTIONS.length : i;
};

/**
 * A menu entry opens a declared resource — shown to whoever may view it, optionally narrowed to some
 * roles (Lino shows the places list in Configure to contacts staff only) — or a page, shown to the
 * roles named. Labels are message keys; a resource entry defaults to the resource's title.
 */
export type MenuEntry =
  | { resource: string; label?: string; roles?: Role[] }
  /** `personal`: about the user's own account, so not for an operator's support session. */
  | { href: string; label: string; roles: Role[]; personal?: boolean };

/** What an area adds to one top-level menu; entries with the same `section` (a message key) are grouped. */
export interface MenuContribution {
  menu: TopMenu;
  section?: string;
  entries: MenuEntry[];
}

export interface MenuItemView {
  label: string;
  href: string;
}
export interface MenuSectionView {
  label: string | null;
  items: MenuItemView[];
}
export interface MenuView {
  id: TopMenu;
  label: string;
  sections: MenuSectionView[];
}

type MenuUser = Pick<SessionUser, "roles" | "support">;
const anyRole = (user: MenuUser, roles: Role[]) => roles.some((r) => user.roles.has(r));

function itemFor(entry: MenuEntry, user: MenuUser, registry: Pick<Registry, "resources">): MenuItemView | null {
  if ("href" in entry)
    return anyRole(user, entry.roles) && !(entry.personal && user.support)
      ? { label: entry.label, href: entry.href }
      : null;
  const def = registry.resources.get(entry.resource);
  // A declaration naming a resource that does not exist is a programming error the menu test catches.
  if (!def || !can(def, "view", user) || (entry.roles && !anyRole(user, entry.roles))) return null;
  return { label: entry.label ?? def.title, href: resourceHref(def.id) };
}

/** The main menu one user sees (labels are message keys) from the areas' contributions; empty sections and menus are left out. */
export function menuFor(user: MenuUser, registry: Pick<Registry, "resources" | "menu">): MenuView[] {
  return TOP_MENUS.map((id): MenuView => {
    const sections = new Map<string, MenuSectionView>();
    for (const c of registry.menu.filter((c) => c.menu === id)) {
      const items = c.entries.map((e) => itemFor(e, user, registry)).filter((i): i is MenuItemView => i !== null);
      const key = c.section ?? "";
      const section = sections.get(key) ?? { label: c.section ?? null, items: [] };
      section.items.push(...items);
      sections.set(key, section);
    }
    const ordered = [...sections.values()]
      .filter((s) => s.items.length > 0)
      .sort((a, b) => sectionRank(a.label) - sectionRank(b.label));
    return { id, label: `menu.${id}`, sections: ordered };
  }).filter((m) => m.sections.length > 0);
}

/** The key of what the menu depends on: the user's roles and whether an operator's support session shows it. */
const menuKey = (user: MenuUser) => `${[...user.roles].sort().join(",")}${user.support ? "|support" : ""}`;
const translatedMenus = new WeakMap<object, Map<string, MenuView[]>>();

/**
 * `menuFor` with its labels translated, built once per registry, set of roles and language: the
 * header and the quick links show it on every page, and translating its ~60 labels through ICU
 * per request cost more than the rest of the header.
 */
export function translatedMenuFor(
  user: MenuUser,
  registry: Pick<Registry, "resources" | "menu">,
  locale: Locale,
): MenuView[] {
  let byKey = translatedMenus.get(registry);
  if (!byKey) translatedMenus.set(registry, (byKey = new Map()));
  const key = `${locale}\0${menuKey(user)}`;
  let menus = byKey.get(key);
  if (!menus) {
    const t = translatorFor(locale);
    menus = menuFor(user, registry).map((m) => ({
      id: m.id,
      label: t(m.label),
      sections: m.sections.map((s) => ({
        label: s.label && t(s.label),
        items: s.items.map((i) => ({ label: t(i.label), href: i.href })),
      })),
    }));
    byKey.set(key, menus);
  }
  return menus;
}
