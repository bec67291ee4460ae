import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { UserType } from "@/server/auth/user-types";
import type { ContractKind } from "@/server/isip/base";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient, newCoaching, newStaff, type PartnerValues } from "./factories";
import { appCodeOf } from "./helpers";

/**
 * What the contract kinds' tests share (isip, jobs-contracts, art61, immersion; domain-integ-money
 * §2.3): the centre's integration service, a client coached for integration with a contract of kind K
 * made through the procedures, a contract's evaluation meetings, the ISIP type the overlap tests
 * set against the kind, and §1's access per user type to a kind's contracts.
 */

type Caller = Awaited<ReturnType<typeof newStaff>>["caller"];
type CoachingValues = NonNullable<Parameters<typeof newCoaching>[3]>;
export type Access = "edit" | "read" | "none";

/**
 * §1 for ISIP and Art. 60§7 contracts, per user type: integration agents (100–120), the flexible
 * social agent (420) and administrators write them; the newcomers and debts consultants, the
 * reception clerk and social agents read them; the flexible reception clerk, accountants and the
 * supervisor do not see them.
 */
export const INTEG_CONTRACT_ACCESS: Partial<Record<UserType, Access>> = {
  "100": "edit",
  "110": "edit",
  "120": "edit",
  "420": "edit",
  "900": "edit",
  "200": "read",
  "210": "read",
  "300": "read",
  "400": "read",
  "410": "read",
  "220": "none",
  "500": "none",
  "510": "none",
  "800": "none",
};

/** The centre's coaching type (service) that does integration, or GSS. */
export async function serviceOf(tenant: Tenant, does: "doesIntegration" | "doesGss" = "doesIntegration") {
  const { db, t } = tenantHandle(tenant);
  const [row] = await db
    .select({ id: t.coachingTypes.id })
    .from(t.coachingTypes)
    .where(eq(t.coachingTypes[does], true));
  return row!.id;
}

/** A client ("Test Client" unless `client` names them) coached for integration by `coachId`, from 1 January 2030 unless said. */
export async function integClient(
  tenant: Tenant,
  coachId: number,
  client: PartnerValues = {},
  coaching: CoachingValues = {},
) {
  const id = await newClient(tenant, client);
  await newCoaching(tenant, id, coachId, {
    coachingTypeId: await serviceOf(tenant),
    startDate: "2030-01-01",
    ...coaching,
  });
  return id;
}

/** A contract of `kind` made by `caller` through the kind's resource (as a user saves the form): its id. */
export const newContract = (caller: Caller, kind: ContractKind, values: Record<string, unknown>) =>
  caller.resources.create({ resource: kind.resource, values }).then((r) => Number(r.id));

/**
 * A client coached for integration by `agent` (their coaching from 1 January 2030 unless `coaching`
 * says otherwise) and a contract of `kind` on them, made by the agent: both ids.
 */
export async function clientWithContract(
  tenant: Tenant,
  kind: ContractKind,
  agent: { id: number; caller: Caller },
  contract: Record<string, unknown>,
  { client = {}, coaching = {} }: { client?: PartnerValues; coaching?: CoachingValues } = {},
) {
  const clientId = await integClient(tenant, agent.id, client, coaching);
  return { client: clientId, contract: await newContract(agent.caller, kind, { ...contract, client: clientId }) };
}

/** The evaluation meetings of a contract of `kind`, in their series' order (1, 2, …). */
export async function contractEvaluations(tenant: Tenant, kind: ContractKind, contractId: number) {
  const { db, t } = tenantHandle(tenant);
  return db
    .select()
    .from(t.calendarEntries)
    .where(and(eq(t.calendarEntries.ownerType, kind.ownerType), eq(t.calendarEntries.ownerId, contractId)))
    .orderBy(t.calendarEntries.autoType);
}

/** One of the ISIP types every centre has ("vseb" unless said), in the contracts' overlap group. */
export async function isipTypeOf(tenant: Tenant, ref = "vseb") {
  const { db, t } = tenantHandle(tenant);
  const [row] = await db
    .select({ id: t.isipContractTypes.id })
    .from(t.isipContractTypes)
    .where(eq(t.isipContractTypes.ref, ref));
  return row!.id;
}

/**
 * §1 per user type, each signed in on `tenant`: reading a contract of the kind is refused (FORBIDDEN)
 * to "none" and allowed to the others; making one (`make`, the user type's index in `expected` for
 * distinct dates) succeeds for "edit" and is refused to the others. `more` checks what else a kind
 * ties to the same rights. The anonymous type ("000") has no session and is left to the access walk.
 */
export async function expectAccessPerUserType(
  tenant: Tenant,
  expected: Partial<Record<UserType, Access>>,
  read: (c: Caller) => Promise<unknown>,
  make: (c: Caller, i: number) => Promise<unknown>,
  more?: (c: Caller, type: UserType, access: Access) => Promise<void>,
) {
  for (const [i, [type, access]] of (Object.entries(expected) as [UserType, Access][]).entries()) {
    if (type === "000") continue;
    const { caller } = await newStaff(tenant, type);
    expect([type, await appCodeOf(read(caller))]).toEqual([type, access === "none" ? "FORBIDDEN" : "resolved"]);
    expect([type, await appCodeOf(make(caller, i))]).toEqual([type, access === "edit" ? "resolved" : "FORBIDDEN"]);
    await more?.(caller, type, access);
  }
}
