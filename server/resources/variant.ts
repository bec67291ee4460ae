import type { Role } from "@/server/auth/user-types";
import type { DefaultFilters, ResourceDef } from "./define";

/** What a variant changes; everything else (fields, filters, detail, workflow, actions, edit rights) is its base's. */
export interface VariantSpec {
  /** Its own address, grid layout, export and title: `<area>.<table>`. */
  id: string;
  title: string;
  /** Replace the base's defaults entirely (an empty object shows every row, e.g. also obsolete ones). */
  defaultFilters?: DefaultFilters;
  columns?: string[];
  hiddenColumns?: string[];
  defaultSort?: ResourceDef["defaultSort"];
  /** Who sees this table; creating, editing and deleting rows still follow the base's rules. */
  view: Role[];
}

/**
 * Another table on the base's rows (Lino: several tables on the same model, each with its own
 * default filters, columns, title and audience). Its rows open in its own detail, which is the
 * base's, so that previous/next follow the variant's list; changes are audited under the base.
 */
export function defineVariant(base: ResourceDef, spec: VariantSpec): ResourceDef {
  if (base.variantOf) throw new Error(`${spec.id}: a variant of the variant ${base.id}`);
  const { view, ...own } = spec;
  const named = [
    ...(spec.columns ?? []),
    ...(spec.hiddenColumns ?? []),
    ...(spec.defaultSort ?? []).map((s) => s.field),
  ];
  for (const name of named) if (!Object.hasOwn(base.fields, name)) throw new Error(`${spec.id}: unknown field ${name}`);
  return { ...base, ...own, access: { ...base.access, view }, variantOf: base.id };
}
