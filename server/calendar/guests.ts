import { and, eq, isNull, sql } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { actorOf, rowChange, writeAudit, type Changes } from "@/server/audit";
import { partnerRef } from "@/server/contacts/refs";
import { AppError } from "@/server/errors";
import { notify } from "@/server/notify/emit";
import { anyOf } from "@/server/resources/access";
import { defineResource, type ResourceCtx, type ResourceDef, type TransitionDef } from "@/server/resources/define";
import { choice, datetime, integer, reference, text } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { guestStates } from "./choices";
import { guestRoleNameOf } from "./config";
import { managedGuests } from "./presences";
import { brusselsTimeNow, entryTitleOf, TODAY, transitionsOf } from "./entries";
import { announceWaitingRoom } from "./waiting-room";
import { CALENDAR_ROLES, GUEST_STEPS } from "./workflow";

type Tx = TenantHandle["db"];
const g = (t: TenantTables) => t.calendarGuests;

/** A column of the guest's entry, for the row's conditions and lists. */
const entryColumn = (t: TenantTables, column: "state" | "user_id" | "start_date") =>
  sql`(select ${sql.identifier(column)} from ${t.calendarEntries} ce where ce.id = ${q(g(t).entryId)})`;

/** The guest, its entry and who manages it, as the effects need them. */
async function guestAndEntry(tx: Tx, t: TenantTables, id: string | number) {
  const [row] = await tx
    .select({
      partnerId: t.calendarGuests.partnerId,
      partnerName: t.partners.name,
      entryId: t.calendarEntries.id,
      userId: t.calendarEntries.userId,
      assignedToId: t.calendarEntries.assignedToId,
    })
    .from(t.calendarGuests)
    .innerJoin(t.calendarEntries, eq(t.calendarEntries.id, t.calendarGuests.entryId))
    .innerJoin(t.partners, eq(t.partners.id, t.calendarGuests.partnerId))
    .where(eq(t.calendarGuests.id, Number(id)));
  return row!;
}

/** Receiving and seeing a guest out are the entry's user's, or the reception's (§10.3). */
function assertOwnOrReception(ctx: ResourceCtx, entryUserId: number | null) {
  if (entryUserId !== ctx.user.id && !anyOf(ctx.user, ["OfficeOperator"])) throw new AppError("FORBIDDEN");
}

/** Sets columns of the guest's entry that are still empty, returning the audited change of the entry. */
async function fillEntry(tx: Tx, ctx: ResourceCtx, entryId: number, column: "startTime" | "endTime") {
  const t = ctx.handle.t;
  const now = brusselsTimeNow();
  const [row] = await tx
    .update(t.calendarEntries)
    .set({ [column]: now, version: sql`${t.calendarEntries.version} + 1` })
    .where(and(eq(t.calendarEntries.id, entryId), isNull(t.calendarEntries[column])))
    .returning({ id: t.calendarEntries.id });
  if (row)
    await writeAudit(
      tx,
      t,
      actorOf(ctx.user),
      rowChange("calendar.entries", "update", entryId, { [column]: { from: null, to: now } }),
    );
}

/** Accept and reject tell the entry's user (§10.3). */
const answer =
  (key: string): TransitionDef["effect"] =>
  async (tx, ctx, id) => {
    const t = ctx.handle.t;
    const row = await guestAndEntry(tx, t, id);
    if (row.userId !== null)
      await notify(tx, ctx.handle, ctx.user.id, [row.userId], {
        type: "system",
        owner: { type: "calendar.entries", id: row.entryId },
        compose: (tr) => ({ subject: tr(key, { guest: row.partnerName }) }),
      });
  };

/**
 * Check-in (§10.3): the guest waits from now; an entry assigned to a colleague passes to that
 * colleague, who is told that the guest is waiting.
 */
async function checkin(tx: Tx, ctx: ResourceCtx, id: string | number): Promise<Changes> {
  const t = ctx.handle.t;
  const row = await guestAndEntry(tx, t, id);
  const now = new Date();
  await tx
    .update(t.calendarGuests)
    .set({ waitingSince: now, busySince: null })
    .where(eq(t.calendarGuests.id, Number(id)));
  let userId = row.userId;
  if (row.assignedToId !== null && row.assignedToId !== row.userId) {
    await tx
      .update(t.calendarEntries)
      .set({ userId: row.assignedToId, assignedToId: null, version: sql`${t.calendarEntries.version} + 1` })
      .where(eq(t.calendarEntries.id, row.entryId));
    await writeAudit(
      tx,
      t,
      actorOf(ctx.user),
      rowChange("calendar.entries", "update", row.entryId, {
        user: { from: row.userId, to: row.assignedToId },
        assignedTo: { from: row.assignedToId, to: null },
      }),
    );
    userId = row.assignedToId;
  }
  if (userId !== null) {
    const [user] = await tx
      .select({ firstName: t.users.firstName, lastName: t.users.lastName })
      .from(t.users)
      .where(eq(t.users.id, userId));
    await notify(tx, ctx.handle, ctx.user.id, [userId], {
      type: "reception",
      owner: { type: "calendar.entries", id: row.entryId },
      compose: (tr) => ({
        subject: tr("calendar.notice.waiting", {
          guest: row.partnerName,
          user: `${user?.firstName ?? ""} ${user?.lastName ?? ""}`.trim(),
        }),
      }),
    });
  }
  await announceWaitingRoom(tx, ctx.handle.tenantId, userId);
  return { waitingSince: { from: null, to: now.toISOString() } };
}

/** Receive (§10.3): the consultation begins now; an entry without a start time starts now. */
async function receive(tx: Tx, ctx: ResourceCtx, id: string | number): Promise<Changes> {
  const t = ctx.handle.t;
  const row = await guestAndEntry(tx, t, id);
  assertOwnOrReception(ctx, row.userId);
  const now = new Date();
  await tx
    .update(t.calendarGuests)
    .set({ busySince: now })
    .where(eq(t.calendarGuests.id, Number(id)));
  await fillEntry(tx, ctx, row.entryId, "startTime");
  await announceWaitingRoom(tx, ctx.handle.tenantId);
  return { busySince: { from: null, to: now.toISOString() } };
}

/** Checkout (§10.3): the guest leaves now; an entry without an end time ends now. */
async function checkout(tx: Tx, ctx: ResourceCtx, id: string | number): Promise<Changes> {
  const t = ctx.handle.t;
  const row = await guestAndEntry(tx, t, id);
  assertOwnOrReception(ctx, row.userId);
  const now = new Date();
  await tx
    .update(t.calendarGuests)
    .set({ goneSince: now, busySince: sql`coalesce(${t.calendarGuests.busySince}, ${now})` })
    .where(eq(t.calendarGuests.id, Number(id)));
  await fillEntry(tx, ctx, row.entryId, "endTime");
  await announceWaitingRoom(tx, ctx.handle.tenantId);
  return { goneSince: { from: null, to: now.toISOString() } };
}

/** No guest is added by hand to an entry whose guests are managed automatically (§10.3). */
async function refuseManagedGuest(
  tx: Tx,
  ctx: ResourceCtx,
  id: string | number | undefined,
  values: Record<string, unknown>,
) {
  if (id !== undefined || typeof values.entry !== "number") return;
  const [row] = await tx
    .execute<{ managed: boolean }>(sql`select ${managedGuests(ctx.handle.t, values.entry)} as managed`)
    .then((r) => r.rows);
  if (row?.managed)
    throw new AppError("INVALID_INPUT", { field: "entry", messageKey: "calendar.errors.guestsManaged" });
}

const EFFECTS: Record<string, TransitionDef["effect"]> = {
  accept: answer("calendar.notice.accepted"),
  reject: answer("calendar.notice.rejected"),
  checkin,
  receive,
  checkout,
};

/** Guests of calendar entries (§10.1 Guest, "presences"), on their entry's detail. */
export const guestsResource = defineResource({
  id: "calendar.guests",
  title: "resources.calendarGuests.title",
  countLabel: "relations.calendarGuests",
  table: g,
  pk: (t) => g(t).id,
  version: (t) => g(t).version,
  fields: {
    id: integer("fields.id", (t) => g(t).id, { editable: false, plain: true, width: 6 }),
    entry: {
      ...reference(
        "resources.calendarGuests.entry",
        "calendar.entries",
        (t) => g(t).entryId,
        (t) => entryTitleOf(t, q(g(t).entryId)),
        { required: true, width: 36 },
      ),
      createOnly: true,
    },
    partner: partnerRef("resources.calendarGuests.partner", (t) => g(t).partnerId, { required: true, width: 24 }),
    role: reference(
      "resources.calendarGuests.role",
      "calendar.guestRoles",
      (t) => g(t).roleId,
      (t) => guestRoleNameOf(t, q(g(t).roleId)),
      { localized: true },
    ),
    state: choice("fields.state", (t) => g(t).state, guestStates, { editable: false, width: 12 }),
    remark: text("fields.remark", (t) => g(t).remark, { width: 24 }),
    waitingSince: datetime("resources.calendarGuests.waitingSince", (t) => g(t).waitingSince),
    busySince: datetime("resources.calendarGuests.busySince", (t) => g(t).busySince),
    goneSince: datetime("resources.calendarGuests.goneSince", (t) => g(t).goneSince),
    entryDate: {
      type: "date",
      label: "resources.calendarEntries.startDate",
      expr: (t) => entryColumn(t, "start_date"),
    },
    // The conditions of accept/reject and of "present" (§10.3).
    entryPublished: {
      type: "boolean",
      label: "resources.calendarGuests.entryPublished",
      sortable: false,
      expr: (t) => sql<boolean>`${entryColumn(t, "state")} = 'published'`,
    },
    entryTookPlace: {
      type: "boolean",
      label: "resources.calendarGuests.entryTookPlace",
      sortable: false,
      expr: (t) => sql<boolean>`${entryColumn(t, "state")} = 'tookPlace'`,
    },
  },
  columns: ["partner", "role", "state", "remark"],
  hiddenColumns: ["id", "entry", "entryDate", "waitingSince", "busySince", "goneSince"],
  titleField: "partner",
  defaultSort: [{ field: "partner", dir: "asc" }],
  access: { view: CALENDAR_ROLES, create: CALENDAR_ROLES, edit: CALENDAR_ROLES, listAll: ["OfficeStaff"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["entry", "partner", "role", "remark"] },
        { fields: ["waitingSince", "busySince", "goneSince"] },
      ],
    },
  ],
  insert: { fields: ["entry", "partner", "role", "remark"] },
  workflow: { field: "state", transitions: transitionsOf(GUEST_STEPS, "workflow.guest", EFFECTS) },
  // The guests of an entry whose state fills guests and whose type has `fill_presences` are managed
  // by "update presences" (§10.3): read-only there, their workflow (check-in…) still runs.
  locked: { when: (t) => managedGuests(t, q(g(t).entryId)), messageKey: "calendar.errors.guestsManaged" },
  beforeSave: refuseManagedGuest,
});

/** My guests (§10.6): the guests of my entries from today on. */
export const myGuestsResource: ResourceDef = {
  ...guestsResource,
  id: "calendar.myGuests",
  title: "resources.calendarGuests.mine",
  scope: (t, ctx) => sql`${entryColumn(t, "user_id")} = ${ctx.user.id} and ${entryColumn(t, "start_date")} >= ${TODAY}`,
  columns: ["entryDate", "entry", "partner", "role", "state"],
  defaultSort: [{ field: "entryDate", dir: "asc" }],
  access: { view: ["OfficeUser"], create: ["OfficeUser"], edit: ["OfficeUser"] },
  // Guests are invited on their entry.
  insert: undefined,
  variantOf: guestsResource.id,
};
