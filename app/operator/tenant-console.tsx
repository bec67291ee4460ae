"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatDateTime, type UiLocale } from "@/lib/format";
import type { ListState, Row } from "@/lib/resources";
import type { GridSource, ListResult } from "@/app/_components/resource/data-source";
import { Grid } from "@/app/_components/resource/grid";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { MoveControl } from "./move-control";

type Locale = "fr" | "nl" | "de" | "en";
type Kind = "production" | "training" | "demo";

/** A page of centres from the console's declared list (sorted, filtered and searched on the server). */
function useConsoleTenants(state: ListState): ListResult {
  const trpc = useTRPC();
  return useQuery({ ...trpc.console.tenants.queryOptions({ state }), placeholderData: keepPreviousData });
}

export function TenantConsole() {
  const t = useTranslations("operator");
  const tl = useTranslations("languages");
  const locale = useLocale() as UiLocale;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const meta = useQuery(trpc.console.tenantsMeta.queryOptions(undefined, { staleTime: Infinity }));
  // What the grid's rows do not carry (address, support access, migration state), by slug.
  // Polled while a centre is moving, so the operator sees it served again (or the rollback).
  const details = useQuery({
    ...trpc.operator.tenants.list.queryOptions(),
    refetchInterval: (q) => (q.state.data?.tenants.some((d) => d.movingTo) ? 2000 : false),
  });
  const clusters = useQuery(trpc.operator.tenants.clusters.queryOptions(undefined, { staleTime: 60_000 }));
  const bySlug = new Map(details.data?.tenants.map((d) => [d.slug, d]));
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.operator.tenants.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.console.tenants.queryKey() }),
    ]);
  const report = {
    onSuccess: () => {
      setNotice({ ok: true, text: t("done") });
      void refresh();
    },
    onError: (e: unknown) => {
      setNotice({ ok: false, text: errorMessage(e) });
      void refresh();
    },
  };
  const create = useMutation(
    trpc.operator.tenants.create.mutationOptions({
      onSuccess: (r, input) => {
        setNotice({ ok: true, text: t("create.created", { name: input.name, url: r.url }) });
        void refresh();
      },
      onError: report.onError,
    }),
  );
  const suspend = useMutation(trpc.operator.tenants.suspend.mutationOptions(report));
  const resume = useMutation(trpc.operator.tenants.resume.mutationOptions(report));
  const migrate = useMutation(trpc.operator.tenants.migrate.mutationOptions(report));
  const reset = useMutation(trpc.operator.tenants.reset.mutationOptions(report));
  // The single-use address is followed at once: it expires within two minutes.
  const openSupport = useMutation(
    trpc.operator.support.open.mutationOptions({
      onSuccess: (r) => window.location.assign(r.url),
      onError: report.onError,
    }),
  );
  const busy =
    create.isPending ||
    suspend.isPending ||
    resume.isPending ||
    migrate.isPending ||
    reset.isPending ||
    openSupport.isPending;
  const button = "rounded border border-slate-400 bg-white px-2 py-1 text-xs hover:bg-slate-100 disabled:opacity-50";
  const when = (d: Date) => formatDateTime(d, locale);

  const supportCell = (row: Row) => {
    const support = bySlug.get(String(row.slug))?.support;
    if (!support)
      return (
        <span className="text-xs text-slate-700" data-testid={`support-${row.slug}`}>
          {t("supportAccess.none")}
        </span>
      );
    return (
      <div data-testid={`support-${row.slug}`}>
        <span className="block">{t("supportAccess.until", { until: when(support.endsAt) })}</span>
        <span className="block text-xs text-slate-700">
          {t("supportAccess.grantedBy", { name: support.grantedByName, reason: support.reason })}
        </span>
        <button
          type="button"
          className={`${button} mt-1`}
          disabled={busy}
          onClick={() => openSupport.mutate({ slug: String(row.slug) })}
        >
          {t("supportAccess.open")}
        </button>
      </div>
    );
  };
  const actionsCell = (row: Row) => {
    const slug = String(row.slug);
    const d = bySlug.get(slug);
    return (
      <div className="flex flex-col gap-1">
        {d?.status === "active" && d.availability === "maintenance" && (
          <span className="text-xs text-amber-800">{t("statuses.maintenance")}</span>
        )}
        {d?.migrationError && (
          <span className="text-xs text-red-800">{t("migrationFailed", { error: d.migrationError })}</span>
        )}
        {details.data && typeof row.schemaVersion === "number" && row.schemaVersion < details.data.codeVersion && (
          <span className="text-xs text-amber-800">{t("behind", { version: details.data.codeVersion })}</span>
        )}
        <div className="flex flex-wrap gap-1">
          {d && (
            <a className="rounded px-1 py-1 text-xs text-blue-800 underline" href={d.url}>
              {t("actions.open")}
            </a>
          )}
          {row.status === "active" && (
            <button
              type="button"
              className={button}
              disabled={busy || !!d?.movingTo}
              onClick={() => suspend.mutate({ slug })}
            >
              {t("actions.suspend")}
            </button>
          )}
          {row.status === "suspended" && (
            <button
              type="button"
              className={button}
              disabled={busy || !!d?.movingTo}
              onClick={() => resume.mutate({ slug })}
            >
              {t("actions.resume")}
            </button>
          )}
          <button
            type="button"
            className={button}
            disabled={busy || !!d?.movingTo}
            onClick={() => migrate.mutate({ slug })}
          >
            {t("actions.migrate")}
          </button>
          {row.kind !== "production" && (
            <button
              type="button"
              className={button}
              disabled={busy || !!d?.movingTo}
              onClick={() => window.confirm(t("confirmReset", { slug })) && reset.mutate({ slug })}
            >
              {t("actions.reset")}
            </button>
          )}
        </div>
        {d && (row.status === "active" || row.status === "suspended") && (
          <MoveControl
            slug={slug}
            clusterId={d.clusterId}
            movingTo={d.movingTo}
            moveFailed={d.moveFailed}
            clusters={clusters.data ?? []}
            busy={busy}
            report={report}
          />
        )}
      </div>
    );
  };
  // Operators have no saved preferences and the export route serves centre resources only.
  const source: GridSource = {
    useList: useConsoleTenants,
    layout: "local",
    exports: false,
    detail: false,
    extraColumns: [
      { id: "support", label: t("columns.support"), width: 180, render: supportCell },
      { id: "actions", label: t("columns.actions"), width: 260, render: actionsCell },
    ],
  };

  function onCreate(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    create.mutate(
      {
        slug: String(f.get("slug")),
        name: String(f.get("name")),
        greeting: String(f.get("greeting") ?? ""),
        locale: String(f.get("locale")) as Locale,
        kind: String(f.get("kind")) as Kind,
      },
      // Emptied once the centre exists, ready for the next one; kept as typed when refused, to correct it.
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <div className="flex flex-col gap-8">
      {notice && (
        <p
          role={notice.ok ? "status" : "alert"}
          data-testid="console-notice"
          className={`rounded p-3 text-sm ${notice.ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-800"}`}
        >
          {notice.text}
        </p>
      )}
      <section aria-labelledby="tenants-title" data-testid="tenant-list">
        <h1 id="tenants-title" className="mb-3 text-xl font-semibold">
          {t("tenants")}
        </h1>
        {/* The meta is fetched in the browser, so the grid (and its layout kept in this browser) renders there only. */}
        {meta.isError ? (
          <p role="alert">{errorMessage(meta.error)}</p>
        ) : !meta.data ? (
          <p>{t("loading")}</p>
        ) : (
          <Grid meta={meta.data} initialSettings={null} source={source} />
        )}
      </section>

      <section aria-labelledby="create-title" className="max-w-xl rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="create-title" className="mb-3 text-lg font-semibold">
          {t("create.title")}
        </h2>
        <form onSubmit={onCreate} className="grid grid-cols-2 gap-3">
          <label className="flex flex-col gap-1 text-sm">
            {t("create.slug")}
            <input
              name="slug"
              required
              pattern="[a-z0-9][a-z0-9\-]*[a-z0-9]"
              maxLength={63}
              className="rounded border border-slate-400 px-2 py-1 font-mono"
            />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            {t("create.name")}
            <input
              name="name"
              required
              minLength={2}
              maxLength={120}
              className="rounded border border-slate-400 px-2 py-1"
            />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            {t("create.locale")}
            <select name="locale" defaultValue="fr" className="rounded border border-slate-400 px-2 py-1">
              {(["fr", "nl", "de", "en"] as const).map((l) => (
                <option key={l} value={l}>
                  {tl(l)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm">
            {t("create.kind")}
            <select name="kind" defaultValue="production" className="rounded border border-slate-400 px-2 py-1">
              {(["production", "training", "demo"] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <div className="col-span-2 flex flex-col gap-1">
            <label className="flex flex-col gap-1 text-sm">
              {t("create.greeting")}
              <input
                name="greeting"
                maxLength={200}
                aria-describedby="create-greeting-help"
                className="rounded border border-slate-400 px-2 py-1"
              />
            </label>
            <p id="create-greeting-help" className="text-xs text-slate-700">
              {t("create.greetingHelp")}
            </p>
          </div>
          <button
            disabled={busy}
            className="col-span-2 rounded bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-50"
          >
            {t("create.submit")}
          </button>
        </form>
      </section>
    </div>
  );
}
