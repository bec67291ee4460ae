import { z } from "zod";
import { actorOf } from "@/server/audit";
import { isCalendarDate, upperFirst } from "@/lib/format";
import { localized } from "@/server/i18n/locale";
import { translatorFor } from "@/server/i18n/translator";
import { router } from "@/server/trpc/init";
import { roleProcedure } from "@/server/trpc/procedures";
import { computeEsf } from "./esf";
import { allKindFigures, activityReport, reportSchema, statisticsReport } from "./report";

/** The reports are for the integration service: agents, managers, administrators (IntegUser, §1), not reception. */
export const REPORT_ROLE = "IntegUser" as const;
const reader = roleProcedure(REPORT_ROLE);

/** Days of a period, both ends included; at most ten years, the first day not after the last. */
export const periodSchema = z
  .object({
    from: z.string().refine(isCalendarDate),
    to: z.string().refine(isCalendarDate),
  })
  .refine((p) => p.from <= p.to, { path: ["to"] })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 3_660 * 86_400_000, { path: ["to"] });

const chartsSchema = z.array(
  z.object({
    kind: z.string(),
    label: z.string(),
    types: z.array(
      z.object({
        name: z.string(),
        active: z.number(),
        started: z.number(),
        ended: z.number(),
        activeAtEnd: z.number(),
      }),
    ),
    endings: z.array(z.object({ name: z.string(), count: z.number(), success: z.boolean() })),
  }),
);

/** `integ.*`: the activity report and the contract statistics of a period (domain-integ-money §2.9). */
export const integReportsRouter = router({
  activityReport: reader
    .input(periodSchema)
    .output(reportSchema)
    .query(({ ctx, input }) =>
      activityReport(
        {
          handle: ctx.handle,
          user: ctx.user,
          registry: ctx.registry,
          locale: ctx.locale,
          t: translatorFor(ctx.locale),
        },
        input,
      ),
    ),

  /** The statistics page: its tables, and what its charts draw (per kind: types and endings). */
  statistics: reader
    .input(periodSchema)
    .output(z.object({ report: reportSchema, charts: chartsSchema }))
    .query(async ({ ctx, input }) => {
      const t = translatorFor(ctx.locale);
      const figures = await allKindFigures(ctx, input);
      const report = await statisticsReport(
        { handle: ctx.handle, user: ctx.user, registry: ctx.registry, locale: ctx.locale, t },
        input,
        figures,
      );
      const charts = figures.map((f) => ({
        kind: f.kind.kind,
        label: upperFirst(t(f.kind.label)),
        types: f.types.map((ty) => ({
          name: localized(ty.names, ctx.locale),
          active: ty.active,
          started: ty.started,
          ended: ty.ended,
          activeAtEnd: ty.activeAtEnd,
        })),
        endings: f.endings.map((e) => ({
          name: e.names === null ? t("integReports.noEnding") : localized(e.names, ctx.locale),
          count: e.total,
          success: e.isSuccess,
        })),
      }));
      return { report, charts };
    }),

  /** (Re)computes the ESF summaries of a year (§2.10): new ones created, others updated unless a user changed them. */
  esfCompute: reader
    .input(z.object({ year: z.number().int().min(2000).max(2100) }))
    .output(z.object({ created: z.number(), updated: z.number(), kept: z.number() }))
    .mutation(({ ctx, input }) => computeEsf(ctx.handle, actorOf(ctx.user), input.year)),
});
