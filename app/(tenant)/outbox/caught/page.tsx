import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { RolePage } from "@/app/_components/role-page";
import { formatDateTime, type UiLocale } from "@/lib/format";
import { caughtMails } from "@/server/outbox/caught";
import { caughtSms } from "@/server/outbox/sms-caught";
import { currentTenant } from "@/server/tenancy/current";

export const dynamic = "force-dynamic";

/**
 * What the demo's mail server and SMS provider caught for this centre: what would have been sent,
 * for a newcomer to see (server/integrations/mail/sink.ts, server/integrations/sms/fake.ts).
 * Administrators only; in a centre without a demo mailbox it says so.
 */
export default async function CaughtMailsPage() {
  const found = await currentTenant();
  if (!found) notFound();
  const t = await getTranslations("outbox.caught");
  const ts = await getTranslations("outbox.sms.caught");
  const locale = (await getLocale()) as UiLocale;
  const [mails, sms] = await Promise.all([caughtMails(found.tenant.id), caughtSms(found.tenant.id)]);
  return (
    <RolePage role="SiteAdmin" namespace="outbox.caught" refusal="adminsOnly">
      {mails === null ? (
        <p className="text-sm text-slate-700">{t("none")}</p>
      ) : mails.length === 0 ? (
        <p className="text-sm text-slate-700">{t("empty")}</p>
      ) : (
        <ul className="space-y-4" data-testid="caught-mails">
          {mails.map((m) => (
            <li key={m.file} className="rounded border border-slate-300 bg-white p-4 text-sm">
              <p className="font-semibold">{m.subject}</p>
              <p className="text-slate-700">
                {t("from")} {m.from} · {t("to")} {m.to}
                {m.date && ` · ${formatDateTime(m.date, locale)}`}
              </p>
              {m.attachments.length > 0 && (
                <p className="text-slate-700">
                  {t("attachments")} {m.attachments.join(", ")}
                </p>
              )}
              <pre className="mt-2 font-sans whitespace-pre-wrap">{m.text}</pre>
            </li>
          ))}
        </ul>
      )}
      <h2 className="mt-8 mb-3 text-lg font-semibold">{ts("title")}</h2>
      {sms === null ? (
        <p className="text-sm text-slate-700">{ts("none")}</p>
      ) : sms.length === 0 ? (
        <p className="text-sm text-slate-700">{ts("empty")}</p>
      ) : (
        <ul className="space-y-4" data-testid="caught-sms">
          {sms.map((m) => (
            <li key={m.file} className="rounded border border-slate-300 bg-white p-4 text-sm">
              <p className="text-slate-700">
                {ts("from")} {m.from} · {ts("to")} {m.to} · {formatDateTime(m.date, locale)}
              </p>
              <pre className="mt-2 font-sans whitespace-pre-wrap">{m.body}</pre>
            </li>
          ))}
        </ul>
      )}
    </RolePage>
  );
}
