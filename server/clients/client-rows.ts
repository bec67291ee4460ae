import { and, eq } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { TenantTables } from "@/db/tenant/tables";
import { AppError } from "@/server/errors";
import { reference } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import type { ResourceCtx } from "@/server/resources/define";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { clientNameOf } from "./sql";

/** The client a row of the client's file belongs to: given on creation, fixed afterwards. */
export const clientRef = (col: (t: TenantTables) => AnyPgColumn) =>
  reference("resources.coachings.client", "clients.clients", col, (t) => clientNameOf(t, q(col(t))), {
    required: true,
    createOnly: true,
  });

/** Refuses a row attached to a partner that is not a client of this centre. */
export async function assertClient(tx: TenantHandle["db"], t: TenantTables, id: unknown) {
  if (id === undefined) return;
  const [row] = await tx
    .select({ id: t.partners.id })
    .from(t.partners)
    .where(and(eq(t.partners.id, Number(id)), eq(t.partners.isClient, true)));
  if (!row) throw new AppError("INVALID_INPUT", { field: "client" });
}

/** `beforeSave` of a row of a client's file: its client must be one of this centre's clients. */
export const clientOnly = async (
  tx: TenantHandle["db"],
  ctx: ResourceCtx,
  _id: unknown,
  values: Record<string, unknown>,
) => assertClient(tx, ctx.handle.t, values.client);
