import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import { periodOf } from "@/server/clients/events";
import { coachingActive } from "./sql";
import { defineChoiceList } from "@/server/resources/choices";
import type { FilterDef } from "@/server/resources/define";
import { qualified as q } from "@/server/resources/query";
import { dateRangeSchema, filters, isoDate } from "@/server/resources/fields";

/**
 * The filters of the coachings explorer (domain-people §8): coach, another coach of the same
 * client, primary, service, termination reason, and what happened in a period (today by default,
 * the same period rule as the client lists).
 */
export const coachingEvents = defineChoiceList("coachingEvents", ["active", "started", "ended"]);

function eventCondition(event: string, t: TenantTables, all: Record<string, unknown>) {
  const { start, end } = periodOf(all);
  switch (event) {
    case "active":
      return coachingActive(t, start, end);
    case "started":
      return sql`${q(t.coachings.startDate)} between ${start} and ${end}`;
    case "ended":
      return sql`${q(t.coachings.endDate)} between ${start} and ${end}`;
    default:
      return undefined;
  }
}

/** The client of the listed coaching has a coaching by that user active in the period too. */
function clientAlsoCoachedBy(t: TenantTables, userId: number, all: Record<string, unknown>) {
  const { start, end } = periodOf(all);
  return sql`exists (select 1 from ${t.coachings} other where other.client_id = ${q(t.coachings.clientId)} and other.user_id = ${userId}
    and other.start_date <= ${end} and (other.end_date is null or other.end_date >= ${start}))`;
}

export const coachingFilters: Record<string, FilterDef> = {
  coachedBy: {
    label: "resources.coachings.coachedBy",
    summary: "resources.clients.coachedBySummary",
    widget: "user",
    schema: z.number().int(),
    where: (v: number, t) => eq(t.coachings.userId, v),
  },
  andCoachedBy: {
    label: "resources.coachings.andCoachedBy",
    summary: "resources.clients.andCoachedBySummary",
    widget: "user",
    schema: z.number().int(),
    where: (v: number, t, _ctx, all) => clientAlsoCoachedBy(t, v, all),
  },
  primary: filters.boolean("resources.coachings.primary", (t) => t.coachings.primary),
  coachingType: {
    label: "resources.coachings.coachingType",
    widget: "ref",
    ref: "coachings.types",
    schema: z.number().int(),
    where: (v: number, t) => eq(t.coachings.coachingTypeId, v),
  },
  ending: {
    label: "resources.coachings.ending",
    widget: "ref",
    ref: "coachings.endings",
    schema: z.number().int(),
    where: (v: number, t) => eq(t.coachings.endingId, v),
  },
  period: { label: "resources.clients.period", widget: "dateRange", schema: dateRangeSchema, where: () => undefined },
  observedEvent: {
    label: "resources.clients.observedEvent",
    widget: "choice",
    choices: coachingEvents,
    schema: z.enum(coachingEvents.values as unknown as [string, ...string[]]),
    where: (v: string, t, _ctx, all) => eventCondition(v, t, all),
  },
  activeOn: {
    label: "resources.coachings.activeOn",
    widget: "date",
    schema: isoDate,
    where: (v: string, t) => coachingActive(t, v, v),
  },
  mine: {
    label: "resources.coachings.mine",
    widget: "boolean",
    schema: z.boolean(),
    where: (v: boolean, t, ctx) => (v ? eq(t.coachings.userId, ctx.user.id) : undefined),
  },
};
