import { sql } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { clientNameOf } from "@/server/clients/sql";
import { qualified as q } from "@/server/resources/query";
import { userNameOf } from "@/server/users/sql";

/**
 * What a note belongs to, as its title: the client ("EVERS Eberhart (127)"), the household (its
 * name) or the coaching ("EVERS Eberhart (127) / Hubert Huppertz").
 */
export const noteOwnerTitle = (t: TenantTables) => {
  const id = q(t.notes.ownerId);
  const coaching = (column: string) => sql`(select ${sql.identifier(column)} from ${t.coachings} c where c.id = ${id})`;
  return sql<string>`case ${q(t.notes.ownerType)}
    when 'client' then ${clientNameOf(t, id)}
    when 'household' then (select ${t.partners.name} from ${t.partners} where ${q(t.partners.id)} = ${id})
    when 'coaching' then ${clientNameOf(t, coaching("client_id"))} || ' / ' || ${userNameOf(t, coaching("user_id"))}
    else '' end`;
};
