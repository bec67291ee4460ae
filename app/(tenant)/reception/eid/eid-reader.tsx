"use client";
import { useMutation } from "@tanstack/react-query";
import { Link } from "@/app/_components/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { compareText, formatDate, type UiLocale } from "@/lib/format";
import { CARD_TYPES } from "@/server/eid/rules/card-data";
import { ReaderHandover } from "./reader-handover";

const button = "rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-600 disabled:opacity-50";
const panel = "rounded-lg border border-slate-200 bg-white p-5";
/** The card's fields holding dates (ISO on the wire, shown as the reader writes dates). */
const DATE_FIELDS = new Set(["birthDate", "cardValidFrom", "cardValidUntil"]);

/**
 * Reads a card from the reader helper's JSON (file or pasted text), then: the client holding it
 * (with "compare" to review the changes), or the similar clients and "create".
 */
export function EidReader() {
  const t = useTranslations("eidFlow");
  const tr = useTranslations();
  const locale = useLocale() as UiLocale;
  const trpc = useTRPC();
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const [text, setText] = useState("");
  const [card, setCard] = useState<unknown>(null);
  const [parseError, setParseError] = useState(false);
  const [confirmSimilar, setConfirmSimilar] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const lookup = useMutation(trpc.eid.lookup.mutationOptions());
  const create = useMutation(
    trpc.eid.createClient.mutationOptions({ onSuccess: ({ id }) => router.push(`/clients/clients/${id}`) }),
  );
  const compare = useMutation(
    trpc.eid.readCard.mutationOptions({ onSuccess: (plan) => setChosen(new Set(plan.changes.map((c) => c.key))) }),
  );
  const apply = useMutation(trpc.eid.applyChanges.mutationOptions());

  const lookUp = (parsed: unknown) => {
    setParseError(false);
    setCard(parsed);
    for (const m of [create, compare, apply]) m.reset();
    setConfirmSimilar(false);
    lookup.mutate({ card: parsed as never });
  };
  const read = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      setParseError(true);
      return;
    }
    lookUp(parsed);
  };
  // A card the reader helper handed over is shown in the text box too, as if pasted.
  const handedOver = (parsed: unknown) => {
    setText(JSON.stringify(parsed, null, 2));
    lookUp(parsed);
  };
  const cardInput = card as never;
  const found = lookup.data;
  const summary = found?.summary;
  const typeLabel = (code: string) => (CARD_TYPES[code] ? tr(`eid.cardTypes.${CARD_TYPES[code]}`) : code);
  const fieldLabel = (field: string) => t(`fields.${field}` as never);
  const date = (iso: string | null | undefined) => formatDate(iso, locale);
  const shown = (field: string, value: string | null) =>
    value && DATE_FIELDS.has(field) ? date(value) : (value ?? "");
  const warningParams = (w: { code: string; params: Record<string, string> }) =>
    w.code === "birthDateMismatch" ? { ...w.params, card: date(w.params.card), niss: date(w.params.niss) } : w.params;
  const error = [lookup, create, compare, apply].find((m) => m.error)?.error;

  return (
    <div className="flex flex-col gap-6">
      <ReaderHandover onCard={handedOver} />
      <form
        className={`${panel} flex flex-col gap-3`}
        onSubmit={(e) => {
          e.preventDefault();
          read();
        }}
      >
        <label className="flex flex-col gap-1 text-sm">
          {t("file")}
          <input
            type="file"
            accept="application/json,.json"
            data-testid="eid-file"
            onChange={(e) => void e.target.files?.[0]?.text().then(setText)}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("paste")}
          <textarea
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={5}
            spellCheck={false}
            className="rounded border border-slate-400 px-3 py-2 font-mono text-xs"
            data-testid="eid-json"
          />
        </label>
        {parseError && (
          <p role="alert" className="text-sm text-red-800">
            {t("invalidJson")}
          </p>
        )}
        <div>
          <button className={button} disabled={!text.trim() || lookup.isPending}>
            {t("read")}
          </button>
        </div>
      </form>

      {error && (
        <p role="alert" className="rounded bg-red-50 p-3 text-sm text-red-800" data-testid="eid-error">
          {errorMessage(error)}
        </p>
      )}

      {summary && (
        <section aria-labelledby="eid-card" className={`${panel} flex gap-5`} data-testid="eid-summary">
          {summary.photo ? (
            // A data URL of the card's own JPEG; next/image does not apply.
            // eslint-disable-next-line @next/next/no-img-element
            <img
              src={summary.photo}
              alt={t("photoAlt", { name: summary.name })}
              className="h-[200px] w-[140px] rounded border border-slate-300 object-cover"
            />
          ) : (
            <div className="flex h-[200px] w-[140px] items-center justify-center rounded border border-slate-300 text-sm text-slate-600">
              {t("noPhoto")}
            </div>
          )}
          <div className="flex flex-col gap-1 text-sm">
            <h2 id="eid-card" className="text-lg font-semibold">
              {summary.name}
            </h2>
            <p>
              {t("nationalId")}: <span className="font-mono">{summary.nationalId}</span>
            </p>
            <p>
              {fieldLabel("birthDate")}: {date(summary.birthDate)}
              {summary.birthPlace && `, ${summary.birthPlace}`}
            </p>
            <p>
              {fieldLabel("nationalityText")}: {summary.nationalityText}
            </p>
            <p>
              {tr("eid.info.card", { number: summary.cardNumber, type: typeLabel(summary.cardType) })},{" "}
              {tr("eid.info.issuedBy", { issuer: summary.issuer })}
            </p>
            <p>{t("validity", { from: date(summary.validFrom), until: date(summary.validUntil) })}</p>
            <p>
              {t("address")}: {summary.address}
            </p>
            {found.warnings.length > 0 && (
              <ul aria-label={t("warnings")} className="mt-2 list-disc pl-5 text-amber-900">
                {found.warnings.map((w) => (
                  <li key={w.code}>{tr(`eid.${w.code}`, warningParams(w))}</li>
                ))}
              </ul>
            )}
          </div>
        </section>
      )}

      {found?.match && (
        <section className={`${panel} flex flex-col gap-3`} data-testid="eid-match">
          <p>{t("match", { name: found.match.displayName })}</p>
          <div className="flex gap-3">
            <Link
              href={`/clients/clients/${found.match.id}`}
              className="rounded border border-brand-700 px-4 py-2 text-sm font-medium text-brand-700"
            >
              {t("openClient")}
            </Link>
            <button
              className={button}
              disabled={compare.isPending}
              onClick={() => {
                // After applying, the client has the version the apply answered.
                const version = apply.data?.version ?? found.match!.version;
                apply.reset();
                compare.mutate({ clientId: found.match!.id, version, card: cardInput });
              }}
            >
              {t("compare")}
            </button>
          </div>
        </section>
      )}

      {found && !found.match && (
        <section className={`${panel} flex flex-col gap-3`} data-testid="eid-new">
          <p>{t("noMatch")}</p>
          {found.similar.length > 0 && (
            <>
              <h2 className="font-semibold">{t("similarTitle")}</h2>
              <p className="text-sm">{t("similarIntro")}</p>
              <ul className="list-disc pl-5 text-sm">
                {found.similar.map((s) => (
                  <li key={s.id}>
                    <Link className="underline" href={`/clients/clients/${s.id}`}>
                      {s.displayName}
                    </Link>
                  </li>
                ))}
              </ul>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={confirmSimilar} onChange={(e) => setConfirmSimilar(e.target.checked)} />
                {t("confirmSimilar")}
              </label>
            </>
          )}
          <div>
            <button
              className={button}
              disabled={create.isPending || (found.similar.length > 0 && !confirmSimilar)}
              onClick={() => create.mutate({ card: cardInput, confirmSimilar })}
            >
              {t("create", { name: summary!.name })}
            </button>
          </div>
        </section>
      )}

      {compare.data && (
        <section aria-labelledby="eid-changes" className={`${panel} flex flex-col gap-3`} data-testid="eid-changes">
          <h2 id="eid-changes" className="font-semibold">
            {t("changesTitle")}
          </h2>
          {compare.data.takeOverNationalId && (
            <p className="text-sm">{t("takeOver", { nationalId: summary?.nationalId ?? "" })}</p>
          )}
          {compare.data.changes.length === 0 ? (
            <p role="status">{tr("eid.upToDate", { client: compare.data.client })}</p>
          ) : (
            <>
              <p className="text-sm">{tr("eid.confirmChanges", { client: compare.data.client })}</p>
              <table className="text-sm">
                <thead>
                  <tr className="text-left">
                    <th className="pr-3">
                      <span className="sr-only">{t("apply")}</span>
                    </th>
                    <th className="pr-3">{t("field")}</th>
                    <th className="pr-3">{t("old")}</th>
                    <th>{t("new")}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...compare.data.changes]
                    .sort((a, b) => compareText(locale)(fieldLabel(a.field), fieldLabel(b.field)))
                    .map((c) => (
                      <tr key={c.key}>
                        <td className="pr-3">
                          <input
                            type="checkbox"
                            aria-label={fieldLabel(c.field)}
                            checked={chosen.has(c.key)}
                            onChange={(e) =>
                              setChosen((s) => {
                                const n = new Set(s);
                                if (e.target.checked) n.add(c.key);
                                else n.delete(c.key);
                                return n;
                              })
                            }
                          />
                        </td>
                        <td className="pr-3">{fieldLabel(c.field)}</td>
                        <td className="pr-3">{shown(c.field, c.old)}</td>
                        <td>{shown(c.field, c.new)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </>
          )}
          {(compare.data.changes.length > 0 || compare.data.takeOverNationalId) && !apply.data && (
            <div>
              <button
                className={button}
                disabled={apply.isPending}
                onClick={() =>
                  apply.mutate({
                    clientId: found!.match!.id,
                    version: compare.data!.version,
                    card: cardInput,
                    fields: [...chosen],
                  })
                }
              >
                {t("apply")}
              </button>
            </div>
          )}
          {apply.data && <p role="status">{t("applied", { count: apply.data.applied })}</p>}
        </section>
      )}
    </div>
  );
}
