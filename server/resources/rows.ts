import type { SQLWrapper } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import type { Row } from "@/lib/resources";
import type { ResourceCtx, ResourceDef } from "./define";

/** The fields a user may change on an existing row. */
export const editableNames = (def: ResourceDef) =>
  Object.keys(def.fields).filter((n) => def.fields[n]!.input && !def.fields[n]!.createOnly);

/**
 * What the audit lists of a row that is edited, deleted or restored: its editable fields stored on
 * its own table, a field inside a JSON column read as its own value.
 */
export function auditedSelection(def: ResourceDef, t: TenantTables): Record<string, SQLWrapper> {
  const names = editableNames(def).filter((n) => def.fields[n]!.column);
  return Object.fromEntries(
    names.map((n) => [n, def.fields[n]!.jsonKey ? def.fields[n]!.expr(t) : def.fields[n]!.column!(t)]),
  );
}

/**
 * A database row as the browser receives it: ids and versions under `__id`/`__version`, refs as
 * `{id, label}`, and fields that `present` their value in the reader's words (`ctx`) as those.
 */
export function toRow(
  def: ResourceDef,
  fieldNames: string[],
  raw: Record<string, unknown>,
  ctx: ResourceCtx,
  page?: unknown,
): Row {
  const row: Row = { __id: raw.__id as string | number };
  if (def.version) row.__version = Number(raw.__version);
  if (def.locked) row.__locked = raw.__locked === true;
  if (def.certified) row.__certified = raw.__certified === true;
  for (const name of fieldNames) {
    const field = def.fields[name]!;
    const value = raw[name];
    if (field.present) {
      row[name] = field.present(value, ctx, page);
    } else if (field.ref) {
      row[name] =
        value === null || value === undefined
          ? null
          : { id: value as string | number, label: (raw[`${name}__label`] ?? "") as string };
    } else if (value instanceof Date) {
      row[name] = field.type === "date" ? value.toISOString().slice(0, 10) : value.toISOString();
    } else if (typeof value === "bigint") {
      row[name] = Number(value);
    } else if ((field.type === "integer" || field.type === "money") && typeof value === "string") {
      row[name] = Number(value);
    } else {
      row[name] = (value ?? null) as Row[string];
    }
  }
  return row;
}

/** Rows read together, as the browser receives them, after the resource's `presentPage` read what they need. */
export async function toRows(
  def: ResourceDef,
  fieldNames: string[],
  raws: Record<string, unknown>[],
  ctx: ResourceCtx,
): Promise<Row[]> {
  const page = raws.length && def.presentPage ? await def.presentPage(raws, ctx) : undefined;
  return raws.map((raw) => toRow(def, fieldNames, raw, ctx, page));
}
