import { and, eq, isNotNull, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { inReadersOrder } from "@/db/text";
import type { TenantTables } from "@/db/tenant/tables";
import { qualified as q } from "@/server/resources/query";

/** "Hubert Huppertz": the user whose id is `id` (an outer row's column, fully qualified). */
export const userNameOf = (t: TenantTables, id: SQLWrapper): SQL<string> =>
  sql<string>`(select trim(${q(t.users.firstName)} || ' ' || ${q(t.users.lastName)}) from ${t.users} where ${q(t.users.id)} = ${id})`;

/** Users who work in the centre now: active, with a user type (who may be given a client, a task). */
export const activeStaff = (t: TenantTables): SQL => and(eq(t.users.active, true), isNotNull(t.users.userType))!;
/** Staff listed by last then first name, in the readers' order ("Öztürk" among the O's); `users` may be an alias. */
export const byStaffName = (users: { lastName: SQLWrapper; firstName: SQLWrapper }): SQL[] => [
  inReadersOrder(users.lastName),
  inReadersOrder(users.firstName),
];
