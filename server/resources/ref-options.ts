import { and, inArray, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import { AppError } from "@/server/errors";
import { anyOf, can, canListAll } from "./access";
import type { FieldDef, ResourceCtx, ResourceDef } from "./define";
import { fieldsOffInCentre, mayWriteField } from "./field-sets";
import { likePattern, localizedText, orderByOf } from "./query";

/**
 * The options of a reference picker: the rows a user may choose for one ref field, ref filter or
 * action parameter of a resource. The right comes from that *source* (the user may write the
 * field, use the filter, run the action), not from the referenced table: an integration agent picks
 * a colleague as coach without being allowed to list the centre's users. Only what a picker shows
 * leaves the server — each row's id and its title — for rows the target's own scope allows and the
 * source's `ref.choices` keeps (e.g. active staff only).
 */

export const REF_PAGE_SIZE = 50;

export const refSourceSchema = z.union([
  z.object({ field: z.string().max(64) }).strict(),
  z.object({ filter: z.string().max(64) }).strict(),
  /** A parameter of a row action or of a workflow transition (e.g. the client to merge). */
  z.object({ action: z.string().max(64), param: z.string().max(64) }).strict(),
]);
export type RefSource = z.infer<typeof refSourceSchema>;

export const refOptionSchema = z.object({ id: z.union([z.number(), z.string()]), label: z.string() });
export type RefOption = z.infer<typeof refOptionSchema>;

type Choices = (t: TenantTables, ctx: ResourceCtx) => SQL | undefined;

/** A declared entry, never an inherited property such as `constructor`. */
const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

/** Whether the user may give this field a value: in an edit of an existing row, or in a new one. */
function mayFill(def: ResourceDef, name: string, field: FieldDef, ctx: ResourceCtx): boolean {
  if (!mayWriteField(field, ctx.user)) return false;
  const inEdit = can(def, "edit", ctx.user) && !!def.version && !field.createOnly;
  const inInsert = can(def, "create", ctx.user) && !!def.insert?.fields.includes(name);
  return inEdit || inInsert;
}

/** The referenced resource and the source's narrowing, once the user's right to the source is checked. */
async function refTarget(
  ctx: ResourceCtx,
  def: ResourceDef,
  source: RefSource,
): Promise<{ target: ResourceDef; choices?: Choices }> {
  if (!can(def, "view", ctx.user)) throw new AppError("FORBIDDEN");
  let ref: { resource: string; choices?: Choices } | undefined;
  if ("field" in source) {
    const field = own(def.fields, source.field);
    if (!field?.ref || (await fieldsOffInCentre(ctx.handle, def)).has(source.field))
      throw new AppError("INVALID_INPUT", { field: source.field });
    if (!mayFill(def, source.field, field, ctx)) throw new AppError("FORBIDDEN");
    ref = field.ref;
  } else if ("filter" in source) {
    const filter = own(def.filters, source.filter);
    if (!filter?.ref) throw new AppError("INVALID_INPUT", { field: source.filter });
    // Filters belong to the resource's own grid: a user who lists it on master rows only has none.
    if (!canListAll(def, ctx.user)) throw new AppError("FORBIDDEN");
    ref = { resource: filter.ref };
  } else {
    const action =
      def.actions?.find((a) => a.name === source.action) ??
      def.workflow?.transitions.find((tr) => tr.name === source.action);
    const param = own(action?.params, source.param);
    if (!action || !param?.ref) throw new AppError("INVALID_INPUT", { field: source.param });
    if (!anyOf(ctx.user, action.roles)) throw new AppError("FORBIDDEN");
    ref = param.ref;
  }
  const target = ctx.registry.resources.get(ref.resource);
  // A declaration naming no resource is a programming error; the user learns nothing from it.
  if (!target) throw new AppError("INVALID_INPUT", { field: "resource" });
  return { target, choices: ref.choices };
}

/** The text a row of the target is known by: its title field as its own detail shows it. */
function titleOf(target: ResourceDef, t: TenantTables, ctx: ResourceCtx): SQLWrapper {
  const field = target.fields[target.titleField]!;
  if (field.ref) return field.ref.localized ? localizedText(field.ref.display(t), ctx.locale) : field.ref.display(t);
  return field.type === "localized" ? localizedText(field.expr(t), ctx.locale) : field.expr(t);
}

export interface RefOptionsRequest {
  /** Search text: the target's quick search when it has one, else words of the title. */
  q?: string;
  page?: number;
  /** Only these rows (e.g. the current value, to name it), if they are options at all. */
  ids?: (string | number)[];
}

/** Ids of the key's own type only: anything else cannot name a row (and must not reach SQL as a cast error). */
function idsOfKey(target: ResourceDef, t: TenantTables, ids: readonly (string | number)[]): (string | number)[] {
  const pk = target.pk(t);
  return ids
    .map((id) =>
      pk.dataType === "number" ? (typeof id === "number" || /^\d{1,9}$/.test(id) ? Number(id) : null) : String(id),
    )
    .filter((id): id is string | number => id !== null && (typeof id === "string" || id <= 2_147_483_647));
}

/**
 * The titles of some rows of a resource, in the reader's language, by id as text: what a picker
 * names them (one query). Rows outside the resource's scope, or gone, are absent. Callers decide
 * whether the user may know them.
 */
export async function rowTitles(
  ctx: ResourceCtx,
  target: ResourceDef,
  ids: readonly (string | number)[],
): Promise<Map<string, string>> {
  const t = ctx.handle.t;
  const wanted = idsOfKey(target, t, ids);
  if (!wanted.length) return new Map();
  const pk = target.pk(t);
  const rows = await ctx.handle.db
    .select({ id: pk, label: sql<string | null>`${titleOf(target, t, ctx)}` })
    .from(target.table(t))
    .where(and(target.scope?.(t, ctx), inArray(pk, wanted)));
  return new Map(rows.filter((r) => r.label?.trim()).map((r) => [String(r.id), r.label!.trim()]));
}

/** One page of options, ordered as the target's own list; `more` when another page follows. */
export async function refOptions(
  ctx: ResourceCtx,
  def: ResourceDef,
  source: RefSource,
  { q = "", page = 1, ids }: RefOptionsRequest = {},
): Promise<{ options: RefOption[]; more: boolean }> {
  const { target, choices } = await refTarget(ctx, def, source);
  const t = ctx.handle.t;
  const pk = target.pk(t);
  const wanted = ids && idsOfKey(target, t, ids);
  if (wanted && !wanted.length) return { options: [], more: false };
  const title = titleOf(target, t, ctx);
  const words = q.trim()
    ? (target.search?.(q.trim(), t, ctx) ??
      and(
        ...q
          .trim()
          .split(/\s+/)
          .slice(0, 8)
          .map((w) => sql`${title} ilike ${likePattern(w)}`),
      ))
    : undefined;
  const where = and(target.scope?.(t, ctx), choices?.(t, ctx), words, wanted ? inArray(pk, wanted) : undefined);
  const rows = await ctx.handle.db
    .select({ id: pk, label: sql<string | null>`${title}` })
    .from(target.table(t))
    .where(where)
    .orderBy(...orderByOf(target, target.defaultSort, t, ctx.locale))
    .limit(REF_PAGE_SIZE + 1)
    .offset((page - 1) * REF_PAGE_SIZE);
  const options = rows
    .slice(0, REF_PAGE_SIZE)
    .map((r) => ({ id: r.id as number | string, label: r.label?.trim() || String(r.id) }));
  return { options, more: rows.length > REF_PAGE_SIZE };
}
