import { isCalendarDate, isIncompleteDate } from "@/lib/format";
import type { FieldMeta, Row } from "@/lib/resources";

/**
 * What a form holds while the user types (a draft: strings, booleans, four-language objects), and
 * how it becomes the value the server expects. Checking here gives quick feedback; the server
 * checks again with the declaration's own zod schema.
 */
export type Draft = string | boolean | Record<string, string>;
export type Drafts = Record<string, Draft>;
/** A message key under `detail.fieldError`. */
export type FieldError = "required" | "integer" | "money" | "date" | "invalid" | "tooLong";

const LANGS = ["fr", "nl", "de", "en"] as const;

export function toDraft(field: FieldMeta, value: Row[string] | undefined): Draft {
  if (field.type === "boolean") return value === true;
  if (field.type === "localized") {
    const v = (value && typeof value === "object" && !("id" in value) ? value : {}) as Record<
      string,
      string | undefined
    >;
    return Object.fromEntries(LANGS.map((l) => [l, v[l] ?? ""]));
  }
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return "id" in value ? String(value.id) : "";
  if (field.type === "money" && typeof value === "number") return (value / 100).toFixed(2).replace(".", ",");
  return String(value);
}

type Parsed = { value: unknown } | { error: FieldError };

/** The value to send for a draft, or why it cannot be sent. */
export function fromDraft(field: FieldMeta, draft: Draft | undefined): Parsed {
  if (field.type === "boolean") return { value: draft === true };
  if (field.type === "localized") {
    const d = (draft ?? {}) as Record<string, string>;
    if (field.required && !d.fr?.trim()) return { error: "required" };
    return { value: Object.fromEntries(LANGS.flatMap((l) => (d[l]?.trim() ? [[l, d[l]!.trim()]] : []))) };
  }
  const text = typeof draft === "string" ? draft.trim() : "";
  if (!text) {
    if (field.required) return { error: "required" };
    return { value: field.type === "text" || field.type === "longtext" || field.type === "html" ? "" : null };
  }
  switch (field.type) {
    case "integer":
      return /^-?\d+$/.test(text) ? { value: Number(text) } : { error: "integer" };
    case "money": {
      const m = /^(-?)(\d+)(?:[.,](\d{1,2}))?$/.exec(text.replace(/[\s\u00a0\u202f€]/g, ""));
      if (!m) return { error: "money" };
      const cents = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
      return { value: m[1] ? -cents : cents };
    }
    // Date inputs hand over `YYYY-MM-DD`, or what was typed when it is no date (or only part of one).
    case "date":
      return (field.incomplete ? isIncompleteDate : isCalendarDate)(text) ? { value: text } : { error: "date" };
    case "ref":
      return { value: /^\d+$/.test(text) ? Number(text) : text };
    case "longtext":
      return text.length > 20_000 ? { error: "tooLong" } : { value: draft };
    case "html":
      return text.length > 200_000 ? { error: "tooLong" } : { value: draft };
    default:
      return text.length > 200 ? { error: "tooLong" } : { value: text };
  }
}

/** The server's comparable form of a row's current value (refs by id). */
const current = (value: Row[string] | undefined) =>
  value && typeof value === "object" && "id" in value ? value.id : (value ?? null);
/** Equal values, whatever the order of an object's keys (jsonb reorders them); empty text counts as none. */
const canonical = (v: unknown): string =>
  v && typeof v === "object"
    ? JSON.stringify(
        Object.entries(v)
          .filter(([, x]) => x !== "" && x !== undefined)
          .sort(([a], [b]) => a.localeCompare(b)),
      )
    : JSON.stringify(v === "" ? null : (v ?? null));
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** The changed fields as values to send, or the errors found; unchanged fields are left out. */
export function patchOf(
  fields: FieldMeta[],
  drafts: Drafts,
  row?: Row,
): { values: Record<string, unknown>; errors: Record<string, FieldError> } {
  const values: Record<string, unknown> = {};
  const errors: Record<string, FieldError> = {};
  for (const field of fields) {
    // Untouched fields are neither checked nor sent (a stored value may predate today's rules).
    if (row && same(drafts[field.name], toDraft(field, row[field.name]))) continue;
    const parsed = fromDraft(field, drafts[field.name]);
    if ("error" in parsed) errors[field.name] = parsed.error;
    else if (!row || !same(parsed.value, current(row[field.name]))) values[field.name] = parsed.value;
  }
  return { values, errors };
}

/** Per-field errors the server sent: zod issue paths (`name.fr`) or an INVALID_INPUT naming its field. */
export function serverFieldErrors(error: unknown): Record<string, FieldError> {
  const data = (
    error as {
      data?: { fieldErrors?: { path: string; code: string }[]; appCode?: string; params?: { field?: string } };
    } | null
  )?.data;
  const out: Record<string, FieldError> = {};
  for (const issue of data?.fieldErrors ?? []) {
    const name = issue.path.split(".")[0];
    if (name)
      out[name] =
        issue.code === "too_small" || issue.code === "invalid_type"
          ? "required"
          : issue.code === "too_big"
            ? "tooLong"
            : "invalid";
  }
  if (data?.appCode === "INVALID_INPUT" && data.params?.field) out[data.params.field] ??= "invalid";
  return out;
}
