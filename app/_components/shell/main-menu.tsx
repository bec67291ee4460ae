"use client";
import { Link } from "@/app/_components/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { flushSync } from "react-dom";

export interface MainMenuData {
  id: string;
  label: string;
  sections: { label: string | null; items: { label: string; href: string }[] }[];
}

const focusables = (root: Element | null) => [...(root?.querySelectorAll<HTMLElement>("a[href]") ?? [])];

/**
 * The main menu as disclosure navigation (WAI-ARIA APG): each top-level menu is a button that
 * shows its links. Left/Right move between menus, Down opens one and enters it, Up/Down move
 * between its links, Escape closes it and returns to its button. On narrow screens the whole
 * menu hides behind one "Menu" button.
 */
export function MainMenu({ menus, label, toggleLabel }: { menus: MainMenuData[]; label: string; toggleLabel: string }) {
  const [open, setOpen] = useState<string | null>(null);
  const [expanded, setExpanded] = useState(false);
  const pathname = usePathname();
  const nav = useRef<HTMLElement>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const baseId = useId();
  const panelId = (id: string) => `${baseId}-${id}`;

  // A followed link closes everything.
  const [shownPath, setShownPath] = useState(pathname);
  if (pathname !== shownPath) {
    setShownPath(pathname);
    setOpen(null);
    setExpanded(false);
  }

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!nav.current?.contains(e.target as Node)) setOpen(null);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);

  const focusButton = (index: number) => {
    const id = menus[(index + menus.length) % menus.length]?.id;
    if (id) buttons.current.get(id)?.focus();
  };

  const onButtonKey = (e: React.KeyboardEvent, index: number, id: string) => {
    if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
      e.preventDefault();
      focusButton(index + (e.key === "ArrowRight" ? 1 : -1));
    } else if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      focusButton(e.key === "Home" ? 0 : menus.length - 1);
    } else if (e.key === "ArrowDown") {
      e.preventDefault();
      // Render the panel now, so that its first link can take the focus.
      flushSync(() => setOpen(id));
      focusables(document.getElementById(panelId(id)))[0]?.focus();
    }
  };

  const onPanelKey = (e: React.KeyboardEvent, id: string) => {
    const links = focusables(e.currentTarget);
    const at = links.indexOf(document.activeElement as HTMLElement);
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      links[(at + (e.key === "ArrowDown" ? 1 : -1) + links.length) % links.length]?.focus();
    } else if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      links[e.key === "Home" ? 0 : links.length - 1]?.focus();
    } else if (e.key === "Escape") {
      e.preventDefault();
      setOpen(null);
      buttons.current.get(id)?.focus();
    }
  };

  return (
    <nav
      ref={nav}
      aria-label={label}
      className="border-b border-slate-300 bg-white px-2 text-sm sm:px-4"
      onBlur={(e) => {
        if (e.relatedTarget && !nav.current?.contains(e.relatedTarget as Node)) setOpen(null);
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape" && open && !e.defaultPrevented) {
          buttons.current.get(open)?.focus();
          setOpen(null);
        }
      }}
    >
      <button
        type="button"
        className="my-1 rounded px-3 py-2 font-medium hover:bg-slate-100 md:hidden"
        aria-expanded={expanded}
        aria-controls={`${baseId}-list`}
        onClick={() => setExpanded(!expanded)}
        data-testid="menu-toggle"
      >
        <span aria-hidden="true">☰ </span>
        {toggleLabel}
      </button>
      <ul
        id={`${baseId}-list`}
        className={`${expanded ? "flex" : "hidden"} flex-col pb-2 md:flex md:flex-row md:flex-wrap md:pb-0`}
      >
        {menus.map((menu, index) => (
          <li key={menu.id} className="relative">
            <button
              ref={(el) => {
                if (el) buttons.current.set(menu.id, el);
                else buttons.current.delete(menu.id);
              }}
              type="button"
              className={`flex w-full items-center gap-1 rounded px-3 py-2 text-left hover:bg-slate-100 md:w-auto ${open === menu.id ? "bg-slate-100" : ""}`}
              aria-expanded={open === menu.id}
              aria-controls={panelId(menu.id)}
              onClick={() => setOpen(open === menu.id ? null : menu.id)}
              onKeyDown={(e) => onButtonKey(e, index, menu.id)}
              data-testid={`menu-${menu.id}`}
            >
              {menu.label}{" "}
              <span aria-hidden="true" className="text-xs">
                ▾
              </span>
            </button>
            <div
              id={panelId(menu.id)}
              hidden={open !== menu.id}
              className="z-30 min-w-56 bg-white py-1 pl-4 md:absolute md:left-0 md:mt-0.5 md:rounded md:border md:border-slate-300 md:pl-0 md:shadow-lg"
              onKeyDown={(e) => onPanelKey(e, menu.id)}
            >
              {/* A closed menu's links are rendered when it opens: every page carried them all, hidden. */}
              {open === menu.id &&
                menu.sections.map((section, s) => {
                  const headingId = `${panelId(menu.id)}-${s}`;
                  return (
                    <div key={s} className="py-1 [&+&]:border-t [&+&]:border-slate-200">
                      {section.label && (
                        <p
                          id={headingId}
                          className="px-3 pt-1 text-xs font-semibold uppercase tracking-wide text-slate-600"
                        >
                          {section.label}
                        </p>
                      )}
                      <ul aria-labelledby={section.label ? headingId : undefined}>
                        {section.items.map((item) => (
                          <li key={item.href}>
                            <Link
                              href={item.href}
                              aria-current={pathname === item.href ? "page" : undefined}
                              className="block px-3 py-1.5 hover:bg-slate-100 aria-[current=page]:font-semibold"
                            >
                              {item.label}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </div>
                  );
                })}
            </div>
          </li>
        ))}
      </ul>
    </nav>
  );
}
