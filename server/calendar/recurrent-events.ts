import { eq, inArray, max, sql } from "drizzle-orm";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import { belgianToday } from "@/lib/format";
import { actorOf, type Actor } from "@/server/audit";
import { centreLocaleOf } from "@/server/tenancy/registry";
import { localized, type Locale } from "@/server/i18n/locale";
import { defineJob } from "@/server/jobs/define";
import { defineResource, type ResourceCtx, type ResourceDef } from "@/server/resources/define";
import { defineChoiceList } from "@/server/resources/choices";
import { boolean, choice, date, integer, localizedText, longText, reference } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { entryTypeNameOf } from "./config";
import { entriesResource } from "./entries";
import { CALENDAR_ROLES } from "./workflow";
import { generateSeries, type SeriesOwner, type SeriesOwnerKind } from "./series/generate";
import { MAX_AUTO_EVENTS } from "./series/plan";
import { RECURRENCE_UNITS, type RecurrenceUnit } from "./series/recurrence";

/**
 * Recurrent events (domain-people §10.1, Lino's "recurrent events"): the holidays a centre closes on,
 * yearly or relative to Easter, each generating its calendar entries through the series engine
 * (without caring about conflicts). Configure → Calendar, office staff.
 */

type Tx = TenantHandle["db"];
export const RECURRENT_EVENT = "recurrentEvent";
export const recurrenceUnits = defineChoiceList("recurrenceUnits", RECURRENCE_UNITS);

type Row = TenantTables["recurrentEvents"]["$inferSelect"];

/** The last day a recurrent event's entries are generated until: the end of `year`, or its own end. */
const untilOf = (row: Row, year: number) => {
  const end = `${year}-12-31`;
  return row.endDate && row.endDate < end ? row.endDate : end;
};

/** The series of a recurrent event: its name on each day (in the centre's language), for nobody in particular. */
export function recurrentEventOwner(row: Row, locale: Locale, year: number): SeriesOwner {
  const unit = RECURRENCE_UNITS.find((u) => u === row.everyUnit) as RecurrenceUnit | undefined;
  const name = localized(row.names, locale);
  return {
    ownerType: RECURRENT_EVENT,
    ownerId: row.id,
    rule:
      row.active && unit
        ? {
            first: row.startDate,
            unit,
            every: row.every,
            weekdays: null,
            until: untilOf(row, year),
            maxEvents: row.maxEvents ?? MAX_AUTO_EVENTS,
            startTime: row.startTime,
            endTime: row.endTime,
          }
        : null,
    typeId: row.typeId,
    summary: () => name,
    responsible: () => null,
    resolveConflicts: false,
  };
}

/** The year up to which a centre's recurrent events were generated: never less than next year. */
async function horizonYear(tx: Tx, t: TenantTables, atLeast = Number(belgianToday().slice(0, 4)) + 1) {
  const [row] = await tx
    .select({ last: max(t.calendarEntries.startDate) })
    .from(t.calendarEntries)
    .where(eq(t.calendarEntries.ownerType, RECURRENT_EVENT));
  return Math.max(atLeast, row?.last ? Number(String(row.last).slice(0, 4)) : 0);
}

/**
 * Generates the entries of the centre's recurrent events (all of them, or `ids`) up to the end of
 * `year` (at least up to what was generated already, so that no year is lost), audited as `who`.
 */
export async function generateRecurrentEvents(
  tx: Tx,
  { t, tenantId }: Pick<TenantHandle, "t" | "tenantId">,
  who: Actor,
  opts: { year?: number; ids?: readonly number[]; locale?: Locale } = {},
) {
  const year = await horizonYear(tx, t, opts.year);
  // The holidays' entries are named in the centre's language, whoever generates them.
  const locale = opts.locale ?? (await centreLocaleOf(tenantId));
  const rows = await tx
    .select()
    .from(t.recurrentEvents)
    .where(opts.ids ? inArray(t.recurrentEvents.id, [...opts.ids]) : undefined)
    .orderBy(t.recurrentEvents.id);
  return generateSeries(
    tx,
    t,
    who,
    rows.map((row) => recurrentEventOwner(row, locale, year)),
  );
}

/** How "move to next" and other areas find a recurrent event's series again. */
export const recurrentEventOwners: SeriesOwnerKind = {
  ownerType: RECURRENT_EVENT,
  load: async (tx, { t, tenantId }, ids) => {
    const year = await horizonYear(tx, t);
    const locale = await centreLocaleOf(tenantId);
    const rows = await tx
      .select()
      .from(t.recurrentEvents)
      .where(inArray(t.recurrentEvents.id, [...ids]));
    return rows.map((row) => recurrentEventOwner(row, locale, year));
  },
};

const YEAR = { min: 2000, max: 2100 };

export const recurrentEventsResource = defineResource({
  id: "calendar.recurrentEvents",
  title: "resources.recurrentEvents.title",
  countLabel: "relations.recurrentEvents",
  table: (t) => t.recurrentEvents,
  pk: (t) => t.recurrentEvents.id,
  version: (t) => t.recurrentEvents.version,
  fields: {
    id: integer("fields.id", (t) => t.recurrentEvents.id, { editable: false, plain: true, width: 6 }),
    name: localizedText("fields.name", (t) => t.recurrentEvents.names, { required: true }),
    type: reference(
      "resources.recurrentEvents.type",
      "calendar.entryTypes",
      (t) => t.recurrentEvents.typeId,
      (t) => entryTypeNameOf(t, q(t.recurrentEvents.typeId)),
      { required: true, localized: true },
    ),
    startDate: date("resources.recurrentEvents.startDate", (t) => t.recurrentEvents.startDate, { required: true }),
    endDate: date("resources.recurrentEvents.endDate", (t) => t.recurrentEvents.endDate),
    everyUnit: {
      ...choice("resources.recurrentEvents.everyUnit", (t) => t.recurrentEvents.everyUnit, recurrenceUnits, {
        required: true,
      }),
      help: "resources.recurrentEvents.everyUnitHelp",
    },
    every: integer("resources.recurrentEvents.every", (t) => t.recurrentEvents.every, {
      min: 1,
      max: 999,
      width: 6,
      required: true,
    }),
    maxEvents: integer("resources.recurrentEvents.maxEvents", (t) => t.recurrentEvents.maxEvents, {
      min: 1,
      max: 999,
      width: 6,
    }),
    active: {
      ...boolean("resources.recurrentEvents.active", (t) => t.recurrentEvents.active),
      help: "resources.recurrentEvents.activeHelp",
    },
    description: longText("fields.description", (t) => t.recurrentEvents.description),
  },
  columns: ["name", "startDate", "everyUnit", "every", "type", "active"],
  hiddenColumns: ["id", "endDate", "maxEvents", "description"],
  titleField: "name",
  defaultSort: [{ field: "startDate", dir: "asc" }],
  access: { view: ["OfficeUser", "OfficeOperator"], edit: ["OfficeStaff"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["name", "type", "active"] },
        { fields: ["startDate", "everyUnit", "every", "endDate", "maxEvents"] },
        { fields: ["description"] },
      ],
      slaves: [
        { resource: "calendar.byRecurrentEvent", label: "resources.recurrentEvents.entries", masterField: "ownerId" },
      ],
    },
  ],
  insert: {
    fields: ["name", "type", "startDate", "everyUnit", "every", "active"],
    defaults: () => ({ everyUnit: "yearly", every: 1, active: true }),
  },
  // Saving the event brings its entries up to date (§10.4: the owner's series follows each save).
  afterSave: async (tx, ctx, id) => {
    await generateRecurrentEvents(tx, ctx.handle, actorOf(ctx.user), { ids: [Number(id)] });
  },
  actions: [
    {
      name: "generate",
      label: "resources.recurrentEvents.generate",
      roles: ["OfficeStaff"],
      params: {
        year: {
          ...integer("resources.recurrentEvents.year", (t) => t.recurrentEvents.every, { ...YEAR, required: true }),
          input: z.number().int().min(YEAR.min).max(YEAR.max),
        },
      },
      run: (ctx: ResourceCtx, id, params) =>
        ctx.handle.db.transaction(async (tx) => {
          await generateRecurrentEvents(tx as never, ctx.handle, actorOf(ctx.user), {
            ids: [Number(id)],
            year: Number(params.year),
          });
        }),
    },
  ],
});

/** Every year on 1 December, the holidays of the next year are generated (of every active recurrent event). */
export const generateHolidaysJob = defineJob({
  name: "calendar.generateHolidays",
  label: "resources.recurrentEvents.job",
  payload: z.object({ year: z.number().int().min(YEAR.min).max(YEAR.max).optional() }),
  schedule: "0 3 1 12 *",
  run: async (handle, payload) => {
    await handle.db.transaction(async (tx) => {
      await generateRecurrentEvents(
        tx as never,
        handle,
        { actor: "job:calendar.generateHolidays", actingFor: null },
        payload,
      );
    });
  },
});

/** The entries a recurrent event generated (§10.6 "entries by controller"), on its detail. */
export const byRecurrentEventResource: ResourceDef = {
  ...entriesResource,
  id: "calendar.byRecurrentEvent",
  title: "resources.recurrentEvents.entries",
  // Read here; each entry is changed on its own detail (calendar.entries).
  access: { view: CALENDAR_ROLES, create: [], edit: [], listAll: [] },
  variantOf: entriesResource.id,
  insert: undefined,
  columns: ["startDate", "summary", "autoType", "state"],
  defaultSort: [{ field: "startDate", dir: "asc" }],
  fields: {
    ...entriesResource.fields,
    ownerId: {
      ...entriesResource.fields.ownerId!,
      masterWhere: (t, value) =>
        sql`(${q(t.calendarEntries.ownerType)} = ${RECURRENT_EVENT} and ${q(t.calendarEntries.ownerId)} = ${Number(value)})`,
    },
  },
};
