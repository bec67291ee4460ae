"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Link } from "@/app/_components/link";
import { gridHref } from "@/app/_components/resource/list-state";
import { alertClass, inputClass, primaryButton } from "@/app/_components/resource/styles";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { listStateSchema } from "@/lib/resources";

const thisYear = () =>
  Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels", year: "numeric" }).format(new Date()));

/** A year, the button that (re)computes its summaries, what it did, and the list of that year's summaries. */
export function EsfSummaries() {
  const t = useTranslations("integReports.esf");
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const [year, setYear] = useState(String(thisYear() - 1));
  const compute = useMutation(trpc.integ.esfCompute.mutationOptions());
  const valid = /^\d{4}$/.test(year) && Number(year) >= 2000 && Number(year) <= 2100;
  return (
    <form
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="esf"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) compute.mutate({ year: Number(year) });
      }}
    >
      <div className="flex items-end gap-3">
        <label className="flex flex-col text-sm">
          {t("year")}
          <input
            className={inputClass}
            inputMode="numeric"
            value={year}
            onChange={(e) => {
              compute.reset();
              setYear(e.target.value.trim());
            }}
            data-testid="esf-year"
          />
        </label>
        <button
          type="submit"
          className={primaryButton}
          disabled={!valid || compute.isPending}
          data-testid="esf-compute"
        >
          {t("compute")}
        </button>
      </div>
      {compute.data && (
        <p className="text-sm text-slate-700" role="status">
          {t("computed", compute.data)}
        </p>
      )}
      {compute.error && (
        <p role="alert" className={alertClass}>
          {errorMessage(compute.error)}
        </p>
      )}
      {valid && (
        <Link
          className="text-sm text-blue-700 underline"
          href={gridHref("integ.esfSummaries", listStateSchema.parse({ filters: { year } }))}
        >
          {t("list", { year })}
        </Link>
      )}
    </form>
  );
}
