import { getTranslations } from "next-intl/server";

export default async function OperatorLogin({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const t = await getTranslations();
  const message = error
    ? t.has(`errors.${error}`)
      ? t(`errors.${error}`, { minutes: 15 })
      : t("errors.INTERNAL")
    : null;
  return (
    <main className="mx-auto mt-16 max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-xl font-semibold">{t("operator.signIn")}</h1>
      {message && (
        <p role="alert" className="mb-4 rounded bg-red-50 p-3 text-sm text-red-800">
          {message}
        </p>
      )}
      <form action="/api/operator/login" method="post" className="flex flex-col gap-3">
        <label className="flex flex-col gap-1 text-sm">
          {t("operator.email")}
          <input
            name="email"
            type="email"
            required
            autoComplete="username"
            className="rounded border border-slate-400 px-3 py-2"
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("operator.password")}
          <input
            name="password"
            type="password"
            required
            autoComplete="current-password"
            className="rounded border border-slate-400 px-3 py-2"
          />
        </label>
        <button className="mt-2 rounded bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-700">
          {t("operator.signIn")}
        </button>
      </form>
    </main>
  );
}
