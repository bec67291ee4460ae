"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatBytes, type UiLocale } from "@/lib/format";
import type { UploadFileLink } from "@/server/uploads/service";

/** The upload's file: open it (a PDF, an image) or download it, with its size. */
export function UploadFilePanelView({ data }: { data: unknown }) {
  const t = useTranslations("panels.uploadFile");
  const locale = useLocale() as UiLocale;
  const file = data as UploadFileLink;
  return (
    <p className="text-sm">
      <a
        href={file.href}
        className="text-blue-800 underline"
        target={file.inline ? "_blank" : undefined}
        rel="noopener"
        data-testid="upload-file-link"
      >
        {t(file.inline ? "open" : "download")}: {file.fileName}
      </a>{" "}
      <span className="text-slate-700">({formatBytes(file.size, locale)})</span>
    </p>
  );
}
