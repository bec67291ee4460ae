"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatDateTime, type UiLocale } from "@/lib/format";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { alertClass, toolButton } from "@/app/_components/resource/styles";
import type { TemplatesPanel } from "@/server/documents/own-templates";

/** The bytes of a chosen file as base64, for the upload procedure. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * A document type's templates per language: the default or the centre's own (its file, when and how
 * many versions are kept), a file chooser to upload a new one (checked by the server, which names a
 * wrong tag) and a button to go back to the earlier one or the default. The tags a template may use close it.
 */
export function DocumentTemplatesPanelView({ data }: { data: unknown }) {
  const panel = data as TemplatesPanel;
  const t = useTranslations();
  const locale = useLocale() as UiLocale;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.resources.panel.queryKey() });
  const onError = (e: unknown) => setError(errorMessage(e));
  const upload = useMutation(
    trpc.documents.uploadTemplate.mutationOptions({ onSuccess: () => (setError(null), refresh()), onError }),
  );
  const revert = useMutation(
    trpc.documents.revertTemplate.mutationOptions({ onSuccess: () => (setError(null), refresh()), onError }),
  );
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="document-templates">
      {error && (
        <p role="alert" className={alertClass}>
          {error}
        </p>
      )}
      <table className="w-full">
        <tbody>
          {panel.languages.map(({ language, own }) => (
            <tr key={language} className="border-b border-slate-200" data-testid={`template-${language}`}>
              <th scope="row" className="py-1 pr-2 text-left font-medium">
                {t(`languages.${language}`)}
              </th>
              <td className="py-1 pr-2">
                {own
                  ? t("documents.own.current", {
                      file: own.fileName,
                      date: formatDateTime(own.createdAt, locale),
                      versions: own.versions,
                    })
                  : t("documents.own.default")}
              </td>
              <td className="py-1 pr-2">
                <label className={toolButton}>
                  {t("documents.own.upload")}
                  <input
                    type="file"
                    accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    className="sr-only"
                    aria-label={t("documents.own.uploadFor", { language: t(`languages.${language}`) })}
                    onChange={async (e) => {
                      const file = e.target.files?.[0];
                      e.target.value = "";
                      if (!file) return;
                      upload.mutate({
                        template: panel.template,
                        language,
                        fileName: file.name,
                        content: await base64Of(file),
                      });
                    }}
                  />
                </label>{" "}
                {own && (
                  <button
                    type="button"
                    className={toolButton}
                    onClick={() => revert.mutate({ template: panel.template, language })}
                  >
                    {t(own.versions > 1 ? "documents.own.revert" : "documents.own.backToDefault")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-slate-700">
        {t("documents.own.tags")}{" "}
        {panel.tags.map((tag) => (
          <code key={tag} className="mr-1 rounded bg-slate-100 px-1">
            {`{${tag}}`}
          </code>
        ))}
      </p>
    </div>
  );
}
