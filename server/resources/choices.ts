import { and, eq } from "drizzle-orm";
import type { ChoiceMeta } from "@/lib/resources";
import type { Registry } from "@/server/area";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/**
 * A choice list: values declared once in code, labelled by message keys `choices.<id>.<value>`.
 * An extensible list also accepts the values a centre adds (table `choice_extras`).
 */
export interface ChoiceList {
  id: string;
  values: readonly string[];
  extensible: boolean;
  /** Where the labels live in the messages: `<namespace>.<value>`; defaults to `choices.<id>`. */
  namespace: string;
  /** Values gathered from every area's declarations (e.g. the data checkers), instead of `values`. */
  fromRegistry?: (registry: Registry) => readonly string[];
  /** Message keys of values whose label lives elsewhere than under `namespace` (a contract kind's name). */
  labels?: Readonly<Record<string, string>>;
}

export function defineChoiceList<const V extends string>(
  id: string,
  values: readonly V[],
  opts: { extensible?: boolean; namespace?: string; labels?: Readonly<Record<string, string>> } = {},
) {
  return {
    id,
    values,
    extensible: opts.extensible ?? false,
    namespace: opts.namespace ?? `choices.${id}`,
    ...(opts.labels ? { labels: opts.labels } : {}),
  } satisfies ChoiceList;
}

/** A list whose values the areas declare (every data checker, every extensible list). */
export function registryChoiceList(
  id: string,
  fromRegistry: (registry: Registry) => readonly string[],
  opts: { namespace?: string } = {},
): ChoiceList {
  return { id, values: [], extensible: false, namespace: opts.namespace ?? `choices.${id}`, fromRegistry };
}

/** The values declared in code; a list gathered from the areas needs the registry to know them. */
const declaredValues = (list: ChoiceList, registry: Registry | undefined) =>
  list.fromRegistry ? (registry ? list.fromRegistry(registry) : []) : list.values;

export const choiceLabelKey = (list: ChoiceList, value: string) =>
  (list.labels && Object.hasOwn(list.labels, value) ? list.labels[value] : undefined) ?? `${list.namespace}.${value}`;

/** The values offered to this centre's users: declared ones, then the centre's active extras. */
export async function choicesOf(
  handle: Pick<TenantHandle, "db" | "t">,
  list: ChoiceList,
  registry?: Registry,
): Promise<ChoiceMeta[]> {
  const declared: ChoiceMeta[] = declaredValues(list, registry).map((value) => ({
    value,
    label: { key: choiceLabelKey(list, value) },
  }));
  if (!list.extensible) return declared;
  const { db, t } = handle;
  const extras = await db
    .select({ value: t.choiceExtras.value, names: t.choiceExtras.names })
    .from(t.choiceExtras)
    .where(and(eq(t.choiceExtras.list, list.id), eq(t.choiceExtras.active, true)))
    .orderBy(t.choiceExtras.value);
  return [...declared, ...extras.map((e) => ({ value: e.value, label: { names: e.names } }))];
}

/** Whether a value may be stored: declared, or an active extra of this centre. */
export async function isAllowedChoice(
  handle: Pick<TenantHandle, "db" | "t">,
  list: ChoiceList,
  value: string,
  registry?: Registry,
): Promise<boolean> {
  if (declaredValues(list, registry).includes(value)) return true;
  if (!list.extensible) return false;
  return (await choicesOf(handle, list)).some((c) => c.value === value);
}
