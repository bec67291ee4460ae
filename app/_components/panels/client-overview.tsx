"use client";
import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/app/_components/link";
import { formatDate, type UiLocale } from "@/lib/format";
import { resourceHref } from "@/lib/resources";
import type { ClientOverviewPanel } from "@/server/clients/panels/overview";

/** The client at a glance (domain-people §2.1, §3.5, §12): name in bold, address lines, contact data, eID info, important notes in red. */
export function ClientOverviewPanelView({ data }: { data: unknown }) {
  const t = useTranslations("panels.clientOverview");
  const locale = useLocale() as UiLocale;
  const o = data as ClientOverviewPanel;
  const contacts = (
    [
      ["phone", o.phone],
      ["gsm", o.gsm],
      ["email", o.email],
    ] as const
  ).filter(([, value]) => value);
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="client-overview">
      <address className="not-italic">
        <p className="font-bold" data-testid="overview-name">
          {o.name}
        </p>
        {o.addressLines.map((line) => (
          <p key={line} data-testid="overview-address-line">
            {line}
          </p>
        ))}
      </address>
      {contacts.length > 0 && (
        <dl className="flex flex-wrap gap-x-4 gap-y-1">
          {contacts.map(([kind, value]) => (
            <div key={kind} className="flex gap-1">
              <dt className="text-slate-700">{t(kind)}</dt>
              <dd data-testid={`overview-${kind}`}>
                {kind === "email" ? (
                  <a className="text-brand-700 underline" href={`mailto:${value}`}>
                    {value}
                  </a>
                ) : (
                  value
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <div data-testid="overview-eid">
        {o.eidLines.length > 0 ? <p>{o.eidLines.join(", ")}</p> : !o.mustReadText && <p>{t("noCard")}</p>}
        {o.mustReadText && (
          <p
            className="mt-1 inline-block rounded bg-red-700 px-3 py-1.5 font-semibold text-white"
            data-testid="overview-must-read-eid"
          >
            {o.mustReadText}
          </p>
        )}
      </div>
      {o.importantNotes.length > 0 && (
        <section aria-labelledby="overview-important-notes" data-testid="overview-important-notes">
          <h3 id="overview-important-notes" className="font-semibold text-red-800">
            {t("importantNotes")}
          </h3>
          <ul>
            {o.importantNotes.map((note) => (
              <li key={note.id}>
                <Link href={resourceHref("notes.notes", note.id)} className="text-red-800 underline">
                  {formatDate(note.date, locale)} {note.subject}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
