"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { ListState } from "@/lib/resources";
import { readListState, STATE_PARAM, stateParam } from "./list-state";

/**
 * The grid state kept in the address (see list-state.ts). Changes go through the browser's own
 * history API, which Next's router follows: back/forward work, and no server round trip is made.
 */
export function useListState(defaultPageSize: number) {
  const params = useSearchParams();
  const pathname = usePathname();
  const state = useMemo(() => readListState(params, defaultPageSize), [params, defaultPageSize]);
  const setState = useCallback(
    (next: ListState, { replace = false } = {}) => {
      const s = stateParam(next, defaultPageSize);
      const url = s ? `${pathname}?${STATE_PARAM}=${encodeURIComponent(s)}` : pathname;
      if (replace) window.history.replaceState(null, "", url);
      else window.history.pushState(null, "", url);
    },
    [pathname, defaultPageSize],
  );
  return { state, setState };
}
