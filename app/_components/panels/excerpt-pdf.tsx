"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect } from "react";
import { formatBytes, type UiLocale } from "@/lib/format";
import { useTRPC } from "@/app/_components/trpc";
import type { ExcerptPdf } from "@/server/documents/resources";

/** How often the panel asks again while the PDF is being made (a conversion takes a fraction of a second). */
const POLL_MS = 1000;

/** A printed document's PDF: its link once the conversion job made it, else why there is none (yet). */
export function ExcerptPdfPanelView({ data }: { data: unknown }) {
  const t = useTranslations("documents.pdf");
  const locale = useLocale() as UiLocale;
  const pdf = data as ExcerptPdf;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (pdf.state !== "pending") return;
    const timer = setInterval(
      () => void queryClient.invalidateQueries({ queryKey: trpc.resources.panel.pathKey() }),
      POLL_MS,
    );
    return () => clearInterval(timer);
  }, [pdf.state, queryClient, trpc]);
  if (pdf.state !== "ready")
    return (
      <p className="text-sm" data-testid="excerpt-pdf-state">
        {t(pdf.state)}
      </p>
    );
  return (
    <p className="text-sm">
      <a href={pdf.href} className="text-blue-800 underline" data-testid="excerpt-pdf-link">
        {t("download")}: {pdf.fileName}
      </a>{" "}
      <span className="text-slate-700">({formatBytes(pdf.size, locale)})</span>
    </p>
  );
}
