import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser, sessionEndedByInactivity } from "@/server/auth/current";
import { signInAction } from "./actions";

export default async function CentreLogin({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; username?: string }>;
}) {
  if (await currentUser()) redirect("/");
  const { error, username } = await searchParams;
  const askCode = error === "TOTP_REQUIRED" || error === "TOTP_INVALID";
  const t = await getTranslations();
  const message = error
    ? t.has(`errors.${error}`)
      ? t(`errors.${error}`, { minutes: 15 })
      : t("errors.INVALID_CREDENTIALS")
    : (await sessionEndedByInactivity())
      ? t("auth.idleExpired")
      : null;
  return (
    <main className="mx-auto mt-16 w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-xl font-semibold">{t("auth.signIn")}</h1>
      {message && (
        <p role="alert" className="mb-4 rounded bg-red-50 p-3 text-sm text-red-800">
          {message}
        </p>
      )}
      <form action={signInAction} className="flex flex-col gap-3">
        <label className="flex flex-col gap-1 text-sm">
          {t("auth.username")}
          <input
            name="username"
            required
            defaultValue={username}
            autoComplete="username"
            autoCapitalize="none"
            className="rounded border border-slate-400 px-3 py-2"
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("auth.password")}
          <input
            name="password"
            type="password"
            required
            autoComplete="current-password"
            className="rounded border border-slate-400 px-3 py-2"
          />
        </label>
        {askCode && (
          <label className="flex flex-col gap-1 text-sm">
            {t("auth.code")}
            <input
              name="code"
              required
              autoFocus
              autoComplete="one-time-code"
              inputMode="text"
              className="rounded border border-slate-400 px-3 py-2 font-mono"
            />
          </label>
        )}
        <button className="mt-2 rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-600">
          {t("auth.signIn")}
        </button>
      </form>
    </main>
  );
}
