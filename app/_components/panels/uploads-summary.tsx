"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Fragment, useState } from "react";
import { Link } from "@/app/_components/link";
import { InsertDialog } from "@/app/_components/resource/insert-dialog";
import { toolButton } from "@/app/_components/resource/styles";
import { useTRPC } from "@/app/_components/trpc";
import type { UploadsSummaryPanel } from "@/server/uploads/summary";

const link = "text-blue-800 underline";

/**
 * A client's documents by type ("Residence permit: permit.pdf [+]", domain-people §13) under the
 * identifying-document shortcut; "+" opens the upload form with the client and the type filled in.
 */
export function UploadsSummaryPanelView({ data }: { data: unknown }) {
  const t = useTranslations("panels.uploadsSummary");
  const trpc = useTRPC();
  const summary = data as UploadsSummaryPanel;
  const [adding, setAdding] = useState<number | null>(null);
  const meta = useQuery({
    ...trpc.resources.meta.queryOptions({ resource: "uploads.uploads" }, { staleTime: 60_000 }),
    enabled: summary.canUpload,
  });
  const add = (typeId: number, label: string) =>
    summary.canUpload && (
      <button
        type="button"
        className={`${toolButton} px-2 py-0 leading-5`}
        aria-label={t("add", { type: label })}
        title={t("add", { type: label })}
        disabled={!meta.data}
        onClick={() => setAdding(typeId)}
        data-testid={`upload-add-${typeId}`}
      >
        +
      </button>
    );
  const id = summary.idDocument;
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="uploads-summary">
      {id && (
        <p data-testid="id-document">
          <span className="font-medium">{t("idDocument")}: </span>
          {id.latest ? (
            <>
              <a href={id.latest.href} className={link}>
                {t("last")}
              </a>
              {" · "}
              <Link href={id.allHref} className={link}>
                {t("all", { count: id.count })}
              </Link>
            </>
          ) : summary.canUpload ? (
            <button
              type="button"
              className={toolButton}
              disabled={!meta.data}
              onClick={() => setAdding(id.typeId)}
              data-testid="id-document-upload"
            >
              {t("upload")}
            </button>
          ) : (
            t("none")
          )}
        </p>
      )}
      {summary.types.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="flex flex-col gap-1">
          {summary.types.map((type) => (
            <li key={type.id} className="flex flex-wrap items-center gap-x-1" data-testid={`upload-type-${type.id}`}>
              <span className="font-medium">{type.name}:</span>
              {type.files.map((f, i) => (
                <Fragment key={f.id}>
                  {i > 0 && ", "}
                  <a href={f.href} className={link}>
                    {f.label}
                  </a>
                </Fragment>
              ))}
              {type.canAdd && add(type.id, type.name)}
            </li>
          ))}
        </ul>
      )}
      {adding !== null && meta.data && (
        <InsertDialog
          meta={meta.data}
          preset={{ client: summary.clientId, type: adding }}
          onClose={() => setAdding(null)}
          onCreated={() => undefined}
        />
      )}
    </div>
  );
}
