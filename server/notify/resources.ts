import { eq, isNotNull, isNull } from "drizzle-orm";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import { defineResource } from "@/server/resources/define";
import { choice, datetime, integer, longText, text } from "@/server/resources/fields";
import { messageTypes } from "./choices";
import { markSeen, recipientOf } from "./emit";

const m = (t: TenantTables) => t.notifyMessages;

/**
 * Office → "My notifications" (domain-people §16): the messages made for the person signed in,
 * newest first; seen ones stay until they delete them.
 */
export const myMessagesResource = defineResource({
  id: "notify.messages",
  title: "notify.myMessages",
  table: m,
  pk: (t) => m(t).id,
  version: (t) => m(t).version,
  scope: (t, ctx) => eq(m(t).userId, recipientOf(ctx.user)),
  fields: {
    id: integer("fields.id", (t) => m(t).id, { editable: false, plain: true, width: 7 }),
    createdAt: datetime("notify.fields.createdAt", (t) => m(t).createdAt),
    type: choice("notify.fields.type", (t) => m(t).messageType, messageTypes, { editable: false, width: 14 }),
    subject: text("notify.fields.subject", (t) => m(t).subject, { editable: false, width: 50 }),
    body: longText("notify.fields.body", (t) => m(t).body, { editable: false }),
    seenAt: datetime("notify.fields.seenAt", (t) => m(t).seenAt),
  },
  columns: ["createdAt", "type", "subject", "seenAt"],
  hiddenColumns: ["id"],
  titleField: "subject",
  defaultSort: [{ field: "createdAt", dir: "desc" }],
  filters: {
    unseen: {
      label: "notify.filters.unseen",
      widget: "boolean",
      schema: z.boolean(),
      where: (v: boolean, t) => (v ? isNull(m(t).seenAt) : isNotNull(m(t).seenAt)),
    },
  },
  access: { view: ["SiteUser"], edit: [], delete: ["SiteUser"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["subject", "type", "createdAt", "seenAt"] }, { fields: ["body"] }],
    },
  ],
  actions: [
    {
      name: "markSeen",
      label: "notify.markSeen",
      roles: ["SiteUser"],
      onlyWhileEmpty: "seenAt",
      // Like a layout preference, whether a message was seen is the reader's own state: not audited.
      run: async (ctx, id) => {
        await markSeen(ctx.handle, recipientOf(ctx.user), [Number(id)]);
      },
    },
  ],
});
