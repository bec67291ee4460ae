import { z } from "zod";
import { deletionPreviewSchema } from "@/lib/deletion";
import { listPageSchema, listStateSchema, rowSchema, type ResourceMeta } from "@/lib/resources";
import { assertCan } from "./access";
import { describeResource } from "./meta";
import { router } from "@/server/trpc/init";
import { authedProcedure } from "@/server/trpc/procedures";
import type { ResourceCtx } from "./define";
import { resourceOf } from "./registry";
import {
  createRow,
  deleteRow,
  deletionPreview,
  getRow,
  listRows,
  quickSearch,
  runAction,
  runTransition,
  updateRow,
} from "./service";
import { loadPanel } from "./panels";
import { refOptions, refOptionSchema, refSourceSchema } from "./ref-options";

/**
 * One set of procedures serves every declared resource; each checks the resource's own access
 * rules. An id nobody declared is NOT_FOUND, like a made-up address.
 */
const resourceId = z.string().max(64);
const rowId = z.union([z.number().int(), z.string().min(1).max(100)]);
/** Values by field name. A `__proto__` key is refused like any unknown field (zod's record would drop it silently). */
const values = z
  .custom<object>((v) => typeof v === "object" && v !== null && !Object.hasOwn(v, "__proto__"))
  .pipe(z.record(z.string().max(64), z.unknown()));
const versioned = z.object({ version: z.number().int() });

const resourceCtx = ({ handle, user, locale, registry }: ResourceCtx): ResourceCtx => ({
  handle,
  user,
  locale,
  registry,
});

export const resourcesRouter = router({
  /** What the user's browser needs to render the resource; FORBIDDEN if their type may not see it. */
  meta: authedProcedure
    .input(z.object({ resource: resourceId }))
    .output(z.custom<ResourceMeta>((v) => typeof v === "object" && v !== null))
    .query(({ ctx, input }) => {
      const def = resourceOf(ctx.registry, input.resource);
      assertCan(def, "view", ctx.user);
      return describeResource(ctx.handle, def, ctx.user, resourceCtx(ctx));
    }),

  list: authedProcedure
    .input(z.object({ resource: resourceId, state: listStateSchema }))
    .output(listPageSchema)
    .query(({ ctx, input }) => listRows(resourceCtx(ctx), resourceOf(ctx.registry, input.resource), input.state)),

  get: authedProcedure
    .input(z.object({ resource: resourceId, id: rowId }))
    .output(rowSchema)
    .query(({ ctx, input }) => getRow(resourceCtx(ctx), resourceOf(ctx.registry, input.resource), input.id)),

  /** The data of one detail panel of a row (its shape is the panel's own; see server/resources/panels.ts). */
  panel: authedProcedure
    .input(z.object({ resource: resourceId, id: rowId, key: z.string().max(64), params: z.unknown().optional() }))
    .output(z.unknown())
    .query(({ ctx, input }) =>
      loadPanel(resourceCtx(ctx), resourceOf(ctx.registry, input.resource), input.id, input.key, input.params),
    ),

  create: authedProcedure
    .input(z.object({ resource: resourceId, values, confirmed: z.boolean().default(false) }))
    .output(z.object({ id: rowId }))
    .mutation(({ ctx, input }) =>
      createRow(resourceCtx(ctx), resourceOf(ctx.registry, input.resource), input.values, input.confirmed),
    ),

  update: authedProcedure
    .input(z.object({ resource: resourceId, id: rowId, version: z.number().int(), patch: values }))
    .output(versioned)
    .mutation(({ ctx, input }) =>
      updateRow(resourceCtx(ctx), resourceOf(ctx.registry, input.resource), input.id, input.version, input.patch),
    ),

  /** What deleting the row would take with it and what forbids it (the confirmation dialog), for users who may delete it. */
  deletePreview: authedProcedure
    .input(z.object({ resource: resourceId, id: rowId }))
    .output(deletionPreviewSchema)
    .query(({ ctx, input }) => deletionPreview(resourceCtx(ctx), resourceOf(ctx.registry, input.resource), input.id)),

  remove: authedProcedure
    .input(z.object({ resource: resourceId, id: rowId, version: z.number().int() }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await deleteRow(resourceCtx(ctx), resourceOf(ctx.registry, input.resource), input.id, input.version);
      return { ok: true as const };
    }),

  transition: authedProcedure
    .input(
      z.object({
        resource: resourceId,
        id: rowId,
        version: z.number().int(),
        name: z.string().max(64),
        params: values.default({}),
      }),
    )
    .output(versioned)
    .mutation(({ ctx, input }) =>
      runTransition(
        resourceCtx(ctx),
        resourceOf(ctx.registry, input.resource),
        input.id,
        input.version,
        input.name,
        input.params,
      ),
    ),

  action: authedProcedure
    .input(
      z.object({
        resource: resourceId,
        id: rowId,
        name: z.string().max(64),
        params: values.default({}),
        version: z.number().int().optional(),
      }),
    )
    .output(
      z.object({
        ok: z.literal(true),
        open: z.object({ resource: z.string(), id: z.union([z.string(), z.number()]) }).nullable(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const result = await runAction(
        resourceCtx(ctx),
        resourceOf(ctx.registry, input.resource),
        input.id,
        input.name,
        input.params,
        input.version,
      );
      return { ok: true as const, open: result?.open ?? null };
    }),

  /** A reference picker's options: the rows the user may choose for one ref field, filter or action parameter (id and title only). */
  refOptions: authedProcedure
    .input(
      z.object({
        resource: resourceId,
        source: refSourceSchema,
        q: z.string().trim().max(100).default(""),
        page: z.number().int().min(1).max(1000).default(1),
        ids: z.array(rowId).max(50).optional(),
      }),
    )
    .output(z.object({ options: z.array(refOptionSchema), more: z.boolean() }))
    .query(({ ctx, input }) =>
      refOptions(resourceCtx(ctx), resourceOf(ctx.registry, input.resource), input.source, input),
    ),

  search: authedProcedure
    .input(z.object({ q: z.string().trim().min(1).max(100) }))
    .output(
      z.array(
        z.object({
          resource: z.string(),
          hits: z.array(
            z.object({
              resource: z.string(),
              id: rowId,
              title: z.union([z.string(), z.record(z.string(), z.string().optional())]),
            }),
          ),
        }),
      ),
    )
    .query(({ ctx, input }) => quickSearch(resourceCtx(ctx), input.q)),
});
