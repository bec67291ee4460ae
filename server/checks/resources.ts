import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import type { Role } from "@/server/auth/user-types";
import { clientDisplayName } from "@/server/clients/sql";
import { defineResource, type ActionDef, type ResourceDef } from "@/server/resources/define";
import { boolean, choice, datetime, integer, reference } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { userNameOf } from "@/server/users/sql";
import { problemMessageSql } from "./messages";
import { dataCheckers } from "./registry";
import { checkClient, fixProblem } from "./run";

/** Data problems (domain-people §18): mine, all of them (site staff), and those of one client. */

const dp = (t: TenantTables) => t.dataProblems;
/** The owner partner's row, for its name and whether it is a client. */
const ownerColumn = (t: TenantTables, column: string) =>
  sql`(select ${sql.identifier(column)} from ${t.partners} where ${q(t.partners.id)} = ${q(t.dataProblems.ownerId)})`;

/** Who may repair what a checker found: those who may edit clients. */
const FIXERS: Role[] = ["ContactsUser"];

/** "Fix" on a fixable problem: the checker repairs its owner, audited, then checks it again. */
const fixAction: ActionDef = {
  name: "fix",
  label: "checks.fix",
  roles: FIXERS,
  confirm: true,
  run: (ctx, id) => fixProblem(ctx, Number(id)),
};

/** "Check again" on a client: its problems are replaced by what the client checkers find now. */
export const checkAgainAction: ActionDef = {
  name: "checkData",
  label: "checks.checkAgain",
  roles: ["ContactsUser"],
  run: async (ctx, id) => {
    await checkClient(ctx.handle, ctx.registry.checkers, Number(id));
  },
};

const fields: ResourceDef["fields"] = {
  id: integer("fields.id", (t) => dp(t).id, { editable: false, plain: true, width: 7 }),
  checker: choice("checks.fields.checker", (t) => dp(t).checker, dataCheckers, { editable: false, width: 22 }),
  // The partners' address opens the detail of the owner's kind: a client's file for a client.
  owner: {
    type: "ref",
    label: "checks.fields.owner",
    width: 28,
    expr: (t) => dp(t).ownerId,
    ref: {
      resource: "contacts.partners",
      display: (t) =>
        sql`(select case when ${q(t.partners.isClient)} then ${clientDisplayName(t.partners)} else trim(${q(t.partners.prefix)} || ' ' || ${q(t.partners.name)}) end from ${t.partners} where ${q(t.partners.id)} = ${q(t.dataProblems.ownerId)})`,
    },
  },
  ownerId: integer("checks.fields.ownerId", (t) => dp(t).ownerId, { editable: false, width: 8 }),
  message: {
    type: "localized",
    label: "checks.fields.message",
    width: 50,
    expr: (t) => problemMessageSql(dp(t).messageKey, dp(t).params),
  },
  responsible: {
    ...reference(
      "checks.fields.responsible",
      "users.users",
      (t) => dp(t).responsibleUserId,
      (t) => userNameOf(t, q(t.dataProblems.responsibleUserId)),
    ),
    column: undefined,
    input: undefined,
  },
  fixable: boolean("checks.fields.fixable", (t) => dp(t).fixable, { editable: false }),
  foundAt: datetime("checks.fields.foundAt", (t) => dp(t).foundAt),
};

const common = {
  table: dp,
  pk: (t: TenantTables) => dp(t).id,
  fields,
  titleField: "message",
  defaultSort: [
    { field: "checker", dir: "asc" as const },
    { field: "ownerId", dir: "asc" as const },
  ],
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["checker", "owner", "message", "responsible", "fixable", "foundAt"] }],
    },
  ],
  actions: [fixAction],
};

/** Office → "Data problems assigned to me": those whose responsible user is the current user. */
export const myProblemsResource = defineResource({
  ...common,
  id: "checks.myProblems",
  title: "checks.myProblems",
  scope: (t, ctx) => eq(t.dataProblems.responsibleUserId, ctx.user.id),
  columns: ["checker", "owner", "message", "fixable"],
  hiddenColumns: ["foundAt", "id"],
  filters: {
    checker: {
      label: "checks.fields.checker",
      widget: "choice",
      choices: dataCheckers,
      schema: z.string().max(40),
      where: (v: string, t) => eq(t.dataProblems.checker, v),
    },
  },
  access: { view: ["CheckdataUser"] },
});

/** Explorer → "Data problems": every problem of the centre, for site staff (administrators here). */
export const allProblemsResource = defineResource({
  ...common,
  id: "checks.allProblems",
  title: "checks.allProblems",
  columns: ["checker", "owner", "message", "responsible", "fixable"],
  hiddenColumns: ["foundAt", "id"],
  filters: {
    checker: {
      label: "checks.fields.checker",
      widget: "choice",
      choices: dataCheckers,
      schema: z.string().max(40),
      where: (v: string, t) => eq(t.dataProblems.checker, v),
    },
    responsible: {
      label: "checks.fields.responsible",
      widget: "user",
      schema: z.number().int(),
      where: (v: number, t) => eq(t.dataProblems.responsibleUserId, v),
    },
  },
  access: { view: ["SiteAdmin"] },
  // Runs checks.runAll, which is for administrators too.
  toolbar: [{ key: "runAllCheckers", roles: ["SiteAdmin"] }],
});

/** The problems of one client, on its Miscellaneous tab (master field `ownerId`). */
export const clientProblemsResource = defineResource({
  ...common,
  id: "checks.clientProblems",
  title: "checks.clientProblems",
  scope: (t) => sql`${ownerColumn(t, "is_client")}`,
  columns: ["checker", "message", "responsible", "fixable"],
  hiddenColumns: ["ownerId", "foundAt", "id"],
  // Read on a client; all problems of the centre are checks.allProblems.
  access: { view: ["SimpleContactsUser"], listAll: ["SiteAdmin"] },
});
