import { listStateSchema, resourceHref, type ListState } from "@/lib/resources";

/**
 * A grid's state lives in the address, so that back/forward, reloads and shared links show the
 * same rows: `?s=<JSON>` holding only what differs from the defaults (page, pageSize, sort,
 * filters, q) — e.g. `/geo/places?s={"sort":[{"field":"zipCode","dir":"asc"}],"page":2}`. A
 * detail page opened from a grid carries the same parameter, for previous/next and the way back.
 */
export const STATE_PARAM = "s";

type Params = { get(name: string): string | null } | null | undefined;

/** The state in the address; anything unreadable falls back to the defaults rather than failing. */
export function readListState(params: Params, defaultPageSize = 25): ListState {
  let raw: unknown = {};
  try {
    raw = JSON.parse(params?.get(STATE_PARAM) ?? "{}");
  } catch {
    raw = {};
  }
  const parsed = listStateSchema.safeParse(raw);
  const state = parsed.success ? parsed.data : listStateSchema.parse({});
  const hasPageSize = parsed.success && typeof (raw as { pageSize?: unknown }).pageSize === "number";
  return hasPageSize ? state : { ...state, pageSize: defaultPageSize };
}

/** The `s` parameter's value, without defaults; empty when the state is all defaults. */
export function stateParam(state: ListState, defaultPageSize = 25): string {
  const compact: Partial<ListState> = {};
  if (state.page > 1) compact.page = state.page;
  if (state.pageSize !== defaultPageSize) compact.pageSize = state.pageSize;
  if (state.sort.length) compact.sort = state.sort;
  // `null` stays: it lifts a filter the resource applies by default.
  const filters = Object.fromEntries(Object.entries(state.filters).filter(([, v]) => v !== undefined && v !== ""));
  if (Object.keys(filters).length) compact.filters = filters;
  if (state.q) compact.q = state.q;
  return Object.keys(compact).length ? JSON.stringify(compact) : "";
}

const withState = (path: string, state: ListState, defaultPageSize?: number) => {
  const s = stateParam(state, defaultPageSize);
  return s ? `${path}?${STATE_PARAM}=${encodeURIComponent(s)}` : path;
};

/** The grid of a resource showing this state. */
export const gridHref = (resource: string, state: ListState, defaultPageSize?: number) =>
  withState(resourceHref(resource), state, defaultPageSize);

/** A row's detail, remembering the grid it was opened from (page size included: the detail has no preferences). */
export const detailHref = (resource: string, id: string | number, state?: ListState) =>
  state ? withState(resourceHref(resource, id), state, 0) : resourceHref(resource, id);

/** Where an export of exactly this grid is downloaded (the export route reads the same state). */
export const exportHref = (resource: string, format: "csv" | "xlsx" | "pdf", state: ListState, columns: string[]) =>
  `/api/export/${resource}.${format}?state=${encodeURIComponent(JSON.stringify(state))}&columns=${columns.join(",")}`;
