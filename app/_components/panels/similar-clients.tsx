"use client";
import { Link } from "@/app/_components/link";
import { useTranslations } from "next-intl";
import { resourceHref } from "@/lib/resources";
import type { SimilarClientsPanel } from "@/server/clients/panels/similar";

/** Similar clients as links to their detail, then the client's phonetic words (domain-people §5). */
export function SimilarClientsPanelView({ data }: { data: unknown }) {
  const t = useTranslations("panels.similarClients");
  const { similar, phoneticWords } = data as SimilarClientsPanel;
  return (
    <div className="flex flex-col gap-2 text-sm">
      {similar.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {similar.map((c) => (
            <li key={c.id}>
              <Link className="text-brand-700 underline" href={resourceHref("clients.clients", c.id)}>
                {c.displayName}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p className="text-slate-700" data-testid="phonetic-words">
        {t("phoneticWords", { words: phoneticWords.join(" ") })}
      </p>
    </div>
  );
}
