import { personPhoneticWords, phoneticWords } from "./phonetic";

/**
 * "Similar clients" (domain-people §5, Lino's DupableClient): possible duplicates of a client.
 * Another client is similar to C when
 *   1. it shares at least 2 phonetic words with C's name,
 *   2. it has no national id, if C has one,
 *   3. its birth date is empty or equal to C's, if C has one,
 *   4. one of its last-name words is among C's last-name words;
 * ordered by the number of shared words (most first), then by id.
 */

export type DupablePerson = {
  /** Absent for a client that is about to be created. */
  id?: number;
  lastName: string;
  firstName: string;
  nationalId: string | null;
  /** `YYYY-MM-DD`, possibly incomplete (`1995-00-00`). */
  birthDate: string | null;
  /** The stored words, when known; computed from the name otherwise. */
  phoneticWords?: string[];
};

export type SimilarPerson<T> = { person: T; sharedWords: string[] };

export const MIN_SHARED_WORDS = 2;
/** How many similar clients the panel and the insert confirmation show (Lino: 4). */
export const SIMILAR_SHOWN = 4;

const isEmpty = (v: string | null | undefined) => v === null || v === undefined || v.trim() === "";

/**
 * The similar clients of `candidate` among `others` (any clients: the candidate itself is skipped
 * by id). Lino counts the limit before its last-name check, so it can show fewer than it could;
 * here the limit applies to the result.
 */
export function findSimilarClients<T extends DupablePerson>(
  candidate: DupablePerson,
  others: readonly T[],
  limit?: number,
): SimilarPerson<T>[] {
  const words = new Set(personPhoneticWords(candidate));
  const lastNameWords = new Set(phoneticWords(candidate.lastName));
  const found: SimilarPerson<T>[] = [];
  for (const other of others) {
    if (candidate.id !== undefined && other.id === candidate.id) continue;
    const sharedWords = (other.phoneticWords ?? personPhoneticWords(other)).filter((w) => words.has(w));
    if (sharedWords.length < MIN_SHARED_WORDS) continue;
    if (!isEmpty(candidate.nationalId) && !isEmpty(other.nationalId)) continue;
    if (!isEmpty(candidate.birthDate) && !isEmpty(other.birthDate) && other.birthDate !== candidate.birthDate) continue;
    if (!phoneticWords(other.lastName).some((w) => lastNameWords.has(w))) continue;
    found.push({ person: other, sharedWords });
  }
  found.sort((a, b) => b.sharedWords.length - a.sharedWords.length || (a.person.id ?? 0) - (b.person.id ?? 0));
  return limit === undefined ? found : found.slice(0, limit);
}

/**
 * What the database query can check before `findSimilarClients` decides: rows whose
 * `phonetic_words` overlap `words` (the GIN index answers `phonetic_words && words`), other than
 * `excludeId`, without national id when `withoutNationalId`, with an empty or equal birth date
 * when `birthDates` is given (`null` stands for empty).
 */
export function similarClientsPrefilter(candidate: DupablePerson): {
  words: string[];
  excludeId: number | null;
  withoutNationalId: boolean;
  birthDates: (string | null)[] | null;
} {
  return {
    words: personPhoneticWords(candidate),
    excludeId: candidate.id ?? null,
    withoutNationalId: !isEmpty(candidate.nationalId),
    birthDates: isEmpty(candidate.birthDate) ? null : [null, candidate.birthDate],
  };
}
