import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { partnerNameOf } from "@/server/contacts/refs";
import { contractActiveIn } from "@/server/isip/base";
import { qualified as q } from "@/server/resources/query";
import { art61Kind } from "./kind";

/**
 * The client's Art. 61 contract active in a period (the latest started, then the highest id) as JSON
 * `{ id, company, appliesFrom, appliesUntil, dateEnded }` (company: the employer's name; dates ISO),
 * or null: for the client lists' "active contract" columns (domain-integ-money §2.2). `clientId` is an
 * outer row's column; `start`/`end` are ISO dates or SQL (e.g. `current_date` for today).
 */
export function activeArt61Of(t: TenantTables, clientId: SQLWrapper, start: string | SQL, end: string | SQL): SQL {
  const c = t.art61Contracts;
  return sql`(select json_build_object(
      'id', ${q(c.id)}, 'company', ${partnerNameOf(t, q(c.companyId))},
      'appliesFrom', ${q(c.appliesFrom)}, 'appliesUntil', ${q(c.appliesUntil)}, 'dateEnded', ${q(c.dateEnded)})
    from ${c} where ${q(c.clientId)} = ${clientId} and ${contractActiveIn(art61Kind.contracts(t), start, end)}
    order by ${q(c.appliesFrom)} desc, ${q(c.id)} desc limit 1)`;
}
