import { and, asc, desc, eq, sql } from "drizzle-orm";
import { gridHref } from "@/app/_components/resource/list-state";
import { listStateSchema } from "@/lib/resources";
import type { LocalizedText } from "@/db/control/schema";
import { localized } from "@/server/i18n/locale";
import { can } from "@/server/resources/access";
import type { ResourceCtx } from "@/server/resources/define";
import { coachingActive } from "@/server/coachings/sql";
import { clientNameOf } from "@/server/clients/sql";
import { qualified as q } from "@/server/resources/query";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { uploadsResource } from "./resources";
import { downloadHref } from "./service";

export interface FileLink {
  id: number;
  label: string;
  href: string;
}

export interface UploadsSummaryPanel {
  clientId: number;
  /** Whether the reader may upload (the "+" and the identifying document's upload button). */
  canUpload: boolean;
  /** The identifying-document shortcut (domain-people §13); null when no type has it. */
  idDocument: { typeId: number; typeName: string; latest: FileLink | null; count: number; allHref: string } | null;
  /** Per upload type of the general area that has files or is wanted: "Type: file1, file2 [+]". */
  types: { id: number; name: string; files: FileLink[]; canAdd: boolean }[];
}

/** The general area of upload types: the client's own documents (contracts keep theirs). */
const GENERAL_AREA = "90";

/** A file as the summary names it: its description, else its name. */
const labelOf = (u: { description: string; fileName: string }) => u.description.trim() || u.fileName;

/** The client's uploads by type, and the identifying document (the panel on the client's Documents tab). */
export async function uploadsSummaryPanel(ctx: ResourceCtx, clientId: number): Promise<UploadsSummaryPanel> {
  const { db, t } = ctx.handle;
  const [types, uploads] = await Promise.all([
    db.select().from(t.uploadTypes).orderBy(asc(t.uploadTypes.id)),
    db
      .select({
        id: t.uploads.id,
        typeId: t.uploads.typeId,
        description: t.uploads.description,
        fileName: t.uploads.fileName,
      })
      .from(t.uploads)
      .where(eq(t.uploads.clientId, clientId))
      .orderBy(desc(t.uploads.createdAt), desc(t.uploads.id)),
  ]);
  const canUpload = can(uploadsResource, "create", ctx.user);
  const link = (u: (typeof uploads)[number]): FileLink => ({
    id: u.id,
    label: labelOf(u),
    href: downloadHref(u.id, u.fileName),
  });
  const name = (names: LocalizedText) => localized(names, ctx.locale);
  const ofType = (typeId: number) => uploads.filter((u) => u.typeId === typeId);

  const idType = types.find((ty) => ty.shortcut === "idDocument");
  const idFiles = idType ? ofType(idType.id) : [];
  return {
    clientId,
    canUpload,
    idDocument: idType
      ? {
          typeId: idType.id,
          typeName: name(idType.names),
          latest: idFiles[0] ? link(idFiles[0]) : null,
          count: idFiles.length,
          allHref: gridHref(
            "uploads.uploads",
            listStateSchema.parse({ master: { field: "client", value: clientId }, filters: { type: idType.id } }),
          ),
        }
      : null,
    types: types
      .filter((ty) => ty.uploadArea === GENERAL_AREA)
      .map((ty) => {
        const files = ofType(ty.id);
        return {
          id: ty.id,
          name: name(ty.names),
          files: files.map(link),
          canAdd: canUpload && ty.wanted && (ty.maxNumber === -1 || files.length < ty.maxNumber),
        };
      })
      .filter((ty) => ty.files.length > 0 || ty.canAdd),
  };
}

export interface ExpiringUpload {
  id: number;
  endDate: string;
  typeName: LocalizedText;
  description: string;
  fileName: string;
  clientId: number;
  clientName: string;
}

/**
 * "My expiring uploads" (domain-people §13): needed uploads of the clients I coach (any coaching
 * active today), whose validity ends between today and a year from now, soonest first.
 */
export async function myExpiringUploads(
  handle: Pick<TenantHandle, "db" | "t">,
  userId: number,
  today: string,
  until: string,
  limit = 50,
): Promise<ExpiringUpload[]> {
  const { db, t } = handle;
  const u = t.uploads;
  const c = t.coachings;
  return db
    .select({
      id: u.id,
      endDate: sql<string>`${u.endDate}`,
      typeName: t.uploadTypes.names,
      description: u.description,
      fileName: u.fileName,
      clientId: u.clientId,
      clientName: clientNameOf(t, q(u.clientId)),
    })
    .from(u)
    .innerJoin(t.uploadTypes, eq(t.uploadTypes.id, u.typeId))
    .where(
      and(
        eq(u.needed, true),
        sql`${u.endDate} between ${today} and ${until}`,
        sql`exists (select 1 from ${c} where ${q(c.clientId)} = ${q(u.clientId)} and ${q(c.userId)} = ${userId} and ${coachingActive(t, sql`${today}::date`, sql`${today}::date`)})`,
      ),
    )
    .orderBy(asc(u.endDate), asc(u.id))
    .limit(limit);
}
