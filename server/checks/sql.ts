import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { qualified as q } from "@/server/resources/query";

/**
 * The user of the client's primary coaching, or null (Lino's `primary_coach`). The database keeps
 * at most one primary coaching per client, so "the unique primary coaching" is simply that one.
 */
export const primaryCoachOf = (t: TenantTables, clientId: SQLWrapper): SQL<number | null> =>
  sql<number | null>`(select ${q(t.coachings.userId)} from ${t.coachings} where ${q(t.coachings.clientId)} = ${clientId} and ${q(t.coachings.primary)})`;

/** `and <column> = ownerId` when the run is for one owner. */
export const forOwner = (column: SQLWrapper, ownerId: number | undefined): SQL => (ownerId === undefined ? sql`` : sql` and ${column} = ${ownerId}`);
