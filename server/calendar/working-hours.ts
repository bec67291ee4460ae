import { eq, sql } from "drizzle-orm";
import type { Role } from "@/server/auth/user-types";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import { defineResource, type ResourceDef } from "@/server/resources/define";
import { integer, reference } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { activeStaff, userNameOf } from "@/server/users/sql";
import { timeField, withSeconds } from "./entries";

const w = (t: TenantTables) => t.workingHours;
const PLANNERS: Role[] = ["OfficeUser", "OfficeOperator"];
const required = { required: true, input: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/) };

/**
 * Working hours per user (issue 15 §5): the periods of the week in which "find a date" proposes
 * the user's free slots. A user without rows works Monday to Friday, 8:30–12:00 and 13:00–17:00.
 * Office staff set them (Configure → Calendar), and each user's detail lists them.
 */
export const workingHoursResource = defineResource({
  id: "calendar.workingHours",
  title: "resources.workingHours.title",
  countLabel: "relations.workingHours",
  table: w,
  pk: (t) => w(t).id,
  version: (t) => w(t).version,
  fields: {
    id: integer("fields.id", (t) => w(t).id, { editable: false, plain: true, width: 6 }),
    user: reference(
      "resources.workingHours.user",
      "users.users",
      (t) => w(t).userId,
      (t) => userNameOf(t, q(w(t).userId)),
      { required: true, choices: activeStaff },
    ),
    weekday: {
      ...integer("resources.workingHours.weekday", (t) => w(t).weekday, { min: 1, max: 7, width: 6, plain: true }),
      help: "resources.workingHours.weekdayHelp",
    },
    startTime: { ...timeField("resources.workingHours.startTime", (t) => w(t).startTime), ...required },
    endTime: { ...timeField("resources.workingHours.endTime", (t) => w(t).endTime), ...required },
    title: {
      type: "text",
      label: "resources.workingHours.title",
      sortable: false,
      expr: (t) =>
        sql<string>`${userNameOf(t, q(w(t).userId))} || ' ' || ${q(w(t).weekday)} || ' ' || to_char(${q(w(t).startTime)}, 'HH24:MI') || '–' || to_char(${q(w(t).endTime)}, 'HH24:MI')`,
    },
  },
  columns: ["user", "weekday", "startTime", "endTime"],
  hiddenColumns: ["id"],
  titleField: "title",
  defaultSort: [
    { field: "user", dir: "asc" },
    { field: "weekday", dir: "asc" },
    { field: "startTime", dir: "asc" },
  ],
  // As the calendar's configuration (config.ts): read by those who plan, set by office staff.
  access: { view: PLANNERS, edit: ["OfficeStaff"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["user", "weekday", "startTime", "endTime"] }],
    },
  ],
  insert: { fields: ["user", "weekday", "startTime", "endTime"] },
  normalize: (v) => ({
    ...v,
    ...("startTime" in v ? { startTime: withSeconds(v.startTime) } : {}),
    ...("endTime" in v ? { endTime: withSeconds(v.endTime) } : {}),
  }),
});

/**
 * My working hours (Calendar menu): each planning user sets their own week, which "find a date"
 * and the desk then follow; they never see or touch a colleague's.
 */
export const myWorkingHoursResource: ResourceDef = {
  ...workingHoursResource,
  id: "calendar.myWorkingHours",
  title: "resources.workingHours.myTitle",
  scope: (t, ctx) => eq(w(t).userId, ctx.user.id),
  // Always the reader: set on creation (below), never handed to a colleague.
  fields: { ...workingHoursResource.fields, user: { ...workingHoursResource.fields.user!, createOnly: true } },
  columns: ["weekday", "startTime", "endTime"],
  defaultSort: [
    { field: "weekday", dir: "asc" },
    { field: "startTime", dir: "asc" },
  ],
  access: { view: PLANNERS, create: PLANNERS, edit: PLANNERS, delete: PLANNERS },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["weekday", "startTime", "endTime"] }],
    },
  ],
  insert: { fields: ["weekday", "startTime", "endTime"] },
  // The new period is the reader's own, whatever the request says.
  beforeSave: async (_tx, ctx, id, values) => {
    if (id === undefined) values.user = ctx.user.id;
  },
  variantOf: workingHoursResource.id,
};
