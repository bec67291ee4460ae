import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { hasRole, USER_TYPES } from "@/server/auth/user-types";
import { readerDataSchema, readerToCanonical, type ReaderCard } from "@/server/eid/rules/card-data";
import { generateNiss, nissDigits } from "@/server/clients/rules/niss";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { appCodeOf, callerOn, centreHost, newCentre, newUser, signedInCaller } from "./helpers";

// Sample reads of Lino's reader helper (tests/fixtures/eid): Jean-Jacques Jeffin (680601 053-29,
// address in "Helsinki", valid until 2026) and Mélanie Dupont (980804 248-97, Châtelet, expired 2022).
const SAMPLES = path.resolve(import.meta.dirname, "../fixtures/eid");
const sample = (name: string) => JSON.parse(readFileSync(path.join(SAMPLES, name), "utf8")) as ReaderCard;
const JEFFIN = sample("card_test_1.json");
const DUPONT = sample("card_20190311.json");
/** The Jeffin card with another holder: a valid national number of the same birth date, other names. */
const holder = (sequence: number, surname: string, firstnames: string) => ({
  ...JEFFIN,
  national_number: nissDigits(generateNiss("1968-06-01", "M", sequence)),
  surname,
  firstnames,
});

type Caller = Awaited<ReturnType<typeof signedInCaller>>;
let eupen: Tenant;
let chatelet: Tenant;
let clerk: Caller;
let foreign: Caller;

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("eid-eupen"), newCentre("eid-chatelet")]);
  [clerk, foreign] = await Promise.all([signedInCaller(eupen, "210"), signedInCaller(chatelet, "210")]);
});

const errorOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (e) {
    return (e as { cause?: { code?: string; params?: Record<string, unknown> } }).cause;
  }
  throw new Error("resolved");
};
const newClient = async (values: Record<string, unknown>) =>
  (await clerk.resources.create({ resource: "clients.clients", values, confirmed: true })).id as number;
const versionOf = async (id: number) =>
  (await clerk.resources.get({ resource: "clients.clients", id })).__version as number;

describe("find by eID and create", () => {
  let jeffin: number;

  it("finds nobody, creates the client with its eID address and photo, then finds it", async () => {
    const first = await clerk.eid.lookup({ card: JEFFIN });
    expect(first).toMatchObject({
      match: null,
      similar: [],
      summary: { name: "Jean-Jacques Jeffin", nationalId: "680601 053-29", birthDate: "1968-06-01", gender: "M" },
    });
    expect(first.summary.photo).toMatch(/^data:image\/jpeg;base64,\/9j\//);

    ({ id: jeffin } = await clerk.eid.createClient({ card: JEFFIN, confirmSimilar: false }));
    expect((await clerk.eid.lookup({ card: JEFFIN })).match).toMatchObject({
      id: jeffin,
      displayName: `JEFFIN Jean-Jacques (${jeffin})`,
    });

    const row = await clerk.resources.get({ resource: "clients.clients", id: jeffin });
    expect(row).toMatchObject({
      clientState: "10",
      nationalId: "680601 053-29",
      birthDate: "1968-06-01",
      gender: "M",
      birthPlace: "Mons",
      street: "Estland",
      zipCode: "1262",
    });
    const h = tenantHandle(eupen);
    const addresses = await h.db.select().from(h.t.addresses).where(eq(h.t.addresses.partnerId, jeffin));
    expect(addresses).toMatchObject([
      { dataSource: "eid", primary: true, street: "Estland", zipCode: "1262", countryCode: "BE" },
    ]);
    // "Helsinki" is no Belgian place: created in the reader's country, as Lino does.
    const [place] = await h.db.select().from(h.t.places).where(eq(h.t.places.id, addresses[0]!.placeId!));
    expect(place).toMatchObject({ countryCode: "BE", names: { fr: "Helsinki" } });
    const [audit] = await h.db
      .select()
      .from(h.t.auditLog)
      .where(and(eq(h.t.auditLog.entityId, String(jeffin)), eq(h.t.auditLog.action, "clients.clients.eidCreate")));
    expect(audit?.changes).toMatchObject({ nationalId: { from: null, to: "680601 053-29" }, photo: { to: true } });
    expect(await appCodeOf(clerk.eid.createClient({ card: JEFFIN, confirmSimilar: true }))).toBe("DUPLICATE");
    // The same card read on the new client finds nothing to change.
    expect(
      await clerk.eid.readCard({ clientId: jeffin, version: await versionOf(jeffin), card: JEFFIN }),
    ).toMatchObject({ takeOverNationalId: false, changes: [] });
  });

  it("accepts the canonical format as well as the reader helper's JSON, and refuses a failed read", async () => {
    const canonical = readerToCanonical(readerDataSchema.parse(JEFFIN), { readAt: "2026-11-23T10:15:02+01:00" });
    if (!canonical.ok) throw new Error(canonical.code);
    expect((await clerk.eid.lookup({ card: canonical.read as never })).match?.id).toBe(jeffin);
    expect(await errorOf(clerk.eid.lookup({ card: sample("nocard.json") }))).toMatchObject({
      code: "INVALID_INPUT",
      params: { messageKey: "eid.readFailed", message: "Could not find any reader with a card inserted" },
    });
    expect(await errorOf(clerk.eid.lookup({ card: { ...JEFFIN, validity_end_date: "2026-06-02" } }))).toMatchObject({
      params: { messageKey: "eid.invalidDate" },
    });
  });

  it("asks before creating a client who resembles existing ones, naming them", async () => {
    const lookalike = await newClient({ firstName: "Mélanie", lastName: "Dupont" });
    const found = await clerk.eid.lookup({ card: DUPONT });
    expect(found.match).toBeNull();
    expect(found.similar.map((s) => s.id)).toEqual([lookalike]);
    expect(await errorOf(clerk.eid.createClient({ card: DUPONT, confirmSimilar: false }))).toMatchObject({
      code: "CONFIRMATION_REQUIRED",
      params: { count: 1, names: `DUPONT Mélanie (${lookalike})`, messageKey: "resources.clients.similarExist" },
    });
    const { id } = await clerk.eid.createClient({ card: DUPONT, confirmSimilar: true });
    expect((await clerk.resources.get({ resource: "clients.clients", id })).name).toBe(
      `DUPONT Mélanie Françoise (${id})`,
    );
  });
});

describe("read eID card on an existing client", () => {
  it("takes the number over, proposes the changes old → new and applies the chosen ones", async () => {
    const card = holder(55, "Kartenleser", "Karl");
    const id = await newClient({ firstName: "Karl", lastName: "Kartenleser", gender: "M" });
    const plan = await clerk.eid.readCard({ clientId: id, version: await versionOf(id), card });
    expect(plan.takeOverNationalId).toBe(true);
    const keys = plan.changes.map((c) => c.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        "client.birthDate",
        "client.cardNumber",
        "client.birthPlace",
        "address.street",
        "address.city",
      ]),
    );
    expect(keys).not.toContain("client.firstName");
    expect(plan.changes.find((c) => c.key === "client.cardNumber")).toMatchObject({ old: "", new: "592382784772" });

    const done = await clerk.eid.applyChanges({
      clientId: id,
      version: plan.version,
      card,
      fields: ["client.birthDate", "client.cardNumber", "address.street", "address.city"],
    });
    expect(done).toMatchObject({ version: plan.version + 1, applied: 4 });
    const row = await clerk.resources.get({ resource: "clients.clients", id });
    expect(row).toMatchObject({
      nationalId: generateNiss("1968-06-01", "M", 55),
      birthDate: "1968-06-01",
      birthPlace: "",
      street: "Estland",
    });
    const h = tenantHandle(eupen);
    const [address] = await h.db.select().from(h.t.addresses).where(eq(h.t.addresses.partnerId, id));
    expect(address).toMatchObject({ dataSource: "eid", primary: true, street: "Estland", zipCode: "" });

    const again = await clerk.eid.readCard({ clientId: id, version: done.version, card });
    expect(again.takeOverNationalId).toBe(false);
    expect(again.changes.map((c) => c.key)).not.toEqual(expect.arrayContaining(["client.birthDate"]));
    expect(again.changes.map((c) => c.key)).toContain("client.birthPlace");
    // Someone saved the client since this read: refused.
    expect(await appCodeOf(clerk.eid.applyChanges({ clientId: id, version: plan.version, card, fields: [] }))).toBe(
      "STALE_EDIT",
    );
    expect(await appCodeOf(clerk.eid.readCard({ clientId: id, version: plan.version, card }))).toBe("STALE_EDIT");
    expect(
      await appCodeOf(clerk.eid.applyChanges({ clientId: id, version: done.version, card, fields: ["client.nope"] })),
    ).toBe("INVALID_INPUT");
  });

  it("refuses a card whose national number is not the client's, or belongs to another client", async () => {
    const id = await newClient({ firstName: "Nina", lastName: "Niss", nationalId: "70.03.12-002.62" });
    const card = holder(57, "Niss", "Nina");
    expect(await errorOf(clerk.eid.readCard({ clientId: id, version: await versionOf(id), card }))).toMatchObject({
      code: "INVALID_INPUT",
      params: {
        messageKey: "eid.nationalIdsDontMatch",
        existing: "700312 002-62",
        card: generateNiss("1968-06-01", "M", 57),
      },
    });
    const other = await newClient({ firstName: "Otto", lastName: "Ohnenummer" });
    expect(
      await errorOf(clerk.eid.readCard({ clientId: other, version: await versionOf(other), card: JEFFIN })),
    ).toMatchObject({
      code: "DUPLICATE",
      params: { messageKey: "eid.nationalIdTaken" },
    });
    expect(
      await appCodeOf(clerk.eid.applyChanges({ clientId: id, version: await versionOf(id), card, fields: [] })),
    ).toBe("INVALID_INPUT");
  });
});

describe("photo and eID info box", () => {
  let id: number;
  beforeAll(async () => {
    ({ id } = await clerk.eid.createClient({ card: holder(59, "Fotograf", "Franz"), confirmSimilar: true }));
  });

  it("serves the photo within the centre only", async () => {
    expect((await clerk.eid.photo({ clientId: id })).dataUrl).toMatch(/^data:image\/jpeg;base64,\/9j\//);
    const plain = await newClient({ firstName: "Ohne", lastName: "Foto" });
    expect((await clerk.eid.photo({ clientId: plain })).dataUrl).toBeNull();
    expect(await appCodeOf(foreign.eid.photo({ clientId: id }))).toBe("NOT_FOUND");
  });

  it("names the card and asks to read it when a coached client's card is expired or missing", async () => {
    const info = await clerk.eid.infoBox({ clientId: id });
    expect(info).toMatchObject({
      cardNumber: "592382784772",
      cardType: "01",
      issuer: "Helsinki",
      mustRead: false,
      mustReadText: null,
    });
    expect(info.lines).toHaveLength(3);
    const h = tenantHandle(eupen);
    await h.db
      .update(h.t.partners)
      .set({ clientState: "30", cardValidUntil: "2020-01-01" })
      .where(eq(h.t.partners.id, id));
    expect(await clerk.eid.infoBox({ clientId: id })).toMatchObject({
      expired: true,
      mustRead: true,
      mustReadText: expect.any(String),
    });
    const coached = await newClient({ firstName: "Kein", lastName: "Ausweis" });
    await h.db.update(h.t.partners).set({ clientState: "30" }).where(eq(h.t.partners.id, coached));
    expect(await clerk.eid.infoBox({ clientId: coached })).toMatchObject({
      cardNumber: null,
      lines: [],
      mustRead: true,
    });
    expect(await appCodeOf(foreign.eid.infoBox({ clientId: id }))).toBe("NOT_FOUND");
  });
});

describe("eID access", () => {
  it("refuses a session of another centre and clients of another centre, for every procedure", async () => {
    const { claims } = await newUser(eupen, "210");
    const visitor = await callerOn(centreHost(chatelet.slug), {}, claims);
    const id = await newClient({ firstName: "Grenz", lastName: "Gänger" });
    const version = await versionOf(id);
    // Thunks: each call starts only when checked.
    const calls = (c: Caller) => [
      () => c.eid.lookup({ card: JEFFIN }),
      () => c.eid.createClient({ card: holder(61, "Grenz", "Gänger"), confirmSimilar: true }),
      () => c.eid.readCard({ clientId: id, version, card: JEFFIN }),
      () => c.eid.applyChanges({ clientId: id, version, card: JEFFIN, fields: [] }),
      () => c.eid.photo({ clientId: id }),
      () => c.eid.infoBox({ clientId: id }),
    ];
    for (const call of calls(visitor)) expect(await appCodeOf(call())).toBe("UNAUTHORIZED");
    // A clerk of Châtelet does not reach Eupen's client with its id.
    for (const call of calls(foreign).slice(2)) expect(await appCodeOf(call())).toBe("NOT_FOUND");
  });

  it("lets card readers (BeIdUser) read cards, and whoever may see clients see the photo and info box", async () => {
    const id = await newClient({ firstName: "Rolle", lastName: "Rechte" });
    const version = await versionOf(id);
    for (const userType of USER_TYPES) {
      const caller = await signedInCaller(eupen, userType);
      const reader = hasRole(userType, "BeIdUser");
      // Anonymous (000) has no session at all.
      const refused = userType === "000" ? "UNAUTHORIZED" : "FORBIDDEN";
      const expected = (ok: string) => (reader ? ok : refused);
      expect(await appCodeOf(caller.eid.lookup({ card: JEFFIN })), userType).toBe(expected("resolved"));
      expect(await appCodeOf(caller.eid.createClient({ card: JEFFIN, confirmSimilar: true })), userType).toBe(
        expected("DUPLICATE"),
      );
      expect(
        await appCodeOf(
          caller.eid.readCard({ clientId: id, version, card: { ...JEFFIN, national_number: "12345678901" } }),
        ),
        userType,
      ).toBe(expected("INVALID_INPUT"));
      expect(
        await appCodeOf(caller.eid.applyChanges({ clientId: id, version: version + 100, card: JEFFIN, fields: [] })),
        userType,
      ).toBe(expected("STALE_EDIT"));
      const viewer = hasRole(userType, "SimpleContactsUser");
      expect(await appCodeOf(caller.eid.photo({ clientId: id })), userType).toBe(viewer ? "resolved" : refused);
      expect(await appCodeOf(caller.eid.infoBox({ clientId: id })), userType).toBe(viewer ? "resolved" : refused);
    }
  });
});
