import { eq, isNotNull, sql } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { brusselsMoment, defineTimelineSource, type TimelineSource } from "@/server/history/timeline";
import type { ResourceCtx } from "@/server/resources/define";
import { localizedText, qualified as q } from "@/server/resources/query";
import { userNameOf } from "@/server/users/sql";

const c = (t: TenantTables) => t.coachings;
/** "Social service · Mélanie Mélard": the coaching's service and its coach. */
const serviceAndCoach = (t: TenantTables, ctx: ResourceCtx) =>
  sql`concat_ws(' · ', (select nullif(${localizedText(t.coachingTypes.names, ctx.locale)}, '') from ${t.coachingTypes} where ${q(t.coachingTypes.id)} = ${q(c(t).coachingTypeId)}), ${userNameOf(t, q(c(t).userId))})`;
const common = {
  resource: "coachings.coachings",
  table: c,
  id: (t: TenantTables) => c(t).id,
  client: (t: TenantTables, clientId: number) => eq(c(t).clientId, clientId),
} satisfies Partial<TimelineSource>;

/** When each coaching of the client began and, once it has, ended (domain-people §8): two kinds of the same rows. */
export const coachingsTimeline = [
  defineTimelineSource({
    ...common,
    kind: "coachings.started",
    label: "timeline.kinds.coachingStarted",
    tone: "emerald",
    at: (t) => brusselsMoment(c(t).startDate),
    show: (t, ctx) => ({ title: serviceAndCoach(t, ctx), summary: sql`''`, author: sql`null`, dateOnly: sql`true` }),
  }),
  defineTimelineSource({
    ...common,
    kind: "coachings.ended",
    label: "timeline.kinds.coachingEnded",
    tone: "teal",
    where: (t) => isNotNull(c(t).endDate),
    at: (t) => brusselsMoment(c(t).endDate),
    show: (t, ctx) => ({
      title: serviceAndCoach(t, ctx),
      summary: sql`coalesce((select ${localizedText(t.coachingEndings.names, ctx.locale)} from ${t.coachingEndings} where ${q(t.coachingEndings.id)} = ${q(c(t).endingId)}), '')`,
      author: sql`null`,
      dateOnly: sql`true`,
    }),
  }),
];
