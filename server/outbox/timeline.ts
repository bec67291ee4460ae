import { eq, sql } from "drizzle-orm";
import { defineTimelineSource } from "@/server/history/timeline";
import { qualified as q } from "@/server/resources/query";
import { userNameOf } from "@/server/users/sql";

/**
 * What the outbox adds to a client's timeline: their mails and SMS, when sent (or written, while not sent).
 */
export const outboxTimeline = [
  defineTimelineSource({
    kind: "outbox.mails",
    label: "timeline.kinds.mails",
    tone: "violet",
    resource: "outbox.byClient",
    table: (t) => t.mails,
    id: (t) => t.mails.id,
    client: (t, clientId) => eq(t.mails.clientId, clientId),
    at: (t) => sql`coalesce(${t.mails.sentAt}, ${t.mails.createdAt})`,
    show: (t) => ({
      title: t.mails.subject,
      summary: sql`regexp_replace(left(${t.mails.body}, 1000), '\\s+', ' ', 'g')`,
      author: userNameOf(t, q(t.mails.userId)),
    }),
  }),
  defineTimelineSource({
    kind: "outbox.sms",
    label: "timeline.kinds.sms",
    tone: "orange",
    resource: "outbox.smsByClient",
    table: (t) => t.smsMessages,
    id: (t) => t.smsMessages.id,
    client: (t, clientId) => eq(t.smsMessages.clientId, clientId),
    at: (t) => sql`coalesce(${t.smsMessages.sentAt}, ${t.smsMessages.createdAt})`,
    show: (t) => ({
      title: sql`regexp_replace(left(${t.smsMessages.body}, 200), '\\s+', ' ', 'g')`,
      summary: t.smsMessages.to,
      author: userNameOf(t, q(t.smsMessages.userId)),
    }),
  }),
];
