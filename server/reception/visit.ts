import { and, eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import { actorOf, created, rowChange, writeAudit } from "@/server/audit";
import { brusselsTimeNow } from "@/server/calendar/entries";
import { announceWaitingRoom } from "@/server/calendar/waiting-room";
import { AppError } from "@/server/errors";
import { notify } from "@/server/notify/emit";
import type { ActionDef, ResourceCtx } from "@/server/resources/define";
import { rowKey } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { activeStaff, userNameOf } from "@/server/users/sql";
import { belgianToday } from "@/lib/format";
import type { TenantTables } from "@/db/tenant/tables";

type Tx = ResourceCtx["handle"]["db"];

/** Agents a visitor may be sent to without asking (§11): active staff who accept newcomer consultations or coach someone. */
const visitAgents = (t: TenantTables) =>
  and(
    activeStaff(t),
    or(
      eq(t.users.newcomerConsultations, true),
      sql`exists (select 1 from ${t.coachings} c where c.user_id = ${q(t.users.id)} and (c.end_date is null or c.end_date >= ${belgianToday()}))`,
    ),
  );

/**
 * Whether `agentId` may receive this client's visit (§11 "agents by client"): one of the client's
 * coaches today, or an agent who accepts newcomer consultations.
 */
async function mayReceive(tx: Tx, t: TenantTables, clientId: number, agentId: number): Promise<boolean> {
  const today = belgianToday();
  const [row] = await tx
    .select({ id: t.users.id })
    .from(t.users)
    .where(
      and(
        eq(t.users.id, agentId),
        activeStaff(t),
        or(
          eq(t.users.newcomerConsultations, true),
          sql`exists (select 1 from ${t.coachings} c where c.user_id = ${agentId} and c.client_id = ${clientId}
            and c.start_date <= ${today} and (c.end_date is null or c.end_date >= ${today}))`,
        ),
      ),
    );
  return !!row;
}

const refOf = async (tx: Tx, table: TenantTables["entryTypes"] | TenantTables["guestRoles"], ref: string) =>
  (await tx.select({ id: table.id }).from(table).where(eq(table.ref, ref)))[0]?.id ?? null;

/**
 * Create visit (§11): a published prompt entry of today for the agent with the reason as summary,
 * the client as its guest already waiting; the agent is told, every open waiting room hears of it.
 * All in one transaction, audited. Returns the new guest's id.
 */
export async function createVisit(ctx: ResourceCtx, clientId: number, agentId: number, reason: string) {
  const { db, t } = ctx.handle;
  return db.transaction(async (tx) => {
    if (!(await mayReceive(tx, t, clientId, agentId)))
      throw new AppError("INVALID_INPUT", { field: "user", messageKey: "reception.visit.agentRefused" });
    const now = new Date();
    const values = {
      typeId: await refOf(tx, t.entryTypes, "prompt"),
      summary: reason,
      clientId,
      startDate: belgianToday(now),
      startTime: brusselsTimeNow(),
      userId: agentId,
      ownerType: "client",
      ownerId: clientId,
      state: "published",
    };
    const [entry] = await tx.insert(t.calendarEntries).values(values).returning({ id: t.calendarEntries.id });
    const guestValues = {
      entryId: entry!.id,
      partnerId: clientId,
      roleId: await refOf(tx, t.guestRoles, "client"),
      state: "waiting",
      waitingSince: now,
    };
    const [guest] = await tx.insert(t.calendarGuests).values(guestValues).returning({ id: t.calendarGuests.id });
    await writeAudit(
      tx,
      t,
      actorOf(ctx.user),
      rowChange("calendar.entries", "create", entry!.id, created(values)),
      rowChange("calendar.guests", "create", guest!.id, created({ ...guestValues, waitingSince: now.toISOString() })),
    );
    const [names] = await tx
      .select({ client: t.partners.name, agent: userNameOf(t, sql`${agentId}`) })
      .from(t.partners)
      .where(eq(t.partners.id, clientId));
    await notify(tx, ctx.handle, ctx.user.id, [agentId], {
      type: "reception",
      owner: { type: "calendar.entries", id: entry!.id },
      compose: (tr) => ({
        subject: tr("calendar.notice.waiting", { guest: names?.client ?? "", user: names?.agent ?? "" }),
      }),
    });
    await announceWaitingRoom(tx, ctx.handle.tenantId, agentId);
    return guest!.id;
  });
}

/** "Create visit" on a client (§11): the agent and the reason are asked. */
export const createVisitAction: ActionDef = {
  name: "createVisit",
  label: "reception.visit.create",
  roles: ["OfficeUser", "OfficeOperator"],
  params: {
    user: {
      type: "ref",
      label: "reception.visit.agent",
      expr: () => sql`null`,
      input: rowKey,
      required: true,
      ref: { resource: "users.users", display: () => sql`null`, choices: (t) => visitAgents(t) },
    },
    summary: {
      type: "text",
      label: "reception.visit.reason",
      expr: () => sql`null`,
      input: z.string().trim().max(200),
    },
  },
  run: async (ctx, id, params) => {
    await createVisit(ctx, Number(id), Number(params.user), String(params.summary ?? ""));
  },
};
