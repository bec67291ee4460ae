"use client";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteOffered } from "@/lib/deletion";
import { formatCell, isEmptyValue, type UiLocale } from "@/lib/format";
import {
  resourceHref,
  type ActionMeta,
  type FieldMeta,
  type ResourceMeta,
  type Row,
  type TransitionMeta,
} from "@/lib/resources";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { fromDraft, serverFieldErrors, toDraft, type Drafts, type FieldError } from "./drafts";
import { FieldInput } from "./field-input";
import { DeleteDialog } from "./delete-dialog";
import { ConfirmDialog, Modal } from "./modal";
import { alertClass, dangerButton, primaryButton, toolButton } from "./styles";

type Pending =
  { kind: "transition"; item: TransitionMeta } | { kind: "action"; item: ActionMeta } | { kind: "delete" } | null;
type Props = {
  meta: ResourceMeta;
  row: Row;
  rowId: string | number;
  title: string;
  onChanged: (message: string) => void;
  onDeleted: () => void;
};

/**
 * Workflow buttons (only transitions from the row's current state), row actions and delete (for users
 * who may delete this kind of row, when the server would delete this one: nothing refers to it).
 */
export function DetailActions({ meta, row, rowId, title, onChanged, onDeleted }: Props) {
  const t = useTranslations();
  const locale = useLocale() as UiLocale;
  const trpc = useTRPC();
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const [pending, setPending] = useState<Pending>(null);
  const version = Number(row.__version ?? 0);
  const close = () => {
    setPending(null);
    transition.reset();
    action.reset();
  };
  const done = (message: string) => {
    close();
    onChanged(message);
  };
  const transition = useMutation(
    trpc.resources.transition.mutationOptions({ onSuccess: () => done(t("detail.done")) }),
  );
  // An action that made something to go on with (a draft mail) opens it.
  const action = useMutation(
    trpc.resources.action.mutationOptions({
      onSuccess: (result) =>
        result.open ? router.push(resourceHref(result.open.resource, result.open.id)) : done(t("detail.done")),
    }),
  );

  const state = meta.workflow ? String(row[meta.workflow.field]) : null;
  const transitions =
    meta.workflow?.transitions.filter(
      (tr) => tr.from.includes(state!) && (!tr.onlyWhen || row[tr.onlyWhen] === true),
    ) ?? [];
  const stateField = meta.workflow && meta.fields[meta.workflow.field];
  const runTransition = (tr: TransitionMeta, params: Record<string, unknown> = {}) =>
    transition.mutate({ resource: meta.id, id: rowId, version, name: tr.name, params });
  const asks = (item: { confirm: boolean; params?: unknown[] }) => item.confirm || !!item.params?.length;
  const error = transition.error ?? action.error;
  const actions = meta.actions.filter(
    (a) =>
      (!a.onlyWhileEmpty || isEmptyValue(row[a.onlyWhileEmpty])) &&
      (!a.onlyWhileSet || !isEmptyValue(row[a.onlyWhileSet])),
  );

  return (
    <div className="flex flex-wrap items-center gap-2">
      {/* Lino's workflow buttons: the current state in bold, then → and the transitions allowed from it. */}
      {stateField && (
        <p
          className="mr-3 flex flex-wrap items-center gap-2 rounded border border-slate-300 bg-slate-50 px-2 py-1"
          data-testid="workflow"
        >
          <span className="text-sm text-slate-700">{t(stateField.label)}</span>
          <strong data-testid="workflow-state">{formatCell(stateField, row[stateField.name], locale, t)}</strong>
          {transitions.length > 0 && <span aria-hidden="true">→</span>}
          {transitions.map((tr) => (
            <button
              key={tr.name}
              type="button"
              className={toolButton}
              disabled={transition.isPending}
              onClick={() => (asks(tr) ? setPending({ kind: "transition", item: tr }) : runTransition(tr))}
            >
              {t(tr.label)}
            </button>
          ))}
        </p>
      )}
      {actions.map((a) => (
        <button
          key={a.name}
          type="button"
          className={toolButton}
          onClick={() =>
            asks(a)
              ? setPending({ kind: "action", item: a })
              : action.mutate({ resource: meta.id, id: rowId, name: a.name, version })
          }
        >
          {t(a.label)}
        </button>
      ))}
      {deleteOffered(meta.canDelete, !!row.__locked, row.__deleteBlocked as boolean | undefined) && (
        <button type="button" className={dangerButton} onClick={() => setPending({ kind: "delete" })}>
          {t("detail.delete")}
        </button>
      )}
      {error && !pending && (
        <p role="alert" className={`${alertClass} w-full`}>
          {errorMessage(error)}
        </p>
      )}

      {pending?.kind === "transition" &&
        (pending.item.params?.length ? (
          <ParamsForm
            resource={meta.id}
            title={title}
            item={pending.item}
            busy={transition.isPending}
            error={transition.error}
            onClose={close}
            onRun={(params) => runTransition(pending.item, params)}
          />
        ) : (
          <ConfirmDialog
            title={t(pending.item.label)}
            text={t("detail.confirmText", { action: t(pending.item.label), title })}
            confirmLabel={t(pending.item.label)}
            onConfirm={() => runTransition(pending.item)}
            onClose={close}
            busy={transition.isPending}
            error={transition.error && errorMessage(transition.error)}
          />
        ))}
      {pending?.kind === "delete" && (
        <DeleteDialog resource={meta.id} rowId={rowId} version={version} onClose={close} onDeleted={onDeleted} />
      )}
      {pending?.kind === "action" &&
        (pending.item.params.length ? (
          <ParamsForm
            resource={meta.id}
            title={title}
            item={pending.item}
            busy={action.isPending}
            error={action.error}
            onClose={close}
            onRun={(params) =>
              action.mutate({ resource: meta.id, id: rowId, name: pending.item.name, params, version })
            }
          />
        ) : (
          <ConfirmDialog
            title={t(pending.item.label)}
            text={t("detail.confirmText", { action: t(pending.item.label), title })}
            confirmLabel={t(pending.item.label)}
            onConfirm={() => action.mutate({ resource: meta.id, id: rowId, name: pending.item.name, version })}
            onClose={close}
            busy={action.isPending}
            error={action.error && errorMessage(action.error)}
          />
        ))}
    </div>
  );
}

/** The parameters an action or a transition asks for (e.g. a new password, a reason for refusing). */
function ParamsForm({
  resource,
  title,
  item,
  busy,
  error,
  onClose,
  onRun,
}: {
  resource: string;
  title: string;
  item: { name: string; label: string; confirm: boolean; params: FieldMeta[] };
  busy: boolean;
  error: unknown;
  onClose: () => void;
  onRun: (p: Record<string, unknown>) => void;
}) {
  const t = useTranslations();
  const errorMessage = useErrorMessage();
  const [drafts, setDrafts] = useState<Drafts>(() =>
    Object.fromEntries(item.params.map((f) => [f.name, toDraft(f, null)])),
  );
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const shown = { ...(error ? serverFieldErrors(error) : {}), ...errors };
  const submit = () => {
    const values: Record<string, unknown> = {};
    const found: Record<string, FieldError> = {};
    for (const f of item.params) {
      const parsed = fromDraft(f, drafts[f.name]);
      if ("error" in parsed) found[f.name] = parsed.error;
      else if (parsed.value !== null) values[f.name] = parsed.value;
    }
    setErrors(found);
    if (!Object.keys(found).length) onRun(values);
  };
  return (
    <Modal title={t(item.label)} onClose={onClose}>
      <form
        noValidate
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          e.stopPropagation();
          submit();
        }}
      >
        {item.confirm && <p>{t("detail.confirmText", { action: t(item.label), title })}</p>}
        {item.params.map((f) => (
          <FieldInput
            key={f.name}
            field={f}
            owner={{ resource, action: item.name }}
            draft={drafts[f.name]}
            error={shown[f.name]}
            onChange={(d) => setDrafts((s) => ({ ...s, [f.name]: d }))}
          />
        ))}
        {!!error && (
          <p role="alert" className={alertClass}>
            {errorMessage(error)}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" className={toolButton} onClick={onClose}>
            {t("detail.cancel")}
          </button>
          <button className={primaryButton} disabled={busy}>
            {t(item.label)}
          </button>
        </div>
      </form>
    </Modal>
  );
}
