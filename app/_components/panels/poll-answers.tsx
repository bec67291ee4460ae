"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatDate, type UiLocale } from "@/lib/format";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { alertClass, inputClass, toolButton } from "@/app/_components/resource/styles";
import type { AnswerSheet } from "@/server/polls/answers";

type Question = AnswerSheet["questions"][number];

/** One question's remark, saved when the user asks. */
function RemarkInput({
  sheet,
  question,
  onSave,
}: {
  sheet: AnswerSheet;
  question: Question;
  onSave: (v: string) => void;
}) {
  const t = useTranslations("polls.answers");
  const [value, setValue] = useState(question.remarks[sheet.responseId] ?? "");
  return (
    <span className="flex items-center gap-1">
      <input
        className={`${inputClass} w-64`}
        aria-label={`${t("remark")} ${question.number}`}
        value={value}
        maxLength={20_000}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="button" className={toolButton} onClick={() => onSave(value)}>
        {t("saveRemark")}
      </button>
    </span>
  );
}

/**
 * The answer sheet of a poll response (Lino's AnswersByResponseEditor): each question with its
 * choices as buttons for the author of a draft, and the client's earlier answers to the same poll
 * in a column per date (a recurrent poll).
 */
export function PollAnswersPanelView({ data }: { data: unknown }) {
  const sheet = data as AnswerSheet;
  const t = useTranslations("polls.answers");
  const locale = useLocale() as UiLocale;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const refresh = { onSuccess: () => queryClient.invalidateQueries() };
  const toggle = useMutation(trpc.polls.toggleChoice.mutationOptions(refresh));
  const remark = useMutation(trpc.polls.setRemark.mutationOptions(refresh));
  const earlier = sheet.responses.filter((r) => r.id !== sheet.responseId);
  const error = toggle.error ?? remark.error;
  if (!sheet.questions.length) return <p className="text-sm">{t("empty")}</p>;
  const answerText = (q: Question, responseId: number) =>
    [
      ...(q.chosen[responseId] ?? []).map((id) => q.choices.find((c) => c.id === id)?.name ?? ""),
      q.remarks[responseId] ?? "",
    ]
      .filter(Boolean)
      .join(" · ");
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="poll-answers">
      {error && (
        <p role="alert" className={alertClass}>
          {errorMessage(error)}
        </p>
      )}
      {!sheet.editable && <p className="text-slate-600">{t("readOnly")}</p>}
      <table className="w-full">
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="py-1 pr-2 font-medium">
              {t("question")}
            </th>
            {earlier.map((r) => (
              <th key={r.id} scope="col" className="py-1 pr-2 font-medium">
                {formatDate(r.date, locale)}
              </th>
            ))}
            <th scope="col" className="py-1 pr-2 font-medium">
              {formatDate(sheet.responses.find((r) => r.id === sheet.responseId)?.date ?? "", locale)}
            </th>
          </tr>
        </thead>
        <tbody>
          {sheet.questions.map((q) =>
            q.isHeading ? (
              <tr key={q.id} className="border-b border-slate-200">
                <th scope="rowgroup" colSpan={earlier.length + 2} className="pt-3 pb-1 text-left font-semibold">
                  {q.title}
                  {q.details && <span className="block font-normal text-slate-600">{q.details}</span>}
                </th>
              </tr>
            ) : (
              <tr key={q.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="py-1 pr-2 text-left font-normal">
                  {q.number ? `${q.number}) ` : ""}
                  {q.title}
                  {q.details && <span className="block text-slate-600">{q.details}</span>}
                </th>
                {earlier.map((r) => (
                  <td key={r.id} className="py-1 pr-2">
                    {answerText(q, r.id)}
                  </td>
                ))}
                <td className="py-1 pr-2">
                  {sheet.editable ? (
                    <div className="flex flex-col gap-1">
                      <span className="flex flex-wrap gap-1" role="group" aria-label={`${q.number}) ${q.title}`}>
                        {q.choices.map((c) => {
                          const chosen = (q.chosen[sheet.responseId] ?? []).includes(c.id);
                          return (
                            <button
                              key={c.id}
                              type="button"
                              aria-pressed={chosen}
                              title={t("choose", { choice: c.name })}
                              className={`${toolButton} ${chosen ? "bg-slate-800 text-white" : ""}`}
                              onClick={() =>
                                toggle.mutate({ response: sheet.responseId, question: q.id, choice: c.id })
                              }
                            >
                              {c.name}
                            </button>
                          );
                        })}
                      </span>
                      <RemarkInput
                        key={q.remarks[sheet.responseId] ?? ""}
                        sheet={sheet}
                        question={q}
                        onSave={(value) => remark.mutate({ response: sheet.responseId, question: q.id, remark: value })}
                      />
                    </div>
                  ) : (
                    answerText(q, sheet.responseId)
                  )}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
