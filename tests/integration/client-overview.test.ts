import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { hasRole, USER_TYPES } from "@/server/auth/user-types";
import type { ClientOverviewPanel } from "@/server/clients/panels/overview";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import type { Tenant } from "@/server/tenancy/registry";
import { appCodeOf, newCentre, signedInCaller } from "./helpers";

type Caller = Awaited<ReturnType<typeof signedInCaller>>;
let eupen: Tenant;
let chatelet: Tenant;
let agent: Caller; // 100, may see clients

const overview = async (caller: Caller, id: number) =>
  (await caller.resources.panel({ resource: "clients.clients", id, key: "clientOverview" })) as ClientOverviewPanel;

/** A client as the demo has them: a Belgian address with its place, phone, GSM and e-mail. */
async function demoLikeClient(
  tenant: Tenant,
  values: Partial<ReturnType<typeof tenantHandle>["t"]["partners"]["$inferInsert"]> = {},
) {
  const h = tenantHandle(tenant);
  const [place] = await h.db
    .select({ id: h.t.places.id })
    .from(h.t.places)
    .where(sql`${h.t.places.zipCode} = '6200' and ${h.t.places.names}->>'fr' = 'Châtelet'`)
    .limit(1);
  const [row] = await h.db
    .insert(h.t.partners)
    .values({
      kind: "person",
      isClient: true,
      clientState: "30",
      firstName: "Bernadette",
      lastName: "Castou",
      name: "Castou Bernadette",
      gender: "F",
      street: "Rue de la Station",
      streetNo: "12",
      streetBox: "B",
      zipCode: "6200",
      placeId: place!.id,
      countryCode: "BE",
      phone: "071 38 12 34",
      gsm: "+32 475 12 34 56",
      email: "bernadette.castou@example.org",
      ...values,
    })
    .returning({ id: h.t.partners.id });
  return row!.id;
}

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("overview-eupen"), newCentre("overview-chatelet")]);
  agent = await signedInCaller(eupen, "100");
});

describe("client overview panel", () => {
  it("shows the name, the address lines the Belgian way, the contact data and the eID card's warning", async () => {
    const id = await demoLikeClient(eupen);
    expect(await overview(agent, id)).toMatchObject({
      name: "Bernadette Castou",
      addressLines: ["Rue de la Station 12 B", "6200 Châtelet"],
      phone: "071 38 12 34",
      gsm: "+32 475 12 34 56",
      email: "bernadette.castou@example.org",
      eidLines: [],
      mustReadText: expect.stringMatching(/eID/),
    });
  });

  it("names the country of an address abroad and gives the eID card's lines instead of the warning", async () => {
    const h = tenantHandle(eupen);
    const id = await demoLikeClient(eupen, {
      street: "Rue de Rivoli",
      streetNo: "5",
      streetBox: "",
      zipCode: "75001",
      placeId: null,
      countryCode: "FR",
      phone: "",
      email: "",
    });
    await h.db
      .update(h.t.partners)
      .set({
        cardNumber: "591413288107",
        cardType: "1",
        cardValidFrom: "2020-01-01",
        cardValidUntil: "2099-12-31",
        cardIssuer: "Eupen",
      })
      .where(eq(h.t.partners.id, id));
    const o = await overview(agent, id);
    expect(o.addressLines).toEqual(["Rue de Rivoli 5", "75001", "France"]);
    expect(o).toMatchObject({ phone: "", email: "", mustReadText: null });
    expect(o.eidLines.join(" ")).toContain("591413288107");
    expect(o.eidLines.join(" ")).toContain("Eupen");
  });

  it("is not given to a user of another centre, nor to a user type that may not see clients", async () => {
    const chateletUser = await signedInCaller(chatelet, "100");
    const chateletMax = Number(
      (
        await chateletUser.resources.list({
          resource: "clients.clients",
          state: { page: 1, pageSize: 1, sort: [{ field: "id", dir: "desc" }], filters: { hideObsolete: null }, q: "" },
        })
      ).rows[0]?.id ?? 0,
    );
    let id = await demoLikeClient(eupen);
    while (id <= chateletMax) id = await demoLikeClient(eupen);
    expect(await appCodeOf(overview(chateletUser, id))).toBe("NOT_FOUND");
    for (const userType of USER_TYPES) {
      const caller = await signedInCaller(eupen, userType);
      const viewer = hasRole(userType, "SimpleContactsUser");
      expect(await appCodeOf(overview(caller, id)), userType).toBe(
        viewer ? "resolved" : userType === "000" ? "UNAUTHORIZED" : "FORBIDDEN",
      );
    }
  });
});
