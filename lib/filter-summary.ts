import { choiceLabel, formatDate, formatNumber, type UiLocale } from "./format";
import type { FilterMeta } from "./resources";

/**
 * The grid's title names the filters in force (Lino's `get_title`): "Clients (Coached, Coached by
 * Mélard Mélanie)". Pure, so that the page title, the tab title and the tests share it.
 */

/** Translates a full message key with its placeholders; next-intl's root `t` fits. */
export type TranslateWith = (key: string, values?: Record<string, string>) => string;

export interface SummaryContext {
  locale: UiLocale;
  t: TranslateWith;
  /** The title of the referenced row of a `ref` filter, when already known (undefined while loading). */
  refTitle?: (filter: FilterMeta, id: string) => string | undefined;
}

/** A filter value that filters: empty text, `null` (a lifted default) and `undefined` do not. */
export const isSetFilter = (v: unknown) => v !== undefined && v !== null && v !== "";

/** The filter's value in force: the request's, else the resource's default (`null` lifts it). */
export const filterValueOf = (
  name: string,
  values: Record<string, unknown>,
  defaults: Record<string, unknown>,
): unknown => (Object.hasOwn(values, name) ? values[name] : defaults[name]);

type Range = { from?: string; to?: string };

/** How one active filter reads; undefined when there is nothing to say (yet). */
function part(filter: FilterMeta, value: unknown, { locale, t, refTitle }: SummaryContext): string | undefined {
  const label = t(filter.label);
  const valued = (text: string | undefined) =>
    text === undefined || text === ""
      ? undefined
      : filter.summary
        ? t(filter.summary, { value: text })
        : t("grid.summary.valued", { label, value: text });
  switch (filter.widget) {
    case "choice":
      return filter.summary
        ? valued(choiceLabel(filter.choices, String(value), locale, t))
        : choiceLabel(filter.choices, String(value), locale, t);
    case "user":
      return valued(choiceLabel(filter.choices, String(value), locale, t));
    case "ref": {
      const title = refTitle?.(filter, String(value));
      return filter.summary ? valued(title) : title || undefined;
    }
    case "boolean":
      if (value === true) return label;
      return value === false ? t("grid.summary.no", { label }) : undefined;
    case "date":
      return valued(formatDate(String(value), locale));
    case "dateRange": {
      const { from, to } = (typeof value === "object" ? value : {}) as Range;
      const [f, u] = [formatDate(from, locale), formatDate(to, locale)];
      if (f && u) return t("grid.summary.between", { label, from: f, to: u });
      if (f) return t("grid.summary.from", { label, from: f });
      return u ? t("grid.summary.until", { label, to: u }) : undefined;
    }
    case "number":
      return valued(typeof value === "number" ? formatNumber(value, locale) : String(value));
    default:
      return valued(String(value));
  }
}

/** The active filters' texts, in the order the resource declares its filters. */
export function filterSummary(
  filters: FilterMeta[],
  values: Record<string, unknown>,
  defaults: Record<string, unknown>,
  ctx: SummaryContext,
): string[] {
  return filters.flatMap((f) => {
    const value = filterValueOf(f.name, values, defaults);
    const text = isSetFilter(value) ? part(f, value, ctx) : undefined;
    return text ? [text] : [];
  });
}

/** "Clients (Coached, Hide obsolete)"; the bare title when no filter is active. */
export const titleWithFilters = (title: string, parts: string[]) =>
  parts.length ? `${title} (${parts.join(", ")})` : title;
