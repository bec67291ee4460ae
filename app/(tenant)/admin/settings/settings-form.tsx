"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { CLIENT_FIELD_SETS } from "@/server/clients/field-set-names";
import { DirectoryFields, directoryFrom, type DirectoryDraft } from "./directory-fields";

const box = "rounded-lg border border-slate-200 bg-white p-5";
const button =
  "rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-50";

/** The centre's sign-in settings; saved with the version they were loaded at, so a colleague's save is never overwritten. */
export function CentreSettingsForm() {
  const t = useTranslations("centreSettings");
  const tt = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const settings = useQuery(trpc.settings.get.queryOptions());
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [directory, setDirectory] = useState<DirectoryDraft | null>(null);
  const save = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: () => {
        setNotice({ ok: true, text: t("saved") });
        void queryClient.invalidateQueries({ queryKey: trpc.settings.get.queryKey() });
      },
      onError: (e) => setNotice({ ok: false, text: errorMessage(e) }),
    }),
  );
  const test = useMutation(
    trpc.settings.testDirectory.mutationOptions({ onError: (e) => setNotice({ ok: false, text: errorMessage(e) }) }),
  );

  if (settings.isPending) return <p className="text-sm text-slate-600">{t("loading")}</p>;
  if (settings.isError)
    return (
      <p role="alert" className="rounded bg-red-50 p-3 text-sm text-red-800">
        {errorMessage(settings.error)}
      </p>
    );
  const s = settings.data;
  const draft = directory ?? directoryFrom(s.ldap);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const { ldap, bindPassword } = draft.toPatch();
    save.mutate({
      version: s.version,
      patch: {
        allowLocal: f.get("allowLocal") === "on",
        allowLdap: f.get("allowLdap") === "on",
        totpRequired: f.get("totpRequired") === "on",
        idleTimeoutMinutes: Number(f.get("idleTimeoutMinutes")),
        uploadMaxMegabytes: Number(f.get("uploadMaxMegabytes")),
        clientFieldSets: CLIENT_FIELD_SETS.filter((set) => f.get(`fieldSet.${set}`) === "on"),
        ldap,
        ...(bindPassword ? { ldapBindPassword: bindPassword } : {}),
      },
    });
  }

  return (
    <div className="flex flex-col gap-6">
      {notice && (
        <p
          role={notice.ok ? "status" : "alert"}
          className={`rounded p-3 text-sm ${notice.ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-800"}`}
        >
          {notice.text}
        </p>
      )}
      <form onSubmit={onSubmit} className="flex flex-col gap-6" key={s.version}>
        <fieldset className={box}>
          <legend className="px-1 text-lg font-semibold">{t("signIn")}</legend>
          <div className="flex flex-col gap-2 text-sm">
            <label className="flex items-center gap-2">
              <input type="checkbox" name="allowLocal" defaultChecked={s.allowLocal} />
              {t("allowLocal")}
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="allowLdap" defaultChecked={s.allowLdap} />
              {t("allowLdap")}
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="totpRequired" defaultChecked={s.totpRequired} />
              {t("totpRequired")}
            </label>
            <label className="mt-2 flex flex-col gap-1">
              {t("idleTimeout")}
              <input
                type="number"
                name="idleTimeoutMinutes"
                min={5}
                max={1440}
                required
                defaultValue={s.idleTimeoutMinutes}
                className="w-32 rounded border border-slate-400 px-2 py-1"
              />
            </label>
          </div>
        </fieldset>
        <fieldset className={box}>
          <legend className="px-1 text-lg font-semibold">{t("uploads")}</legend>
          <div className="flex flex-col gap-2 text-sm">
            <label className="flex flex-col gap-1">
              {t("uploadMaxMegabytes")}
              <input
                type="number"
                name="uploadMaxMegabytes"
                min={1}
                max={2048}
                required
                defaultValue={s.uploadMaxMegabytes}
                className="w-32 rounded border border-slate-400 px-2 py-1"
              />
            </label>
          </div>
        </fieldset>
        <fieldset className={box}>
          <legend className="px-1 text-lg font-semibold">{t("clientFieldSets")}</legend>
          <div className="flex flex-col gap-2 text-sm">
            {CLIENT_FIELD_SETS.map((set) => (
              <label key={set} className="flex items-center gap-2">
                <input type="checkbox" name={`fieldSet.${set}`} defaultChecked={s.clientFieldSets.includes(set)} />
                {t(`fieldSets.${set}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <DirectoryFields draft={draft} onChange={setDirectory} hasBindPassword={s.hasLdapBindPassword} />
        <div className="flex gap-3">
          <button className={button} disabled={save.isPending}>
            {t("save")}
          </button>
          <button
            type="button"
            className="rounded border border-slate-400 px-4 py-2 text-sm hover:bg-slate-100"
            disabled={test.isPending}
            onClick={() => test.mutate()}
          >
            {t("testConnection")}
          </button>
        </div>
      </form>
      {test.data && (
        <section aria-live="polite" className={box} data-testid="directory-test">
          <h2 className="mb-2 font-semibold">{t(test.data.bindOk ? "testOk" : "testFailed")}</h2>
          {test.data.error && <p className="text-sm text-red-800">{test.data.error}</p>}
          {test.data.bindOk && <p className="text-sm">{t("userCount", { count: test.data.userCount })}</p>}
          <ul className="mt-2 list-disc pl-5 text-sm">
            {test.data.groups.map((g) => (
              <li key={g.groupDn}>
                {t(g.found ? "groupFound" : "groupMissing", {
                  group: g.groupDn,
                  members: g.members,
                  userType: tt(`userTypes.${g.userType}`),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
