import { sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import type { FieldDef } from "@/server/resources/define";
import { reference } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";

type Col = (t: TenantTables) => AnyPgColumn;

/** A country by its ISO code (as typed: `be` is `BE`), shown by its name in the reader's language. */
export const countryRef = (label: string, col: Col, { width = 16 } = {}): FieldDef => ({
  type: "ref",
  label,
  width,
  expr: col,
  column: col,
  input: z.string().trim().toUpperCase().min(2).max(4).nullable(),
  ref: {
    resource: "geo.countries",
    localized: true,
    display: (t) =>
      sql`(select ${t.countries.names} from ${t.countries} where ${q(t.countries.isoCode)} = ${q(col(t))})`,
  },
});

/** A place by its id, shown by its name in the reader's language. */
export const placeRef = (label: string, col: Col, { width = 18 } = {}): FieldDef =>
  reference(
    label,
    "geo.places",
    col,
    (t) => sql`(select ${t.places.names} from ${t.places} where ${q(t.places.id)} = ${q(col(t))})`,
    { localized: true, width },
  );
