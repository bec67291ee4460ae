import { z } from "zod";
import type { ResourceCtx } from "@/server/resources/define";
import { router } from "@/server/trpc/init";
import { authedProcedure, roleProcedure } from "@/server/trpc/procedures";
import { OFFICE_PROGRAMS } from "@/lib/office-link";
import { openForEdit } from "./dav/tokens";
import { MASS_PRINT_MAX, massPrintState, selectionTypes, startMassPrint } from "./mass-print";
import { DOCUMENT_LANGUAGES } from "./language";
import {
  previewTemplate,
  revertTemplate,
  TEMPLATE_MAX_BYTES,
  templatesInUse,
  uploadTemplate,
  chooseTemplateVersion,
} from "./own-templates";
import { DOCUMENT_TYPES } from "./templates";

/** A centre's own templates are its administrators' (issue 14 §1: letterhead, logo, signature block). */
const admin = roleProcedure("SiteAdmin");
const resourceCtx = ({ handle, user, locale, registry }: ResourceCtx): ResourceCtx => ({
  handle,
  user,
  locale,
  registry,
});

const template = z.enum(DOCUMENT_TYPES.map((d) => d.template) as [string, ...string[]]) as z.ZodType<
  (typeof DOCUMENT_TYPES)[number]["template"]
>;
const language = z.enum(DOCUMENT_LANGUAGES);
/** Base64 of at most TEMPLATE_MAX_BYTES (4 characters per 3 bytes). */
const base64 = z
  .string()
  .max(Math.ceil(TEMPLATE_MAX_BYTES / 3) * 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);
const fileName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\0/\\]+$/);

const rowId = z.number().int().positive().max(2_147_483_647);
const resourceId = z.string().min(1).max(100);

export const documentsRouter = router({
  /** The document types a list's "Print selection" offers (its content type's, not certifying ones). */
  selectionTypes: authedProcedure
    .input(z.object({ resource: resourceId }))
    .query(({ ctx, input }) => selectionTypes(resourceCtx(ctx), input.resource)),

  /** "Print selection": one document type for the ticked rows the user may see, made by a job into one file. */
  printSelection: authedProcedure
    .input(z.object({ resource: resourceId, typeId: rowId, ids: z.array(rowId).min(1).max(MASS_PRINT_MAX) }))
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => startMassPrint(resourceCtx(ctx), input)),

  /** Where a mass print stands (polled by the grid until its file can be downloaded). */
  massPrint: authedProcedure
    .input(z.object({ id: rowId }))
    .query(({ ctx, input }) => massPrintState(resourceCtx(ctx), input.id)),

  /** Which template each language uses now: the centre's own or the default. */
  templates: admin.input(z.object({ template })).query(({ ctx, input }) => templatesInUse(ctx.handle, input.template)),

  /** Uploads the centre's own template of a language, refused with the offending tag named when it cannot be used. */
  uploadTemplate: admin
    .input(z.object({ template, language, fileName, content: base64 }))
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) =>
      uploadTemplate(resourceCtx(ctx), { ...input, content: Buffer.from(input.content, "base64") }),
    ),

  /** An upload rendered with the sample record (PDF, else Word), checked as an upload is, for a look before accepting it. */
  previewTemplate: admin
    .input(z.object({ template, content: base64 }))
    .mutation(({ input }) =>
      previewTemplate({ template: input.template, content: Buffer.from(input.content, "base64") }),
    ),

  /** "Go back to" a kept version of the centre's template of a language, or to the default (`id` null). */
  chooseTemplateVersion: admin
    .input(z.object({ template, language, id: z.number().int().positive().max(2_147_483_647).nullable() }))
    .mutation(({ ctx, input }) => chooseTemplateVersion(resourceCtx(ctx), input)),

  /** Goes back to the centre's earlier template of a language, or to the default. */
  revertTemplate: admin
    .input(z.object({ template, language }))
    .mutation(({ ctx, input }) => revertTemplate(resourceCtx(ctx), input)),

  /** "Edit": an edit link of a printed document for the user's office program (server/documents/dav). */
  openForEdit: authedProcedure
    .input(
      z.object({ id: z.number().int().positive().max(2_147_483_647), program: z.enum(OFFICE_PROGRAMS).optional() }),
    )
    .mutation(({ ctx, input }) => openForEdit(resourceCtx(ctx), input.id, input.program)),
});
