import { and, eq, sql } from "drizzle-orm";
import { actorOf, created, rowChange, writeAudit, type Changes } from "@/server/audit";
import { primaryCoachOf } from "@/server/coachings/sql";
import { ADDRESS_TYPE } from "@/server/contacts/choices";
import { mirrorPrimaryAddress } from "@/server/contacts/addresses";
import { AppError } from "@/server/errors";
import type { ResourceCtx } from "@/server/resources/define";
import { defineChecker, type Tx } from "@/server/checks/define";

/**
 * The address owner checker (domain-people §2.5): a partner with addresses has exactly one primary
 * address, and its own address fields mirror it. Fixes mark the unique or the matching address
 * primary, or create an "official" primary address from the partner's fields.
 */

const POSTAL = ["countryCode", "placeId", "zipCode", "street", "streetNo", "streetBox", "addr1", "addr2"] as const;
const POSTAL_COLUMNS = ["country_code", "place_id", "zip_code", "street", "street_no", "street_box", "addr1", "addr2"];

type Code = "uniqueNotPrimary" | "matchingNotPrimary" | "missingPrimary" | "multiplePrimaries";
type Row = {
  id: number;
  is_client: boolean;
  responsible: number | null;
  addresses: number;
  primaries: number;
  matching: number | null;
  has_address: boolean;
};

/** Which problem a partner has, from its address counts, or null. */
function problemOf(r: Row): Code | null {
  if (r.primaries > 1) return "multiplePrimaries";
  if (r.primaries === 1) return null;
  if (r.addresses === 1) return "uniqueNotPrimary";
  if (r.matching !== null) return "matchingNotPrimary";
  return r.has_address ? "missingPrimary" : null;
}

async function partnerRows(tx: Tx, t: ResourceCtx["handle"]["t"], ownerId: number | undefined): Promise<Row[]> {
  const same = sql.raw(POSTAL_COLUMNS.map((c) => `a.${c} is not distinct from p.${c}`).join(" and "));
  const { rows } = await tx.execute<Row>(sql`
    select p.id, p.is_client,
           case when p.is_client then ${primaryCoachOf(t, sql.raw("p.id"))} end as responsible,
           count(a.id)::int as addresses, (count(a.id) filter (where a."primary"))::int as primaries,
           min(a.id) filter (where ${same}) as matching,
           (p.street <> '' or p.street_no <> '' or p.zip_code <> '' or p.place_id is not null or p.addr1 <> '' or p.addr2 <> '') as has_address
    from ${t.partners} p left join ${t.addresses} a on a.partner_id = p.id
    where true ${ownerId === undefined ? sql`` : sql`and p.id = ${ownerId}`}
    group by p.id
    order by p.id`);
  return rows;
}

/** A repair of an address, audited as an edit made by the data check. */
const auditFix = (tx: Tx, ctx: ResourceCtx, verb: string, id: number, changes: Changes) =>
  writeAudit(
    tx,
    ctx.handle.t,
    actorOf(ctx.user),
    rowChange("contacts.addresses", verb, id, { ...changes, fixedBy: { from: null, to: "dataCheck" } }),
  );

/** Marks an address primary (audited); the partner's fields then mirror it (audited there). */
async function makePrimary(tx: Tx, ctx: ResourceCtx, partnerId: number, addressId: number) {
  const t = ctx.handle.t;
  const [address] = await tx
    .update(t.addresses)
    .set({ primary: true, version: sql`${t.addresses.version} + 1` })
    .where(and(eq(t.addresses.id, addressId), eq(t.addresses.partnerId, partnerId)))
    .returning({ id: t.addresses.id });
  if (!address) throw new AppError("NOT_FOUND");
  await auditFix(tx, ctx, "update", addressId, { primary: { from: false, to: true } });
  await mirrorPrimaryAddress(tx, t, partnerId, actorOf(ctx.user));
}

export const addressesChecker = defineChecker({
  id: "addresses",
  label: "checks.checkers.addresses",
  ownerType: "partner",
  forClients: true,
  find: async ({ db, t }, ownerId) =>
    (await partnerRows(db, t, ownerId)).flatMap((r) => {
      const code = problemOf(r);
      return code
        ? [
            {
              ownerId: r.id,
              messageKey: `checks.addresses.${code}`,
              responsibleUserId: r.responsible,
              fixable: code !== "multiplePrimaries",
            },
          ]
        : [];
    }),
  fix: async (tx, ctx, id) => {
    const t = ctx.handle.t;
    await tx.select({ id: t.partners.id }).from(t.partners).where(eq(t.partners.id, id)).for("update");
    const [row] = await partnerRows(tx, t, id);
    const code = row ? problemOf(row) : null;
    if (!row || !code) return;
    if (code === "multiplePrimaries") throw new AppError("NOT_FIXABLE");
    if (code === "missingPrimary") {
      const [partner] = await tx
        .select(Object.fromEntries(POSTAL.map((k) => [k, t.partners[k]])))
        .from(t.partners)
        .where(eq(t.partners.id, id));
      const values = {
        partnerId: id,
        addressType: ADDRESS_TYPE.official,
        dataSource: "manual",
        primary: true,
        ...partner,
      };
      const [inserted] = await tx
        .insert(t.addresses)
        .values(values as typeof t.addresses.$inferInsert)
        .returning({ id: t.addresses.id });
      await auditFix(tx, ctx, "create", inserted!.id, created(values));
      return;
    }
    const addressId =
      code === "matchingNotPrimary"
        ? Number(row.matching)
        : (await tx.select({ id: t.addresses.id }).from(t.addresses).where(eq(t.addresses.partnerId, id)))[0]!.id;
    await makePrimary(tx, ctx, id, addressId);
  },
});
