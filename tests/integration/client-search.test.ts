import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { nissSearchVariants } from "@/server/clients/rules/niss";
import { wordSearch } from "@/server/resources/fields";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newCentre, signedInCaller } from "./helpers";

// The quick search of clients runs on one trigram-indexed text (db/tenant/contacts.ts), folded
// (accents and case aside); it must find exactly the rows the plain search over each column
// finds, whatever the user types.
let centre: Tenant;
let agent: Awaited<ReturnType<typeof signedInCaller>>;
const ids: Record<string, number> = {};

/** The plain search: each word in any of the searched columns (folded), or the id. */
const columnSearch = wordSearch(
  (t) => [
    t.partners.prefix,
    t.partners.name,
    t.partners.phone,
    t.partners.gsm,
    t.partners.email,
    t.partners.street,
    t.partners.vatId,
    t.partners.nationalId,
  ],
  (t) => [t.partners.id],
  nissSearchVariants,
);

async function byColumns(q: string): Promise<number[]> {
  const { db, t } = tenantHandle(centre);
  const rows = await db
    .select({ id: t.partners.id })
    .from(t.partners)
    .where(sql`${t.partners.isClient} and ${columnSearch(q, t)}`)
    .orderBy(t.partners.id);
  return rows.map((r) => r.id);
}

async function byApp(q: string): Promise<number[]> {
  const { rows, total } = await agent.resources.list({
    resource: "clients.clients",
    state: { page: 1, pageSize: 200, sort: [{ field: "id", dir: "asc" }], filters: { hideObsolete: null }, q },
  });
  expect(total).toBe(rows.length);
  return rows.map((r) => r.__id as number);
}

beforeAll(async () => {
  centre = await newCentre("search"); // a training centre: its ~60 demo clients are searched too
  agent = await signedInCaller(centre, "200");
  const clients = {
    accents: { firstName: "Anaïs", lastName: "Éloïse-Müller", nationalId: "680601 053-29" },
    percent: { firstName: "Per_cent", lastName: "Zz100%" },
    street: { firstName: "Stella", lastName: "Strasser" },
  };
  for (const [key, values] of Object.entries(clients)) {
    ids[key] = (await agent.resources.create({ resource: "clients.clients", values, confirmed: true })).id as number;
  }
  const { db, t } = tenantHandle(centre);
  await db
    .update(t.partners)
    .set({ street: "Rue de l'Église", gsm: "+32 470 12 34 56", email: "stella@example.org" })
    .where(sql`${t.partners.id} = ${ids.street}`);
  await db
    .update(t.partners)
    .set({ phone: "087 55 66 77" })
    .where(sql`${t.partners.id} = ${ids.accents}`);
});

describe("client quick search on the trigram index", () => {
  const inputs = [
    "Éloïse",
    "éloïse",
    "ELOÏSE",
    "eloise",
    "müller",
    "Élo mül",
    "ana éloïse",
    "anaïs nobody", // accents, case, several words
    "680601",
    "680601 053",
    "680601 053-29",
    "68060105329",
    "68.06.01-053.29",
    "053-29", // national number, with and without separators
    "087",
    "55 66",
    "+32",
    "470 12",
    "Église",
    "l'Église",
    "rue de", // phone, GSM, street
    "Zz100%",
    "100%",
    "%",
    "_",
    "Per_cent",
    "\\", // LIKE wildcards typed by the user are plain characters
    "a",
    "dorothée",
    "dorothee",
    "DOROTHEE",
    "dor",
    "Do Do",
    "e e e", // short and repeated words, the demo's look-alikes
    "eglise",
    "EGLISE 34",
    "muller",
    "ß",
    "̈", // accents and case folded on both sides
    "stella@example",
    "example.org", // e-mail
  ];

  it("finds the same clients as a search over each column", async () => {
    for (const q of inputs) expect([q, await byApp(q)]).toEqual([q, await byColumns(q)]);
  });

  it("finds what a clerk expects for the tricky inputs", async () => {
    expect(await byApp("éloïse mül")).toEqual([ids.accents]);
    expect(await byApp("eloise mul")).toEqual([ids.accents]);
    expect(await byApp("ANAIS")).toEqual([ids.accents]);
    expect(await byApp("680601 053-29")).toEqual([ids.accents]);
    // A national number typed without the stored separators, or with the printed ones, or its start.
    expect(await byApp("68060105329")).toEqual([ids.accents]);
    expect(await byApp("68.06.01-053.29")).toEqual([ids.accents]);
    expect(await byApp("680601053")).toEqual([ids.accents]);
    expect(await byApp("100%")).toEqual([ids.percent]);
    expect(await byApp("église 34")).toEqual([ids.street]);
    expect((await byApp("dorothée")).length).toBe(3);
  });

  it("matches #id and numbers on the id only as before", async () => {
    const id = ids.street!;
    for (const q of [`#${id}`, String(id), `#${id} strasser`, `#${id} nobody`, "#", "#abc", `${id} ${ids.accents}`]) {
      expect([q, await byApp(q)]).toEqual([q, await byColumns(q)]);
    }
    expect(await byApp(`#${id}`)).toEqual([id]);
  });
});
