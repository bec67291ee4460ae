"use client";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { ResourceMeta } from "@/lib/resources";
import { useTRPC } from "@/app/_components/trpc";

/** A user's layout of one grid: column order (all columns), which are shown, widths in px, page size. */
export interface GridLayout {
  order: string[];
  visible: Record<string, boolean>;
  widths: Record<string, number>;
  pageSize?: number;
}

/** Declared widths are in characters; the table works in pixels. */
export const pixels = (chars: number) => Math.round(chars * 8 + 24);

export const allColumns = (meta: ResourceMeta) => [...new Set([...meta.columns, ...meta.hiddenColumns])];

export function defaultLayout(meta: ResourceMeta): GridLayout {
  const order = allColumns(meta);
  return { order, visible: Object.fromEntries(order.map((c) => [c, meta.columns.includes(c)])), widths: {} };
}

interface Saved {
  columns: string[];
  widths?: Record<string, number>;
  pageSize?: number;
}

/** The saved settings (`preferences` key `grid:<id>`), minus columns the resource no longer declares. */
export function layoutFrom(meta: ResourceMeta, saved: unknown): GridLayout {
  const s = saved as Saved | null | undefined;
  if (!s || !Array.isArray(s.columns)) return defaultLayout(meta);
  const all = allColumns(meta);
  const shown = s.columns.filter((c) => all.includes(c));
  const order = [...shown, ...all.filter((c) => !shown.includes(c))];
  const widths = Object.fromEntries(Object.entries(s.widths ?? {}).filter(([c]) => all.includes(c)));
  return { order, visible: Object.fromEntries(order.map((c) => [c, shown.includes(c)])), widths, pageSize: s.pageSize };
}

const toSaved = (l: GridLayout): Saved => ({
  columns: l.order.filter((c) => l.visible[c]),
  widths: Object.fromEntries(
    Object.entries(l.widths).map(([c, w]) => [c, Math.min(2000, Math.max(30, Math.round(w)))]),
  ),
  ...(l.pageSize ? { pageSize: l.pageSize } : {}),
});

const localKey = (meta: ResourceMeta) => `entraide:grid:${meta.id}`;

/** A layout kept in this browser; rendered on the client only, so there is no server markup to match. */
function readLocal(meta: ResourceMeta): unknown {
  try {
    return typeof window === "undefined" ? null : JSON.parse(window.localStorage.getItem(localKey(meta)) ?? "null");
  } catch {
    return null;
  }
}

/**
 * The layout, and changes to it saved a moment after they stop (a resize is many changes): in the
 * user's preferences, or in this browser for people who have none (console operators).
 */
export function useGridLayout(meta: ResourceMeta, saved: unknown, where: "preferences" | "local" = "preferences") {
  const trpc = useTRPC();
  const [layout, setLayout] = useState(() => layoutFrom(meta, where === "local" ? readLocal(meta) : saved));
  const save = useMutation(trpc.preferences.set.mutationOptions());
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const schedule = (value: Saved | null) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (where === "preferences") return save.mutate({ key: `grid:${meta.id}`, value });
      try {
        if (value) window.localStorage.setItem(localKey(meta), JSON.stringify(value));
        else window.localStorage.removeItem(localKey(meta));
      } catch {
        // Storage refused (private mode, quota): the layout stays for this page only.
      }
    }, 400);
  };
  const update = (change: (l: GridLayout) => GridLayout) => {
    const next = change(layout);
    setLayout(next);
    schedule(toSaved(next));
  };
  const reset = () => {
    setLayout(defaultLayout(meta));
    schedule(null);
  };
  return { layout, update, reset, saving: save.isPending };
}
