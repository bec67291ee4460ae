"use client";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "@/app/_components/trpc";
import { pickLocalized, type UiLocale } from "@/lib/format";
import { resourceHref } from "@/lib/resources";

const DEBOUNCE_MS = 250;

/** Whether a key press happened where "/" is typed as text rather than used as a shortcut. */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/**
 * The header's quick search: a WAI-ARIA combobox whose list shows the hits of every resource the
 * user may search, grouped under the resource's title. Typing searches after a short pause;
 * Up/Down move through the hits, Enter opens one, Escape closes the list (then clears the text).
 * "/" or Ctrl+K focuses it from anywhere on the page.
 */
export function QuickSearch({ resources, hint }: { resources: { id: string; title: string }[]; hint: string }) {
  const t = useTranslations("search");
  const locale = useLocale() as UiLocale;
  const trpc = useTRPC();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const [focused, setFocused] = useState(false);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    const shortcut = (e: KeyboardEvent) => {
      const ctrlK = (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k";
      if (ctrlK || (e.key === "/" && !isTyping(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey)) {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    document.addEventListener("keydown", shortcut);
    return () => document.removeEventListener("keydown", shortcut);
  }, []);

  const search = useQuery({
    ...trpc.resources.search.queryOptions({ q }),
    enabled: q.length > 0,
    placeholderData: (previous) => previous,
  });
  const groups = q ? (search.data ?? []) : [];
  const hits = groups.flatMap((g) => g.hits);
  const optionId = (index: number) => `${id}-option-${index}`;
  const titleOf = (resource: string) => resources.find((r) => r.id === resource)?.title ?? resource;
  const expanded = open && hits.length > 0;

  const go = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    setOpen(false);
    setText("");
    setQ("");
    setActive(-1);
    input.current?.blur();
    router.push(resourceHref(hit.resource, hit.id));
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      if (hits.length === 0) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((at) => (at < 0 && step < 0 ? hits.length - 1 : (at + step + hits.length) % hits.length));
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (expanded) go(active >= 0 ? active : 0);
    } else if (e.key === "Escape") {
      e.preventDefault();
      if (expanded) setOpen(false);
      else setText("");
      setActive(-1);
    }
  };

  // What a screen reader hears after each search: searching, nothing found, or how many hits.
  const status = !q
    ? ""
    : search.isError
      ? t("error")
      : search.isFetching && !search.data
        ? t("searching")
        : hits.length === 0
          ? t("noResults", { q })
          : t("results", { count: hits.length });
  // Where each group's hits start in the flat list that the arrow keys walk.
  const starts = groups.map((_, g) => groups.slice(0, g).reduce((n, x) => n + x.hits.length, 0));

  return (
    <div className="relative w-full sm:w-80" role="search">
      <label htmlFor={`${id}-input`} className="sr-only">
        {t("label")}
      </label>
      <input
        ref={input}
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-listbox`}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={`${id}-hint`}
        aria-keyshortcuts="/ Control+K"
        placeholder={t("placeholder")}
        value={text}
        maxLength={100}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => {
          setFocused(true);
          setOpen(true);
        }}
        onBlur={() => {
          setFocused(false);
          setOpen(false);
        }}
        onKeyDown={onKeyDown}
        className="w-full rounded border border-white/60 bg-white px-3 py-1.5 text-sm text-slate-900 placeholder:text-slate-600"
        data-testid="header-search"
      />
      <p
        id={`${id}-hint`}
        className={
          focused && !text
            ? "absolute z-40 mt-1 w-full rounded border border-slate-300 bg-white p-2 text-xs text-slate-700 shadow"
            : "sr-only"
        }
      >
        {hint}
      </p>
      <p role="status" className="sr-only">
        {status}
      </p>
      <div
        id={`${id}-listbox`}
        role="listbox"
        aria-label={t("resultsLabel")}
        hidden={!expanded}
        className="absolute z-40 mt-1 max-h-96 w-full overflow-auto rounded border border-slate-300 bg-white py-1 text-sm text-slate-900 shadow-lg"
        // Keep the focus in the input while a hit is clicked.
        onMouseDown={(e) => e.preventDefault()}
      >
        {groups.map((group, g) => (
          <ul key={group.resource} role="group" aria-labelledby={`${id}-group-${group.resource}`}>
            <li
              role="presentation"
              id={`${id}-group-${group.resource}`}
              className="px-3 pb-0.5 pt-1.5 text-xs font-semibold uppercase tracking-wide text-slate-600"
            >
              {titleOf(group.resource)}
            </li>
            {group.hits.map((hit, h) => {
              const at = starts[g]! + h;
              const title = typeof hit.title === "string" ? hit.title : pickLocalized(hit.title, locale);
              return (
                <li
                  key={`${hit.resource}:${hit.id}`}
                  id={optionId(at)}
                  role="option"
                  aria-selected={at === active}
                  className={`cursor-pointer px-3 py-1.5 ${at === active ? "bg-brand-700 text-white" : "hover:bg-slate-100"}`}
                  onClick={() => go(at)}
                  onMouseMove={() => setActive(at)}
                >
                  {title || `#${hit.id}`}
                </li>
              );
            })}
          </ul>
        ))}
      </div>
      {open && q && hits.length === 0 && !search.isFetching && (
        <p
          className="absolute z-40 mt-1 w-full rounded border border-slate-300 bg-white p-2 text-sm text-slate-700 shadow"
          data-testid="search-empty"
        >
          {search.isError ? t("error") : t("noResults", { q })}
        </p>
      )}
    </div>
  );
}
