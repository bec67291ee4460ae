import { and, eq } from "drizzle-orm";
import { pickLocalized } from "@/lib/format";
import { AppError } from "@/server/errors";
import type { ResourceCtx } from "@/server/resources/define";
import { infoBox } from "@/server/eid/service";
import { importantNotesOf, type ImportantNote } from "@/server/notes/clients";

/** Where the client lives, written the Belgian way; the country only when it is not Belgium. */
export interface PostalParts {
  addr1: string;
  street: string;
  streetNo: string;
  streetBox: string;
  addr2: string;
  zipCode: string;
  place: string;
  country: string;
  countryCode: string | null;
}

const HOME_COUNTRY = "BE";
const joined = (...parts: string[]) =>
  parts
    .map((p) => p.trim())
    .filter(Boolean)
    .join(" ");

/** "Rue de la Station 12 B", "6200 Châtelet", then the country abroad; empty lines are left out. */
export function belgianAddressLines(a: PostalParts): string[] {
  const lines = [a.addr1.trim(), joined(a.street, a.streetNo, a.streetBox), a.addr2.trim(), joined(a.zipCode, a.place)];
  if (a.countryCode && a.countryCode !== HOME_COUNTRY) lines.push(a.country.trim() || a.countryCode);
  return lines.filter(Boolean);
}

export interface ClientOverviewPanel {
  name: string;
  addressLines: string[];
  phone: string;
  gsm: string;
  email: string;
  /** The eID info box's lines ("Card no. …", "issued by …", "valid from … until …"). */
  eidLines: string[];
  /** The red "Must read eID card!" when a coached client has no valid card data. */
  mustReadText: string | null;
  /** The newest important notes (domain-people §12, shown in red); empty for a user who may not read notes. */
  importantNotes: ImportantNote[];
}

/** Panel "Overview" at the top of a client's Person tab (domain-people §2.1, §3.5): name, address, contact data, eID info. */
export async function clientOverviewPanel(ctx: ResourceCtx, clientId: number): Promise<ClientOverviewPanel> {
  const { db, t } = ctx.handle;
  const p = t.partners;
  // The eID info box checks on its own that the client is visible, and the important notes read
  // only the client's notes: the three reads go side by side.
  const [[row], eid, importantNotes] = await Promise.all([
    db
      .select({
        firstName: p.firstName,
        lastName: p.lastName,
        addr1: p.addr1,
        street: p.street,
        streetNo: p.streetNo,
        streetBox: p.streetBox,
        addr2: p.addr2,
        zipCode: p.zipCode,
        placeNames: t.places.names,
        countryCode: p.countryCode,
        countryNames: t.countries.names,
        phone: p.phone,
        gsm: p.gsm,
        email: p.email,
      })
      .from(p)
      .leftJoin(t.places, eq(t.places.id, p.placeId))
      .leftJoin(t.countries, eq(t.countries.isoCode, p.countryCode))
      .where(and(eq(p.id, clientId), eq(p.isClient, true)))
      .limit(1),
    infoBox(ctx, { clientId }),
    importantNotesOf(ctx, clientId),
  ]);
  if (!row) throw new AppError("NOT_FOUND");
  return {
    name: joined(row.firstName, row.lastName),
    addressLines: belgianAddressLines({
      ...row,
      place: pickLocalized(row.placeNames, ctx.locale),
      country: pickLocalized(row.countryNames, ctx.locale),
    }),
    phone: row.phone,
    gsm: row.gsm,
    email: row.email,
    eidLines: eid.lines,
    mustReadText: eid.mustReadText,
    importantNotes,
  };
}
