import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import countries from "i18n-iso-countries";
import de from "i18n-iso-countries/langs/de.json";
import en from "i18n-iso-countries/langs/en.json";
import fr from "i18n-iso-countries/langs/fr.json";
import nl from "i18n-iso-countries/langs/nl.json";
import { count } from "drizzle-orm";
import type { LocalizedText } from "@/db/control/schema";
import { projectPath } from "@/lib/project-path";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

for (const locale of [fr, nl, de, en]) countries.registerLocale(locale);

function countryRows() {
  const names = {
    fr: countries.getNames("fr"),
    nl: countries.getNames("nl"),
    de: countries.getNames("de"),
    en: countries.getNames("en"),
  };
  return Object.keys(names.fr).map((isoCode) => ({
    isoCode,
    names: {
      fr: names.fr[isoCode]!,
      nl: names.nl[isoCode],
      de: names.de[isoCode],
      en: names.en[isoCode],
    } satisfies LocalizedText,
  }));
}

interface PlaceCsvRow {
  kind: string;
  zip_code: string;
  name_fr: string;
  name_nl: string;
  name_de: string;
  name_en: string;
  province_fr: string;
  region: string;
}

let placeCache: ReturnType<typeof placeRowsUncached> | undefined;
function placeRowsUncached() {
  const csv = readFileSync(projectPath("db/seed/reference/be_places.csv"), "utf8");
  const rows = parse(csv, { columns: true, skip_empty_lines: true }) as PlaceCsvRow[];
  // An empty translation means "same as French" in the source list.
  return rows.map((r) => ({
    kind: r.kind,
    zipCode: r.zip_code,
    names: { fr: r.name_fr, nl: r.name_nl || r.name_fr, de: r.name_de || r.name_fr, en: r.name_en || r.name_fr },
    province: r.province_fr,
    region: r.region,
    countryCode: "BE",
  }));
}
const placeRows = () => (placeCache ??= placeRowsUncached());

const CHUNK = 1000;

/** Countries and Belgian places for a new centre. Idempotent: a resumed creation seeds nothing twice. */
export async function seedReference({ db, t }: TenantHandle) {
  await db.transaction(async (tx) => {
    await tx.insert(t.countries).values(countryRows()).onConflictDoNothing();
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(t.places);
    if (n > 0) return;
    const rows = placeRows();
    for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(t.places).values(rows.slice(i, i + CHUNK));
  });
}
