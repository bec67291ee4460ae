import { sql } from "drizzle-orm";
import { findSimilarClients, MIN_SHARED_WORDS } from "@/server/clients/rules/similar";
import { primaryCoachOf } from "@/server/coachings/sql";
import { defineChecker, type Handle } from "@/server/checks/define";

/**
 * "Check for similar clients" (§5): "Similar clients: <first one>". One set-based query pairs the
 * clients sharing two phonetic words, applies the rules SQL can check (national id, birth date)
 * and keeps each client's best candidates; Lino's rules (`findSimilarClients`)
 * then decide, like the panel and the insert confirmation do.
 */

/** Candidates per client handed to the rules; Lino also limits before its last-name check. */
const CANDIDATES = 20;

type PairRow = {
  id: number;
  first_name: string;
  last_name: string;
  national_id: string | null;
  birth_date: string | null;
  responsible: number | null;
  other_id: number;
  other_first_name: string;
  other_last_name: string;
  other_national_id: string | null;
  other_birth_date: string | null;
  other_words: string[];
};

/**
 * `pairs (id, other_id)`: clients sharing at least two phonetic words. Two clients share two words
 * exactly when they share a pair of words (more words: at least one pair), so the whole centre is paired by joining each client's
 * word pairs (linear in the clients, not quadratic); one client is paired through the GIN index.
 */
function candidatePairs(t: Handle["t"], ownerId: number | undefined) {
  if (ownerId !== undefined) {
    return sql`pairs as (
      select c.id, o.id as other_id from ${t.partners} c join ${t.partners} o on o.is_client and o.id <> c.id and o.phonetic_words && c.phonetic_words
      where c.is_client and c.id = ${ownerId}
        and (select count(*) from unnest(o.phonetic_words) w where w = any(c.phonetic_words)) >= ${MIN_SHARED_WORDS})`;
  }
  return sql`word_pairs as (
      select c.id, w1, w2 from ${t.partners} c cross join lateral unnest(c.phonetic_words) w1 cross join lateral unnest(c.phonetic_words) w2
      where c.is_client and w1 < w2),
    pairs as (select distinct a.id, b.id as other_id from word_pairs a join word_pairs b on b.w1 = a.w1 and b.w2 = a.w2 and b.id <> a.id)`;
}

export const similarClientsChecker = defineChecker({
  id: "similarClients",
  label: "checks.checkers.similarClients",
  ownerType: "partner",
  forClients: true,
  find: async ({ db, t }, ownerId) => {
    const empty = (col: string) => sql.raw(`nullif(trim(${col}), '') is null`);
    const { rows } = await db.execute<PairRow>(sql`
      with ${candidatePairs(t, ownerId)}
      select * from (
        select c.id, c.first_name, c.last_name, c.national_id, c.birth_date,
               ${primaryCoachOf(t, sql.raw("c.id"))} as responsible,
               o.id as other_id, o.first_name as other_first_name, o.last_name as other_last_name,
               o.national_id as other_national_id, o.birth_date as other_birth_date, o.phonetic_words as other_words,
               row_number() over (partition by c.id order by s.shared desc, o.id) as rank
        from pairs x
        join ${t.partners} c on c.id = x.id
        join ${t.partners} o on o.id = x.other_id
        cross join lateral (select count(*) as shared from unnest(o.phonetic_words) w where w = any(c.phonetic_words)) s
        where s.shared >= ${MIN_SHARED_WORDS}
          and (${empty("c.national_id")} or ${empty("o.national_id")})
          and (${empty("c.birth_date")} or ${empty("o.birth_date")} or o.birth_date = c.birth_date)
      ) ranked where rank <= ${CANDIDATES}
      order by id, rank`);
    const byClient = new Map<number, PairRow[]>();
    for (const row of rows) byClient.set(row.id, [...(byClient.get(row.id) ?? []), row]);
    return [...byClient.values()].flatMap((pairs) => {
      const c = pairs[0]!;
      const others = pairs.map((o) => ({
        id: o.other_id,
        firstName: o.other_first_name,
        lastName: o.other_last_name,
        nationalId: o.other_national_id,
        birthDate: o.other_birth_date,
        phoneticWords: o.other_words,
      }));
      const [first] = findSimilarClients(
        {
          id: c.id,
          firstName: c.first_name,
          lastName: c.last_name,
          nationalId: c.national_id,
          birthDate: c.birth_date,
        },
        others,
        1,
      );
      if (!first) return [];
      const name = `${first.person.lastName.toUpperCase()} ${first.person.firstName} (${first.person.id})`;
      return [
        {
          ownerId: c.id,
          messageKey: "checks.similarClients.found",
          params: { name },
          responsibleUserId: c.responsible,
        },
      ];
    });
  },
});
