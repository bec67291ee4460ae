import { sql } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import type { Role } from "@/server/auth/user-types";
import { z } from "zod";
import { guestStates } from "@/server/calendar/choices";
import { guestsResource } from "@/server/calendar/guests";
import { TODAY } from "@/server/calendar/entries";
import type { ResourceCtx, ResourceDef } from "@/server/resources/define";
import { filters } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { userNameOf } from "@/server/users/sql";
import { presenceCertificateAction } from "./certificate";

const g = (t: TenantTables) => t.calendarGuests;
const entryOf = (t: TenantTables, column: "user_id" | "summary" | "start_date" | "client_id") =>
  sql`(select ${sql.identifier(column)} from ${t.calendarEntries} ce where ce.id = ${q(g(t).entryId)})`;

/** §11 position: 1 + the guests waiting for the same agent who started waiting earlier (see queue.ts). */
const positionSql = (t: TenantTables) => sql<number>`case when ${q(g(t).state)} = 'waiting' then 1 + (
  select count(*)::int from ${t.calendarGuests} w join ${t.calendarEntries} we on we.id = w.entry_id
  where w.state = 'waiting' and we.user_id is not distinct from ${entryOf(t, "user_id")}
    and (w.waiting_since, w.id) < (${q(g(t).waitingSince)}, ${q(g(t).id)})) end`;

/** The guest's fields the reception lists add: the agent, the reason, the position, the minutes waited. */
const visitorFields: ResourceDef["fields"] = {
  ...guestsResource.fields,
  agent: {
    type: "ref",
    label: "resources.receptionVisitors.agent",
    expr: (t) => entryOf(t, "user_id"),
    ref: { resource: "users.users", display: (t) => userNameOf(t, entryOf(t, "user_id")) },
    width: 20,
  },
  reason: {
    type: "text",
    label: "resources.receptionVisitors.reason",
    expr: (t) => entryOf(t, "summary"),
    width: 24,
  },
  position: { type: "integer", label: "resources.receptionVisitors.position", expr: positionSql, width: 6 },
  waitedMinutes: {
    type: "integer",
    label: "resources.receptionVisitors.waitedMinutes",
    expr: (t) =>
      sql<number>`(extract(epoch from coalesce(${q(g(t).busySince)}, ${q(g(t).goneSince)}, now()) - ${q(g(t).waitingSince)}) / 60)::int`,
    width: 8,
  },
};

const state = (t: TenantTables, ...states: string[]) =>
  sql`${q(g(t).state)} in (${sql.join(
    states.map((s) => sql`${s}`),
    sql`, `,
  )})`;
const mine = (t: TenantTables, ctx: ResourceCtx) => sql`${entryOf(t, "user_id")} = ${ctx.user.id}`;

/** The reception lists are read by agents and clerks alike; "… for me" by agents only (§11). */
const RECEPTION: Role[] = ["OfficeUser", "OfficeOperator"];

/**
 * The reception's stages are filters, not scopes: a visitor received from "Waiting visitors" stays
 * open in that detail as busy, and the lists show the stage their title says by default.
 */
const visitorFilters: ResourceDef["filters"] = {
  state: filters.choice("fields.state", guestStates, (t) => g(t).state),
  notCheckedIn: {
    label: "resources.receptionVisitors.notCheckedIn",
    widget: "boolean",
    schema: z.boolean(),
    where: (v: boolean, t) => (v ? state(t, "invited", "accepted") : undefined),
  },
};

const visitors = (spec: {
  id: string;
  title: string;
  scope?: (t: TenantTables, ctx: ResourceCtx) => ReturnType<typeof sql>;
  stage: Record<string, unknown>;
  columns: string[];
  sort: ResourceDef["defaultSort"];
  view: Role[];
}): ResourceDef => ({
  ...guestsResource,
  id: spec.id,
  title: spec.title,
  fields: visitorFields,
  scope: spec.scope,
  filters: visitorFilters,
  defaultFilters: spec.stage,
  columns: spec.columns,
  hiddenColumns: Object.keys(visitorFields).filter((f) => !spec.columns.includes(f)),
  defaultSort: spec.sort,
  access: { view: spec.view, create: spec.view, edit: spec.view },
  insert: undefined,
  actions: [...(guestsResource.actions ?? []), presenceCertificateAction],
  // Lists of presences, refreshed in every open browser when the waiting room changes.
  live: "reception",
  variantOf: guestsResource.id,
});

const WAITING_COLUMNS = ["waitingSince", "partner", "agent", "position", "reason", "waitedMinutes", "state"];
const BUSY_COLUMNS = ["busySince", "partner", "agent", "reason", "waitingSince", "state"];
const GONE_COLUMNS = ["goneSince", "partner", "agent", "reason", "waitingSince", "busySince", "state"];
const bySince = (field: string, dir: "asc" | "desc") => [{ field, dir }] as ResourceDef["defaultSort"];

export const waitingVisitorsResource = visitors({
  id: "reception.waiting",
  title: "resources.receptionVisitors.waiting",
  stage: { state: "waiting" },
  columns: WAITING_COLUMNS,
  sort: bySince("waitingSince", "asc"),
  view: RECEPTION,
});
export const busyVisitorsResource = visitors({
  id: "reception.busy",
  title: "resources.receptionVisitors.busy",
  stage: { state: "busy" },
  columns: BUSY_COLUMNS,
  sort: bySince("busySince", "asc"),
  view: RECEPTION,
});
export const goneVisitorsResource = visitors({
  id: "reception.gone",
  title: "resources.receptionVisitors.gone",
  stage: { state: "gone" },
  columns: GONE_COLUMNS,
  sort: bySince("goneSince", "desc"),
  view: RECEPTION,
});
export const waitingForMeResource = visitors({
  id: "reception.waitingForMe",
  title: "resources.receptionVisitors.waitingForMe",
  scope: mine,
  stage: { state: "waiting" },
  columns: WAITING_COLUMNS.filter((c) => c !== "agent"),
  sort: bySince("waitingSince", "asc"),
  view: ["OfficeUser"],
});
export const busyWithMeResource = visitors({
  id: "reception.busyWithMe",
  title: "resources.receptionVisitors.busyWithMe",
  scope: mine,
  stage: { state: "busy" },
  columns: BUSY_COLUMNS.filter((c) => c !== "agent"),
  sort: bySince("busySince", "asc"),
  view: ["OfficeUser"],
});
export const myGoneResource = visitors({
  id: "reception.myGone",
  title: "resources.receptionVisitors.myGone",
  scope: mine,
  stage: { state: "gone" },
  columns: GONE_COLUMNS.filter((c) => c !== "agent"),
  sort: bySince("goneSince", "desc"),
  view: ["OfficeUser"],
});
/** Expected guests (§11, the reception): invited or accepted guests of today's entries, not yet checked in. */
export const expectedGuestsResource = visitors({
  id: "reception.expected",
  title: "resources.receptionVisitors.expected",
  scope: (t) => sql`${entryOf(t, "start_date")} = ${TODAY}`,
  stage: { notCheckedIn: true },
  columns: ["entry", "partner", "agent", "reason", "state"],
  sort: [{ field: "entry", dir: "asc" }],
  view: ["OfficeOperator"],
});

/**
 * The client's presences over time (§11, on the client's Calendar tab): every participation, newest
 * first, with its agent, state and reason, its workflow and the presence certificate.
 */
export const presencesByClientResource = visitors({
  id: "reception.presences",
  title: "resources.receptionVisitors.presences",
  stage: {},
  columns: ["entryDate", "agent", "reason", "state", "waitingSince", "goneSince"],
  sort: [
    { field: "entryDate", dir: "desc" },
    { field: "waitingSince", dir: "desc" },
  ],
  view: RECEPTION,
});

export const VISITOR_RESOURCES = [
  waitingVisitorsResource,
  busyVisitorsResource,
  goneVisitorsResource,
  waitingForMeResource,
  busyWithMeResource,
  myGoneResource,
  expectedGuestsResource,
  presencesByClientResource,
];
