"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ListState, ResourceMeta } from "@/lib/resources";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { Menu } from "./menu";
import { inputClass, toolButton } from "./styles";

/**
 * The user's saved searches of this grid (server/preferences/saved-searches.ts): open one (its
 * filters, sort, quick search and columns), save the current one under a name, rename, delete.
 */
export function SavedSearches({
  meta,
  state,
  setState,
  visibleColumns,
  onColumns,
}: {
  meta: ResourceMeta;
  state: ListState;
  setState: (s: ListState) => void;
  visibleColumns: string[];
  /** Shows these columns in this order (the others hidden after them). */
  onColumns: (columns: string[]) => void;
}) {
  const t = useTranslations("grid.saved");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const listOptions = trpc.preferences.searches.queryOptions({ resource: meta.id });
  const searches = useQuery(listOptions);
  const refresh = () => queryClient.invalidateQueries({ queryKey: listOptions.queryKey });
  const save = useMutation(trpc.preferences.saveSearch.mutationOptions({ onSuccess: refresh }));
  const rename = useMutation(trpc.preferences.renameSearch.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.preferences.deleteSearch.mutationOptions({ onSuccess: refresh }));
  const [name, setName] = useState("");
  const [renaming, setRenaming] = useState<{ from: string; to: string } | null>(null);
  const error = save.error ?? rename.error ?? remove.error;
  const small = "rounded border border-slate-400 px-1.5 leading-6 hover:bg-slate-100";

  const open = (s: NonNullable<typeof searches.data>[number]) => {
    if (s.columns) onColumns(s.columns);
    setState({ ...state, ...s.state, page: 1 });
  };

  return (
    <Menu label={t("label")} testId="saved-searches">
      <ul className="max-h-80 w-72 max-w-[calc(100vw-2rem)] overflow-y-auto" aria-label={t("label")}>
        {searches.data?.length === 0 && <li className="px-3 py-1 text-slate-600">{t("none")}</li>}
        {searches.data?.map((s) => (
          <li key={s.name} className="flex items-center gap-2 px-3 py-1">
            {renaming?.from === s.name ? (
              <form
                className="flex flex-1 items-center gap-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  rename.mutate(
                    { resource: meta.id, name: s.name, to: renaming.to },
                    { onSuccess: () => setRenaming(null) },
                  );
                }}
              >
                <input
                  className={`${inputClass} flex-1`}
                  value={renaming.to}
                  maxLength={80}
                  aria-label={t("rename", { name: s.name })}
                  onChange={(e) => setRenaming({ from: s.name, to: e.target.value })}
                  autoFocus
                />
                <button type="submit" className={small}>
                  {t("renameButton")}
                </button>
              </form>
            ) : (
              <>
                <button
                  type="button"
                  className="flex-1 text-left text-blue-800 underline"
                  aria-label={t("open", { name: s.name })}
                  onClick={() => open(s)}
                  data-closes-menu
                >
                  {s.name}
                </button>
                <button
                  type="button"
                  className={small}
                  aria-label={t("rename", { name: s.name })}
                  onClick={() => setRenaming({ from: s.name, to: s.name })}
                >
                  <span aria-hidden="true">✎</span>
                </button>
                <button
                  type="button"
                  className={small}
                  aria-label={t("delete", { name: s.name })}
                  onClick={() => {
                    if (window.confirm(t("confirmDelete", { name: s.name })))
                      remove.mutate({ resource: meta.id, name: s.name });
                  }}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <form
        className="flex items-center gap-2 border-t border-slate-200 px-3 pt-2 pb-1"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          save.mutate(
            {
              resource: meta.id,
              search: {
                name: name.trim(),
                state: { filters: state.filters, sort: state.sort, q: state.q },
                columns: visibleColumns,
              },
            },
            { onSuccess: () => setName("") },
          );
        }}
      >
        <input
          className={`${inputClass} flex-1`}
          value={name}
          maxLength={80}
          placeholder={t("name")}
          aria-label={t("name")}
          onChange={(e) => setName(e.target.value)}
          data-testid="saved-search-name"
        />
        <button type="submit" className={toolButton} title={t("save")}>
          {t("saveButton")}
        </button>
      </form>
      {error && (
        <p role="alert" className="px-3 pb-1 text-red-800">
          {errorMessage(error)}
        </p>
      )}
    </Menu>
  );
}
