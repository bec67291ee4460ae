import { resourceHref, type FieldMeta, type FilterMeta, type ResourceMeta } from "@/lib/resources";
import type { SessionUser } from "@/server/auth/session";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { can } from "./access";
import { choicesOf } from "./choices";
import type { FieldDef, ResourceDef } from "./define";
import { RESOURCES } from "./registry";

const DEFAULT_WIDTH: Record<FieldMeta["type"], number> = {
  text: 20, password: 20, longtext: 40, integer: 8, money: 12, date: 11, datetime: 17, boolean: 8, choice: 14, localized: 24, ref: 20,
};

/** What one user's browser needs to render a resource: only what their user type allows. */
export async function describeResource(handle: Pick<TenantHandle, "db" | "t">, def: ResourceDef, user: Pick<SessionUser, "roles">): Promise<ResourceMeta> {
  const canEdit = can(def, "edit", user) && !!def.version;
  const fieldMeta = async (name: string, f: FieldDef, editable: boolean): Promise<FieldMeta> => ({
      name,
      label: f.label,
      type: f.type,
      width: f.width ?? DEFAULT_WIDTH[f.type],
      sortable: f.sortable !== false,
      editable,
      required: !!f.required,
      ...(f.choices ? { choices: await choicesOf(handle, f.choices) } : {}),
      ...(f.ref ? { ref: f.ref.resource } : {}),
      ...(f.help ? { help: f.help } : {}),
  });
  const fields: Record<string, FieldMeta> = {};
  for (const [name, f] of Object.entries(def.fields)) fields[name] = await fieldMeta(name, f, canEdit && !!f.input && !f.createOnly);
  const actions = [];
  for (const action of def.actions ?? []) {
    if (!action.roles.some((r) => user.roles.has(r))) continue;
    const params = await Promise.all(Object.entries(action.params ?? {}).map(([n, f]) => fieldMeta(n, f, true)));
    actions.push({ name: action.name, label: action.label, confirm: !!action.confirm, params });
  }
  const filters: FilterMeta[] = [];
  for (const [name, f] of Object.entries(def.filters ?? {})) {
    filters.push({ name, label: f.label, widget: f.widget, ...(f.choices ? { choices: await choicesOf(handle, f.choices) } : {}) });
  }
  const transitions = [];
  for (const tr of def.workflow?.transitions ?? []) {
    if (!tr.roles.some((r) => user.roles.has(r))) continue;
    const params = await Promise.all(Object.entries(tr.params ?? {}).map(([n, f]) => fieldMeta(n, f, true)));
    transitions.push({ name: tr.name, label: tr.label, from: tr.from, confirm: !!tr.confirm, params });
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
    defaultFilters: def.defaultFilters ?? {},
    quickSearch: !!def.search,
    titleField: def.titleField,
    detail: def.detail.map((tab) => ({
      key: tab.key,
      label: tab.label,
      groups: tab.groups,
      // A slave grid appears only if the user may see its resource.
      slaves: (tab.slaves ?? []).flatMap((s) => {
        const slave = RESOURCES.get(s.resource);
        return slave && can(slave, "view", user) ? [{ ...s, canCreate: can(slave, "create", user) && !!slave.insert }] : [];
      }),
    })),
    insertFields: def.insert?.fields ?? [],
    actions,
    canCreate: can(def, "create", user) && !!def.insert,
    canEdit,
    canDelete: can(def, "delete", user) && !!def.version,
    ...(def.workflow && transitions.length ? { workflow: { field: def.workflow.field, transitions } } : {}),
  };
}
