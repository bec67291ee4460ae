"use client";
import { useTranslations } from "next-intl";
import { USER_TYPES } from "@/server/auth/user-types";

interface Mapping {
  groupDn: string;
  userType: string;
}
/** The directory part of the form as typed; `toPatch` gives what the settings procedure takes. */
export interface DirectoryDraft {
  enabled: boolean;
  values: Record<string, string | boolean>;
  mappings: Mapping[];
  bindPassword: string;
  toPatch: () => { ldap: Record<string, unknown> | null; bindPassword: string };
}

const TEXT_FIELDS = ["url", "bindDn", "baseDn", "usernameAttribute", "userObjectClass"] as const;
const NUMBER_FIELDS = ["connectTimeoutMs", "operationTimeoutMs"] as const;

function make(
  enabled: boolean,
  values: DirectoryDraft["values"],
  mappings: Mapping[],
  bindPassword: string,
): DirectoryDraft {
  return {
    enabled,
    values,
    mappings,
    bindPassword,
    toPatch: () => ({
      ldap: enabled
        ? {
            ...Object.fromEntries(TEXT_FIELDS.map((k) => [k, String(values[k] ?? "")])),
            ...Object.fromEntries(NUMBER_FIELDS.map((k) => [k, Number(values[k])])),
            startTls: values.startTls === true,
            caCertPem: String(values.caCertPem ?? ""),
            groupMappings: mappings.filter((m) => m.groupDn.trim()),
          }
        : null,
      bindPassword,
    }),
  };
}

export function directoryFrom(stored: Record<string, unknown> | null): DirectoryDraft {
  const s = stored ?? {};
  const values: DirectoryDraft["values"] = {
    ...Object.fromEntries(
      TEXT_FIELDS.map((k) => [
        k,
        String(s[k] ?? (k === "userObjectClass" ? "person" : k === "usernameAttribute" ? "sAMAccountName" : "")),
      ]),
    ),
    ...Object.fromEntries(NUMBER_FIELDS.map((k) => [k, String(s[k] ?? 5000)])),
    startTls: s.startTls === true,
    caCertPem: String(s.caCertPem ?? ""),
  };
  return make(stored !== null, values, (s.groupMappings as Mapping[] | undefined) ?? [], "");
}

const input = "rounded border border-slate-400 px-2 py-1";

/** Directory (LDAP / Active Directory) settings; the bind password is write-only. */
export function DirectoryFields({
  draft,
  onChange,
  hasBindPassword,
}: {
  draft: DirectoryDraft;
  onChange: (d: DirectoryDraft) => void;
  hasBindPassword: boolean;
}) {
  const t = useTranslations("centreSettings");
  const tt = useTranslations();
  const set = (
    patch: Partial<Pick<DirectoryDraft, "enabled" | "mappings" | "bindPassword">> & {
      values?: DirectoryDraft["values"];
    },
  ) =>
    onChange(
      make(
        patch.enabled ?? draft.enabled,
        patch.values ?? draft.values,
        patch.mappings ?? draft.mappings,
        patch.bindPassword ?? draft.bindPassword,
      ),
    );
  const value = (k: string) => draft.values[k];
  const setValue = (k: string, v: string | boolean) => set({ values: { ...draft.values, [k]: v } });
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-5">
      <legend className="px-1 text-lg font-semibold">{t("directory")}</legend>
      <label className="mb-4 flex items-center gap-2 text-sm">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
        {t("directoryEnabled")}
      </label>
      {draft.enabled && (
        <div className="grid grid-cols-1 gap-3 text-sm md:grid-cols-2">
          {TEXT_FIELDS.map((k) => (
            <label key={k} className="flex flex-col gap-1">
              {t(`fields.${k}`)}
              <input
                className={input}
                value={String(value(k))}
                onChange={(e) => setValue(k, e.target.value)}
                required
              />
            </label>
          ))}
          <label className="flex flex-col gap-1">
            {t("fields.bindPassword")}
            <input
              type="password"
              className={input}
              autoComplete="new-password"
              value={draft.bindPassword}
              onChange={(e) => set({ bindPassword: e.target.value })}
              placeholder={hasBindPassword ? t("bindPasswordKept") : ""}
              required={!hasBindPassword}
            />
          </label>
          {NUMBER_FIELDS.map((k) => (
            <label key={k} className="flex flex-col gap-1">
              {t(`fields.${k}`)}
              <input
                type="number"
                min={100}
                max={120000}
                className={input}
                value={String(value(k))}
                onChange={(e) => setValue(k, e.target.value)}
              />
            </label>
          ))}
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={value("startTls") === true}
              onChange={(e) => setValue("startTls", e.target.checked)}
            />
            {t("fields.startTls")}
          </label>
          <label className="flex flex-col gap-1 md:col-span-2">
            {t("fields.caCertPem")}
            <textarea
              rows={4}
              className={`${input} font-mono text-xs`}
              value={String(value("caCertPem"))}
              onChange={(e) => setValue("caCertPem", e.target.value)}
            />
          </label>
          <fieldset className="md:col-span-2">
            <legend className="mb-1 font-medium">{t("groupMappings")}</legend>
            <p className="mb-2 text-xs text-slate-600">{t("groupMappingsHelp")}</p>
            {draft.mappings.map((m, i) => (
              <div key={i} className="mb-2 flex flex-wrap items-end gap-2">
                <label className="flex grow flex-col gap-1">
                  {t("groupDn", { n: i + 1 })}
                  <input
                    className={input}
                    value={m.groupDn}
                    onChange={(e) =>
                      set({ mappings: draft.mappings.map((x, j) => (j === i ? { ...x, groupDn: e.target.value } : x)) })
                    }
                  />
                </label>
                <label className="flex flex-col gap-1">
                  {t("groupUserType", { n: i + 1 })}
                  <select
                    className={input}
                    value={m.userType}
                    onChange={(e) =>
                      set({
                        mappings: draft.mappings.map((x, j) => (j === i ? { ...x, userType: e.target.value } : x)),
                      })
                    }
                  >
                    {USER_TYPES.filter((u) => u !== "000").map((u) => (
                      <option key={u} value={u}>{`${u} ${tt(`userTypes.${u}`)}`}</option>
                    ))}
                  </select>
                </label>
                <button
                  type="button"
                  className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100"
                  onClick={() => set({ mappings: draft.mappings.filter((_, j) => j !== i) })}
                >
                  {t("removeMapping", { n: i + 1 })}
                </button>
              </div>
            ))}
            <button
              type="button"
              className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100"
              onClick={() => set({ mappings: [...draft.mappings, { groupDn: "", userType: "100" }] })}
            >
              {t("addMapping")}
            </button>
          </fieldset>
        </div>
      )}
    </fieldset>
  );
}
