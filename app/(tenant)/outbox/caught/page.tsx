import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { RolePage } from "@/app/_components/role-page";
import { formatDateTime, type UiLocale } from "@/lib/format";
import { caughtMails } from "@/server/outbox/caught";
import { currentTenant } from "@/server/tenancy/current";

export const dynamic = "force-dynamic";

/**
 * What the demo's mail server caught for this centre: what would have been sent, for a newcomer to
 * see (server/integrations/mail/sink.ts). Administrators only; in a centre without a demo mailbox it
 * says so.
 */
export default async function CaughtMailsPage() {
  const found = await currentTenant();
  if (!found) notFound();
  const t = await getTranslations("outbox.caught");
  const locale = (await getLocale()) as UiLocale;
  const mails = await caughtMails(found.tenant.id);
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
    </RolePage>
  );
}
