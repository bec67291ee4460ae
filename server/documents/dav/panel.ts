import { and, asc, eq } from "drizzle-orm";
import type { OfficeProgram } from "@/lib/office-link";
import type { ResourceCtx } from "@/server/resources/define";
import { qualified as q } from "@/server/resources/query";
import { userNameOf } from "@/server/users/sql";
import { AppError } from "@/server/errors";
import { canEditInPlace, editableFacts, OFFICE_PROGRAM_PREFERENCE } from "./tokens";

export interface EditPanel {
  /** The printed document (excerpt) the panel is about. */
  id: number;
  /** Whether "Edit" is offered (canEditInPlace). */
  editable: boolean;
  /** The office program "Edit" opened last for this user (LibreOffice until they choose). */
  program: OfficeProgram;
  /** The document's states once edited: the print (1), then each save, newest last. Empty while never edited. */
  versions: { number: number; user: string; madeAt: string; fileSize: number; href: string }[];
}

export const versionHref = (excerptId: number, number: number, fileName: string) =>
  `/api/documents/${excerptId}/versions/${number}/${encodeURIComponent(fileName)}`;

/** A printed document's "Edit" button and its versions, on its detail. */
export async function editPanel(ctx: ResourceCtx, id: number): Promise<EditPanel> {
  const { db, t } = ctx.handle;
  const excerpt = await editableFacts(db, t, id);
  if (!excerpt) throw new AppError("NOT_FOUND");
  const rows = await db
    .select({
      number: t.excerptVersions.number,
      user: userNameOf(t, q(t.excerptVersions.userId)),
      madeAt: t.excerptVersions.madeAt,
      fileSize: t.excerptVersions.fileSize,
    })
    .from(t.excerptVersions)
    .where(eq(t.excerptVersions.excerptId, id))
    .orderBy(asc(t.excerptVersions.number));
  const [preference] = await db
    .select({ value: t.userPreferences.value })
    .from(t.userPreferences)
    .where(and(eq(t.userPreferences.userId, ctx.user.id), eq(t.userPreferences.key, OFFICE_PROGRAM_PREFERENCE)));
  return {
    id,
    editable: canEditInPlace(excerpt),
    program: preference?.value === "word" ? "word" : "libreoffice",
    versions: rows.map((v) => ({
      number: v.number,
      user: String(v.user ?? ""),
      madeAt: v.madeAt.toISOString(),
      fileSize: v.fileSize,
      href: versionHref(id, v.number, excerpt.fileName),
    })),
  };
}
