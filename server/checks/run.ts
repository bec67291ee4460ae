import { and, eq, sql } from "drizzle-orm";
import { actorOf, created, rowChange, writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";
import type { ResourceCtx } from "@/server/resources/define";
import type { Checker, Handle } from "./define";

/** Rows per insert statement (8 parameters each, well below PostgreSQL's limit). */
const BATCH = 1000;

/**
 * Runs one checker on the whole centre, or on one owner: its previous problems there are replaced
 * by what it finds now, in one transaction. Returns how many problems it found.
 */
export async function runChecker(handle: Handle, checker: Checker, ownerId?: number): Promise<number> {
  const { db, t, tenantId } = handle;
  return db.transaction(async (tx) => {
    const problems = await checker.find({ db: tx, t, tenantId }, ownerId);
    const dp = t.dataProblems;
    await tx
      .delete(dp)
      .where(
        and(
          eq(dp.checker, checker.id),
          ownerId === undefined ? undefined : and(eq(dp.ownerType, checker.ownerType), eq(dp.ownerId, ownerId)),
        ),
      );
    for (let i = 0; i < problems.length; i += BATCH) {
      await tx.insert(dp).values(
        problems.slice(i, i + BATCH).map((p) => ({
          checker: checker.id,
          ownerType: checker.ownerType,
          ownerId: p.ownerId,
          messageKey: p.messageKey,
          params: p.params ?? {},
          responsibleUserId: p.responsibleUserId,
          fixable: p.fixable ?? false,
        })),
      );
    }
    return problems.length;
  });
}

/** "Run all checkers": every checker of every area on the whole centre; the number of problems per checker. */
export async function runAllCheckers(handle: Handle, checkers: readonly Checker[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const checker of checkers) counts[checker.id] = await runChecker(handle, checker);
  return counts;
}

/** "Check again" on a client: every client checker on that client only. */
export async function checkClient(
  handle: Handle,
  checkers: readonly Checker[],
  clientId: number,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const checker of checkers.filter((c) => c.forClients))
    counts[checker.id] = await runChecker(handle, checker, clientId);
  return counts;
}

/**
 * "Fix" on a problem the user sees: the checker repairs its owner (audited in the same transaction),
 * then checks that owner again, so a fixed problem disappears and anything left is shown anew.
 */
export async function fixProblem(ctx: ResourceCtx, problemId: number): Promise<void> {
  const { db, t } = ctx.handle;
  const [problem] = await db.select().from(t.dataProblems).where(eq(t.dataProblems.id, problemId));
  if (!problem) throw new AppError("NOT_FOUND");
  const checker = ctx.registry.checkers.find((c) => c.id === problem.checker);
  if (!problem.fixable || !checker?.fix) throw new AppError("NOT_FIXABLE");
  await db.transaction(async (tx) => {
    await checker.fix!(tx as never, ctx, problem.ownerId);
    await writeAudit(
      tx,
      t,
      actorOf(ctx.user),
      rowChange(
        "checks.problems",
        "fix",
        problem.id,
        created({ checker: problem.checker, owner: problem.ownerId, message: problem.messageKey }),
      ),
    );
    await runChecker({ db: tx as never, t, tenantId: ctx.handle.tenantId }, checker, problem.ownerId);
  });
}

/** How many problems are assigned to that user (the welcome message). */
export async function openProblemCount({ db, t }: Pick<Handle, "db" | "t">, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(t.dataProblems)
    .where(eq(t.dataProblems.responsibleUserId, userId));
  return row?.n ?? 0;
}
