"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { alertClass, toolButton } from "@/app/_components/resource/styles";

/** "Run all checkers" (domain-people §18): every checker on the centre, then the grid again and how many problems were found. */
export function RunAllCheckersButton() {
  const t = useTranslations("toolbar");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const run = useMutation(
    trpc.checks.runAll.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.resources.list.queryKey() }),
    }),
  );
  const found = run.data ? Object.values(run.data).reduce((sum, n) => sum + n, 0) : null;
  return (
    <>
      <button
        type="button"
        className={toolButton}
        disabled={run.isPending}
        onClick={() => run.mutate()}
        data-testid="run-all-checkers"
      >
        {t("runAllCheckers")}
      </button>
      <span role="status" className="text-sm" data-testid="run-all-checkers-result">
        {found !== null && t("runAllCheckersDone", { count: found })}
      </span>
      {run.error && (
        <p role="alert" className={alertClass}>
          {errorMessage(run.error)}
        </p>
      )}
    </>
  );
}
