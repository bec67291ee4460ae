import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { actorOf, created, rowChange, writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";
import type { ActionDef } from "@/server/resources/define";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { parseQuestions } from "./rules";

type Tx = TenantHandle["db"];

/**
 * Appends the questions a text describes to a poll (parseQuestions: one per line, "=" a heading,
 * "#" details), after its last question; returns the ids of the new questions, each audited.
 */
export async function addQuestions(
  tx: Tx,
  t: TenantHandle["t"],
  who: ReturnType<typeof actorOf>,
  pollId: number,
  text: string,
) {
  const parsed = parseQuestions(text);
  if (!parsed.length) return [];
  const [last] = await tx
    .select({ seqno: sql<number>`coalesce(max(${t.pollQuestions.seqno}), 0)` })
    .from(t.pollQuestions)
    .where(eq(t.pollQuestions.pollId, pollId));
  const rows = parsed.map((q, i) => ({ pollId, seqno: Number(last?.seqno ?? 0) + i + 1, ...q }));
  const inserted = await tx.insert(t.pollQuestions).values(rows).returning({ id: t.pollQuestions.id });
  await writeAudit(
    tx,
    t,
    who,
    ...inserted.map((r, i) => rowChange("polls.questions", "create", r.id, created(rows[i]!))),
  );
  return inserted.map((r) => r.id);
}

/** "Add questions" on a poll (Lino's `questions_to_add`): paste the questions, one a line. */
export const addQuestionsAction: ActionDef = {
  name: "addQuestions",
  label: "polls.addQuestions.label",
  roles: ["PollsStaff"],
  params: {
    questions: {
      type: "longtext",
      label: "polls.addQuestions.questions",
      help: "polls.addQuestions.help",
      expr: (t) => t.polls.details,
      input: z.string().max(50_000),
      required: true,
    },
  },
  run: async (ctx, id, params) => {
    const { db, t } = ctx.handle;
    await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Tx;
      const [poll] = await tx
        .select({ id: t.polls.id })
        .from(t.polls)
        .where(eq(t.polls.id, Number(id)));
      if (!poll) throw new AppError("NOT_FOUND");
      const added = await addQuestions(tx, t, actorOf(ctx.user), poll.id, String(params.questions ?? ""));
      if (!added.length) throw new AppError("INVALID_INPUT", { field: "questions" });
    });
  },
};
