import { and, asc, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { localized } from "@/server/i18n/locale";
import type { ResourceCtx } from "@/server/resources/define";
import { router } from "@/server/trpc/init";
import { authedProcedure } from "@/server/trpc/procedures";
import { activeStaff, byStaffName } from "@/server/users/sql";
import { bookInput, bookSlot, coachesOf, findInput, proposeSlots, slotOutput } from "./free-slots";
import {
  assertPlanner,
  CALENDAR_TYPES,
  createFromSlot,
  createInput,
  moveEntry,
  moveInput,
  plannerEntry,
  plannerRange,
  rangeInput,
} from "./planner";
import { belgianToday } from "@/lib/format";

/**
 * The planners' procedures (`calendar.*`). Each one checks that the user plans (OfficeUser or
 * OfficeOperator, `assertPlanner`): the guard is "signed in", the role check one of two roles.
 */
const resourceCtx = ({ handle, user, locale, registry }: ResourceCtx): ResourceCtx => ({
  handle,
  user,
  locale,
  registry,
});

const optionsOutput = z.object({
  me: z.number(),
  mayPlanForOthers: z.boolean(),
  agents: z.array(z.object({ id: z.number(), name: z.string(), team: z.number().nullable() })),
  rooms: z.array(z.object({ id: z.number(), name: z.string() })),
  types: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      defaultDuration: z.number().nullable(),
      bookable: z.boolean(),
      plannerColumn: z.string().nullable(),
    }),
  ),
});

export const plannerRouter = router({
  /** What the planner pages offer: the agents with a calendar (and their team), the rooms, the entry types. */
  options: authedProcedure.output(optionsOutput).query(async ({ ctx }) => {
    assertPlanner(ctx);
    const { db, t } = ctx;
    const [agents, rooms, types] = await Promise.all([
      db
        .select({
          id: t.users.id,
          name: sql<string>`trim(${t.users.firstName} || ' ' || ${t.users.lastName})`,
          team: t.users.coachingTypeId,
        })
        .from(t.users)
        .where(and(activeStaff(t), inArray(t.users.userType, CALENDAR_TYPES)))
        .orderBy(...byStaffName(t.users)),
      db.select({ id: t.rooms.id, names: t.rooms.names }).from(t.rooms).orderBy(asc(t.rooms.id)),
      db.select().from(t.entryTypes).orderBy(asc(t.entryTypes.seqno)),
    ]);
    return {
      me: ctx.user.id,
      mayPlanForOthers: ctx.user.roles.has("OfficeOperator"),
      agents,
      rooms: rooms.map((r) => ({ id: r.id, name: localized(r.names, ctx.locale) })),
      types: types
        .filter((type) => !type.allRooms)
        .map((type) => ({
          id: type.id,
          name: localized(type.names, ctx.locale),
          defaultDuration: type.defaultDuration,
          bookable: type.isAppointment && type.inviteClient,
          plannerColumn: type.plannerColumn,
        })),
    };
  }),

  /** The entries of a range of days for some agents and rooms, as this user may see them. */
  range: authedProcedure
    .input(rangeInput)
    .output(z.array(plannerEntry))
    .query(({ ctx, input }) => plannerRange(resourceCtx(ctx), input)),

  /** Moves or resizes an entry (drag and drop, keyboard); refused when stale. */
  move: authedProcedure
    .input(moveInput)
    .output(z.object({ version: z.number() }))
    .mutation(({ ctx, input }) => moveEntry(resourceCtx(ctx), input)),

  /** Creates an entry in a selected slot. */
  create: authedProcedure
    .input(createInput)
    .output(z.object({ id: z.union([z.number(), z.string()]) }))
    .mutation(({ ctx, input }) => createFromSlot(resourceCtx(ctx), input)),

  /** The agents a date can be found with for a client: the client's coaches (§11 "Agents by client"). */
  coaches: authedProcedure
    .input(z.object({ client: z.number().int().positive() }))
    .output(z.array(z.object({ id: z.number(), name: z.string() })))
    .query(({ ctx, input }) => {
      assertPlanner(ctx);
      return coachesOf(ctx.db, ctx.t, input.client, belgianToday());
    }),

  /** The next free slots of an agent or of the client's coaches (issue 15 §5). */
  findSlots: authedProcedure
    .input(findInput)
    .output(z.array(slotOutput))
    .query(({ ctx, input }) => proposeSlots(resourceCtx(ctx), input)),

  /** Books a proposed slot, the client invited. */
  book: authedProcedure
    .input(bookInput)
    .output(z.object({ id: z.union([z.number(), z.string()]) }))
    .mutation(({ ctx, input }) => bookSlot(resourceCtx(ctx), input)),
});
