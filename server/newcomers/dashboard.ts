import { and, asc, eq, sql } from "drizzle-orm";
import { clientDisplayName } from "@/server/clients/sql";
import { CLIENT_STATE } from "@/server/clients/choices";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/** The newcomers waiting longest for a coach, with their faculty, and how many wait in all. */
export async function waitingNewcomers({ db, t }: Pick<TenantHandle, "db" | "t">, limit = 10) {
  const p = t.partners;
  const waiting = and(eq(p.isClient, true), eq(p.clientState, CLIENT_STATE.newcomer), eq(p.isObsolete, false));
  const [rows, [count]] = await Promise.all([
    db
      .select({ id: p.id, name: clientDisplayName(p), since: p.createdAt, faculty: t.faculties.names })
      .from(p)
      .leftJoin(t.faculties, eq(t.faculties.id, p.facultyId))
      .where(waiting)
      .orderBy(asc(p.createdAt), asc(p.id))
      .limit(limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(p)
      .where(waiting),
  ]);
  return { rows, total: count?.n ?? 0 };
}
