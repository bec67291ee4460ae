"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatDateTime, type UiLocale } from "@/lib/format";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { alertClass, primaryButton, toolButton } from "@/app/_components/resource/styles";
import type { TemplatesPanel } from "@/server/documents/own-templates";

/** The bytes of a chosen file as base64, for the upload procedure. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** An upload previewed and waiting for the administrator's word: accepted, it becomes the template in use. */
type Pending = { language: string; fileName: string; content: string; previewUrl: string; previewName: string };

/**
 * A document type's templates per language: the one in use (the default or the centre's own), every
 * version kept with "go back to this version" and "back to the default", a file chooser whose upload
 * is checked and previewed with a sample record before the administrator accepts it, and the tags a
 * template may use with what each prints, in the administrator's language.
 */
export function DocumentTemplatesPanelView({ data }: { data: unknown }) {
  const panel = data as TemplatesPanel;
  const t = useTranslations();
  const locale = useLocale() as UiLocale;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.resources.panel.queryKey() });
  const onError = (e: unknown) => setError(errorMessage(e));
  const done = () => (setError(null), setPending(null), refresh());
  const preview = useMutation(trpc.documents.previewTemplate.mutationOptions({ onError }));
  const upload = useMutation(trpc.documents.uploadTemplate.mutationOptions({ onSuccess: done, onError }));
  const use = useMutation(trpc.documents.chooseTemplateVersion.mutationOptions({ onSuccess: done, onError }));
  const language = (code: string) => t(`languages.${code}`);

  async function choose(code: string, file: File) {
    setError(null);
    setPending(null);
    const content = await base64Of(file);
    const shown = await preview.mutateAsync({ template: panel.template, content }).catch(() => null);
    if (!shown) return;
    const bytes = Uint8Array.from(atob(shown.content), (c) => c.charCodeAt(0));
    setPending({
      language: code,
      fileName: file.name,
      content,
      previewUrl: URL.createObjectURL(new Blob([bytes], { type: shown.mimeType })),
      previewName: `${file.name.replace(/\.docx$/i, "")}.${shown.extension}`,
    });
  }

  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="document-templates">
      {error && (
        <p role="alert" className={alertClass}>
          {error}
        </p>
      )}
      {pending && (
        <div className="flex flex-wrap items-center gap-2 rounded bg-brand-50 p-3" data-testid="template-preview">
          <span>{t("documents.own.preview", { file: pending.fileName })}</span>
          <a
            href={pending.previewUrl}
            download={pending.previewName}
            className="text-blue-800 underline"
            data-testid="template-preview-link"
          >
            {t("documents.own.previewLink")}
          </a>
          <button
            type="button"
            className={primaryButton}
            disabled={upload.isPending}
            data-testid="template-accept"
            onClick={() =>
              upload.mutate({
                template: panel.template,
                language: pending.language as (typeof panel.languages)[number]["language"],
                fileName: pending.fileName,
                content: pending.content,
              })
            }
          >
            {t("documents.own.accept")}
          </button>
          <button type="button" className={toolButton} onClick={() => setPending(null)}>
            {t("documents.own.discard")}
          </button>
        </div>
      )}
      <table className="w-full">
        <tbody>
          {panel.languages.map(({ language: code, own, versions }) => (
            <tr key={code} className="border-b border-slate-200 align-top" data-testid={`template-${code}`}>
              <th scope="row" className="py-1 pr-2 text-left font-medium">
                {language(code)}
              </th>
              <td className="py-1 pr-2">
                <p data-testid="template-in-use">
                  {own
                    ? t("documents.own.current", {
                        file: own.fileName,
                        date: formatDateTime(own.createdAt, locale),
                        versions: own.versions,
                      })
                    : t("documents.own.default")}
                </p>
                {versions.length > 0 && (
                  <details className="mt-1">
                    <summary className="cursor-pointer">{t("documents.own.versions")}</summary>
                    <ul className="mt-1 flex flex-col gap-1">
                      {versions.map((v) => (
                        <li key={v.id} className="flex flex-wrap items-center gap-2" data-testid="template-version">
                          {t("documents.own.uploadedBy", {
                            file: v.fileName,
                            date: formatDateTime(v.createdAt, locale),
                            user: v.user,
                          })}
                          {v.current ? (
                            <strong>{t("documents.own.inUse")}</strong>
                          ) : (
                            <button
                              type="button"
                              className={toolButton}
                              onClick={() => use.mutate({ template: panel.template, language: code, id: v.id })}
                            >
                              {t("documents.own.useVersion")}
                            </button>
                          )}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </td>
              <td className="py-1 pr-2">
                <label className={toolButton}>
                  {t("documents.own.upload")}
                  <input
                    type="file"
                    accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    className="sr-only"
                    aria-label={t("documents.own.uploadFor", { language: language(code) })}
                    onChange={(e) => {
                      const file = e.target.files?.[0];
                      e.target.value = "";
                      if (file) void choose(code, file);
                    }}
                  />
                </label>{" "}
                {own && (
                  <button
                    type="button"
                    className={toolButton}
                    onClick={() => use.mutate({ template: panel.template, language: code, id: null })}
                  >
                    {t("documents.own.backToDefault")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="w-full" data-testid="template-tags">
        <caption className="text-left font-medium">{t("documents.own.tags")}</caption>
        <thead>
          <tr>
            <th scope="col" className="pr-2 text-left font-medium">
              {t("documents.own.tagHeader")}
            </th>
            <th scope="col" className="text-left font-medium">
              {t("documents.own.tagMeaning")}
            </th>
          </tr>
        </thead>
        <tbody>
          {panel.tags.map((tag) => (
            <tr key={tag} className="border-t border-slate-100">
              <td className="pr-2">
                <code className="rounded bg-slate-100 px-1">{`{${tag}}`}</code>
              </td>
              <td>{t(`documents.tags.${tag}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {panel.pictures.length > 0 && (
        <div data-testid="template-pictures">
          <p className="font-medium">{t("documents.own.pictures")}</p>
          <ul>
            {panel.pictures.map((name) => (
              <li key={name}>
                <code className="rounded bg-slate-100 px-1">{name}</code> — {t(`documents.pictures.${name}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
