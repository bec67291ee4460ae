/**
 * How any contract kind prints (domain-integ-money §2.3–2.7, docs/contracts.md): the primary document
 * type of its owner type, in the contract's language (else its client's, for the kinds whose document
 * exists in every language the client may speak; else the centre's), the first print certifying the
 * contract. A kind declares a `ContractPrint` (who prints, its tags, its document type, what may refuse
 * the print) and gets its print, its "Print" action and the seed of its document type from here.
 */
import { eq, sql } from "drizzle-orm";
import type { LocalizedText } from "@/db/control/schema";
import type { Seed } from "@/server/area";
import type { DocumentLanguage } from "@/server/documents/language";
import { printRecord, type PrintFacts } from "@/server/documents/print";
import type { TemplateData } from "@/server/documents/render";
import type { TemplateName } from "@/server/documents/templates";
import { AppError } from "@/server/errors";
import type { ActionDef, ResourceCtx } from "@/server/resources/define";
import type { ContractKind } from "./base";

type Tx = ResourceCtx["handle"]["db"];

export interface ContractPrint {
  kind: Pick<ContractKind, "ownerType" | "contracts">;
  /** Who may print (and so certify) a contract of the kind. */
  roles: ActionDef["roles"];
  /** The document type every centre has for the kind: primary and certifying. */
  documentType: { names: LocalizedText; template: TemplateName };
  /** false: the contract's language, else straight the centre's (the client's is not asked). Default true. */
  clientLanguage?: boolean;
  /** Refuses the print before anything is written (an AppError), e.g. a PIIS without PCSW duties. */
  check?: (tx: Tx, ctx: ResourceCtx, id: number) => Promise<void>;
  /** The template's tags, in the document's language. */
  data: (
    tx: Tx,
    ctx: Pick<ResourceCtx, "handle">,
    id: number,
    language: DocumentLanguage,
    print: PrintFacts,
  ) => Promise<TemplateData>;
}

/** Prints a contract of the kind; the first print certifies it, printing again gives the same document until "Clear printed". */
export const printContract = (p: ContractPrint, ctx: ResourceCtx, id: number) =>
  printRecord(ctx, {
    contentType: p.kind.ownerType,
    id,
    load: async (tx) => {
      const { t } = ctx.handle;
      const c = p.kind.contracts(t);
      const [row] = await tx
        .select({
          clientId: c.clientId,
          language:
            p.clientLanguage === false
              ? c.language
              : sql<
                  string | null
                >`coalesce(${c.language}, (select ${t.partners.language} from ${t.partners} where ${t.partners.id} = ${c.clientId}))`,
        })
        .from(c)
        .where(eq(c.id, id));
      if (!row) throw new AppError("NOT_FOUND");
      await p.check?.(tx, ctx, id);
      return row;
    },
    data: (tx, _template, language, facts) => p.data(tx, ctx, id, language, facts),
  });

/** "Print" on a contract of the kind. */
export const printContractAction = (p: ContractPrint): ActionDef => ({
  name: "print",
  label: "documents.print",
  roles: p.roles,
  run: (ctx, id) => printContract(p, ctx, Number(id)),
});

/** The kind's document type as every centre has it (and the migrations that add it to older centres). */
export const contractDocumentType = (p: ContractPrint) => ({
  names: p.documentType.names,
  contentType: p.kind.ownerType,
  template: p.documentType.template,
  isPrimary: true,
  certifying: true,
});

/** Every centre's document type of the kind, unless it has one of that owner type already. */
export const seedContractDocumentType =
  (p: ContractPrint): Seed =>
  async ({ db, t }) => {
    const [existing] = await db
      .select({ id: t.excerptTypes.id })
      .from(t.excerptTypes)
      .where(eq(t.excerptTypes.contentType, p.kind.ownerType));
    if (!existing) await db.insert(t.excerptTypes).values(contractDocumentType(p));
  };
