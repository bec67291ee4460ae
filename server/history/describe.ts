import { compareText, formatCell, isEmptyValue, pickLocalized, type UiLocale } from "@/lib/format";
import type { FieldMeta } from "@/lib/resources";
import type { TenantTables } from "@/db/tenant/tables";
import type { Locale } from "@/server/i18n/locale";
import { choiceLabelKey } from "@/server/resources/choices";
import type { FieldDef, ResourceDef } from "@/server/resources/define";
import { tableNameOf } from "@/server/resources/deletion";
import type { Registry } from "@/server/area";
import { translatorFor, type Translator } from "@/server/i18n/translator";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";

/**
 * How an audit row reads to a person, in their language: the action as words ("Changed", "eID
 * card read", the workflow's own "Refuse"), and the changes as "Phone: 087 55 66 77 → 087 55 66 78"
 * with the fields' labels and the values as the grid shows them (dates in the reader's format,
 * choices by their label, yes/no). Audit rows name the resource (`clients.clients`) as entity and
 * its field names, or for a few hand-written audits the table's property names (`placeId`), as keys.
 * Shared by the history lists (and so their exports) and the dashboard's recent changes.
 */

type Change = { from?: unknown; to?: unknown };
export interface Reader {
  locale: Locale;
  t: Translator;
  /** The centre's tables, to find the field writing a table column named in a change. */
  tables: TenantTables;
  /** The declared resources, whose fields name the changes. */
  resources: Registry["resources"];
  /** The titles of the rows the changes refer to, read for the page (server/history/titles.ts). */
  titles?: RowTitles;
}

/** Titles of rows by resource and by id as text; a row absent from it is gone (or was never read). */
export type RowTitles = ReadonlyMap<string, ReadonlyMap<string, string>>;

const translators = new Map<Locale, Translator>();
export const readerFor = (
  locale: Locale,
  tables: TenantTables,
  registry: Pick<Registry, "resources">,
  titles?: RowTitles,
): Reader => {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = translatorFor(locale)));
  return { locale, t, tables, resources: registry.resources, titles };
};

const resourcesByTable = new WeakMap<Registry["resources"], Map<string, ResourceDef | null>>();
/**
 * The resource showing a table's rows, for the ids a merge lists by table ("coachings": [3, 5]): its
 * own resource rather than a variant, and one showing all its rows (no scope) when there is one.
 */
export function resourceOfTable(reader: Pick<Reader, "resources" | "tables">, table: string): ResourceDef | null {
  let byTable = resourcesByTable.get(reader.resources);
  if (!byTable) resourcesByTable.set(reader.resources, (byTable = new Map()));
  if (!byTable.has(table)) {
    const showing = [...reader.resources.values()]
      .filter((def) => !def.variantOf && tableNameOf(def, reader.tables) === table)
      .sort((a, b) => Number(!!a.scope) - Number(!!b.scope));
    byTable.set(table, showing[0] ?? null);
  }
  return byTable.get(table)!;
}

const titleOf = (reader: Reader, resource: string | undefined, id: unknown) =>
  resource === undefined ? undefined : reader.titles?.get(resource)?.get(String(id));

const MESSAGES: Record<Locale, unknown> = { fr, nl, de, en };
/** The message of `key` if there is one (asking the translator for a missing key logs an error). */
function maybe({ t, locale }: Pick<Reader, "t" | "locale">, key: string): string | undefined {
  const found = key
    .split(".")
    .reduce<unknown>(
      (node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined),
      MESSAGES[locale],
    );
  return typeof found === "string" ? t(key) : undefined;
}

/** "Changed", "Deleted", "eID card read", a transition's label, or the named action ("Procuration given"). */
export function actionText(reader: Reader, entity: string, action: string): string {
  const { t } = reader;
  const def = reader.resources.get(entity);
  if (def && action.startsWith(`${def.id}.`)) {
    const verb = action.slice(def.id.length + 1);
    if (verb.startsWith("transition.")) {
      const transition = def.workflow?.transitions.find((tr) => tr.name === verb.slice("transition.".length));
      if (transition) return t(transition.label);
    }
    const said = maybe(reader, `history.verbs.${verb}`);
    if (said) return said;
  }
  return maybe(reader, `history.actions.${action.replaceAll(".", "_")}`) ?? t("history.otherAction");
}

/**
 * The declared field behind a key: a field of the resource, of its transitions (only in a transition's
 * row, which records the workflow field next to its parameters: a merge's "reason" is no refusal's), or
 * the field writing that table column.
 */
function fieldOf(def: ResourceDef, key: string, tables: TenantTables, keys: readonly string[]): FieldDef | undefined {
  if (Object.hasOwn(def.fields, key)) return def.fields[key];
  const transitional = def.workflow && keys.includes(def.workflow.field);
  for (const tr of transitional ? def.workflow!.transitions : [])
    if (tr.params && Object.hasOwn(tr.params, key)) return tr.params[key];
  const table = def.table(tables) as unknown as Record<string, unknown>;
  const column = Object.hasOwn(table, key) ? table[key] : undefined;
  return column ? Object.values(def.fields).find((f) => f.column?.(tables) === column) : undefined;
}

/**
 * A key as the reader knows it: its field's label, or a message of its own (merges, exports, fixes).
 * `keys` are all the keys of its audit row.
 */
export function changeLabel(reader: Reader, entity: string, key: string, keys: readonly string[] = [key]): string {
  const { t, tables, resources } = reader;
  // The eID read records "client.firstName" and "address.street".
  const [target, name] = key.includes(".") ? (key.split(".", 2) as [string, string]) : [null, key];
  const def = resources.get(target === "address" ? "contacts.addresses" : entity);
  const field = def && fieldOf(def, name, tables, keys);
  const label = field
    ? t(field.label)
    : (maybe(reader, `history.keys.${name}`) ?? maybe(reader, `fields.${name}`) ?? name);
  return target === "address" ? t("history.cardAddress", { field: label }) : label;
}

const asMeta = (field: FieldDef): Pick<FieldMeta, "type" | "choices"> => ({
  type: field.type,
  choices: field.choices?.values.map((value) => ({ value, label: { key: choiceLabelKey(field.choices!, value) } })),
});

/** A recorded value as the grid would show it; lists of ids by table ("Coachings: 3, 5"). */
export function valueText(reader: Reader, field: FieldDef | undefined, value: unknown): string {
  const { t, locale } = reader;
  if (isEmptyValue(value)) return "—";
  if (field && field.type !== "ref") return formatCell(asMeta(field), value as never, locale as UiLocale, t) || "—";
  if (field?.ref) return titleOf(reader, field.ref.resource, value) ?? `#${String(value)}`;
  if (typeof value === "number") return `#${String(value)}`;
  if (typeof value === "boolean") return t(value ? "format.yes" : "format.no");
  if (Array.isArray(value)) return value.map((v) => valueText(reader, undefined, v)).join(", ");
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.every(([k]) => ["fr", "nl", "de", "en"].includes(k)))
      return pickLocalized(value as Record<string, string>, locale as UiLocale);
    return entries
      .map(([k, v]) =>
        t("history.set", {
          field: maybe(reader, `history.tables.${k}`) ?? k,
          to: Array.isArray(v)
            ? v.map((id: unknown) => titleOf(reader, resourceOfTable(reader, k)?.id, id) ?? String(id)).join(", ")
            : valueText(reader, undefined, v),
        }),
      )
      .join("; ");
  }
  return maybe(reader, `history.values.${String(value)}`) ?? String(value);
}

/** Where an audit row's changes refer to other rows, by resource: by a ref field, or listed by table (a merge's). */
export interface NamedRows {
  byField: Map<string, Set<string | number>>;
  byTable: Map<string, Set<string | number>>;
}
export const noNamedRows = (): NamedRows => ({ byField: new Map(), byTable: new Map() });

const add = (into: Map<string, Set<string | number>>, resource: string, id: unknown) => {
  if (typeof id !== "string" && typeof id !== "number") return;
  let ids = into.get(resource);
  if (!ids) into.set(resource, (ids = new Set()));
  ids.add(id);
};

/**
 * Adds to `into` the rows an audit row's changes refer to, read as `changesText` reads them: the
 * values before and after of its ref fields, and ids listed by table.
 */
export function rowsNamedBy(
  reader: Pick<Reader, "resources" | "tables">,
  entity: string,
  changes: Record<string, Change> | null | undefined,
  into: NamedRows,
): void {
  if (!changes || typeof changes !== "object") return;
  const def = reader.resources.get(entity);
  const keys = Object.keys(changes);
  for (const [key, change] of Object.entries(changes)) {
    const field = def && !key.includes(".") ? fieldOf(def, key, reader.tables, keys) : undefined;
    for (const value of [change?.from, change?.to]) {
      if (field?.ref) add(into.byField, field.ref.resource, value);
      else if (!field && value && typeof value === "object" && !Array.isArray(value))
        for (const [table, ids] of Object.entries(value as Record<string, unknown>)) {
          const listing = Array.isArray(ids) ? resourceOfTable(reader, table) : null;
          for (const id of listing ? (ids as unknown[]) : []) add(into.byTable, listing!.id, id);
        }
    }
  }
}

/** The labels of an audit row's changed fields, each once (a refusal's reason and the field it writes share one). */
export const fieldLabels = (reader: Reader, entity: string, fields: string[]) =>
  [...new Set(fields.map((f) => changeLabel(reader, entity, f, fields)))].join(", ");

/** Every change of an audit row, "Label: before → after" (or just the value for what was only set), by label. */
export function changesText(
  reader: Reader,
  entity: string,
  changes: Record<string, Change> | null | undefined,
): string {
  if (!changes) return "";
  const def = reader.resources.get(entity);
  const keys = Object.keys(changes);
  // A merge that moved or dropped nothing records an empty list: it says nothing either.
  const empty = (v: unknown) => isEmptyValue(v) || (typeof v === "object" && Object.keys(v).length === 0);
  return (
    Object.entries(changes)
      // A field that was empty and stays so (a deleted row's unused fields) says nothing.
      .filter(([, change]) => !(empty(change?.from) && empty(change?.to)))
      .map(([key, change]) => {
        const field = def && !key.includes(".") ? fieldOf(def, key, reader.tables, keys) : undefined;
        const label = changeLabel(reader, entity, key, keys);
        const to = valueText(reader, field, change?.to);
        // A field stored empty ("") and one stored as nothing were both blank before: both were just set.
        const set = empty(change?.from);
        return {
          label,
          text: set
            ? reader.t("history.set", { field: label, to })
            : reader.t("history.changed", { field: label, from: valueText(reader, field, change.from), to }),
        };
      })
      .sort((a, b) => compareText(reader.locale)(a.label, b.label))
      .map((c) => c.text)
      // A refusal records its reason as asked and as stored in the client: one line says it.
      .filter((text, i, texts) => texts.indexOf(text) === i)
      .join("; ")
  );
}
