import { sql } from "drizzle-orm";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import { defineChoiceList } from "@/server/resources/choices";
import type { FilterDef } from "@/server/resources/define";
import { qualified as q } from "@/server/resources/query";
import { filterPeriod } from "./rules/period";
import { coachingActive } from "@/server/coachings/sql";
import { belgianToday } from "@/lib/format";

/**
 * The "observed event" filter of the client lists (domain-people §3.6): clients to whom something
 * happened in the filter's period. Events of areas that do not exist yet (notes, contracts,
 * availability) are not offered.
 */
export const clientEvents = defineChoiceList("clientEvents", ["created", "modified", "active", "dispense", "penalty"]);

/** The list's period: empty start takes the end (or today), empty end takes the start. */
export function periodOf(all: Record<string, unknown>) {
  const period = (all.period ?? {}) as { from?: string; to?: string };
  return filterPeriod(period.from, period.to, belgianToday());
}

function eventCondition(event: string, t: TenantTables, all: Record<string, unknown>) {
  const { start, end } = periodOf(all);
  const p = t.partners;
  switch (event) {
    case "created":
      return sql`${p.createdAt}::date between ${start} and ${end}`;
    case "modified":
      return sql`${p.modifiedAt}::date between ${start} and ${end}`;
    case "active":
      return sql`exists (select 1 from ${t.coachings} where ${q(t.coachings.clientId)} = ${q(p.id)} and ${coachingActive(t, start, end)})`;
    case "dispense":
      return sql`exists (select 1 from ${t.dispenses} where ${q(t.dispenses.clientId)} = ${q(p.id)}
      and (${q(t.dispenses.startDate)} is null or ${q(t.dispenses.startDate)} <= ${end}) and (${q(t.dispenses.endDate)} is null or ${q(t.dispenses.endDate)} >= ${start}))`;
    // Lino's "penalty" filters dispenses again (a copy-paste slip, domain-people §21); an exclusion
    // from unemployment benefit is the penalty meant, so it is what is looked for here.
    case "penalty":
      return sql`exists (select 1 from ${t.exclusions} where ${q(t.exclusions.clientId)} = ${q(p.id)}
      and (${q(t.exclusions.excludedFrom)} is null or ${q(t.exclusions.excludedFrom)} <= ${end}) and (${q(t.exclusions.excludedUntil)} is null or ${q(t.exclusions.excludedUntil)} >= ${start}))`;
    default:
      return undefined;
  }
}

export const clientEventFilters: Record<string, FilterDef> = {
  observedEvent: {
    label: "resources.clients.observedEvent",
    widget: "choice",
    choices: clientEvents,
    schema: z.enum(clientEvents.values as [string, ...string[]]),
    where: (v: string, t, _ctx, all) => eventCondition(v, t, all),
  },
  group: {
    label: "fields.integrationPhase",
    widget: "ref",
    ref: "clients.personGroups",
    schema: z.number().int(),
    where: (v: number, t) => sql`${t.partners.groupId} = ${v}`,
  },
  onlyActive: {
    label: "resources.clients.onlyActive",
    widget: "boolean",
    schema: z.boolean(),
    where: (v: boolean, t) =>
      v
        ? sql`exists (select 1 from ${t.personGroups} where ${q(t.personGroups.id)} = ${q(t.partners.groupId)} and ${q(t.personGroups.active)})`
        : undefined,
  },
};
