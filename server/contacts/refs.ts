import { inArray, sql, type SQLWrapper } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { TenantTables } from "@/db/tenant/tables";
import { clientNameOf } from "@/server/clients/sql";
import { reference } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { AppError } from "@/server/errors";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/** References to partners and to the contacts configuration, shown by name and linked to their detail. */

type Col = (t: TenantTables) => AnyPgColumn;
type Opts = Parameters<typeof reference>[4];

/** "Name" of the partner whose id is `id` (an outer row's column). */
export const partnerNameOf = (t: TenantTables, id: SQLWrapper) =>
  sql<string>`(select trim(${t.partners.prefix} || ' ' || ${t.partners.name}) from ${t.partners} where ${q(t.partners.id)} = ${id})`;

/** A person (client or not), "EVERS Eberhart (127)"; the link opens the client's file for a client. */
export const personRef = (label: string, col: Col, opts: Opts = {}) =>
  reference(label, "contacts.persons", col, (t) => clientNameOf(t, q(col(t))), opts);
export const organisationRef = (label: string, col: Col, opts: Opts = {}) =>
  reference(label, "contacts.organisations", col, (t) => partnerNameOf(t, q(col(t))), opts);
/** Any partner; the link opens the detail its kind has. */
export const partnerRef = (label: string, col: Col, opts: Opts = {}) =>
  reference(label, "contacts.partners", col, (t) => partnerNameOf(t, q(col(t))), opts);

export const roleTypeRef = (label: string, col: Col) =>
  reference(
    label,
    "contacts.roleTypes",
    col,
    (t) => sql`(select ${t.roleTypes.names} from ${t.roleTypes} where ${q(t.roleTypes.id)} = ${q(col(t))})`,
    { localized: true },
  );
export const clientContactTypeRefOf = (label: string, col: Col) =>
  reference(
    label,
    "contacts.clientContactTypes",
    col,
    (t) =>
      sql`(select ${t.clientContactTypes.names} from ${t.clientContactTypes} where ${q(t.clientContactTypes.id)} = ${q(col(t))})`,
    { localized: true },
  );

/** The kind of each partner id among `ids` (for checking what a reference points to). */
export async function kindsOf(tx: TenantHandle["db"], t: TenantTables, ids: number[]) {
  if (!ids.length) return new Map<number, { kind: string; isClient: boolean }>();
  const rows = await tx
    .select({ id: t.partners.id, kind: t.partners.kind, isClient: t.partners.isClient })
    .from(t.partners)
    .where(inArray(t.partners.id, ids));
  return new Map(rows.map((r) => [r.id, { kind: r.kind, isClient: r.isClient }]));
}

/** Refuses a reference to a partner of another kind (an organisation as a person, …) as invalid input. */
export async function assertKinds(
  tx: TenantHandle["db"],
  t: TenantTables,
  expected: Record<string, { id: unknown; kind: "person" | "organisation"; client?: boolean }>,
) {
  const given = Object.entries(expected).filter(([, e]) => e.id !== null && e.id !== undefined);
  const kinds = await kindsOf(
    tx,
    t,
    given.map(([, e]) => Number(e.id)),
  );
  for (const [field, e] of given) {
    const found = kinds.get(Number(e.id));
    if (!found || found.kind !== e.kind || (e.client && !found.isClient))
      throw new AppError("INVALID_INPUT", { field });
  }
}
