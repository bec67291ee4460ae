import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import { matches } from "@/server/resources/fields";
import type { TenantDb } from "@/server/tenancy/tenant-db";
import type { TenantTables } from "@/db/tenant/tables";

export interface PlaceQuery {
  q: string;
  limit: number;
}

/** Places whose zip code or name (in any language) starts with the query. */
export async function searchPlaces(db: TenantDb, t: Pick<TenantTables, "places">, { q, limit }: PlaceQuery) {
  const prefix = `${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const name = (lang: string) => matches(sql<string>`${t.places.names}->>${lang}`, prefix);
  return db
    .select({
      id: t.places.id,
      zipCode: t.places.zipCode,
      names: t.places.names,
      kind: t.places.kind,
      province: t.places.province,
    })
    .from(t.places)
    .where(and(eq(t.places.countryCode, "BE"), or(ilike(t.places.zipCode, prefix), name("fr"), name("nl"), name("de"))))
    .orderBy(asc(t.places.zipCode), asc(t.places.id))
    .limit(limit);
}
