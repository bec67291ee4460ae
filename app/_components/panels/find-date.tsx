"use client";
import { useTranslations } from "next-intl";
import { Link } from "@/app/_components/link";
import type { FindDatePanel } from "@/server/calendar/free-slots";

/** "Find a date" on a client's file: with any of the client's coaches, or with one of them. */
export function FindDatePanelView({ data }: { data: unknown }) {
  const t = useTranslations("planner.panel");
  const { client, coaches } = data as FindDatePanel;
  const href = (user?: number) => `/calendar/find-date?client=${client}${user ? `&user=${user}` : ""}`;
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="find-date-panel">
      <li>
        <Link className="text-brand-700 underline" href={href()}>
          {t("any")}
        </Link>
      </li>
      {coaches.map((c) => (
        <li key={c.id}>
          <Link className="text-brand-700 underline" href={href(c.id)}>
            {t("with", { name: c.name })}
          </Link>
        </li>
      ))}
    </ul>
  );
}
