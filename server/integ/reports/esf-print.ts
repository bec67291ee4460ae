/**
 * The printed "Training report" of a client's year (Lino's esf ClientSummary print, domain-integ-money
 * §2.10), through the documents machinery (docs/documents.md), and "Back to the computed values".
 */
import { eq, sql } from "drizzle-orm";
import { actorOf } from "@/server/audit";
import type { Seed } from "@/server/area";
import { clientNameOf } from "@/server/clients/sql";
import { certifiedAt, certifiedDeclaration, clearPrintedAction } from "@/server/documents/certifying";
import type { DocumentLanguage } from "@/server/documents/language";
import { printRecord, type PrintCtx } from "@/server/documents/print";
import type { TemplateData } from "@/server/documents/render";
import { PRINTERS } from "@/server/documents/resources";
import { AppError } from "@/server/errors";
import { translatorFor } from "@/server/i18n/translator";
import { namesOf } from "@/server/isip/config";
import { pickLocalized } from "@/lib/format";
import type { ActionDef, FieldDef, ResourceCtx } from "@/server/resources/define";
import { datetime } from "@/server/resources/fields";
import { choiceLabelKey } from "@/server/resources/choices";
import { qualified as q } from "@/server/resources/query";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { ESF_CONTENT_TYPE, ESF_FIELDS, esfResults, fieldNameKey, hoursOf, revertEsfSummary } from "./esf";

type Tx = TenantHandle["db"];

/** The document type's template (server/documents/templates.ts); its content type is esf.ts's. */
export { ESF_CONTENT_TYPE };
export const ESF_TEMPLATE = "esfTrainingReport";

/** A field's name in a language: the entry types' choice label, or the contract kind's field (50, 70). */
const fieldLabel = (tr: ReturnType<typeof translatorFor>, value: string) => tr(fieldNameKey(value));

/**
 * What the Training report prints: the client and year, each statistical field's hours (every
 * field, "0:00" when none) and their total, then the client's situation that year (education level,
 * children at charge, certified handicap, other difficulty), the result and the remark.
 */
export async function trainingReportData(
  tx: Tx,
  ctx: PrintCtx,
  id: number,
  language: DocumentLanguage,
): Promise<TemplateData> {
  const { t } = ctx.handle;
  const tr = translatorFor(language);
  const [row] = await tx
    .select({
      clientName: clientNameOf(t, q(t.esfSummaries.clientId)),
      clientId: t.esfSummaries.clientId,
      year: t.esfSummaries.year,
      educationLevel: namesOf(t.cvEducationLevels, q(t.esfSummaries.educationLevelId)),
      childrenAtCharge: t.esfSummaries.childrenAtCharge,
      certifiedHandicap: t.esfSummaries.certifiedHandicap,
      otherDifficulty: t.esfSummaries.otherDifficulty,
      result: t.esfSummaries.result,
      remark: t.esfSummaries.remark,
      minutes: t.esfSummaries.minutes,
    })
    .from(t.esfSummaries)
    .where(eq(t.esfSummaries.id, id));
  if (!row) throw new AppError("NOT_FOUND");
  const minutesOf = (value: string) => {
    const m = (row.minutes as Record<string, unknown>)[value];
    return typeof m === "number" && m > 0 ? Math.round(m) : 0;
  };
  const yesNo = (b: boolean) => tr(b ? "format.yes" : "format.no");
  const names = row.educationLevel as Record<string, string> | null;
  return {
    clientName: row.clientName,
    clientId: String(row.clientId),
    year: String(row.year),
    fields: ESF_FIELDS.map((f) => ({ label: fieldLabel(tr, f.value), hours: hoursOf(minutesOf(f.value)) })),
    totalHours: hoursOf(ESF_FIELDS.reduce((sum, f) => sum + minutesOf(f.value), 0)),
    educationLevel: names ? pickLocalized(names, language) : "",
    childrenAtCharge: String(row.childrenAtCharge),
    certifiedHandicap: yesNo(row.certifiedHandicap),
    otherDifficulty: yesNo(row.otherDifficulty),
    result: row.result ? tr(choiceLabelKey(esfResults, row.result)) : "",
    remark: row.remark,
  };
}

/** Prints a summary's Training report with the primary document type of ESF summaries, in the client's language (§14.2). */
export const printTrainingReport = (ctx: ResourceCtx, id: number) =>
  printRecord(ctx, {
    contentType: ESF_CONTENT_TYPE,
    id,
    load: async (tx) => {
      const { t } = ctx.handle;
      const [row] = await tx
        .select({ clientId: t.esfSummaries.clientId, language: t.partners.language })
        .from(t.esfSummaries)
        .innerJoin(t.partners, eq(t.partners.id, t.esfSummaries.clientId))
        .where(eq(t.esfSummaries.id, id));
      if (!row) throw new AppError("NOT_FOUND");
      return row;
    },
    data: (tx, _template, language) => trainingReportData(tx, ctx, id, language),
  });

/** "Print" on a summary: its Training report, for those who print documents (printing certifies it). */
export const printTrainingReportAction: ActionDef = {
  name: "printTrainingReport",
  label: "integReports.esf.print",
  roles: [...PRINTERS],
  run: (ctx, id) => printTrainingReport(ctx, Number(id)),
};

/** "Back to the computed values": the integration service forgets the hours typed by hand and recomputes the row. */
export const revertEsfAction: ActionDef = {
  name: "revertEsf",
  label: "integReports.esf.revert",
  roles: ["IntegUser"],
  confirm: true,
  run: async (ctx, id, _params, version) => {
    await revertEsfSummary(ctx.handle, actorOf(ctx.user), Number(id), version);
  },
};

/**
 * The Training report's document type (Lino's esf std fixture: "Training report", certifying): the
 * primary one of ESF summaries; printing certifies the summary (its printed fields stay as printed
 * until "Clear printed"). Centres seeded before it was certifying got it by the migration esf_result_choice.
 */
export const ESF_DOCUMENT_TYPE = {
  names: { fr: "Rapport de formation", nl: "Opleidingsverslag", de: "Ausbildungsbericht", en: "Training report" },
  contentType: ESF_CONTENT_TYPE,
  template: ESF_TEMPLATE,
  isPrimary: true,
  certifying: true,
};

/** What the Training report vouches for: the situation, the result and every field's hours (`h10` … `h70`). */
export const CERTIFIED_SUMMARY_FIELDS = [
  "educationLevel",
  "childrenAtCharge",
  "certifiedHandicap",
  "otherDifficulty",
  "result",
  ...ESF_FIELDS.map((f) => `h${f.value}`),
] as const;

/** The summaries' `certified` declaration: while printed, edits of the printed fields are refused. */
export const certifiedSummary = certifiedDeclaration(
  ESF_CONTENT_TYPE,
  (t) => t.esfSummaries.id,
  CERTIFIED_SUMMARY_FIELDS,
);

/** "Printed": when the summary's Training report was printed, empty once cleared. */
export const summaryPrintedField: FieldDef = {
  ...datetime("integReports.esf.printed", (t) => t.esfSummaries.id),
  expr: (t) => certifiedAt(t, ESF_CONTENT_TYPE, q(t.esfSummaries.id)),
  sortable: false,
};

/** "Clear printed" on a summary: for the integration service (the action's row check keeps it to rows they see). */
export const clearPrintedSummaryAction = clearPrintedAction(
  ESF_CONTENT_TYPE,
  ["IntegUser"],
  "integReports.esf.nothingToClear",
  "printed",
);

/** Every centre's document type of ESF summaries (the summaries' Print), unless it has one of that template. */
export const seedTrainingReportType: Seed = async ({ db, t }) => {
  const [existing] = await db
    .select({ id: t.excerptTypes.id })
    .from(t.excerptTypes)
    .where(sql`${t.excerptTypes.template} = ${ESF_TEMPLATE}`);
  if (existing) return;
  await db.insert(t.excerptTypes).values(ESF_DOCUMENT_TYPE);
};
