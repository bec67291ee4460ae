import { and, eq, isNotNull } from "drizzle-orm";
import {
  cellSchema,
  resourceHref,
  type ChoiceMeta,
  type FieldMeta,
  type FilterMeta,
  type ResourceMeta,
  type Row,
} from "@/lib/resources";
import type { SessionUser } from "@/server/auth/session";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { anyOf, can } from "./access";
import { choicesOf, type ChoiceList } from "./choices";
import { fieldsOffWith, mayWriteField } from "./field-sets";
import { defaultFiltersOf, type FieldDef, type ResourceCtx, type ResourceDef } from "./define";
import { inReadersOrder } from "@/db/text";

const DEFAULT_WIDTH: Record<FieldMeta["type"], number> = {
  text: 20,
  password: 20,
  longtext: 40,
  html: 60,
  integer: 8,
  money: 12,
  date: 11,
  datetime: 17,
  boolean: 8,
  choice: 14,
  localized: 24,
  ref: 20,
};

/** Active staff with a user type, "Lastname Firstname", for user filters. */
async function staffChoices({ db, t }: Pick<TenantHandle, "db" | "t">): Promise<ChoiceMeta[]> {
  const rows = await db
    .select({ id: t.users.id, first: t.users.firstName, last: t.users.lastName, username: t.users.username })
    .from(t.users)
    .where(and(eq(t.users.active, true), isNotNull(t.users.userType)))
    .orderBy(inReadersOrder(t.users.lastName), inReadersOrder(t.users.firstName));
  return rows.map((u) => ({
    value: String(u.id),
    label: { names: { fr: `${u.last} ${u.first}`.trim() || u.username } },
  }));
}

/** The declared insert defaults of the insert fields that a form can show (plain values only). */
function insertDefaults(def: ResourceDef, ctx: ResourceCtx | undefined): Record<string, Row[string]> {
  if (!ctx || !def.insert?.defaults) return {};
  const shown = new Set(def.insert.fields);
  return Object.fromEntries(
    Object.entries(def.insert.defaults(ctx)).filter(
      ([name, value]) => shown.has(name) && cellSchema.safeParse(value).success,
    ),
  ) as Record<string, Row[string]>;
}

/**
 * What one user's browser needs to render a resource: only what their user type allows. The
 * insert defaults depend on the user and the language, so they are given only with a full `ctx`.
 * A detail and its slave grids show no filters: `filters: false` leaves them (and their choices) out.
 */
export async function describeResource(
  handle: Pick<TenantHandle, "db" | "t">,
  def: ResourceDef,
  user: Pick<SessionUser, "roles">,
  ctx?: ResourceCtx,
  { filters: withFilters = true } = {},
): Promise<ResourceMeta> {
  const canEdit = can(def, "edit", user) && !!def.version;
  const mayOpen = (id: string) => {
    const target = ctx?.registry.resources.get(id);
    return !!target && can(target, "view", user);
  };
  // A choice list read once, however many fields and parameters offer it.
  const lists = new Map<string, Promise<ChoiceMeta[]>>();
  const choicesOnce = (list: ChoiceList) =>
    lists.get(list.id) ?? lists.set(list.id, choicesOf(handle, list, ctx?.registry)).get(list.id)!;
  const fieldMeta = async (name: string, f: FieldDef, editable: boolean): Promise<FieldMeta> => ({
    name,
    label: f.label,
    ...(f.columnLabel ? { columnLabel: f.columnLabel } : {}),
    type: f.type,
    width: f.width ?? DEFAULT_WIDTH[f.type],
    sortable: f.sortable !== false,
    editable,
    required: !!f.required,
    ...(f.choices ? { choices: await choicesOnce(f.choices) } : {}),
    // A reference links to the row's detail only for users who may open that resource.
    ...(f.ref && mayOpen(f.ref.resource) ? { ref: f.ref.resource } : {}),
    ...(f.help ? { help: f.help } : {}),
    ...(f.incomplete ? { incomplete: true } : {}),
    ...(f.plain ? { plain: true } : {}),
  });
  // Fields of a field set the centre does not use are left out everywhere, also from the detail.
  // The choice lists are asked for at the same time, so their reads go side by side.
  // The centre's field sets, read once: they hide fields and the slave grids of a set (Châtelet's obstacles).
  const setsRead = def.fieldSets ? def.fieldSets(handle) : Promise.resolve(new Set<string>());
  for (const f of Object.values(def.fields)) if (f.choices) void choicesOnce(f.choices).catch(() => undefined);
  const slaveSets = await setsRead;
  const off = fieldsOffWith(def, slaveSets);
  const fields: Record<string, FieldMeta> = {};
  for (const [name, f] of Object.entries(def.fields)) {
    if (!off.has(name)) fields[name] = await fieldMeta(name, f, canEdit && mayWriteField(f, user) && !f.createOnly);
  }
  const actions = [];
  for (const action of def.actions ?? []) {
    if (!anyOf(user, action.roles)) continue;
    const params = await Promise.all(Object.entries(action.params ?? {}).map(([n, f]) => fieldMeta(n, f, true)));
    actions.push({
      name: action.name,
      label: action.label,
      confirm: !!action.confirm,
      params,
      ...(action.onlyWhileEmpty ? { onlyWhileEmpty: action.onlyWhileEmpty } : {}),
      ...(action.onlyWhileSet ? { onlyWhileSet: action.onlyWhileSet } : {}),
    });
  }
  const filters: FilterMeta[] = [];
  let users: ChoiceMeta[] | undefined;
  for (const [name, f] of Object.entries((withFilters && def.filters) || {})) {
    // A user filter offers the centre's staff by name (any reader of the resource may pick one).
    const choices = f.choices
      ? await choicesOnce(f.choices)
      : f.widget === "user"
        ? (users ??= await staffChoices(handle))
        : undefined;
    filters.push({
      name,
      label: f.label,
      widget: f.widget,
      ...(choices ? { choices } : {}),
      ...(f.ref ? { ref: f.ref } : {}),
      ...(f.summary ? { summary: f.summary } : {}),
    });
  }
  const toolbar = (def.toolbar ?? []).filter((b) => anyOf(user, b.roles)).map((b) => b.key);
  const selection = (def.selection ?? [])
    .filter((b) => anyOf(user, b.roles))
    .map((b) => ({ key: b.key, params: b.params ?? {} }));
  const transitions = [];
  for (const tr of def.workflow?.transitions ?? []) {
    if (!anyOf(user, tr.roles)) continue;
    const params = await Promise.all(Object.entries(tr.params ?? {}).map(([n, f]) => fieldMeta(n, f, true)));
    transitions.push({
      name: tr.name,
      label: tr.label,
      from: tr.from,
      confirm: !!tr.confirm,
      params,
      ...(tr.onlyWhen ? { onlyWhen: tr.onlyWhen } : {}),
    });
  }
  return {
    id: def.id,
    title: def.title,
    href: resourceHref(def.id),
    fields,
    columns: def.columns,
    hiddenColumns: def.hiddenColumns ?? [],
    filters,
    defaultSort: def.defaultSort,
    defaultFilters: defaultFiltersOf(def, ctx),
    quickSearch: !!def.search,
    titleField: def.titleField,
    // A tab reserved to some roles is not sent to others; a group left without fields disappears.
    detail: def.detail
      .filter((tab) => !tab.roles || anyOf(user, tab.roles))
      .map((tab) => ({
        key: tab.key,
        label: tab.label,
        groups: tab.groups
          .map((g) => ({ ...g, fields: g.fields.filter((n) => !off.has(n)) }))
          .filter((g) => g.fields.length > 0),
        panels: (tab.panels ?? [])
          .filter((p) => !p.roles || anyOf(user, p.roles))
          .map((p) => ({ key: p.key, label: p.label, ...(p.top ? { top: true } : {}) })),
        // A slave grid appears only if the user may see its resource (the console's resources have none).
        slaves: (tab.slaves ?? []).flatMap((s) => {
          const slave = ctx?.registry.resources.get(s.resource);
          return slave && can(slave, "view", user) && (!s.fieldSet || slaveSets.has(s.fieldSet))
            ? [{ ...s, canCreate: can(slave, "create", user) && !!slave.insert }]
            : [];
        }),
      })),
    insertFields: (def.insert?.fields ?? []).filter((n) => !off.has(n)),
    insertDefaults: can(def, "create", user) ? insertDefaults(def, ctx) : {},
    ...(def.insert?.upload ? { insertUpload: def.insert.upload } : {}),
    actions,
    ...(toolbar.length ? { toolbar } : {}),
    ...(selection.length ? { selection } : {}),
    canCreate: can(def, "create", user) && !!def.insert,
    canEdit,
    canDelete: can(def, "delete", user) && !!def.version,
    // The state is shown to every reader (Lino's workflow buttons), the transitions only to their roles.
    ...(def.workflow && !off.has(def.workflow.field) ? { workflow: { field: def.workflow.field, transitions } } : {}),
    ...(def.certified
      ? {
          certified: {
            fields: def.certified.fields.filter((n) => !off.has(n)),
            messageKey: def.certified.messageKey,
          },
        }
      : {}),
    ...(def.rowTone ? { rowTone: def.rowTone } : {}),
    ...(def.live ? { live: def.live } : {}),
  };
}
