"use client";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/** Where every page's content starts (the layout wraps pages in it). */
export const MAIN_ID = "main";

/** How long a new page may take to show its heading (a detail's title comes with its data). */
const HEADING_WAIT_MS = 5_000;

/** Focuses the page's heading (made focusable for this), else the content itself; false if neither is there yet. */
function focusContent(): boolean {
  const main = document.getElementById(MAIN_ID);
  const target = main?.querySelector<HTMLElement>("h1") ?? null;
  if (!target) return false;
  if (!target.hasAttribute("tabindex")) target.tabIndex = -1;
  target.focus();
  return true;
}

/** The first stop of the Tab key: past the header and the menu, straight to the page's heading. */
export function SkipLink({ label }: { label: string }) {
  return (
    <a
      href={`#${MAIN_ID}`}
      onClick={(e) => {
        if (focusContent()) e.preventDefault();
      }}
      className="sr-only z-50 rounded bg-white font-medium text-blue-900 shadow focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:px-3 focus:py-2"
    >
      {label}
    </a>
  );
}

/**
 * After a client-side navigation, focus moves to the new page's heading, as a full page load
 * would start at the top: screen readers announce the new page, and Tab continues from there. A
 * user who meanwhile moved into the page keeps their focus.
 */
export function FocusOnNavigation() {
  const pathname = usePathname();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return; // the first page: the browser starts at the top
    previous.current = pathname;
    const main = document.getElementById(MAIN_ID);
    if (!main) return;
    const moved = () => document.activeElement !== document.body && main.contains(document.activeElement);
    if (moved() || focusContent()) return;
    const observer = new MutationObserver(() => {
      if (moved() || focusContent()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const stop = setTimeout(() => observer.disconnect(), HEADING_WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(stop);
    };
  }, [pathname]);
  return null;
}
