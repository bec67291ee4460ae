import { and, sql } from "drizzle-orm";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { findSimilarClients, similarClientsPrefilter, SIMILAR_SHOWN, type DupablePerson } from "./rules/similar";
import { qualified as q } from "@/server/resources/query";

export interface SimilarClient {
  id: number;
  displayName: string;
  sharedWords: string[];
}

/**
 * The clients of this centre that resemble `candidate` (domain-people §5): the phonetic-words index
 * narrows the rows in SQL, Lino's rules decide. At most `limit` (Lino shows 4).
 */
export async function similarClients(
  { db, t }: Pick<TenantHandle, "db" | "t">,
  candidate: DupablePerson,
  limit = SIMILAR_SHOWN,
): Promise<SimilarClient[]> {
  const pre = similarClientsPrefilter(candidate);
  if (pre.words.length === 0) return [];
  const p = t.partners;
  const rows = await db
    .select({
      id: p.id,
      firstName: p.firstName,
      lastName: p.lastName,
      nationalId: p.nationalId,
      birthDate: p.birthDate,
      phoneticWords: p.phoneticWords,
    })
    .from(p)
    .where(
      and(
        sql`${q(p.isClient)}`,
        sql`${q(p.phoneticWords)} && ${sql.param(pre.words)}::text[]`,
        pre.excludeId === null ? undefined : sql`${q(p.id)} <> ${pre.excludeId}`,
        pre.withoutNationalId ? sql`${q(p.nationalId)} is null` : undefined,
        pre.birthDates ? sql`(${q(p.birthDate)} is null or ${q(p.birthDate)} = ${pre.birthDates[1]})` : undefined,
      ),
    )
    .limit(200);
  return findSimilarClients(candidate, rows, limit).map(({ person, sharedWords }) => ({
    id: person.id,
    displayName: `${person.lastName.toUpperCase()} ${person.firstName} (${person.id})`,
    sharedWords,
  }));
}
