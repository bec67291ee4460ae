import { integer, jsonb, serial, text, index, type PgSchema } from "drizzle-orm/pg-core";
import type { LocalizedText } from "@/db/control/schema";

/** Countries and Belgian places: reference data every centre gets, and may extend. */
export function geoTables(s: PgSchema) {
  const countries = s.table("countries", {
    isoCode: text("iso_code").primaryKey(),
    names: jsonb("names").$type<LocalizedText>().notNull(),
  });

  const places = s.table(
    "places",
    {
      id: serial("id").primaryKey(),
      kind: text("kind").notNull(),
      zipCode: text("zip_code").notNull().default(""),
      names: jsonb("names").$type<LocalizedText>().notNull(),
      province: text("province").notNull().default(""),
      region: text("region").notNull().default(""),
      countryCode: text("country_code")
        .notNull()
        .references(() => countries.isoCode),
      version: integer("version").notNull().default(1),
    },
    (t) => [index("places_zip_idx").on(t.zipCode)],
  );

  return { countries, places };
}
