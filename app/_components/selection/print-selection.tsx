"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { Modal } from "@/app/_components/resource/modal";
import { alertClass, inputClass, primaryButton, toolButton } from "@/app/_components/resource/styles";
import type { SelectionButtonProps } from "./index";

/** How often the dialog asks how far the job is (a document takes a fraction of a second). */
const POLL_MS = 1000;

/**
 * "Print selection" (issue 14 §6): a document type for the ticked rows, made by a job into one PDF
 * (a zip of Word files without LibreOffice) whose progress the dialog shows until its download.
 */
export function PrintSelectionButton({ meta, ids }: SelectionButtonProps) {
  const t = useTranslations("documents.massPrint");
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={toolButton}
        disabled={ids.length === 0}
        onClick={() => setOpen(true)}
        data-testid="print-selection"
      >
        {t("button")}
      </button>
      {open && <PrintSelectionDialog resource={meta.id} ids={ids} onClose={() => setOpen(false)} />}
    </>
  );
}

function PrintSelectionDialog({ resource, ids, onClose }: { resource: string; ids: number[]; onClose: () => void }) {
  const t = useTranslations("documents.massPrint");
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const types = useQuery(trpc.documents.selectionTypes.queryOptions({ resource }));
  const [typeId, setTypeId] = useState<number | null>(null);
  const chosen = typeId ?? types.data?.[0]?.id ?? null;
  const start = useMutation(trpc.documents.printSelection.mutationOptions());
  const jobId = start.data?.id;
  const job = useQuery({
    ...trpc.documents.massPrint.queryOptions({ id: jobId ?? 0 }),
    enabled: jobId !== undefined,
    refetchInterval: (q) => (q.state.data?.state === "ready" || q.state.data?.state === "failed" ? false : POLL_MS),
  });
  const state = job.data;
  return (
    <Modal title={t("title")} onClose={onClose}>
      {jobId === undefined ? (
        <form
          className="flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            e.stopPropagation();
            if (chosen !== null) start.mutate({ resource, typeId: chosen, ids });
          }}
        >
          {types.data?.length === 0 ? (
            <p className="text-sm">{t("noTypes")}</p>
          ) : (
            <label className="flex flex-col gap-1 text-sm">
              {t("type")}
              <select
                className={inputClass}
                value={chosen ?? ""}
                onChange={(e) => setTypeId(Number(e.target.value))}
                data-testid="print-selection-type"
              >
                {types.data?.map((type) => (
                  <option key={type.id} value={type.id}>
                    {type.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {(start.error ?? types.error) && (
            <p role="alert" className={alertClass}>
              {errorMessage(start.error ?? types.error)}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <button type="button" className={toolButton} onClick={onClose}>
              {t("cancel")}
            </button>
            <button
              type="submit"
              className={primaryButton}
              disabled={chosen === null || start.isPending}
              data-testid="print-selection-start"
            >
              {t("start", { count: ids.length })}
            </button>
          </div>
        </form>
      ) : (
        <div className="flex flex-col gap-3 text-sm">
          <p role="status" data-testid="print-selection-progress">
            {!state || state.state === "pending"
              ? t("pending")
              : state.state === "running"
                ? t("running", { done: state.done, total: state.total })
                : state.state === "ready"
                  ? t("ready", { total: state.total })
                  : t("failed")}
          </p>
          {state && state.state !== "ready" && state.state !== "failed" && (
            <progress className="w-full" max={state.total} value={state.done} />
          )}
          {state?.format === "zip" && <p>{t("zipWhy")}</p>}
          {state?.href && (
            <a href={state.href} className="text-blue-800 underline" data-testid="print-selection-download">
              {t("download", { file: state.fileName ?? "" })}
            </a>
          )}
          {job.error && (
            <p role="alert" className={alertClass}>
              {errorMessage(job.error)}
            </p>
          )}
          <div className="flex justify-end">
            <button type="button" className={toolButton} onClick={onClose}>
              {t("cancel")}
            </button>
          </div>
        </div>
      )}
    </Modal>
  );
}
