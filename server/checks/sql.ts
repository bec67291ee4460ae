import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

/** `and <column> = ownerId` when the run is for one owner. */
export const forOwner = (column: SQLWrapper, ownerId: number | undefined): SQL =>
  ownerId === undefined ? sql`` : sql` and ${column} = ${ownerId}`;
