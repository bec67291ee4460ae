import { sql } from "drizzle-orm";
import { personPhoneticWords } from "@/server/clients/rules/phonetic";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

const FIRST = [
  "Jean",
  "Marie",
  "Luc",
  "Sophie",
  "Hans",
  "Anna",
  "Karl",
  "Fatima",
  "Mehmet",
  "Nathalie",
  "Josef",
  "Chantal",
  "Kevin",
  "Laura",
  "Marcel",
  "Hildegard",
];
const LAST = [
  "Dupont",
  "Lambert",
  "Dubois",
  "Peeters",
  "Janssens",
  "Maes",
  "Jacobs",
  "Mertens",
  "Willems",
  "Claes",
  "Goossens",
  "Wouters",
  "Schmitz",
  "Kaivers",
  "Faymonville",
  "Yilmaz",
  "El Amrani",
  "Renard",
  "Leclercq",
  "Lemaire",
];
const STREETS = [
  "Rue de la Station",
  "Aachener Straße",
  "Rue Neuve",
  "Kirchstraße",
  "Avenue de la Gare",
  "Rue du Moulin",
  "Hauptstraße",
  "Place communale",
];
/** Client states in Lino's proportions: mostly coached, then former, newcomers, a few refused. */
const STATES = ["30", "10", "30", "20", "30", "50", "30", "50", "30", "10"];

/**
 * Every (first name, last name) the generator can make, with its phonetic words computed here as
 * the app stores them: three parallel arrays that the insert joins on the name.
 */
function phoneticLookup() {
  const lasts = [...LAST, ...LAST.flatMap((a) => LAST.map((b) => `${a}-${b}`))];
  const pairs = FIRST.flatMap((firstName) => lasts.map((lastName) => ({ firstName, lastName })));
  return {
    firsts: pairs.map((p) => p.firstName),
    lasts: pairs.map((p) => p.lastName),
    // Space-separated (a phonetic word has no space); split again in SQL.
    words: pairs.map((p) => personPhoneticWords(p).join(" ")),
  };
}

const textArray = (xs: string[]) => sql.raw(`(array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}])`);

/**
 * Volume data for benchmarks: `count` clients in a few set-based statements (SQL
 * `generate_series`, no row-by-row round trip: 100 000 clients take seconds).
 * - Belgian first and last names (every 7th double-barrelled) with their phonetic words (as the app
 *   stores them, so that similar-client checks work on volume data); valid, unique national numbers
 *   (1900s births, checksum 97 − n mod 97); Lino's states, every 50th client obsolete.
 * - A primary official address in one of the centre's places, mirrored in the partner row; every
 *   4th client also an older, obsolete one.
 * - Coachings by `coachIds`: coached and former clients have a primary general social service
 *   coaching, every 2nd also an integration one by another coach, every 5th an earlier, ended one;
 *   former clients' coachings have all ended; newcomers and refused clients have none.
 * - Every 6th client heads a household (head, spouse: the next client, child: the one after).
 */
export async function generateClients({ db, t }: TenantHandle, count: number, coachIds: number[]) {
  const before = (await db.execute<{ n: number }>(sql`select coalesce(max(id), 0)::int n from ${t.partners}`)).rows[0]!
    .n;
  const phonetic = phoneticLookup();
  const coach = (offset: number) => sql`(${sql.param(coachIds)}::int[])[1 + (p.id + ${offset}) % ${coachIds.length}]`;

  await db.execute(sql`
    with towns as (select coalesce(array_agg(id order by id), '{}') ids, coalesce(array_agg(zip_code order by id), '{}') zips from ${t.places} where zip_code <> ''),
         sounds as (select * from unnest(${sql.param(phonetic.firsts)}::text[], ${sql.param(phonetic.lasts)}::text[], ${sql.param(phonetic.words)}::text[]) s(f, l, w))
    insert into ${t.partners} (kind, is_client, client_state, refusal_reason, is_obsolete, first_name, last_name, name, phonetic_words, gender, birth_date, national_id,
      language, country_code, place_id, zip_code, street, street_no, gsm)
    select 'person', true, st, case when st = '20' then '30' end, g % 50 = 5, x.f, x.l, x.l || ' ' || x.f, coalesce(string_to_array(sounds.w, ' '), '{}'), case when g % 2 = 0 then 'F' else 'M' end,
           to_char(b, 'YYYY-MM-DD'),
           to_char(b, 'YYMMDD') || ' ' || lpad(s::text, 3, '0') || '-' || lpad((97 - (to_char(b, 'YYMMDD') || lpad(s::text, 3, '0'))::bigint % 97)::text, 2, '0'),
           (array['fr','de','nl','fr','de'])[1 + g % 5], 'BE', towns.ids[1 + g % greatest(cardinality(towns.ids), 1)],
           coalesce(towns.zips[1 + g % greatest(cardinality(towns.ids), 1)], ''), ${textArray(STREETS)}[1 + g % ${STREETS.length}],
           (1 + g % 120)::text, '+32 47' || lpad((g % 10000000)::text, 7, '0')
    from towns, (select g, (${textArray(STATES)})[1 + g % ${STATES.length}] st, ${textArray(FIRST)}[1 + g % ${FIRST.length}] f,
                        ${textArray(LAST)}[1 + (g / ${FIRST.length}) % ${LAST.length}] || case when g % 7 = 0 then '-' || ${textArray(LAST)}[1 + g % ${LAST.length}] else '' end l,
                        date '1930-01-01' + (g / 997) b, 1 + g % 997 s
                 from generate_series(${before + 1}::int, ${before + count}::int) g) x
    left join sounds on sounds.f = x.f and sounds.l = x.l`);
  // The sequence may run ahead of max(id): the new clients are whatever ids it gave.
  const last = (await db.execute<{ n: number }>(sql`select max(id)::int n from ${t.partners}`)).rows[0]!.n;
  const fresh = sql`p.id > ${before} and p.id <= ${last}`;

  await db.execute(sql`
    insert into ${t.addresses} (partner_id, address_type, country_code, place_id, zip_code, street, street_no, "primary")
    select id, '01', country_code, place_id, zip_code, street, street_no, true from ${t.partners} p where ${fresh}
    union all
    select id, '98', country_code, place_id, zip_code, 'Rue Haute', (1 + id % 40)::text, false from ${t.partners} p where ${fresh} and id % 4 = 0`);

  await db.execute(sql`
    with types as (select array_agg(id order by id) ids from ${t.coachingTypes}),
         clients as (select p.id, p.client_state = '50' ended, date '2020-01-01' + p.id % 1500 start, ${coach(0)} gss, ${coach(1)} integ, ${coach(2)} earlier
                     from ${t.partners} p where ${fresh} and p.client_state in ('30', '50'))
    insert into ${t.coachings} (client_id, user_id, coaching_type_id, start_date, end_date, "primary")
    select id, gss, types.ids[1], start, case when ended then start + 200 end, true from clients, types
    union all
    select id, integ, types.ids[2], start + 30, case when ended then start + 230 end, false from clients, types where id % 2 = 0
    union all
    select id, earlier, types.ids[1], start - 400, start - 1, false from clients, types where id % 5 = 0`);

  // The household's partner row carries its head's id in `remarks` until members are added.
  await db.execute(sql`
    insert into ${t.partners} (kind, name, prefix, language, country_code, place_id, zip_code, street, street_no, remarks)
    select 'household', h.last_name || '-' || s.last_name, h.first_name || ' & ' || s.first_name, h.language, h.country_code, h.place_id, h.zip_code, h.street, h.street_no, h.id::text
    from ${t.partners} h join ${t.partners} s on s.id = h.id + 1
    where h.id > ${before} and h.id + 2 <= ${last} and (h.id - ${before}) % 6 = 1`);
  await db.execute(sql`
    with homes as (select id, remarks::int head from ${t.partners} where id > ${last} and kind = 'household' and remarks <> ''),
         typed as (insert into ${t.households} (partner_id, type_id) select id, (select min(id) from ${t.householdTypes}) from homes)
    insert into ${t.householdMembers} (household_id, person_id, role, dependency, "primary")
    select id, head, '01', '02', true from homes
    union all select id, head + 1, '02', '02', true from homes
    union all select id, head + 2, '05', '01', true from homes`);
  await db.execute(sql`update ${t.partners} set remarks = '' where id > ${last} and kind = 'household'`);

  // What a live database's autovacuum would have done: planner statistics and visibility maps.
  for (const table of [t.partners, t.addresses, t.coachings, t.households, t.householdMembers])
    await db.execute(sql`vacuum analyze ${table}`);
}
