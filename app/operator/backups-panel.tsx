"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatBytes, formatDateTime, type UiLocale } from "@/lib/format";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";

const downloadUrl = (slug: string, name: string) =>
  `/api/operator/backups/${encodeURIComponent(slug)}/${encodeURIComponent(name)}`;

/**
 * A centre's backups in the console: the nightly ones and those made here (size, checksum, download),
 * "back up now", and a backup file uploaded to become a centre (server/console/backups.ts).
 */
export function BackupsPanel() {
  const t = useTranslations("operator.backups");
  const locale = useLocale() as UiLocale;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const centres = useQuery(trpc.operator.tenants.list.queryOptions());
  const [chosen, setChosen] = useState("");
  const slug = chosen || centres.data?.tenants[0]?.slug || "";
  const backups = useQuery({ ...trpc.console.backups.list.queryOptions({ slug }), enabled: !!slug });
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [importing, setImporting] = useState(false);

  const create = useMutation(
    trpc.console.backups.create.mutationOptions({
      onSuccess: (made) => {
        setNotice({ ok: true, text: t("made", { name: made.name }) });
        void queryClient.invalidateQueries({ queryKey: trpc.console.backups.list.queryKey({ slug }) });
        window.location.assign(downloadUrl(slug, made.name));
      },
      onError: (e) => setNotice({ ok: false, text: errorMessage(e) }),
    }),
  );

  async function onImport(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || !file.size) return;
    const as = String(data.get("as") ?? "").trim();
    setImporting(true);
    try {
      const res = await fetch(`/api/operator/backups/import${as ? `?as=${encodeURIComponent(as)}` : ""}`, {
        method: "POST",
        body: file,
        headers: { "content-type": "application/gzip" },
      });
      const body = (await res.json()) as { slug?: string; message?: string };
      if (res.ok) {
        setNotice({ ok: true, text: t("imported", { slug: body.slug ?? "" }) });
        form.reset();
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.operator.tenants.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.console.tenants.queryKey() }),
        ]);
      } else setNotice({ ok: false, text: body.message ?? t("importFailed") });
    } catch {
      setNotice({ ok: false, text: t("importFailed") });
    } finally {
      setImporting(false);
    }
  }

  const button =
    "rounded border border-slate-400 bg-white px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-50 self-start";
  const retention = backups.data?.retentionDays;
  return (
    <section
      aria-labelledby="backups-title"
      data-testid="backups"
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h2 id="backups-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {notice && (
        <p
          role={notice.ok ? "status" : "alert"}
          data-testid="backups-notice"
          className={`rounded p-3 text-sm ${notice.ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-800"}`}
        >
          {notice.text}
        </p>
      )}
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm">
          {t("centre")}
          <select
            value={slug}
            onChange={(e) => setChosen(e.target.value)}
            className="rounded border border-slate-400 px-2 py-1"
          >
            {centres.data?.tenants.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.slug}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className={button}
          disabled={!slug || create.isPending}
          onClick={() => create.mutate({ slug })}
        >
          {create.isPending ? t("making") : t("makeNow")}
        </button>
      </div>
      {retention !== undefined && (
        <p className="text-sm text-slate-700">{retention ? t("nightly", { days: retention }) : t("nightlyOff")}</p>
      )}
      {backups.isError ? (
        <p role="alert">{errorMessage(backups.error)}</p>
      ) : backups.data && !backups.data.backups.length ? (
        <p className="text-sm text-slate-700">{t("none")}</p>
      ) : (
        backups.data && (
          <table className="text-sm" data-testid="backup-list">
            <thead>
              <tr className="text-left">
                <th className="pr-4 font-medium">{t("createdAt")}</th>
                <th className="pr-4 text-right font-medium">{t("size")}</th>
                <th className="pr-4 font-medium">{t("checksum")}</th>
                <th className="font-medium">
                  <span className="sr-only">{t("download")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {backups.data.backups.map((b) => (
                <tr key={b.name} className="border-t border-slate-200">
                  <td className="py-1 pr-4">{formatDateTime(b.createdAt, locale)}</td>
                  <td className="py-1 pr-4 text-right">{formatBytes(b.bytes, locale)}</td>
                  <td className="py-1 pr-4 font-mono text-xs" title={b.sha256}>
                    sha256 {b.sha256.slice(0, 16)}…
                  </td>
                  <td className="py-1">
                    <a className="text-blue-800 underline" href={downloadUrl(slug, b.name)} download>
                      {t("download")}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      )}

      <form onSubmit={onImport} className="mt-2 grid max-w-xl grid-cols-2 gap-3 border-t border-slate-200 pt-4">
        <h3 className="col-span-2 font-semibold">{t("importTitle")}</h3>
        <label className="col-span-2 flex flex-col gap-1 text-sm">
          {t("file")}
          <input name="file" type="file" required accept=".gz,application/gzip" className="text-sm" />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("as")}
          <input
            name="as"
            pattern="[a-z0-9][a-z0-9\-]*[a-z0-9]"
            maxLength={63}
            aria-describedby="import-as-help"
            className="rounded border border-slate-400 px-2 py-1 font-mono"
          />
        </label>
        <p id="import-as-help" className="self-end text-xs text-slate-700">
          {t("asHelp")}
        </p>
        <button
          disabled={importing}
          className="col-span-2 rounded bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-50"
        >
          {importing ? t("importing") : t("import")}
        </button>
      </form>
    </section>
  );
}
