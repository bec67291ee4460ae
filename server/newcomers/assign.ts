import { and, eq, sql } from "drizzle-orm";
import { belgianToday } from "@/lib/format";
import { actorOf, created, rowChange, writeAudit } from "@/server/audit";
import { CLIENT_STATE } from "@/server/clients/choices";
import { clientDisplayName } from "@/server/clients/sql";
import { clientObservers } from "@/server/coachings/observers";
import { AppError } from "@/server/errors";
import { localized } from "@/server/i18n/locale";
import { notify } from "@/server/notify/emit";
import type { ResourceCtx } from "@/server/resources/define";
import { availableCoaches } from "./available";

export interface AssignCoach {
  clientId: number;
  userId: number;
  /** "Don't notify others" (§9.2): nobody is told. */
  silent?: boolean;
}

/**
 * "Assign" on an available coach (domain-people §9.2): a primary coaching of the client by that
 * agent, from today, in the agent's service (the only primary one); the newcomer becomes coached;
 * the client's observers, the new coach among them, are told "<client> assigned to <coach>" in their
 * own language. One transaction: the client's row is locked first, so that two consultants cannot
 * both assign the same newcomer, and anything failing leaves nothing behind.
 */
export async function assignCoach(ctx: ResourceCtx, input: AssignCoach): Promise<{ coachingId: number }> {
  const { db, t } = ctx.handle;
  const actor = actorOf(ctx.user);
  return db.transaction(async (tx) => {
    const p = t.partners;
    const [client] = await tx
      .select({ state: p.clientState, name: clientDisplayName(p) })
      .from(p)
      .where(and(eq(p.id, input.clientId), eq(p.isClient, true)))
      .for("update");
    if (!client) throw new AppError("NOT_FOUND");
    if (client.state !== CLIENT_STATE.newcomer) throw new AppError("CLIENT_NOT_NEWCOMER");
    // Only someone the list offers: a competent social worker with a newcomer quota.
    const available = await availableCoaches({ db: tx, t }, ctx.locale, { clientId: input.clientId });
    const coach = available.coaches.find((c) => c.id === input.userId);
    if (!coach || !available.client) throw new AppError("COACH_NOT_AVAILABLE");
    const faculty = available.client.faculty.names;
    const [service] = await tx.select({ id: t.users.coachingTypeId }).from(t.users).where(eq(t.users.id, coach.id));

    const demoted = await tx
      .update(t.coachings)
      .set({ primary: false, version: sql`${t.coachings.version} + 1` })
      .where(and(eq(t.coachings.clientId, input.clientId), eq(t.coachings.primary, true)))
      .returning({ id: t.coachings.id });
    const coaching = {
      client: input.clientId,
      user: coach.id,
      coachingType: service?.id ?? null,
      startDate: belgianToday(),
      primary: true,
    };
    const [inserted] = await tx
      .insert(t.coachings)
      .values({
        clientId: coaching.client,
        userId: coaching.user,
        coachingTypeId: coaching.coachingType,
        startDate: coaching.startDate,
        primary: true,
      })
      .returning({ id: t.coachings.id });
    const coachingId = inserted!.id;
    await tx
      .update(p)
      .set({ clientState: CLIENT_STATE.coached, modifiedAt: sql`now()`, version: sql`${p.version} + 1` })
      .where(eq(p.id, input.clientId));
    await writeAudit(
      tx,
      t,
      actor,
      ...demoted.map((d) => rowChange("coachings.coachings", "update", d.id, { primary: { from: true, to: false } })),
      rowChange("coachings.coachings", "create", coachingId, created(coaching)),
      rowChange("clients.clients", "update", input.clientId, {
        clientState: { from: CLIENT_STATE.newcomer, to: CLIENT_STATE.coached },
      }),
    );

    if (!input.silent) {
      const observers = await clientObservers({ db: tx, t }, input.clientId);
      await notify(
        tx,
        ctx.handle,
        ctx.user.realUser?.id ?? ctx.user.id,
        observers.map((o) => o.id),
        {
          type: "coachings",
          owner: { type: "client", id: input.clientId },
          compose: (tr, locale) => {
            const names = { client: client.name, coach: coach.name };
            return {
              subject: tr("newcomers.assign.subject", names),
              body: tr("newcomers.assign.body", { ...names, faculty: localized(faculty, locale) }),
            };
          },
        },
      );
    }
    return { coachingId };
  });
}
