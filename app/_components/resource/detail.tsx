"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { Link } from "@/app/_components/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatCell, type UiLocale } from "@/lib/format";
import { resourceHref, rowIdOf, type ListPage, type ResourceMeta, type Row, type TabData } from "@/lib/resources";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { DetailActions } from "./detail-actions";
import { DetailTabs, type Editing } from "./detail-tabs";
import { patchOf, serverFieldErrors, toDraft, type Drafts, type FieldError } from "./drafts";
import { gridHref, readListState, STATE_PARAM } from "./list-state";
import { RowNav } from "./row-nav";
import { alertClass, primaryButton, toolButton } from "./styles";

const isStale = (e: unknown) =>
  e instanceof TRPCClientError && (e.data as { appCode?: string } | undefined)?.appCode === "STALE_EDIT";

/**
 * The detail of one row: read, edit (optimistic locking on the row's version), workflow, actions.
 * The page brings the row, its first tab's data and the page of the grid it was opened from; later
 * reads (after a save) come from the server.
 */
export function Detail({
  meta,
  id,
  initialRow,
  firstTab,
  gridPage,
}: {
  meta: ResourceMeta;
  id: string;
  initialRow: Row;
  firstTab: TabData;
  gridPage?: ListPage;
}) {
  const t = useTranslations();
  const locale = useLocale() as UiLocale;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const params = useSearchParams();
  const errorMessage = useErrorMessage();
  const rowId = rowIdOf(id);
  const listState = params?.has(STATE_PARAM) ? readListState(params) : null;
  const query = useQuery({
    ...trpc.resources.get.queryOptions({ resource: meta.id, id: rowId }),
    initialData: initialRow,
  });
  const [drafts, setDrafts] = useState<Drafts | null>(null);
  // The row as it was when editing began: its version is what the save claims to be based on,
  // even if the row is fetched again meanwhile (a colleague's save must not be overwritten unseen).
  const [base, setBase] = useState<Row | null>(null);
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [notice, setNotice] = useState("");
  const row0 = query.data;
  // While a certifying print vouches for some fields, they are not edited (the server refuses it too).
  const certified = row0?.__certified === true ? (meta.certified?.fields ?? []) : [];
  const editable = Object.values(meta.fields).filter(
    (f) =>
      f.editable &&
      !certified.includes(f.name) &&
      meta.detail.some((tab) => tab.groups.some((g) => g.fields.includes(f.name))),
  );

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.resources.get.queryKey({ resource: meta.id, id: rowId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.resources.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.resources.deletePreview.queryKey() }),
    ]);
  const save = useMutation(
    trpc.resources.update.mutationOptions({
      onSuccess: async () => {
        await refresh();
        setDrafts(null);
        setNotice(t("detail.saved"));
      },
      onError: (e) => setErrors(serverFieldErrors(e)),
    }),
  );

  if (query.error)
    return (
      <p role="alert" className={alertClass}>
        {errorMessage(query.error)}
      </p>
    );
  if (!query.data) return <p role="status">{t("grid.loading")}</p>;
  const row: Row = query.data;
  const title = formatCell(meta.fields[meta.titleField]!, row[meta.titleField], locale, t) || String(row.__id);

  const startEditing = () => {
    setBase(row);
    setDrafts(Object.fromEntries(editable.map((f) => [f.name, toDraft(f, row[f.name])])));
    setErrors({});
    setNotice("");
    save.reset();
  };
  const submit = () => {
    const from = base ?? row;
    const { values, errors: found } = patchOf(editable, drafts ?? {}, from);
    setErrors(found);
    if (Object.keys(found).length) return;
    if (!Object.keys(values).length) return setDrafts(null);
    save.mutate({ resource: meta.id, id: rowId, version: Number(from.__version), patch: values });
  };
  // Someone saved first: take their version, drop ours (never overwrite their work).
  const reload = async () => {
    save.reset();
    setDrafts(null);
    await refresh();
  };
  const editing: Editing = drafts && { drafts, errors, onChange: (name, d) => setDrafts((s) => ({ ...s, [name]: d })) };

  return (
    <article className="flex flex-col gap-4">
      <RowNav meta={meta} rowId={rowId} state={listState} initialPage={gridPage} />
      <header className="flex flex-wrap items-center gap-3">
        <div className="mr-auto">
          <p className="text-sm text-slate-700">{t(meta.title)}</p>
          <h1 className="text-2xl font-semibold" data-testid="detail-title">
            {title}
          </h1>
        </div>
        {drafts ? (
          <>
            {/* Keys keep React from turning the clicked "edit" button into this submit button mid-click. */}
            <button key="save" type="submit" form="detail-form" className={primaryButton} disabled={save.isPending}>
              {t("detail.save")}
            </button>
            <button key="cancel" type="button" className={toolButton} onClick={() => setDrafts(null)}>
              {t("detail.cancel")}
            </button>
          </>
        ) : (
          <>
            {meta.canEdit && !row.__locked && editable.length > 0 && (
              <button key="edit" type="button" className={primaryButton} onClick={startEditing}>
                {t("detail.edit")}
              </button>
            )}
            <Link href={`${resourceHref(meta.id, rowId)}/print`} className={toolButton}>
              {t("detail.print")}
            </Link>
          </>
        )}
      </header>
      {!drafts && (
        <DetailActions
          meta={meta}
          row={row}
          rowId={rowId}
          title={title}
          onChanged={(m) => {
            setNotice(m);
            void refresh();
          }}
          onDeleted={() => {
            void refresh();
            router.push(gridHref(meta.id, listState ?? readListState(null)));
          }}
        />
      )}
      {save.error && (
        <div role="alert" className={`${alertClass} flex flex-wrap items-center gap-3`} data-testid="save-error">
          <span>{errorMessage(save.error)}</span>
          {isStale(save.error) && (
            <button type="button" className={toolButton} onClick={() => void reload()}>
              {t("detail.reload")}
            </button>
          )}
        </div>
      )}
      {Object.keys(errors).length > 0 && !save.error && (
        <p role="alert" className={alertClass}>
          {t("errors.INVALID_INPUT")}
        </p>
      )}
      {certified.length > 0 && (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm" data-testid="certified-note">
          {t("documents.certified.note", {
            fields: certified
              .filter((n) => meta.fields[n])
              .map((n) => t(meta.fields[n]!.label))
              .join(", "),
          })}
        </p>
      )}
      <p role="status" className="text-sm text-green-800" data-testid="detail-notice">
        {notice}
      </p>
      <form
        id="detail-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <DetailTabs meta={meta} row={row} editing={editing} firstTab={firstTab} />
      </form>
    </article>
  );
}
