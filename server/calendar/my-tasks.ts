import { eq, sql } from "drizzle-orm";
import type { ResourceDef } from "@/server/resources/define";
import type { TenantTables } from "@/db/tenant/tables";
import { defineChoiceList } from "@/server/resources/choices";
import { defineResource } from "@/server/resources/define";
import { qualified as q } from "@/server/resources/query";
import { choice, date, datetime, integer, reference, text } from "@/server/resources/fields";
import { clientNameOf } from "@/server/clients/sql";

/** Task states (domain-people §10.5); labels under `choices.taskStates`. */
export const taskStates = defineChoiceList("taskStates", ["todo", "important", "started", "done", "cancelled"]);

/**
 * The client a task is about: its owner, or the client of the upload whose expiry it announces.
 * Qualified: the expression also stands inside the display's subquery.
 */
const clientOfTask = (t: TenantTables) =>
  sql`case ${q(t.tasks.ownerType)} when 'client' then ${q(t.tasks.ownerId)} when 'upload' then (select ${q(t.uploads.clientId)} from ${t.uploads} where ${q(t.uploads.id)} = ${q(t.tasks.ownerId)}) end`;

/**
 * My tasks: the current user's tasks, read-only until the calendar area brings their workflow; for
 * now they are the automatic reminders of the clients they coach (domain-people §3.4).
 */
export const myTasksResource = defineResource({
  id: "calendar.myTasks",
  title: "resources.myTasks.title",
  table: (t) => t.tasks,
  pk: (t) => t.tasks.id,
  scope: (t, ctx) => eq(t.tasks.userId, ctx.user.id),
  fields: {
    id: integer("fields.id", (t) => t.tasks.id, { editable: false, plain: true, width: 6 }),
    startDate: date("fields.startDate", (t) => t.tasks.startDate, { editable: false }),
    summary: text("resources.myTasks.summary", (t) => t.tasks.summary, { editable: false, width: 36 }),
    client: {
      ...reference(
        "resources.coachings.client",
        "clients.clients",
        (t) => t.tasks.ownerId,
        (t) => clientNameOf(t, clientOfTask(t)),
      ),
      expr: clientOfTask,
      column: undefined,
      input: undefined,
    },
    state: choice("fields.state", (t) => t.tasks.state, taskStates, { editable: false, width: 10 }),
    modifiedAt: datetime("fields.modifiedAt", (t) => t.tasks.modifiedAt),
  },
  columns: ["startDate", "summary", "client", "state"],
  hiddenColumns: ["id", "modifiedAt"],
  titleField: "summary",
  defaultSort: [{ field: "startDate", dir: "asc" }],
  access: { view: ["OfficeUser"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["startDate", "summary", "client", "state", "modifiedAt"] }],
    },
  ],
});

/** The tasks about a client (Lino's TasksByProject), on its Calendar tab: everybody's, read-only like mine. */
export const tasksByClientResource: ResourceDef = {
  ...myTasksResource,
  id: "calendar.tasksByClient",
  title: "resources.myTasks.byClient",
  scope: undefined,
  // Only on the client's detail.
  access: { ...myTasksResource.access, listAll: [] },
  columns: ["startDate", "summary", "state"],
  variantOf: myTasksResource.id,
};
