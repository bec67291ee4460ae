/**
 * Which files a centre accepts as scanned documents, judged on their content, and what they are
 * called once kept. Pure: the route sniffs the first bytes (the `file-type` package) and asks here.
 */

/** A kind of document the centre accepts: the type its bytes reveal, the names and declared types that go with it. */
interface Accepted {
  /** What `file-type` reports for the content. */
  sniffed: string;
  extensions: string[];
  /** The types a browser may declare for such a file (besides none or `application/octet-stream`). */
  declared: string[];
  /** What the download is served as, when it differs from `sniffed` (old Office files all sniff as "cfb"). */
  servedAs?: Record<string, string>;
}

const OOXML = "application/vnd.openxmlformats-officedocument";
const ODF = "application/vnd.oasis.opendocument";

/** Documents and images a CPAS scans or receives: no executables, scripts, archives, HTML or SVG. */
const ACCEPTED: Accepted[] = [
  { sniffed: "application/pdf", extensions: ["pdf"], declared: ["application/pdf", "application/x-pdf"] },
  {
    sniffed: "image/jpeg",
    extensions: ["jpg", "jpeg", "jpe", "jfif"],
    declared: ["image/jpeg", "image/jpg", "image/pjpeg"],
  },
  { sniffed: "image/png", extensions: ["png"], declared: ["image/png"] },
  { sniffed: "image/tiff", extensions: ["tif", "tiff"], declared: ["image/tiff"] },
  { sniffed: "image/webp", extensions: ["webp"], declared: ["image/webp"] },
  { sniffed: "image/heic", extensions: ["heic", "heif"], declared: ["image/heic", "image/heif"] },
  { sniffed: "image/heif", extensions: ["heic", "heif"], declared: ["image/heic", "image/heif"] },
  {
    sniffed: `${OOXML}.wordprocessingml.document`,
    extensions: ["docx"],
    declared: [`${OOXML}.wordprocessingml.document`],
  },
  { sniffed: `${OOXML}.spreadsheetml.sheet`, extensions: ["xlsx"], declared: [`${OOXML}.spreadsheetml.sheet`] },
  {
    sniffed: `${OOXML}.presentationml.presentation`,
    extensions: ["pptx"],
    declared: [`${OOXML}.presentationml.presentation`],
  },
  { sniffed: `${ODF}.text`, extensions: ["odt"], declared: [`${ODF}.text`] },
  { sniffed: `${ODF}.spreadsheet`, extensions: ["ods"], declared: [`${ODF}.spreadsheet`] },
  { sniffed: `${ODF}.presentation`, extensions: ["odp"], declared: [`${ODF}.presentation`] },
  {
    sniffed: "application/x-cfb",
    extensions: ["doc", "xls", "ppt"],
    declared: ["application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint"],
    servedAs: { doc: "application/msword", xls: "application/vnd.ms-excel", ppt: "application/vnd.ms-powerpoint" },
  },
];

/** How many first bytes the type is read from: enough for an office document's first zip entries. */
export const SNIFF_BYTES = 64 * 1024;

export type FileVerdict =
  | { ok: true; mimeType: string }
  | { ok: false; code: "UPLOAD_FILE_TYPE" }
  | { ok: false; code: "UPLOAD_TYPE_MISMATCH"; actual: string; declared: string };

const extensionOf = (name: string) => /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase() ?? "";

/**
 * Whether a file is accepted: its content must be a kind of document the centre takes, and what
 * the user's computer said about it (its name's extension, the declared type) must agree with the
 * content. A "PDF" that is an executable, a JPEG renamed `.pdf`, an HTML page: all refused.
 */
export function judgeFile(
  name: string,
  declared: string | null,
  sniffed: { mime: string; ext: string } | undefined,
): FileVerdict {
  const kind = sniffed && ACCEPTED.find((a) => a.sniffed === sniffed.mime);
  const ext = extensionOf(name);
  const declaredType = (declared ?? "").split(";")[0]!.trim().toLowerCase();
  if (!kind) {
    // An executable or a script sent as a document is a mismatch the user must hear about by name.
    return declaredType && declaredType !== "application/octet-stream"
      ? { ok: false, code: "UPLOAD_TYPE_MISMATCH", actual: sniffed?.ext ?? "?", declared: ext || declaredType }
      : { ok: false, code: "UPLOAD_FILE_TYPE" };
  }
  const mismatch = (what: string): FileVerdict => ({
    ok: false,
    code: "UPLOAD_TYPE_MISMATCH",
    actual: sniffed!.ext,
    declared: what,
  });
  if (!kind.extensions.includes(ext)) return mismatch(ext || name);
  if (declaredType && declaredType !== "application/octet-stream" && !kind.declared.includes(declaredType))
    return mismatch(declaredType);
  return { ok: true, mimeType: kind.servedAs?.[ext] ?? kind.sniffed };
}

/** Types a browser shows itself (inline); anything else is downloaded as an attachment. */
export const shownInline = (mimeType: string) => mimeType === "application/pdf" || mimeType.startsWith("image/");

/** The extensions the file picker offers (`accept`). */
export const ACCEPTED_EXTENSIONS = [...new Set(ACCEPTED.flatMap((a) => a.extensions))].map((e) => `.${e}`);

/**
 * The name a file keeps: its base name only (no folders), no control characters or characters
 * that are special in file systems or headers, no leading dots, at most 120 characters (the
 * extension kept). Never empty.
 */
export function sanitizeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}<>:"|?*\\/;]/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "");
  const ext = extensionOf(cleaned);
  const stem = ext ? cleaned.slice(0, -(ext.length + 1)) : cleaned;
  const limited = [...stem]
    .slice(0, 120 - (ext ? ext.length + 1 : 0))
    .join("")
    .trim();
  const name = ext ? `${limited || "document"}.${ext}` : limited || "document";
  return name;
}
