import { z } from "zod";
import { centreUrl } from "@/server/tenancy/public-url";
import {
  createTenant,
  listTenants,
  migrateOne,
  resetTenant,
  resumeTenant,
  suspendTenant,
  LOCALES,
} from "@/server/tenancy/lifecycle";
import { AppError } from "@/server/errors";
import { activeGrantsByTenant } from "@/server/support/grants";
import { issueSupportToken } from "@/server/support/token";
import { failedMoves, reachableClusters, startMove } from "@/server/tenancy/move";
import { availability, findTenantBySlug } from "@/server/tenancy/registry";
import {
  availabilitySchema,
  localizedTextSchema,
  tenantKindSchema,
  tenantStatusSchema,
} from "@/server/tenancy/schemas";
import { TENANT_SCHEMA_VERSION } from "@/server/tenancy/version";
import { router } from "@/server/trpc/init";
import { operatorProcedure } from "@/server/trpc/procedures";

const slugInput = z.object({ slug: z.string().min(1).max(63) });
const actorOf = (ctx: { operator: { email: string } }) => `operator:${ctx.operator.email}`;

const tenantRow = z.object({
  slug: z.string(),
  url: z.string(),
  names: localizedTextSchema,
  kind: tenantKindSchema,
  status: tenantStatusSchema,
  availability: availabilitySchema,
  schemaVersion: z.number(),
  migrationError: z.string().nullable(),
  createdAt: z.date(),
  clusterId: z.string(),
  /** The cluster a move is copying the centre to, while it does. */
  movingTo: z.string().nullable(),
  /** The last move, if it failed (the centre stayed where it was). */
  moveFailed: z.object({ at: z.date(), to: z.string(), error: z.string() }).nullable(),
  /** The centre's active support access, if its administrators granted one. */
  support: z.object({ endsAt: z.date(), grantedByName: z.string(), reason: z.string() }).nullable(),
});

// Operators manage centres from the control plane; nothing here reads a centre's own schema. Reading
// a centre's data takes a support session, which only the centre's administrators can allow.
export const operatorRouter = router({
  me: operatorProcedure
    .output(z.object({ email: z.string(), name: z.string() }))
    .query(({ ctx }) => ({ email: ctx.operator.email, name: ctx.operator.name })),

  tenants: router({
    list: operatorProcedure
      .output(z.object({ codeVersion: z.number(), tenants: z.array(tenantRow) }))
      .query(async () => {
        const rows = await listTenants();
        const grants = await activeGrantsByTenant(rows.map((r) => r.id));
        const failed = await failedMoves(rows.map((r) => r.id));
        return {
          codeVersion: TENANT_SCHEMA_VERSION,
          tenants: rows.map((r) => ({
            ...r,
            url: centreUrl(r.slug),
            availability: availability(r),
            migrationError: r.migrationState === "failed" ? r.migrationError : null,
            support: grants.get(r.id) ?? null,
            moveFailed: failed.get(r.id) ?? null,
          })),
        };
      }),

    create: operatorProcedure
      .input(
        z.object({
          slug: z.string().min(1).max(63),
          name: z.string().trim().min(2).max(120),
          /** The home page's welcome in the default language, as the centre writes it; none gives a neutral one. */
          greeting: z.string().trim().max(200).optional(),
          locale: z.enum(LOCALES),
          kind: tenantKindSchema,
        }),
      )
      .output(z.object({ slug: z.string(), url: z.string(), created: z.boolean() }))
      .mutation(async ({ ctx, input }) => {
        const { tenant, created } = await createTenant(
          {
            slug: input.slug,
            names: { fr: input.name, [input.locale]: input.name },
            greetings: input.greeting ? { [input.locale]: input.greeting } : {},
            defaultLocale: input.locale,
            kind: input.kind,
          },
          actorOf(ctx),
        );
        ctx.log.info({ slug: tenant.slug, created }, "tenant created from console");
        return { slug: tenant.slug, url: centreUrl(tenant.slug), created };
      }),

    suspend: operatorProcedure
      .input(slugInput)
      .output(z.object({ status: z.string() }))
      .mutation(async ({ ctx, input }) => ({ status: (await suspendTenant(input.slug, actorOf(ctx))).status })),
    resume: operatorProcedure
      .input(slugInput)
      .output(z.object({ status: z.string() }))
      .mutation(async ({ ctx, input }) => ({ status: (await resumeTenant(input.slug, actorOf(ctx))).status })),
    migrate: operatorProcedure
      .input(slugInput)
      .output(z.object({ applied: z.array(z.string()), version: z.number() }))
      .mutation(async ({ ctx, input }) => {
        const { applied, version } = await migrateOne(input.slug, actorOf(ctx));
        return { applied, version };
      }),
    /** The clusters centres can be moved to (the move button shows only when there are two or more). */
    clusters: operatorProcedure
      .output(z.array(z.object({ id: z.string(), description: z.string() })))
      .query(() => reachableClusters()),
    /** Starts moving a centre to another cluster; the list shows it moving until it is served there again. */
    move: operatorProcedure
      .input(slugInput.extend({ to: z.string().min(1).max(63) }))
      .output(z.object({ movingTo: z.string() }))
      .mutation(async ({ ctx, input }) => {
        await startMove(input.slug, input.to, actorOf(ctx), ctx.log);
        return { movingTo: input.to };
      }),
    reset: operatorProcedure
      .input(slugInput)
      .output(z.object({ status: z.string() }))
      .mutation(async ({ ctx, input }) => ({ status: (await resetTenant(input.slug, actorOf(ctx))).tenant.status })),
  }),

  support: router({
    /**
     * The address that opens a support session on the centre: a single-use token valid two
     * minutes, issued only while the centre's administrators grant support access.
     */
    open: operatorProcedure
      .input(slugInput)
      .output(z.object({ url: z.string(), endsAt: z.date() }))
      .mutation(async ({ ctx, input }) => {
        const tenant = await findTenantBySlug(input.slug);
        if (!tenant) throw new AppError("TENANT_NOT_FOUND", { slug: input.slug });
        if (availability(tenant) !== "served") throw new AppError("TENANT_UNAVAILABLE");
        const { token, grant } = await issueSupportToken(ctx.operator, tenant);
        ctx.log.info({ slug: tenant.slug, grantId: grant.id }, "support session token issued");
        return {
          url: `${centreUrl(tenant.slug)}/api/support/enter?token=${encodeURIComponent(token)}`,
          endsAt: grant.endsAt,
        };
      }),
  }),
});
