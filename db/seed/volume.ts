import { sql } from "drizzle-orm";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/**
 * Volume data for benchmarks: `count` clients in one statement each for partners, addresses and
 * coachings (SQL `generate_series`, so 100 000 clients take seconds). Names combine Belgian first
 * and last names; national numbers are valid and unique (1900s births, checksum 97 − n mod 97);
 * every client has one primary address and a coaching by one of `coachIds`, a third of them ended.
 */
export async function generateClients({ db, t }: TenantHandle, count: number, coachIds: number[]) {
  const first = ["Jean", "Marie", "Luc", "Sophie", "Hans", "Anna", "Karl", "Fatima", "Mehmet", "Nathalie", "Josef", "Chantal", "Kevin", "Laura", "Marcel", "Hildegard"];
  const last = ["Dupont", "Lambert", "Dubois", "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "Schmitz", "Kaivers", "Faymonville", "Yilmaz", "El Amrani", "Renard", "Leclercq", "Lemaire"];
  const arr = (xs: string[]) => sql.raw(`(array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}])`);
  const before = (await db.execute<{ n: number }>(sql`select coalesce(max(id), 0)::int n from ${t.partners}`)).rows[0]!.n;
  await db.execute(sql`
    insert into ${t.partners} (kind, is_client, client_state, first_name, last_name, name, gender, birth_date, national_id, language, country_code, zip_code, street, street_no, gsm)
    select 'person', true, (array['10','20','30','30','30','50'])[1 + g % 6], f, l || case when g % 7 = 0 then '-' || (g % 97) else '' end,
           l || ' ' || f, case when g % 2 = 0 then 'F' else 'M' end, to_char(b, 'YYYY-MM-DD'),
           to_char(b, 'YYMMDD') || ' ' || lpad(s::text, 3, '0') || '-' || lpad((97 - (to_char(b, 'YYMMDD') || lpad(s::text, 3, '0'))::bigint % 97)::text, 2, '0'),
           (array['fr','de','nl'])[1 + g % 3], 'BE', (4700 + g % 100)::text, 'Rue ' || (g % 500), (1 + g % 120)::text, '+32 47' || lpad((g % 10000000)::text, 7, '0')
    from (select g, ${arr(first)}[1 + g % ${first.length}] f, ${arr(last)}[1 + (g / ${first.length}) % ${last.length}] l,
                 date '1930-01-01' + (g / 997) b, 1 + g % 997 s
          from generate_series(${before + 1}::int, ${before + count}::int) g) x`);
  await db.execute(sql`
    insert into ${t.addresses} (partner_id, address_type, country_code, zip_code, street, street_no, "primary")
    select id, '01', country_code, zip_code, street, street_no, true from ${t.partners} where id > ${before}`);
  await db.execute(sql`
    insert into ${t.coachings} (client_id, user_id, start_date, end_date, "primary")
    select id, (${sql.param(coachIds)}::int[])[1 + id % ${coachIds.length}], date '2020-01-01' + (id % 1500),
           case when id % 3 = 0 then date '2020-01-01' + (id % 1500) + 200 end, true
    from ${t.partners} where id > ${before}`);
  await db.execute(sql`analyze ${t.partners}`);
  await db.execute(sql`analyze ${t.coachings}`);
}
