"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { signOutAction } from "../login/actions";

export function AccountSecurity() {
  const t = useTranslations("account");
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const [code, setCode] = useState("");
  const begin = useMutation(trpc.users.twoFactor.begin.mutationOptions());
  const confirm = useMutation(trpc.users.twoFactor.confirm.mutationOptions());
  const everywhere = useMutation(
    trpc.users.logoutEverywhere.mutationOptions({ onSuccess: () => void signOutAction() }),
  );
  const button = "rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-600 disabled:opacity-50";

  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="tfa-title" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="tfa-title" className="mb-2 text-lg font-semibold">
          {t("twoFactor.title")}
        </h2>
        <p className="mb-4 text-sm text-slate-700">{t("twoFactor.intro")}</p>
        {confirm.data ? (
          <div role="status">
            <p className="mb-2 font-medium">{t("twoFactor.enabled")}</p>
            <p className="mb-2 text-sm">{t("twoFactor.recoveryIntro")}</p>
            <ul className="grid grid-cols-2 gap-1 font-mono" data-testid="recovery-codes">
              {confirm.data.recoveryCodes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </div>
        ) : begin.data ? (
          <form
            className="flex flex-col gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              confirm.mutate({ code });
            }}
          >
            {/* The SVG comes from our own server (qrcode), built from the otpauth URI only; next/image does not apply. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img
              alt={t("twoFactor.qrAlt")}
              className="h-48 w-48"
              src={`data:image/svg+xml;utf8,${encodeURIComponent(begin.data.qrSvg)}`}
            />
            <p className="text-sm">
              {t("twoFactor.manual")}{" "}
              <code className="break-all font-mono" data-testid="totp-secret">
                {begin.data.secret}
              </code>
            </p>
            <label className="flex flex-col gap-1 text-sm">
              {t("twoFactor.code")}
              <input
                value={code}
                onChange={(e) => setCode(e.target.value)}
                required
                autoComplete="one-time-code"
                className="rounded border border-slate-400 px-3 py-2 font-mono"
              />
            </label>
            {confirm.error && (
              <p role="alert" className="text-sm text-red-800">
                {errorMessage(confirm.error)}
              </p>
            )}
            <button className={button} disabled={confirm.isPending}>
              {t("twoFactor.confirm")}
            </button>
          </form>
        ) : (
          <button className={button} onClick={() => begin.mutate()} disabled={begin.isPending}>
            {t("twoFactor.start")}
          </button>
        )}
      </section>

      <section aria-labelledby="sessions-title" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="sessions-title" className="mb-2 text-lg font-semibold">
          {t("sessions.title")}
        </h2>
        <p className="mb-4 text-sm text-slate-700">{t("sessions.intro")}</p>
        <button className={button} onClick={() => everywhere.mutate()} disabled={everywhere.isPending}>
          {t("sessions.logoutEverywhere")}
        </button>
      </section>
    </div>
  );
}
