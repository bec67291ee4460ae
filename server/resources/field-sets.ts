import type { SessionUser } from "@/server/auth/session";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import type { FieldDef, ResourceDef } from "./define";

/** Fields of optional field sets the centre does not use: neither shown, read nor written there. */
export async function fieldsOffInCentre(
  handle: Pick<TenantHandle, "db" | "t">,
  def: ResourceDef,
): Promise<ReadonlySet<string>> {
  if (!Object.values(def.fields).some((f) => f.fieldSet)) return new Set();
  return fieldsOffWith(def, (await def.fieldSets?.(handle)) ?? new Set<string>());
}

/** The fields of a field set that is not among `enabled` (the centre's sets, read once by the caller). */
export const fieldsOffWith = (def: ResourceDef, enabled: ReadonlySet<string>): ReadonlySet<string> =>
  new Set(
    Object.entries(def.fields)
      .filter(([, f]) => f.fieldSet && !enabled.has(f.fieldSet))
      .map(([name]) => name),
  );

/** Whether this user may write the field at all (some fields are read-only below a role). */
export const mayWriteField = (field: FieldDef, user: Pick<SessionUser, "roles">) =>
  !!field.input && (!field.editRoles || field.editRoles.some((r) => user.roles.has(r)));
