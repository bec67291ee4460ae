"use client";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { primaryButton } from "@/app/_components/resource/styles";

/**
 * What a page that failed to render shows, in the reader's language, instead of Next's bare error
 * page: most often the database is out of reach for a moment. Forms already open elsewhere keep
 * their drafts; this page only offers to try again.
 */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations();
  useEffect(() => {
    console.error(error.digest ?? error.message);
  }, [error]);
  return (
    <main className="mx-auto mt-16 w-full max-w-lg rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-3 text-xl font-semibold">{t("errors.pageFailedTitle")}</h1>
      <p role="alert" className="mb-4 text-slate-800">
        {t("errors.pageFailed")}
      </p>
      <button type="button" className={primaryButton} onClick={reset}>
        {t("errors.tryAgain")}
      </button>
    </main>
  );
}
