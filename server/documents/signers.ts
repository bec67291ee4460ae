/**
 * Who signs contracts for the centre (domain-integ-money §2.3, Lino's SiteConfig signer1/signer2):
 * its secretary and its president, chosen on the letterhead (Site → Administration → Letterhead).
 * A new contract of any kind takes them (server/isip/base.ts); its print names them with their
 * function ("le Secrétaire", "die Präsidentin"), the name left out when there is none.
 */
import { eq, inArray } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { upperFirst } from "@/lib/format";
import { translatorFor } from "@/server/i18n/translator";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import type { DocumentLanguage } from "./language";

type Tx = TenantHandle["db"];

/** The centre's secretary (signer 1) and president (signer 2), as the letterhead names them. */
export async function defaultSigners(tx: Tx, t: TenantTables) {
  const [row] = await tx
    .select({ signer1Id: t.documentSettings.signer1Id, signer2Id: t.documentSettings.signer2Id })
    .from(t.documentSettings)
    .where(eq(t.documentSettings.id, 1));
  return { signer1Id: row?.signer1Id ?? null, signer2Id: row?.signer2Id ?? null };
}

/** A signer's function in the document's language, feminine for a woman ("la Présidente", "die Sekretärin"). */
export const signerFunction = (
  role: "secretary" | "president",
  gender: string | null,
  language: DocumentLanguage,
  { afterBy = false } = {},
) => {
  const key = afterBy ? `by${upperFirst(role)}` : role;
  return translatorFor(language)(`documents.signers.${key}${gender === "F" ? "F" : "M"}`);
};

/**
 * The tags of a contract's signature block: `signer1` / `signer2` ("First LAST", empty when none)
 * and `signer1Function` / `signer2Function` (the secretary's and the president's function); for a
 * party line ("represented by …"), `signer1FunctionBy` / `signer2FunctionBy` (the function in the
 * case that follows "by": German "vertreten durch …, den Sekretär"), `hasSigners`, `bothSigners`.
 */
export async function signersData(
  tx: Tx,
  t: TenantTables,
  ids: { signer1Id: number | null; signer2Id: number | null },
  language: DocumentLanguage,
) {
  const wanted = [ids.signer1Id, ids.signer2Id].filter((id): id is number => id !== null);
  const people = wanted.length
    ? await tx
        .select({
          id: t.partners.id,
          first: t.partners.firstName,
          last: t.partners.lastName,
          name: t.partners.name,
          gender: t.partners.gender,
        })
        .from(t.partners)
        .where(inArray(t.partners.id, wanted))
    : [];
  const person = (id: number | null) => people.find((p) => p.id === id);
  const nameOf = (id: number | null) => {
    const p = person(id);
    if (!p) return "";
    return [p.first, p.last?.toLocaleUpperCase(language)].filter(Boolean).join(" ").trim() || (p.name ?? "");
  };
  const gender = (id: number | null) => person(id)?.gender ?? null;
  const signer1 = nameOf(ids.signer1Id);
  const signer2 = nameOf(ids.signer2Id);
  return {
    signer1,
    signer1Function: signerFunction("secretary", gender(ids.signer1Id), language),
    signer1FunctionBy: signerFunction("secretary", gender(ids.signer1Id), language, { afterBy: true }),
    signer2,
    signer2Function: signerFunction("president", gender(ids.signer2Id), language),
    signer2FunctionBy: signerFunction("president", gender(ids.signer2Id), language, { afterBy: true }),
    hasSigners: !!(signer1 || signer2),
    bothSigners: !!(signer1 && signer2),
  };
}
