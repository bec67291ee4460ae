import { eq } from "drizzle-orm";
import { defineTimelineSource } from "@/server/history/timeline";
import { qualified as q } from "@/server/resources/query";
import { userNameOf } from "@/server/users/sql";

/** Duplicates merged into the client (domain-people §5): the merged client's name and the reason. */
export const mergesSource = defineTimelineSource({
  kind: "clients.merges",
  label: "timeline.kinds.merges",
  tone: "rose",
  resource: "clients.merges",
  table: (t) => t.clientMerges,
  id: (t) => t.clientMerges.id,
  client: (t, clientId) => eq(t.clientMerges.keptId, clientId),
  at: (t) => t.clientMerges.at,
  show: (t) => ({
    title: t.clientMerges.mergedName,
    summary: t.clientMerges.reason,
    author: userNameOf(t, q(t.clientMerges.userId)),
  }),
});
