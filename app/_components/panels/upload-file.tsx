"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatBytes, formatDate, type UiLocale } from "@/lib/format";
import type { UploadFileLink } from "@/server/uploads/service";

/** The upload's file: open it (a PDF, an image) or download it, with its size. */
export function UploadFilePanelView({ data }: { data: unknown }) {
  const t = useTranslations("panels.uploadFile");
  const locale = useLocale() as UiLocale;
  const file = data as UploadFileLink;
  return (
    <div className="flex flex-col gap-1 text-sm">
      <p>
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
      {file.reminders.map((r) => (
        <p key={`${r.date}${r.summary}`} data-testid="upload-reminder">
          {t("reminder", { summary: r.summary, date: formatDate(r.date, locale), user: r.user })}
        </p>
      ))}
    </div>
  );
}
