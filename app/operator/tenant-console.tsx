"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";

type Locale = "fr" | "nl" | "de" | "en";
type Kind = "production" | "training" | "demo";

export function TenantConsole() {
  const t = useTranslations("operator");
  const tl = useTranslations("languages");
  const format = useFormatter();
  const locale = useLocale() as Locale;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const list = useQuery(trpc.operator.tenants.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.operator.tenants.list.queryKey() });
  const report = {
    onSuccess: () => { setNotice({ ok: true, text: t("done") }); void refresh(); },
    onError: (e: unknown) => { setNotice({ ok: false, text: errorMessage(e) }); void refresh(); },
  };
  const create = useMutation(trpc.operator.tenants.create.mutationOptions({
    onSuccess: (r, input) => { setNotice({ ok: true, text: t("create.created", { name: input.name, url: r.url }) }); void refresh(); },
    onError: report.onError,
  }));
  const suspend = useMutation(trpc.operator.tenants.suspend.mutationOptions(report));
  const resume = useMutation(trpc.operator.tenants.resume.mutationOptions(report));
  const migrate = useMutation(trpc.operator.tenants.migrate.mutationOptions(report));
  const reset = useMutation(trpc.operator.tenants.reset.mutationOptions(report));
  // The single-use address is followed at once: it expires within two minutes.
  const openSupport = useMutation(trpc.operator.support.open.mutationOptions({
    onSuccess: (r) => window.location.assign(r.url),
    onError: report.onError,
  }));
  const busy = create.isPending || suspend.isPending || resume.isPending || migrate.isPending || reset.isPending || openSupport.isPending;

  function onCreate(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    create.mutate({
      slug: String(f.get("slug")), name: String(f.get("name")), locale: String(f.get("locale")) as Locale, kind: String(f.get("kind")) as Kind,
    });
  }

  const button = "rounded border border-slate-400 px-2 py-1 text-xs hover:bg-slate-100 disabled:opacity-50";
  return (
    <div className="flex flex-col gap-8">
      {notice && (
        <p role={notice.ok ? "status" : "alert"} className={`rounded p-3 text-sm ${notice.ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-800"}`}>
          {notice.text}
        </p>
      )}
      <section aria-labelledby="tenants-title">
        <h1 id="tenants-title" className="mb-3 text-xl font-semibold">{t("tenants")}</h1>
        {list.isPending ? <p>{t("loading")}</p> : list.isError ? <p role="alert">{errorMessage(list.error)}</p> : list.data.tenants.length === 0 ? <p>{t("noTenants")}</p> : (
          <table className="w-full border-collapse bg-white text-sm" data-testid="tenant-table">
            <thead className="bg-slate-100 text-left">
              <tr>
                {(["slug", "name", "kind", "status", "schemaVersion", "createdAt", "support", "actions"] as const).map((c) => (
                  <th key={c} scope="col" className="border-b border-slate-300 px-3 py-2 font-semibold">{t(`columns.${c}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {list.data.tenants.map((row) => (
                <tr key={row.slug} data-testid={`tenant-${row.slug}`} className="border-b border-slate-200 align-top">
                  <td className="px-3 py-2 font-mono"><a className="text-blue-800 underline" href={row.url}>{row.slug}</a></td>
                  <td className="px-3 py-2">{row.names[locale] ?? row.names.fr}</td>
                  <td className="px-3 py-2">{t(`kinds.${row.kind}`)}</td>
                  <td className="px-3 py-2">
                    {t(`statuses.${row.status === "active" && row.availability === "maintenance" ? "maintenance" : row.status}`)}
                    {row.migrationError && <span className="block text-xs text-red-800">{t("migrationFailed", { error: row.migrationError })}</span>}
                  </td>
                  <td className="px-3 py-2">
                    {row.schemaVersion}
                    {row.schemaVersion < list.data.codeVersion && <span className="block text-xs text-amber-800">{t("behind", { version: list.data.codeVersion })}</span>}
                  </td>
                  <td className="px-3 py-2">{format.dateTime(row.createdAt, { dateStyle: "short", timeStyle: "short" })}</td>
                  <td className="px-3 py-2" data-testid={`support-${row.slug}`}>
                    {row.support ? (
                      <>
                        <span className="block">{t("supportAccess.until", { until: format.dateTime(row.support.endsAt, { dateStyle: "short", timeStyle: "short" }) })}</span>
                        <span className="block text-xs text-slate-600">{t("supportAccess.grantedBy", { name: row.support.grantedByName, reason: row.support.reason })}</span>
                        <button className={`${button} mt-1`} disabled={busy} onClick={() => openSupport.mutate({ slug: row.slug })}>{t("supportAccess.open")}</button>
                      </>
                    ) : (
                      <span className="text-xs text-slate-600">{t("supportAccess.none")}</span>
                    )}
                  </td>
                  <td className="flex flex-wrap gap-1 px-3 py-2">
                    {row.status === "active" && <button className={button} disabled={busy} onClick={() => suspend.mutate({ slug: row.slug })}>{t("actions.suspend")}</button>}
                    {row.status === "suspended" && <button className={button} disabled={busy} onClick={() => resume.mutate({ slug: row.slug })}>{t("actions.resume")}</button>}
                    <button className={button} disabled={busy} onClick={() => migrate.mutate({ slug: row.slug })}>{t("actions.migrate")}</button>
                    {row.kind !== "production" && (
                      <button className={button} disabled={busy} onClick={() => window.confirm(t("confirmReset", { slug: row.slug })) && reset.mutate({ slug: row.slug })}>
                        {t("actions.reset")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="create-title" className="max-w-xl rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="create-title" className="mb-3 text-lg font-semibold">{t("create.title")}</h2>
        <form onSubmit={onCreate} className="grid grid-cols-2 gap-3">
          <label className="flex flex-col gap-1 text-sm">{t("create.slug")}
            <input name="slug" required pattern="[a-z0-9][a-z0-9\-]*[a-z0-9]" maxLength={63} className="rounded border border-slate-400 px-2 py-1 font-mono" />
          </label>
          <label className="flex flex-col gap-1 text-sm">{t("create.name")}
            <input name="name" required minLength={2} maxLength={120} className="rounded border border-slate-400 px-2 py-1" />
          </label>
          <label className="flex flex-col gap-1 text-sm">{t("create.locale")}
            <select name="locale" defaultValue="fr" className="rounded border border-slate-400 px-2 py-1">
              {(["fr", "nl", "de", "en"] as const).map((l) => <option key={l} value={l}>{tl(l)}</option>)}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm">{t("create.kind")}
            <select name="kind" defaultValue="production" className="rounded border border-slate-400 px-2 py-1">
              {(["production", "training", "demo"] as const).map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
            </select>
          </label>
          <button disabled={busy} className="col-span-2 rounded bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-50">
            {t("create.submit")}
          </button>
        </form>
      </section>
    </div>
  );
}
