"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { ListPage, ListState, ResourceMeta, Row } from "@/lib/resources";
import { useTRPC } from "@/app/_components/trpc";

/** What the grid reads of a list query. */
export interface ListResult {
  data: ListPage | undefined;
  error: unknown;
  isPending: boolean;
  isFetching: boolean;
}

/** A column the page renders itself after the declared ones (e.g. per-row buttons); not sortable nor hideable. */
export interface ExtraColumn {
  id: string;
  /** Already translated. */
  label: string;
  /** In pixels. */
  width: number;
  render: (row: Row) => ReactNode;
}

/**
 * Where a grid gets its rows and what it offers around them. Centre resources use the generic
 * `resources.*` procedures (useResourceSource); the operator console brings its own list query,
 * since operators reach the control plane only and have no saved preferences.
 */
export interface GridSource {
  /** A hook: one page of rows for the grid's state (sorting, filters, search and paging are the server's). */
  useList: (state: ListState) => ListResult;
  /** "preferences": the layout is saved for the user on the server; "local": kept in this browser only. */
  layout: "preferences" | "local";
  /** Whether the export menu is offered (the export route serves centre resources only). */
  exports: boolean;
  /** Whether a row opens its detail page (click or Enter). */
  detail: boolean;
  extraColumns?: ExtraColumn[];
}

function useResourceList(resource: string, state: ListState): ListResult {
  const trpc = useTRPC();
  return useQuery({ ...trpc.resources.list.queryOptions({ resource, state }), placeholderData: keepPreviousData });
}

/** The default source of a centre resource's grid: the generic `resources.list`, saved layout, exports, detail pages. */
export const resourceSource = (meta: ResourceMeta): GridSource => ({
  useList: (state) => useResourceList(meta.id, state),
  layout: "preferences",
  exports: true,
  detail: true,
});
