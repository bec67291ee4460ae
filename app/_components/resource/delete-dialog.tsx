"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { kindsText, type DeletionPreview } from "@/lib/deletion";
import { pickLocalized, type UiLocale } from "@/lib/format";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { Modal } from "./modal";
import { alertClass, dangerButton, toolButton } from "./styles";

type Props = { resource: string; rowId: string | number; version: number; onClose: () => void; onDeleted: () => void };

/**
 * "Delete this record?" with what goes with it (Lino's volatile dependants, counted by kind) or,
 * when other records still refer to it, the refusal naming them: the server's deletion plan
 * (resources.deletePreview), shown before anything is deleted.
 */
export function DeleteDialog({ resource, rowId, version, onClose, onDeleted }: Props) {
  const t = useTranslations();
  const locale = useLocale() as UiLocale;
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const preview = useQuery({
    ...trpc.resources.deletePreview.queryOptions({ resource, id: rowId }),
    staleTime: 0,
    gcTime: 0,
  });
  const remove = useMutation(trpc.resources.remove.mutationOptions({ onSuccess: onDeleted }));
  const count = (label: string, values: { count: number }) => t(label, values);

  const text = (p: DeletionPreview) => {
    const title = typeof p.title === "string" ? p.title : pickLocalized(p.title, locale);
    const what = p.kind ? t("deletion.named", { kind: t(p.kind, { count: 1 }), title }) : title;
    if (p.blockers.length)
      return {
        blocked: true,
        message: t("errors.ROW_IN_USE", { what, blockers: kindsText(p.blockers, locale, count) }),
      };
    const message = p.goes.length
      ? t("deletion.confirmWith", { what, withIt: kindsText(p.goes, locale, count) })
      : t("deletion.confirm", { what });
    return { blocked: false, message };
  };
  const shown = preview.data && text(preview.data);

  return (
    <Modal title={t("detail.delete")} onClose={onClose}>
      <div className="mb-4 flex flex-col gap-2 text-sm text-slate-800" data-testid="delete-dialog">
        {preview.isPending && <p role="status">{t("deletion.loading")}</p>}
        {preview.error && (
          <p role="alert" className={alertClass}>
            {errorMessage(preview.error)}
          </p>
        )}
        {shown &&
          (shown.blocked ? (
            <p role="alert" className={alertClass} data-testid="delete-blocked">
              {shown.message}
            </p>
          ) : (
            <>
              <p data-testid="delete-question">{shown.message}</p>
              <p className="text-slate-700">{t("deletion.restorable", { days: preview.data.restoreDays })}</p>
            </>
          ))}
        {remove.error && (
          <p role="alert" className={alertClass}>
            {errorMessage(remove.error)}
          </p>
        )}
      </div>
      <div className="flex justify-end gap-2">
        <button type="button" className={toolButton} onClick={onClose} autoFocus>
          {shown?.blocked ? t("deletion.close") : t("detail.cancel")}
        </button>
        {shown && !shown.blocked && (
          <button
            type="button"
            className={dangerButton}
            disabled={remove.isPending}
            onClick={() => remove.mutate({ resource, id: rowId, version })}
          >
            {t("detail.delete")}
          </button>
        )}
      </div>
    </Modal>
  );
}
