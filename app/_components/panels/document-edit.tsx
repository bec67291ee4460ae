"use client";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatBytes, formatDateTime, type UiLocale } from "@/lib/format";
import { OFFICE_PROGRAMS, officeEditLink, type OfficeProgram } from "@/lib/office-link";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { alertClass, toolButton } from "@/app/_components/resource/styles";
import type { EditPanel } from "@/server/documents/dav/panel";

/**
 * A printed document's "Edit": opens it in the chosen office program over WebDAV (a fresh edit
 * link), each save becoming a new version, listed below with its author and a download link.
 * A certifying document shows no "Edit".
 */
export function DocumentEditPanelView({ data }: { data: unknown }) {
  const panel = data as EditPanel;
  const t = useTranslations("documents.dav");
  const locale = useLocale() as UiLocale;
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const [program, setProgram] = useState<OfficeProgram>(panel.program);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const edit = useMutation(
    trpc.documents.openForEdit.mutationOptions({
      onSuccess: (link) => {
        setError(null);
        const url = `${window.location.origin}${link.path}`;
        setOpened(url);
        window.location.assign(officeEditLink(link.program, url));
      },
      onError: (e) => setError(errorMessage(e)),
    }),
  );
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="document-edit">
      {error && (
        <p role="alert" className={alertClass}>
          {error}
        </p>
      )}
      {panel.editable && (
        <div className="flex flex-wrap items-center gap-2">
          <label className="flex items-center gap-1">
            {t("program")}
            <select
              className="rounded border border-slate-400 px-1 py-0.5"
              value={program}
              onChange={(e) => setProgram(e.target.value as OfficeProgram)}
              data-testid="office-program"
            >
              {OFFICE_PROGRAMS.map((p) => (
                <option key={p} value={p}>
                  {t(p)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className={toolButton}
            disabled={edit.isPending}
            onClick={() => edit.mutate({ id: panel.id, program })}
            data-testid="document-edit-button"
          >
            {t("edit")}
          </button>
        </div>
      )}
      {opened && (
        <p data-testid="document-edit-fallback">
          {t("fallback")}{" "}
          <a className="text-blue-800 underline" href={opened}>
            {t("download")}
          </a>
        </p>
      )}
      {panel.versions.length > 0 && (
        <table className="w-full" data-testid="document-versions">
          <tbody>
            {panel.versions.map((v) => (
              <tr key={v.number} className="border-b border-slate-200">
                <td className="py-1 pr-2">{t("version", { number: v.number })}</td>
                <td className="py-1 pr-2">{formatDateTime(v.madeAt, locale)}</td>
                <td className="py-1 pr-2">{v.user}</td>
                <td className="py-1 pr-2">
                  <a className="text-blue-800 underline" href={v.href}>
                    {t("download")}
                  </a>{" "}
                  <span className="text-slate-700">({formatBytes(v.fileSize, locale)})</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
