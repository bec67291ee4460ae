/**
 * The integration service's reports as plain tables of counts, in the reader's language: the activity
 * report (domain-integ-money §2.9, Lino's integ.ActivityReport) and the contract statistics. One model
 * serves the page, the XLSX and the PDF. A count of contracts links to the contract list filtered to
 * exactly those contracts (the lists' own "observed event" filters), so every such figure drills down.
 */
import { z } from "zod";
import { gridHref } from "@/app/_components/resource/list-state";
import { formatDate, upperFirst, type UiLocale } from "@/lib/format";
import { listStateSchema } from "@/lib/resources";
import type { SessionUser } from "@/server/auth/session";
import { usersWithClients } from "@/server/coachings/users-with-clients";
import { localized, type Locale } from "@/server/i18n/locale";
import type { Translator } from "@/server/i18n/translator";
import type { Registry } from "@/server/area";
import { CONTRACT_KINDS, type ContractKind } from "@/server/isip/base";
import { can } from "@/server/resources/access";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import {
  clientFigures,
  coachingFigures,
  kindFigures,
  kindTableFigures,
  type KindFigures,
  type KindTableFigures,
  type Period,
} from "./figures";

/** A count, or null where the figure does not apply (shown empty). */
export const reportCellSchema = z.object({ value: z.number().nullable(), href: z.string().optional() });
export const reportTableSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The heading of the rows' label column. */
  head: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.object({ label: z.string(), cells: z.array(reportCellSchema) })),
});
export const reportSchema = z.object({
  title: z.string(),
  /** "01/01/2026 – 31/12/2026" in the reader's format. */
  period: z.string(),
  sections: z.array(z.object({ title: z.string(), tables: z.array(reportTableSchema) })),
});
export type ReportCell = z.infer<typeof reportCellSchema>;
export type ReportTable = z.infer<typeof reportTableSchema>;
export type Report = z.infer<typeof reportSchema>;

interface Ctx {
  handle: Pick<TenantHandle, "db" | "t">;
  user: Pick<SessionUser, "roles">;
  /** Which contract kinds the reader may read (a kind the centre does not use has no readers there). */
  registry: Pick<Registry, "resources">;
  locale: Locale;
  t: Translator;
}

type Filters = Record<string, unknown>;
/** The contract list of a kind showing the contracts to which `event` happened in `period`, narrowed by `more`. */
export const contractsHref = (kind: ContractKind, event: string, period: Period, more: Filters = {}) =>
  gridHref(kind.resource, listStateSchema.parse({ filters: { observedEvent: event, period, ...more } }));

const cell = (value: number | null, href?: string): ReportCell =>
  href && value !== null && value > 0 ? { value, href } : { value };
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export const periodLabel = (p: Period, locale: Locale) =>
  p.from === p.to
    ? formatDate(p.from, locale as UiLocale)
    : `${formatDate(p.from, locale as UiLocale)} – ${formatDate(p.to, locale as UiLocale)}`;

/** A kind table row's label in the reader's language (a name, or a LocalizedText). */
const rowLabel = (l: KindTableFigures["rows"][number]["label"], locale: Locale) =>
  l === null ? "" : typeof l === "string" ? l : localized(l, locale);

/** A type's figures as the statistics show them: one column per event, links to the matching contracts. */
function typesTable(f: KindFigures, period: Period, { locale, t }: Ctx): ReportTable {
  const kind = f.kind;
  const first = { from: period.from, to: period.from };
  const last = { from: period.to, to: period.to };
  const by = (type: number | null) => (type === null ? {} : { type });
  const line = (label: string, type: number | null, fig: Omit<KindFigures["types"][number], "typeId" | "names">) => ({
    label,
    cells: [
      cell(fig.activeAtStart, contractsHref(kind, "active", first, by(type))),
      cell(fig.active, contractsHref(kind, "active", period, by(type))),
      cell(fig.started, contractsHref(kind, "started", period, by(type))),
      cell(fig.ended, contractsHref(kind, "ended", period, by(type))),
      cell(fig.succeeded, contractsHref(kind, "ended", period, { ...by(type), endingSuccess: true })),
      cell(fig.failed, contractsHref(kind, "ended", period, { ...by(type), endingSuccess: false })),
      cell(fig.decided, contractsHref(kind, "decided", period, by(type))),
      cell(fig.issued, contractsHref(kind, "issued", period, by(type))),
      cell(fig.activeAtEnd, contractsHref(kind, "active", last, by(type))),
    ],
  });
  const total = (key: keyof Omit<KindFigures["types"][number], "typeId" | "names">) =>
    sum(f.types.map((ty) => ty[key]));
  return {
    id: `${kind.kind}.types`,
    title: upperFirst(t("integReports.byType", { kind: t(kind.label) })),
    head: t("isip.type"),
    columns: [
      t("integReports.activeOn", { date: formatDate(period.from, locale as UiLocale) }),
      t("integReports.active"),
      t("integReports.started"),
      t("integReports.ended"),
      t("integReports.succeeded"),
      t("integReports.failed"),
      t("integReports.decided"),
      t("integReports.issued"),
      t("integReports.activeOn", { date: formatDate(period.to, locale as UiLocale) }),
    ],
    rows: [
      ...f.types.map((ty) => line(localized(ty.names, locale), ty.typeId, ty)),
      line(t("integReports.total"), null, {
        active: total("active"),
        started: total("started"),
        ended: total("ended"),
        decided: total("decided"),
        issued: total("issued"),
        activeAtStart: total("activeAtStart"),
        activeAtEnd: total("activeAtEnd"),
        succeeded: total("succeeded"),
        failed: total("failed"),
      }),
    ],
  };
}

/** Contracts ended in the period: endings × types (§2.9), with a column saying whether the ending is a success. */
function endingsTable(f: KindFigures, period: Period, { locale, t }: Ctx): ReportTable {
  const kind = f.kind;
  return {
    id: `${kind.kind}.endings`,
    title: upperFirst(t("integReports.endingsByType", { kind: t(kind.label) })),
    head: t("isip.ending"),
    columns: [...f.types.map((ty) => localized(ty.names, locale)), t("integReports.total")],
    rows: f.endings.map((e) => ({
      label:
        e.names === null
          ? t("integReports.noEnding")
          : `${localized(e.names, locale)}${e.isSuccess ? ` (${t("integReports.success")})` : ""}`,
      cells: [
        ...f.types.map((ty) =>
          cell(
            e.byType[ty.typeId] ?? 0,
            e.endingId === null
              ? undefined
              : contractsHref(kind, "ended", period, { type: ty.typeId, ending: e.endingId }),
          ),
        ),
        cell(e.total, e.endingId === null ? undefined : contractsHref(kind, "ended", period, { ending: e.endingId })),
      ],
    })),
  };
}

/** Contracts active on the period's last day by author × type (§2.9 "per user × contract type"). */
function usersTable(f: KindFigures, period: Period, { locale, t }: Ctx): ReportTable {
  const kind = f.kind;
  const last = { from: period.to, to: period.to };
  return {
    id: `${kind.kind}.users`,
    title: upperFirst(
      t("integReports.byUser", { kind: t(kind.label), date: formatDate(period.to, locale as UiLocale) }),
    ),
    head: t("isip.user"),
    columns: [...f.types.map((ty) => localized(ty.names, locale)), t("integReports.total")],
    rows: f.byUser.map((u) => ({
      label: u.userId === null ? t("integReports.noUser") : u.name,
      cells: [
        ...f.types.map((ty) =>
          cell(
            u.byType[ty.typeId] ?? 0,
            u.userId === null ? undefined : contractsHref(kind, "active", last, { type: ty.typeId, user: u.userId }),
          ),
        ),
        cell(u.total, u.userId === null ? undefined : contractsHref(kind, "active", last, { user: u.userId })),
      ],
    })),
  };
}

/**
 * A kind's own table (`ContractKind.reportTables`, §2.9): contracts active in the period by its rows
 * (partner, study type, provider) × type, each count linking to the list filtered the same way.
 */
function kindOwnTable(f: KindFigures, own: KindTableFigures, period: Period, { locale, t }: Ctx): ReportTable {
  const kind = f.kind;
  const { table } = own;
  const types = own.typeIds ? f.types.filter((ty) => own.typeIds!.includes(ty.typeId)) : f.types;
  const label = (l: KindTableFigures["rows"][number]["label"]) => rowLabel(l, locale);
  return {
    id: `${kind.kind}.${table.id}`,
    title: upperFirst(t(table.title, { kind: t(kind.label) })),
    head: t(table.head),
    columns: [...types.map((ty) => localized(ty.names, locale)), t("integReports.total")],
    rows: own.rows
      .map((r) => ({ r, label: label(r.label) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale) || a.r.key - b.r.key)
      .map(({ r, label }) => ({
        label,
        cells: [
          ...types.map((ty) =>
            cell(
              r.byType[ty.typeId] ?? 0,
              contractsHref(kind, "active", period, { type: ty.typeId, [table.filter]: r.key }),
            ),
          ),
          cell(r.total, contractsHref(kind, "active", period, { [table.filter]: r.key })),
        ],
      })),
  };
}

/** The contract kinds whose contracts the reader may read, in the order of `CONTRACT_KINDS`. */
const readableKinds = ({ registry, user }: Pick<Ctx, "registry" | "user">) =>
  CONTRACT_KINDS.filter((kind) => {
    const def = registry.resources.get(kind.resource);
    return !!def && can(def, "view", user);
  });

/** The figures of every kind the reader may read. */
export const allKindFigures = (ctx: Pick<Ctx, "handle" | "registry" | "user">, period: Period) =>
  Promise.all(readableKinds(ctx).map((kind) => kindFigures(ctx.handle, kind, period)));

/** The statistics page's tables (and its exports): per kind, contracts by type and by ending. */
export async function statisticsReport(ctx: Ctx, period: Period, figures?: KindFigures[]): Promise<Report> {
  const kinds = figures ?? (await allKindFigures(ctx, period));
  return {
    title: ctx.t("integReports.statistics"),
    period: periodLabel(period, ctx.locale),
    sections: kinds.map((f) => ({
      title: upperFirst(ctx.t(f.kind.label)),
      tables: [typesTable(f, period, ctx), endingsTable(f, period, ctx)],
    })),
  };
}

/**
 * The activity report (§2.9): general indicators at the period's edges, what happened in the period,
 * the integration agents with their clients by phase, the coachings' causes of ending, then per
 * contract kind its contracts by author × type, by type and by ending × type, then the kind's own
 * tables (`ContractKind.reportTables`: ISIP by external partner and by study type, Art. 60§7 by provider).
 */
export async function activityReport(ctx: Ctx, period: Period): Promise<Report> {
  const { t, locale, handle } = ctx;
  const [kinds, own, coachings, clients, phases] = await Promise.all([
    allKindFigures(ctx, period),
    Promise.all(readableKinds(ctx).map((kind) => kindTableFigures(handle, kind, period))),
    coachingFigures(handle, period),
    clientFigures(handle, period),
    usersWithClients(handle, ctx.user, period.to),
  ]);
  const from = formatDate(period.from, locale as UiLocale);
  const to = formatDate(period.to, locale as UiLocale);
  const first = { from: period.from, to: period.from };
  const last = { from: period.to, to: period.to };

  const indicators: ReportTable = {
    id: "indicators",
    title: t("integReports.indicators"),
    head: t("integReports.indicator"),
    columns: [t("integReports.activeOn", { date: from }), t("integReports.activeOn", { date: to })],
    rows: [
      {
        label: t("integReports.coachedClients"),
        cells: [cell(coachings.clientsAtStart), cell(coachings.clientsAtEnd)],
      },
      ...kinds.map((f) => ({
        label: upperFirst(t("integReports.activeContracts", { kind: t(f.kind.label) })),
        cells: [
          cell(sum(f.types.map((ty) => ty.activeAtStart)), contractsHref(f.kind, "active", first)),
          cell(sum(f.types.map((ty) => ty.activeAtEnd)), contractsHref(f.kind, "active", last)),
        ],
      })),
      // Per row of a kind's indicator tables with contracts active in the period (e.g. per study type).
      ...kinds.flatMap((f, i) =>
        (own[i] ?? [])
          .filter((o) => o.table.indicators)
          .flatMap((o) =>
            o.rows
              .filter((r) => r.total > 0)
              .map((r) => ({ r, row: rowLabel(r.label, locale) }))
              .sort((a, b) => a.row.localeCompare(b.row, locale) || a.r.key - b.r.key)
              .map(({ r, row }) => {
                const by = { [o.table.filter]: r.key };
                return {
                  label: t("integReports.activeContractsBy", { kind: t(f.kind.label), head: t(o.table.head), row }),
                  cells: [
                    cell(r.atStart, contractsHref(f.kind, "active", first, by)),
                    cell(r.atEnd, contractsHref(f.kind, "active", last, by)),
                  ],
                };
              }),
          ),
      ),
    ],
  };
  const periodic: ReportTable = {
    id: "periodic",
    title: t("integReports.periodic"),
    head: "",
    columns: [
      t("integReports.started"),
      t("integReports.active"),
      t("integReports.ended"),
      t("integReports.decided"),
      t("integReports.issued"),
    ],
    rows: [
      {
        label: t("integReports.integCoachings"),
        cells: [cell(coachings.started), cell(coachings.active), cell(coachings.ended), cell(null), cell(null)],
      },
      ...kinds.map((f) => {
        const total = (k: "started" | "active" | "ended" | "decided" | "issued") => sum(f.types.map((ty) => ty[k]));
        return {
          label: upperFirst(t(f.kind.label)),
          cells: (["started", "active", "ended", "decided", "issued"] as const).map((k) =>
            cell(total(k), contractsHref(f.kind, k, period)),
          ),
        };
      }),
    ],
  };
  const clientsTable: ReportTable = {
    id: "clients",
    title: t("integReports.clients"),
    head: "",
    columns: [t("integReports.count")],
    rows: [
      { label: t("integReports.clientsCreated"), cells: [cell(clients.created)] },
      { label: t("integReports.clientsModified"), cells: [cell(clients.modified)] },
    ],
  };
  const phaseTable: ReportTable = {
    id: "phases",
    title: t("integReports.usersWithClients", { date: to }),
    head: t("integReports.agent"),
    columns: [
      ...phases.phases.map((p) => p.refName),
      t("dashboard.usersWithClients.primary"),
      t("dashboard.usersWithClients.active"),
      t("integReports.total"),
    ],
    rows: phases.users.map((u) => ({
      label: u.name,
      cells: [...phases.phases.map((p) => cell(u.byPhase[p.id] ?? 0)), cell(u.primary), cell(u.active), cell(u.total)],
    })),
  };
  const coachingEndings: ReportTable = {
    id: "coachingEndings",
    title: t("integReports.coachingEndings"),
    head: t("integReports.cause"),
    columns: [...coachings.coaches.map((c) => c.name), t("integReports.total")],
    rows: coachings.endings.map((e) => ({
      label: e.names === null ? t("integReports.noEnding") : localized(e.names, locale),
      cells: [...coachings.coaches.map((c) => cell(e.byUser[c.userId] ?? 0)), cell(e.total)],
    })),
  };
  return {
    title: t("integReports.activityReport"),
    period: periodLabel(period, locale),
    sections: [
      { title: t("integReports.general"), tables: [indicators, periodic, clientsTable, phaseTable, coachingEndings] },
      ...kinds.map((f, i) => ({
        title: upperFirst(t(f.kind.label)),
        tables: [
          usersTable(f, period, ctx),
          typesTable(f, period, ctx),
          endingsTable(f, period, ctx),
          ...(own[i] ?? []).map((o) => kindOwnTable(f, o, period, ctx)),
        ],
      })),
    ],
  };
}
