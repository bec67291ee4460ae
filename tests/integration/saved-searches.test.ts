// Saved searches (issue 17 item 7, beyond Lino): a user's named filters, sort and columns of a grid,
// private to that user and to the centre; opened as a list's state; refused input is a 400.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USER_TYPES } from "@/server/auth/user-types";
import { closePools } from "@/server/db/pool";
import { MAX_SAVED_SEARCHES } from "@/server/preferences/saved-searches";
import type { Tenant } from "@/server/tenancy/registry";
import { newClient, newStaff } from "./factories";
import { errorAsSent, newCentre } from "./helpers";

afterAll(closePools);

/** The HTTP status and application code of a refused call, as the browser receives them. */
const sent = async (call: Promise<unknown>) => {
  try {
    await call;
    return "resolved";
  } catch (e) {
    const data = errorAsSent(e);
    return `${data.httpStatus} ${data.appCode}`;
  }
};

type Staff = Awaited<ReturnType<typeof newStaff>>;
const RESOURCE = "integ.clients";
const search = (name: string, filters: Record<string, unknown> = {}) => ({
  name,
  state: { filters, sort: [{ field: "name", dir: "asc" as const }], q: "Gespeichert" },
  columns: ["name", "contractKind", "nationalId"],
});

let centre: Tenant;
let other: Tenant;
let ann: Staff;
let ben: Staff;
let foreign: Staff;

beforeAll(async () => {
  [centre, other] = await Promise.all([newCentre("saved-searches"), newCentre("saved-searches-other")]);
  [ann, ben, foreign] = await Promise.all([newStaff(centre, "100"), newStaff(centre, "100"), newStaff(other, "100")]);
});

describe("saved searches", () => {
  it("are saved, listed by name, replaced under the same name, and open as the list's state", async () => {
    await ann.caller.preferences.saveSearch({ resource: RESOURCE, search: search("Verfügbar", { available: true }) });
    await ann.caller.preferences.saveSearch({ resource: RESOURCE, search: search("Alle", { coachedBy: null }) });
    await ann.caller.preferences.saveSearch({
      resource: RESOURCE,
      search: search("Alle", { coachedBy: null, gender: "F" }),
    });
    const mine = await ann.caller.preferences.searches({ resource: RESOURCE });
    expect(mine.map((s) => s.name)).toEqual(["Alle", "Verfügbar"]);
    expect(mine[0]).toEqual(search("Alle", { coachedBy: null, gender: "F" }));
    // Opening one: its state is a list's state like any other.
    const client = await newClient(centre, { firstName: "Greta", lastName: "Gespeichert", gender: "F" });
    const rows = await ann.caller.resources.list({
      resource: RESOURCE,
      state: { page: 1, pageSize: 10, ...mine[0]!.state },
    });
    expect(rows.rows.map((r) => Number(r.id))).toEqual([client]);
  });

  it("are renamed and deleted; a taken name or an unknown search is refused", async () => {
    await ann.caller.preferences.renameSearch({ resource: RESOURCE, name: "Verfügbar", to: "Ohne Vertrag" });
    expect((await ann.caller.preferences.searches({ resource: RESOURCE })).map((s) => s.name)).toEqual([
      "Alle",
      "Ohne Vertrag",
    ]);
    expect(
      await sent(ann.caller.preferences.renameSearch({ resource: RESOURCE, name: "Alle", to: "Ohne Vertrag" })),
    ).toBe("400 INVALID_INPUT");
    expect(await sent(ann.caller.preferences.renameSearch({ resource: RESOURCE, name: "Nichts", to: "Etwas" }))).toBe(
      "404 NOT_FOUND",
    );
    await ann.caller.preferences.deleteSearch({ resource: RESOURCE, name: "Alle" });
    expect((await ann.caller.preferences.searches({ resource: RESOURCE })).map((s) => s.name)).toEqual([
      "Ohne Vertrag",
    ]);
    expect(await sent(ann.caller.preferences.deleteSearch({ resource: RESOURCE, name: "Alle" }))).toBe("404 NOT_FOUND");
  });

  it("are the user's own: a colleague neither sees, renames nor deletes them", async () => {
    expect(await ben.caller.preferences.searches({ resource: RESOURCE })).toEqual([]);
    expect(await sent(ben.caller.preferences.renameSearch({ resource: RESOURCE, name: "Ohne Vertrag", to: "X" }))).toBe(
      "404 NOT_FOUND",
    );
    expect(await sent(ben.caller.preferences.deleteSearch({ resource: RESOURCE, name: "Ohne Vertrag" }))).toBe(
      "404 NOT_FOUND",
    );
    // The same name is free for the colleague, and stays apart.
    await ben.caller.preferences.saveSearch({ resource: RESOURCE, search: search("Ohne Vertrag", { gender: "M" }) });
    expect((await ann.caller.preferences.searches({ resource: RESOURCE }))[0]!.state.filters).toEqual({
      available: true,
    });
  });

  it("are the centre's own: another centre's user sees none of them", async () => {
    expect(await foreign.caller.preferences.searches({ resource: RESOURCE })).toEqual([]);
    expect(await sent(foreign.caller.preferences.deleteSearch({ resource: RESOURCE, name: "Ohne Vertrag" }))).toBe(
      "404 NOT_FOUND",
    );
    expect((await ann.caller.preferences.searches({ resource: RESOURCE })).map((s) => s.name)).toEqual([
      "Ohne Vertrag",
    ]);
  });

  it("are kept per grid, for grids the user may list only", async () => {
    expect(await ann.caller.preferences.searches({ resource: "geo.places" })).toEqual([]);
    expect(await sent(ann.caller.preferences.searches({ resource: "nope.nothing" }))).toBe("400 INVALID_INPUT");
    const reception = await newStaff(centre, "210");
    expect(await sent(reception.caller.preferences.searches({ resource: RESOURCE }))).toBe("403 FORBIDDEN");
    expect(await sent(reception.caller.preferences.saveSearch({ resource: RESOURCE, search: search("X") }))).toBe(
      "403 FORBIDDEN",
    );
  });

  it("refuse malformed input with a 400 and keep what was saved", async () => {
    const bad = [
      { resource: RESOURCE, search: { ...search("X"), name: "" } },
      { resource: RESOURCE, search: { ...search("X"), name: "x".repeat(81) } },
      { resource: RESOURCE, search: { ...search("X"), state: { filters: {}, sort: [{ field: "name", dir: "up" }] } } },
      { resource: RESOURCE, search: { ...search("X"), state: { filters: { big: "x".repeat(70_000) } } } },
      { resource: "x".repeat(65), search: search("X") },
    ];
    for (const input of bad)
      expect(await sent(ann.caller.preferences.saveSearch(input as never)), JSON.stringify(input).slice(0, 80)).toBe(
        "400 INVALID_INPUT",
      );
    for (let i = 0; i < MAX_SAVED_SEARCHES - 1; i++)
      await ann.caller.preferences.saveSearch({ resource: "geo.places", search: search(`S${i}`) });
    await ann.caller.preferences.saveSearch({ resource: "geo.places", search: search("Last") });
    expect(
      await sent(ann.caller.preferences.saveSearch({ resource: "geo.places", search: search("One too many") })),
    ).toBe("400 INVALID_INPUT");
    // Replacing one under its name is still possible at the limit.
    await ann.caller.preferences.saveSearch({ resource: "geo.places", search: search("Last", { kind: "x" }) });
    expect(await ann.caller.preferences.searches({ resource: "geo.places" })).toHaveLength(MAX_SAVED_SEARCHES);
    expect((await ann.caller.preferences.searches({ resource: RESOURCE })).map((s) => s.name)).toEqual([
      "Ohne Vertrag",
    ]);
  });

  it("every user type saves and reads its own on a grid it may list", async () => {
    for (const userType of USER_TYPES) {
      if (userType === "000") continue;
      const user = await newStaff(centre, userType);
      await user.caller.preferences.saveSearch({ resource: "geo.places", search: search(`Mine ${userType}`) });
      expect((await user.caller.preferences.searches({ resource: "geo.places" })).map((s) => s.name)).toEqual([
        `Mine ${userType}`,
      ]);
    }
  });
});
