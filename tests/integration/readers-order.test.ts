import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { compareText } from "@/lib/format";
import { resolveSessionUser } from "@/server/auth/session";
import type { ResourceCtx } from "@/server/resources/define";
import { registry } from "@/server/areas";
import { readPage } from "@/server/resources/service";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { callerOn, centreHost, newCentre, newUser } from "./helpers";

// Lists sort names as the reader's language does and the quick search ignores accents and case,
// the same on PostgreSQL and on the embedded PGlite (the suite runs on both); dates a user sends
// are checked against the calendar before they reach the database.

let centre: Tenant;
let clerk: Awaited<ReturnType<typeof callerOn>>;
const ids: Record<string, number> = {};
const state = (over: Record<string, unknown> = {}) => ({
  page: 1,
  pageSize: 100,
  sort: [],
  filters: { hideObsolete: null },
  q: "",
  ...over,
});

// Last names as the centres meet them; the first names tell them apart.
const PEOPLE: [string, string][] = [
  ["Östges", "Olga"],
  ["Ogden", "Oscar"],
  ["Oz", "Otto"],
  ["Gérard", "Gaston"],
  ["Goffin", "Gilles"],
  ["gerard", "Gina"],
  ["van Damme", "Victor"],
  ["Vandamme", "Vera"],
  ["Zorro", "Zoé"],
  ["Dorothée", "Dora"],
  ["Dorothee", "Dirk"],
  ["Straße", "Sepp"],
  ["Çelik", "Can"],
  ["Celik", "Cem"],
  ["Łukasz", "Lena"],
  ["Müller", "Max"],
  ["Mueller", "Mia"],
  ["Muller", "Marc"],
];

beforeAll(async () => {
  centre = await newCentre("order", "production");
  const { claims } = await newUser(centre, "210", { language: "de" });
  clerk = await callerOn(centreHost(centre.slug), {}, claims);
  for (const [lastName, firstName] of PEOPLE) {
    ids[lastName] = (
      await clerk.resources.create({ resource: "clients.clients", values: { firstName, lastName }, confirmed: true })
    ).id as number;
  }
});

const clientNames = async (over: Record<string, unknown>) =>
  (await clerk.resources.list({ resource: "clients.clients", state: state(over) })).rows.map(
    (r) => PEOPLE.find(([last]) => ids[last] === r.__id)?.[0],
  );

describe("the order of lists", () => {
  it("sorts clients by name as French, Dutch, German and English readers sort them", async () => {
    const shown = await clientNames({ sort: [{ field: "name", dir: "asc" }] });
    // partners.name is "last first": the reader's order of those.
    const byName = (locale: "fr" | "nl" | "de" | "en") =>
      [...PEOPLE].sort(([l1, f1], [l2, f2]) => compareText(locale)(`${l1} ${f1}`, `${l2} ${f2}`)).map(([l]) => l);
    for (const locale of ["fr", "nl", "de", "en"] as const) expect(shown).toEqual(byName(locale));
    expect(shown.indexOf("Gérard")).toBeLessThan(shown.indexOf("Goffin"));
    expect(shown.slice(shown.indexOf("Ogden"), shown.indexOf("Oz") + 1)).toEqual(["Ogden", "Östges", "Oz"]);
    expect(shown.at(-1)).toBe("Zorro");
    const descending = await clientNames({ sort: [{ field: "name", dir: "desc" }] });
    expect(descending).toEqual([...shown].reverse());
  });

  it("sorts any text column the same way (street, a column without an index of its own)", async () => {
    const h = tenantHandle(centre);
    const streets: Record<string, string> = {
      Oz: "Rue de l'Église",
      Ogden: "rue Haute",
      Zorro: "Écluse",
      Goffin: "Zeedijk",
      Vandamme: "Esplanade",
    };
    for (const [last, street] of Object.entries(streets))
      await h.db.update(h.t.partners).set({ street }).where(eq(h.t.partners.id, ids[last]!));
    const shown = (await clientNames({ sort: [{ field: "street", dir: "asc" }] })).filter((n) => n! in streets);
    expect(shown.map((n) => streets[n!])).toEqual(["Écluse", "Esplanade", "Rue de l'Église", "rue Haute", "Zeedijk"]);
  });

  it("has every reader's language agree with the one collation used (PostgreSQL with ICU; PGlite has only the root one)", async () => {
    const h = tenantHandle(centre);
    const available = await h.db.execute<{ collname: string }>(
      sql`select collname from pg_collation where collname in ('fr-BE-x-icu', 'nl-BE-x-icu', 'de-BE-x-icu', 'en-BE-x-icu')`,
    );
    const names = PEOPLE.map(([l, f]) => `${l} ${f}`);
    const values = sql.join(
      names.map((n) => sql`(${n})`),
      sql`, `,
    );
    const ordered = async (collation: string) =>
      (
        await h.db.execute<{ s: string }>(
          sql`select string_agg(x, '|' order by x collate ${sql.identifier(collation)}) as s from (values ${values}) v(x)`,
        )
      ).rows[0]!.s;
    const root = await ordered("und-x-icu");
    expect(root.split("|")).toEqual([...names].sort(compareText("fr")));
    for (const { collname } of available.rows) expect([collname, await ordered(collname)]).toEqual([collname, root]);
  });

  it("sorts every list by every sortable column without a database error", async () => {
    const h = tenantHandle(centre);
    const { user, claims } = await newUser(centre, "900");
    const reader = (await resolveSessionUser(h, centre, claims))!;
    expect(reader.id).toBe(user.id);
    for (const def of registry.resources.values()) {
      const ctx: ResourceCtx = { handle: h, user: reader, locale: "nl", registry };
      for (const [name, field] of Object.entries(def.fields)) {
        if (field.sortable === false) continue;
        const page = await readPage(ctx, def, {
          page: 1,
          pageSize: 5,
          sort: [{ field: name, dir: "asc" }],
          filters: {},
          q: "",
        }).catch((e: unknown) => e);
        expect([def.id, name, page instanceof Error ? page.message : "ok"]).toEqual([def.id, name, "ok"]);
      }
    }
  });
});

describe("the quick search", () => {
  const found = async (q: string) =>
    (await clerk.resources.list({ resource: "clients.clients", state: state({ q }) })).rows.map((r) => r.__id);

  it("ignores accents and case", async () => {
    expect(await found("gerard")).toEqual(expect.arrayContaining([ids["Gérard"], ids.gerard]));
    expect((await found("gerard")).length).toBe(2);
    expect(await found("GÉRARD gaston")).toEqual([ids["Gérard"]]);
    expect((await found("dorothee")).sort()).toEqual([ids["Dorothée"], ids.Dorothee].sort());
    expect(await found("östges")).toEqual([ids["Östges"]]);
    expect(await found("ostges")).toEqual([ids["Östges"]]);
    expect(await found("strasse")).toEqual([ids["Straße"]]);
    expect((await found("celik")).sort()).toEqual([ids["Çelik"], ids.Celik].sort());
    expect((await found("muller")).sort()).toEqual([ids["Müller"], ids.Muller].sort());
    expect(await found("zoe")).toEqual([ids.Zorro]);
  });

  it("keeps finding national numbers and #ids", async () => {
    const h = tenantHandle(centre);
    await h.db.update(h.t.partners).set({ nationalId: "680601 053-29" }).where(eq(h.t.partners.id, ids.Oz!));
    expect(await found("68060105329")).toEqual([ids.Oz]);
    expect(await found("680601 053")).toEqual([ids.Oz]);
    expect(await found(`#${ids.Oz}`)).toEqual([ids.Oz]);
  });

  it("finds clients and places in the header's search whatever the accents", async () => {
    const groups = await clerk.resources.search({ q: "dorothee" });
    const clients = groups.find((g) => g.resource === "clients.clients");
    expect(clients?.hits.map((h) => h.id).sort()).toEqual([ids["Dorothée"], ids.Dorothee].sort());
    const places = await clerk.resources.search({ q: "liege" });
    expect(places.find((g) => g.resource === "geo.places")?.hits.length).toBeGreaterThan(0);
  });
});

/** The tRPC code of a refused call: BAD_REQUEST is HTTP 400, shown as the translated INVALID_INPUT (a server failure would be INTERNAL_SERVER_ERROR). */
const trpcCodeOf = (call: Promise<unknown>) =>
  call.then(
    () => "resolved",
    (e: { code?: string }) => e.code,
  );

describe("dates a user sends", () => {
  it("refuses a day the calendar lacks with a 400, and saves nothing", async () => {
    const id = ids.Oz!;
    const before = await clerk.resources.get({ resource: "clients.clients", id });
    for (const patch of [
      { residenceUntil: "2026-02-30" },
      { inBelgiumSince: "0000-01-01" },
      { birthDate: "1995-02-30" },
      { unavailableUntil: "2026-02-30", remarks: "half a save" },
    ]) {
      expect([
        patch,
        await trpcCodeOf(
          clerk.resources.update({ resource: "clients.clients", id, version: Number(before.__version), patch }),
        ),
      ]).toEqual([patch, "BAD_REQUEST"]);
    }
    expect(await clerk.resources.get({ resource: "clients.clients", id })).toEqual(before);
    // A birth date with an unknown day or month is fine (domain-people §6).
    await clerk.resources.update({
      resource: "clients.clients",
      id,
      version: Number(before.__version),
      patch: { birthDate: "1995-07-00", residenceUntil: "2028-02-29" },
    });
    expect(await clerk.resources.get({ resource: "clients.clients", id })).toMatchObject({
      birthDate: "1995-07-00",
      residenceUntil: "2028-02-29",
    });
  });

  it("refuses such a day in a filter too, instead of failing in the database", async () => {
    for (const filters of [{ period: { from: "0000-01-01" } }, { period: { to: "2026-02-30" } }]) {
      expect(await trpcCodeOf(clerk.resources.list({ resource: "clients.clients", state: state({ filters }) }))).toBe(
        "BAD_REQUEST",
      );
    }
    expect(
      (
        await clerk.resources.list({
          resource: "clients.clients",
          state: state({ filters: { period: { from: "2024-02-29" } } }),
        })
      ).rows,
    ).toBeDefined();
  });

  it("writes the eID card's validity in the reader's format inside the sentence", async () => {
    const h = tenantHandle(centre);
    await h.db
      .update(h.t.partners)
      .set({
        cardNumber: "591413288107",
        cardType: "01",
        cardIssuer: "Eupen",
        cardValidFrom: "2019-08-19",
        cardValidUntil: "2029-08-19",
      })
      .where(eq(h.t.partners.id, ids.Ogden!));
    const info = await clerk.eid.infoBox({ clientId: ids.Ogden! });
    expect(info.lines).toContain("gültig von 19.08.2019 bis 19.08.2029");
  });
});
