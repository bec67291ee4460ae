// The client lists' contract filters and the integration list's contract columns (issue 17 items 2, 7;
// domain-integ-money §2.2, domain-people §3.5–3.6), on hand-computed cases: touching dates, open
// ends, a contract ended early, a period in the past ("who had a PIIS on 12 March 2025"), and
// "available"; combined with the lists' other filters; one centre's contracts never another's.
import { eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { filterSummary } from "@/lib/filter-summary";
import de from "@/messages/de.json";
import fr from "@/messages/fr.json";
import { closePools } from "@/server/db/pool";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient, newCoaching, newStaff } from "./factories";
import { appCodeOf, newCentre } from "./helpers";

afterAll(closePools);

type Staff = Awaited<ReturnType<typeof newStaff>>;
const SURNAME = "Vertragsprobe";
const NAMES = ["Anna", "Bruno", "Chloé", "David", "Emma", "Frank"] as const;
type Name = (typeof NAMES)[number];
const state = (filters: Record<string, unknown>, q = SURNAME) => ({
  page: 1,
  pageSize: 50,
  sort: [{ field: "name", dir: "asc" as const }],
  filters: { coachedBy: null, ...filters },
  q,
});

let centre: Tenant;
let other: Tenant;
let agent: Staff;
let social: Staff;
let foreignAgent: Staff;
const c = {} as Record<Name, number>;

const found = async (resource: string, filters: Record<string, unknown>, who: Staff = agent) =>
  (await who.caller.resources.list({ resource, state: state(filters) })).rows.map((r) =>
    NAMES.find((name) => c[name] === Number(r.id)),
  );

beforeAll(async () => {
  [centre, other] = await Promise.all([newCentre("integ-clients"), newCentre("integ-clients-other")]);
  [agent, social, foreignAgent] = await Promise.all([
    newStaff(centre, "100"),
    newStaff(centre, "400"),
    newStaff(other, "100"),
  ]);
  for (const name of NAMES)
    c[name] = await newClient(centre, { firstName: name, lastName: SURNAME, gender: name === "Bruno" ? "M" : "F" });
  for (const name of NAMES) await newCoaching(centre, c[name], agent.id, { startDate: "2024-01-01" });
  const h = tenantHandle(centre);
  const [type] = await h.db.select().from(h.t.isipContractTypes).where(eq(h.t.isipContractTypes.ref, "vseb"));
  const contract = (client: number, appliesFrom: string, appliesUntil: string | null, dateEnded = appliesUntil) =>
    h.db
      .insert(h.t.isipContracts)
      .values({ clientId: client, typeId: type!.id, userId: agent.id, appliesFrom, appliesUntil, dateEnded });
  // Anna: until 12 March 2025 (the touching day). Bruno: from 12 March 2025, open-ended.
  await contract(c.Anna, "2025-01-01", "2025-03-12");
  await contract(c.Bruno, "2025-03-12", null);
  // Chloé: planned until June, effectively ended on 11 March. David: from 13 March to the year's end.
  await contract(c.Chloé, "2025-01-01", "2025-06-30", "2025-03-11");
  await contract(c.David, "2025-03-13", "2025-12-31");
  // Emma: none. Frank: two open contracts at once (inserted past the overlap rule): no single "active contract".
  await contract(c.Frank, "2025-01-01", null);
  await contract(c.Frank, "2025-02-01", null);
});

const isip = (period: { from?: string; to?: string }, more: Record<string, unknown> = {}) => ({
  activeContract: "isip",
  period,
  ...more,
});

describe("the contract filters of the client lists", () => {
  it("who had a PIIS on 12 March 2025: the one ending that day and the one starting it", async () => {
    expect(await found("integ.clients", isip({ from: "2025-03-12" }))).toEqual(["Anna", "Bruno", "Frank"]);
    // An empty start takes the end.
    expect(await found("integ.clients", isip({ to: "2025-03-12" }))).toEqual(["Anna", "Bruno", "Frank"]);
  });

  it("an effective end before the planned one ends the contract; a later start is not yet active", async () => {
    expect(await found("integ.clients", isip({ from: "2025-03-11", to: "2025-03-11" }))).toEqual([
      "Anna",
      "Chloé",
      "Frank",
    ]);
    expect(await found("integ.clients", isip({ from: "2025-03-13", to: "2025-03-13" }))).toEqual([
      "Bruno",
      "David",
      "Frank",
    ]);
    // A period overlapping all of them.
    expect(await found("integ.clients", isip({ from: "2025-03-11", to: "2025-03-13" }))).toEqual([
      "Anna",
      "Bruno",
      "Chloé",
      "David",
      "Frank",
    ]);
  });

  it("today by default: only the open-ended contracts are still active (the others ended in 2025)", async () => {
    expect(await found("integ.clients", { activeContract: "isip" })).toEqual(["Bruno", "Frank"]);
    expect(await found("integ.clients", { available: true })).toEqual(["Anna", "Chloé", "David", "Emma"]);
  });

  it("available: none of the contracts active in the period", async () => {
    expect(await found("integ.clients", { available: true, period: { from: "2025-03-12" } })).toEqual([
      "Chloé",
      "David",
      "Emma",
    ]);
    expect(await found("integ.clients", { available: true, period: { from: "2026-01-01", to: "2026-01-31" } })).toEqual(
      ["Anna", "Chloé", "David", "Emma"],
    );
    expect(await found("integ.clients", { available: false, period: { from: "2025-03-12" } })).toHaveLength(6);
  });

  it("combine with the lists' other filters", async () => {
    expect(await found("integ.clients", isip({ from: "2025-03-12" }, { gender: "M" }))).toEqual(["Bruno"]);
    expect(await found("integ.clients", { available: true, period: { from: "2025-03-11" }, gender: "F" })).toEqual([
      "David",
      "Emma",
    ]);
    // Coached by the agent in the period (the coachings began in 2024), with an active contract.
    expect(await found("integ.clients", isip({ from: "2025-03-13" }, { coachedBy: agent.id }))).toEqual([
      "Bruno",
      "David",
      "Frank",
    ]);
    expect(await found("integ.clients", isip({ from: "2023-06-01" }, { coachedBy: agent.id }))).toEqual([]);
  });

  it("are offered on the other client tables of the family too", async () => {
    expect(await found("clients.coached", isip({ from: "2025-03-12" }), social)).toEqual(["Anna", "Bruno", "Frank"]);
    expect(await found("clients.clients", { available: true, period: { from: "2025-03-13" } }, social)).toEqual([
      "Anna",
      "Chloé",
      "Emma",
    ]);
  });

  it("name the kind and the period in the list's title, in the reader's language", async () => {
    const meta = await agent.caller.resources.meta({ resource: "integ.clients" });
    const shown = meta.filters.filter((f) => ["activeContract", "period", "available"].includes(f.name));
    const values = { activeContract: "isip", period: { from: "2025-03-12", to: "2025-03-31" } };
    const summary = (locale: "fr" | "de", messages: object) => {
      const translator = createTranslator({ locale, messages });
      return filterSummary(shown, values, {}, { locale, t: (key, v) => translator(key as never, v as never) });
    };
    // In the order the filters are declared: the list's period, then the contract kind.
    expect(summary("fr", fr)).toEqual(["Période du 12/03/2025 au 31/03/2025", "Contrat actif : PIIS"]);
    expect(summary("de", de)).toEqual(["Zeitraum vom 12.03.2025 bis 31.03.2025", "Aktiver Vertrag: VSE"]);
  });

  it("refuse a kind that does not exist with a 400", async () => {
    expect(await appCodeOf(found("integ.clients", { activeContract: "nope" }))).toBe("INVALID_INPUT");
    expect(await appCodeOf(found("integ.clients", isip({ from: "2025-02-30" })))).toBe("INVALID_INPUT");
  });

  it("never reach another centre's contracts", async () => {
    const none = await foreignAgent.caller.resources.list({
      resource: "integ.clients",
      state: state(isip({ from: "2025-03-12" })),
    });
    expect(none.rows).toEqual([]);
  });
});

describe("the integration list's contract columns", () => {
  it("show the kind, start, end and company of the one contract active today, none for 0 or several", async () => {
    const { rows } = await agent.caller.resources.list({ resource: "integ.clients", state: state({}) });
    const byName = Object.fromEntries(
      rows.map((r) => [
        NAMES.find((name) => c[name] === Number(r.id)),
        [r.contractKind, r.contractFrom, r.contractUntil, r.contractCompany],
      ]),
    );
    expect(byName).toEqual({
      Anna: [null, null, null, null],
      Bruno: ["isip", "2025-03-12", null, null],
      Chloé: [null, null, null, null],
      David: [null, null, null, null],
      Emma: [null, null, null, null],
      Frank: [null, null, null, null],
    });
    const meta = await agent.caller.resources.meta({ resource: "integ.clients" });
    expect(meta.columns.slice(0, 5)).toEqual([
      "name",
      "contractKind",
      "contractFrom",
      "contractUntil",
      "contractCompany",
    ]);
  });
});
