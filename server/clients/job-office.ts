import { eq } from "drizzle-orm";
import { AppError } from "@/server/errors";
import type { ResourceCtx } from "@/server/resources/define";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/**
 * A client's contact at the job office is a contact person (an organisation's "role"); it may not
 * be the client himself (domain-people §3.1, Lino's "Circular reference").
 */
export async function jobOfficeContactNotSelf(
  tx: TenantHandle["db"],
  ctx: ResourceCtx,
  id: string | number | undefined,
  values: Record<string, unknown>,
) {
  if (id === undefined || values.jobOfficeContact === undefined || values.jobOfficeContact === null) return;
  const t = ctx.handle.t;
  const [role] = await tx
    .select({ personId: t.roles.personId })
    .from(t.roles)
    .where(eq(t.roles.id, Number(values.jobOfficeContact)));
  if (!role) throw new AppError("INVALID_INPUT", { field: "jobOfficeContact" });
  if (role.personId === Number(id)) throw new AppError("CIRCULAR_REFERENCE", { field: "jobOfficeContact" });
}
