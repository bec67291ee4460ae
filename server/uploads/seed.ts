import { deflateSync, crc32 } from "node:zlib";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { LocalizedText } from "@/db/control/schema";
import { belgianToday } from "@/lib/format";
import { systemActor } from "@/server/audit";
import { addDays } from "@/server/calendar/rules/reminders";
import { updateUploadReminder } from "@/server/calendar/reminders";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { uploadStorage } from "./storage";

type TypeSeed = {
  names: LocalizedText;
  uploadArea?: "10" | "90";
  maxNumber?: number;
  wanted?: boolean;
  shortcut?: "idDocument";
  warnExpiryUnit?: "monthly" | null;
  warnExpiryValue?: number;
};

/** Lino's Eupen upload types (domain-people §13). */
const UPLOAD_TYPES: TypeSeed[] = [
  {
    names: { fr: "Document source", nl: "Brondocument", de: "Quelldokument", en: "Source document" },
    wanted: true,
    maxNumber: 1,
    warnExpiryValue: 2,
  },
  {
    names: { fr: "Titre de séjour", nl: "Verblijfsvergunning", de: "Aufenthaltserlaubnis", en: "Residence permit" },
    wanted: true,
    maxNumber: 1,
    warnExpiryValue: 2,
  },
  {
    names: { fr: "Permis de travail", nl: "Arbeidskaart", de: "Arbeitserlaubnis", en: "Work permit" },
    wanted: true,
    maxNumber: 1,
    warnExpiryValue: 2,
  },
  {
    names: { fr: "Permis de conduire", nl: "Rijbewijs", de: "Führerschein", en: "Driving licence" },
    wanted: true,
    maxNumber: 1,
    warnExpiryValue: 1,
  },
  {
    names: {
      fr: "Document d'identification",
      nl: "Identificatiedocument",
      de: "Identifizierendes Dokument",
      en: "Identifying document",
    },
    wanted: true,
    maxNumber: 1,
    warnExpiryValue: 1,
    shortcut: "idDocument",
  },
  { names: { fr: "Contrat", nl: "Contract", de: "Vertrag", en: "Contract" }, uploadArea: "10" },
  { names: { fr: "Carte de handicap", nl: "Gehandicaptenkaart", de: "Behindertenausweis", en: "Handicap card" } },
  { names: { fr: "Diplôme", nl: "Diploma", de: "Diplom", en: "Diploma" }, wanted: true },
  { names: { fr: "Carte d'identité", nl: "Identiteitskaart", de: "Personalausweis", en: "Identity card" } },
  {
    names: { fr: "Certificat médical", nl: "Medisch attest", de: "Ärztliche Bescheinigung", en: "Medical certificate" },
    warnExpiryUnit: null,
  },
];

/** The upload types every centre starts with (Configure → Office); seeded once. */
export async function seedUploadTypes({ db, t }: TenantHandle) {
  if ((await db.select({ id: t.uploadTypes.id }).from(t.uploadTypes).limit(1)).length) return;
  await db.insert(t.uploadTypes).values(
    UPLOAD_TYPES.map((ty) => ({
      names: ty.names,
      uploadArea: ty.uploadArea ?? "90",
      maxNumber: ty.maxNumber ?? -1,
      wanted: ty.wanted ?? false,
      shortcut: ty.shortcut ?? null,
      warnExpiryUnit: ty.warnExpiryUnit === undefined ? "monthly" : ty.warnExpiryUnit,
      warnExpiryValue: ty.warnExpiryValue ?? 2,
    })),
  );
}

/** A one-page PDF saying what it stands for (PDF 1.4, Helvetica; text limited to ASCII). */
export function demoPdf(title: string): Buffer {
  const text = title
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/[\\()]/g, "\\$&");
  const stream = `BT /F1 18 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** A small grey PNG with a darker band, like a scanned card (8-bit greyscale). */
export function demoPng(width = 120, height = 76, shade = 200): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(typed.length + 8);
    out.writeUInt32BE(data.length, 0);
    typed.copy(out, 4);
    out.writeUInt32BE(crc32(typed), typed.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = y > 20 && y < 30 ? shade - 120 : shade;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

async function* once(bytes: Buffer) {
  yield bytes;
}

/** Which type and validity each demo upload gets: days from today to its end (null: none). */
const DEMO: { type: number; endsIn: number | null; png?: boolean }[] = [
  { type: 1, endsIn: 40 }, // residence permit, expiring in six weeks
  { type: 4, endsIn: 20, png: true }, // identifying document, expiring soon
  { type: 2, endsIn: 200 },
  { type: 3, endsIn: 500, png: true },
  { type: 9, endsIn: null },
  { type: 1, endsIn: -30 },
  { type: 7, endsIn: null },
  { type: 4, endsIn: 90, png: true },
  { type: 0, endsIn: 300 },
  { type: 8, endsIn: 700, png: true },
  { type: 1, endsIn: 55 },
  { type: 6, endsIn: 120, png: true },
  { type: 2, endsIn: 25 },
  { type: 9, endsIn: null },
  { type: 4, endsIn: 400, png: true },
];

/**
 * Fifteen scanned documents on demo clients (domain-people §20), uploaded by their primary coach,
 * with generated PDFs and PNG images; some expire within weeks, so that "My expiring uploads" and
 * the reminders show them. Seeded once.
 */
export async function seedDemoUploads(handle: TenantHandle, centre: { defaultLocale: string }) {
  const { db, t } = handle;
  if ((await db.select({ id: t.uploads.id }).from(t.uploads).limit(1)).length) return;
  const types = await db.select().from(t.uploadTypes).orderBy(asc(t.uploadTypes.id));
  const coached = await db
    .select({ clientId: t.coachings.clientId, userId: t.coachings.userId, language: t.users.language })
    .from(t.coachings)
    .innerJoin(t.users, eq(t.users.id, t.coachings.userId))
    .where(and(eq(t.coachings.primary, true), isNull(t.coachings.endDate)))
    .orderBy(asc(t.coachings.clientId))
    .limit(DEMO.length);
  if (types.length < UPLOAD_TYPES.length || coached.length === 0) return;
  const today = belgianToday();
  const storage = uploadStorage();
  const locale = (["fr", "nl", "de", "en"] as const).find((l) => l === centre.defaultLocale) ?? "fr";
  for (const [i, demo] of DEMO.entries()) {
    const who = coached[i % coached.length]!;
    const type = types[demo.type]!;
    const typeName = type.names[locale] ?? type.names.fr;
    const bytes = demo.png ? demoPng(120, 76, 180 + (i % 5) * 10) : demoPdf(`${typeName} - ${who.clientId}`);
    const key = storage.newKey();
    const { size } = await storage.put(handle.tenantId, key, once(bytes));
    const endDate = demo.endsIn === null ? null : addDays(today, demo.endsIn);
    const fileName = `${typeName.replace(/[^\p{L}\p{N}]+/gu, "-").toLowerCase()}-${i + 1}.${demo.png ? "png" : "pdf"}`;
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(t.uploads)
        .values({
          storageKey: key,
          fileName,
          mimeType: demo.png ? "image/png" : "application/pdf",
          fileSize: size,
          typeId: type.id,
          userId: who.userId,
          clientId: who.clientId,
          startDate: endDate ? addDays(endDate, -730) : addDays(today, -60 - i),
          endDate,
          needed: !!type.warnExpiryUnit,
          description: "",
          createdAt: sql`now() - make_interval(days => ${60 - i})`,
        })
        .returning({ id: t.uploads.id });
      await updateUploadReminder(tx, t, systemActor("seed"), {
        uploadId: row!.id,
        userId: who.userId,
        language: who.language,
        endDate,
        needed: !!type.warnExpiryUnit,
        unit: type.warnExpiryUnit,
        value: type.warnExpiryValue,
        typeNames: type.names,
      });
    });
  }
}
