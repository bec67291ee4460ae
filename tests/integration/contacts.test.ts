import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { USER_TYPES, hasRole } from "@/server/auth/user-types";
import { mirrorPrimaryAddress } from "@/server/contacts/addresses";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import type { Tenant } from "@/server/tenancy/registry";
import { createTenant } from "@/server/tenancy/lifecycle";
import { appCodeOf, callerOn, centreHost, newCentre, newUser, signedInCaller, uniqueSlug } from "./helpers";

const state = (over: Record<string, unknown> = {}) => ({
  page: 1,
  pageSize: 200,
  sort: [],
  filters: {},
  q: "",
  ...over,
});
type Caller = Awaited<ReturnType<typeof signedInCaller>>;
let eupen: Tenant;
let chatelet: Tenant;
let agent: Caller; // 100: ContactsUser
let staff: Caller; // 110: ContactsStaff

const idOf = (r: { id: string | number }) => Number(r.id);
const auditOf = async (entity: string, id: number) => {
  const h = tenantHandle(eupen);
  return h.db
    .select()
    .from(h.t.auditLog)
    .where(and(eq(h.t.auditLog.entity, entity), eq(h.t.auditLog.entityId, String(id))))
    .orderBy(h.t.auditLog.id);
};
const newPerson = async (caller: Caller, firstName: string, lastName: string) =>
  idOf(
    await caller.resources.create({
      resource: "contacts.persons",
      values: { firstName, lastName, gender: "F", language: "de" },
    }),
  );
const newOrganisation = async (caller: Caller, name: string) =>
  idOf(await caller.resources.create({ resource: "contacts.organisations", values: { name, language: "de" } }));

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("ct-eupen"), newCentre("ct-chatelet")]);
  [agent, staff] = await Promise.all([signedInCaller(eupen, "100"), signedInCaller(eupen, "110")]);
});

describe("persons and organisations", () => {
  it("derives a person's name as 'last first' on creation and on every edit, and lists clients apart on request", async () => {
    const id = await newPerson(agent, "Erna", "Emonts-Gast");
    let row = await agent.resources.get({ resource: "contacts.persons", id });
    expect(row).toMatchObject({ name: "Emonts-Gast Erna", isClient: false, language: "de", address: "" });
    await agent.resources.update({
      resource: "contacts.persons",
      id,
      version: row.__version as number,
      patch: { firstName: "Erika", birthDate: "1968-00-00" },
    });
    row = await agent.resources.get({ resource: "contacts.persons", id });
    expect(row).toMatchObject({ name: "Emonts-Gast Erika", birthDate: "1968-00-00" });
    const h = tenantHandle(eupen);
    const [stored] = await h.db
      .select({ words: h.t.partners.phoneticWords, kind: h.t.partners.kind })
      .from(h.t.partners)
      .where(eq(h.t.partners.id, id));
    expect(stored).toEqual({ kind: "person", words: ["AMNTS", "KST", "ARK"] });

    // A client is a person too; the "client" filter separates them.
    const client = idOf(
      await agent.resources.create({
        resource: "clients.clients",
        values: { firstName: "Paul", lastName: "Zufall", language: "de" },
        confirmed: true,
      }),
    );
    const names = async (isClient: boolean) =>
      (await agent.resources.list({ resource: "contacts.persons", state: state({ filters: { isClient } }) })).rows.map(
        (r) => Number(r.__id),
      );
    expect(await names(false)).toContain(id);
    expect(await names(false)).not.toContain(client);
    expect(await names(true)).toContain(client);
    // An organisation is no person: not in the list, not reachable as one.
    const org = await newOrganisation(agent, "Bäckerei Zufall");
    expect(await appCodeOf(agent.resources.get({ resource: "contacts.persons", id: org }))).toBe("NOT_FOUND");
    expect(await appCodeOf(agent.resources.get({ resource: "contacts.organisations", id }))).toBe("NOT_FOUND");
    expect(
      await appCodeOf(
        agent.resources.create({ resource: "contacts.persons", values: { firstName: "Ohne", language: "de" } }),
      ),
    ).toBe("BAD_REQUEST");
  });

  it("creates an organisation with its type, finds it by client contact type, and shows its contact persons as 'Person (Function at Company)'", async () => {
    const type = idOf(
      await staff.resources.create({
        resource: "contacts.companyTypes",
        values: { name: { fr: "Société anonyme", de: "Aktiengesellschaft" }, abbreviation: { fr: "SA", de: "AG" } },
      }),
    );
    const pharmacy = idOf(
      await staff.resources.create({
        resource: "contacts.clientContactTypes",
        values: { name: { fr: "Pharmacie", de: "Apotheke", en: "Pharmacy" } },
      }),
    );
    const director = idOf(
      await staff.resources.create({
        resource: "contacts.roleTypes",
        values: { name: { fr: "Directeur", de: "Direktor", en: "Director" }, canSign: true },
      }),
    );
    const org = idOf(
      await agent.resources.create({
        resource: "contacts.organisations",
        values: { name: "Apotheke Ausdemwald", type, vatId: "BE0123.456.789", language: "de" },
      }),
    );
    let row = await agent.resources.get({ resource: "contacts.organisations", id: org });
    await agent.resources.update({
      resource: "contacts.organisations",
      id: org,
      version: row.__version as number,
      patch: { clientContactType: pharmacy, url: "https://ausdemwald.example.org" },
    });
    row = await agent.resources.get({ resource: "contacts.organisations", id: org });
    expect(row).toMatchObject({
      name: "Apotheke Ausdemwald",
      type: { id: type, label: { de: "Aktiengesellschaft" } },
      clientContactType: { id: pharmacy },
    });
    expect(
      await appCodeOf(
        agent.resources.update({
          resource: "contacts.organisations",
          id: org,
          version: row.__version as number,
          patch: { url: "javascript:alert(1)" },
        }),
      ),
    ).toBe("BAD_REQUEST");
    const pharmacies = await agent.resources.list({
      resource: "contacts.organisations",
      state: state({ filters: { clientContactType: "apoth" } }),
    });
    // Matched in any language: the seeded pharmacy type is "Apotheke" in German too.
    expect(pharmacies.rows.map((r) => r.name).sort()).toEqual(["Apotheke Ausdemwald", "Pharmacie du Centre"]);
    const ofType = await agent.resources.list({
      resource: "contacts.organisations",
      state: state({ master: { field: "clientContactType", value: pharmacy } }),
    });
    expect(ofType.rows.map((r) => Number(r.__id))).toEqual([org]);

    const hans = await newPerson(agent, "Hans", "Altenberg");
    const role = idOf(
      await agent.resources.create({
        resource: "contacts.roles",
        values: { company: org, person: hans, type: director, startDate: "2020-01-01" },
      }),
    );
    const [byCompany] = (
      await agent.resources.list({
        resource: "contacts.roles",
        state: state({ master: { field: "company", value: org } }),
      })
    ).rows;
    expect(byCompany!.__id).toBe(role);
    const seen = await agent.resources.get({ resource: "contacts.roles", id: role });
    expect(seen.label).toMatchObject({
      en: "Hans Altenberg (Director at Apotheke Ausdemwald)",
      de: "Hans Altenberg (Direktor bei Apotheke Ausdemwald)",
      fr: "Hans Altenberg (Directeur chez Apotheke Ausdemwald)",
    });
    expect(
      (
        await agent.resources.list({
          resource: "contacts.roles",
          state: state({ master: { field: "person", value: hans } }),
        })
      ).rows.map((r) => r.__id),
    ).toEqual([role]);
    // The organisation must be one, the person a person, and the period must not end before it starts.
    expect(
      await appCodeOf(agent.resources.create({ resource: "contacts.roles", values: { company: hans, person: hans } })),
    ).toBe("INVALID_INPUT");
    expect(
      await appCodeOf(agent.resources.create({ resource: "contacts.roles", values: { company: org, person: org } })),
    ).toBe("INVALID_INPUT");
    expect(
      await appCodeOf(
        agent.resources.update({
          resource: "contacts.roles",
          id: role,
          version: seen.__version as number,
          patch: { endDate: "2019-12-31" },
        }),
      ),
    ).toBe("INVALID_INPUT");
    // A function in use cannot be deleted.
    const fn = await staff.resources.get({ resource: "contacts.roleTypes", id: director });
    expect(
      await appCodeOf(
        staff.resources.remove({ resource: "contacts.roleTypes", id: director, version: fn.__version as number }),
      ),
    ).toBe("ROW_IN_USE");
  });

  it("keeps a client's contacts: an organisation or a person of the right kind, for a client", async () => {
    const client = idOf(
      await agent.resources.create({
        resource: "clients.clients",
        values: { firstName: "Karl", lastName: "Kontakt", language: "de" },
        confirmed: true,
      }),
    );
    const org = await newOrganisation(agent, "Krankenkasse Kontakt");
    const person = await newPerson(agent, "Doris", "Doktor");
    const id = idOf(
      await agent.resources.create({
        resource: "contacts.clientContacts",
        values: { client, company: org, contactPerson: person, remark: "seit 2020" },
      }),
    );
    const rows = (
      await agent.resources.list({
        resource: "contacts.clientContacts",
        state: state({ master: { field: "client", value: client } }),
      })
    ).rows;
    expect(
      rows.map((r) => [r.__id, (r.company as { label: string }).label, (r.contactPerson as { label: string }).label]),
    ).toEqual([[id, "Krankenkasse Kontakt", `DOKTOR Doris (${person})`]]);
    expect(
      await appCodeOf(
        agent.resources.create({ resource: "contacts.clientContacts", values: { client, remark: "niemand" } }),
      ),
    ).toBe("INVALID_INPUT");
    expect(
      await appCodeOf(
        agent.resources.create({ resource: "contacts.clientContacts", values: { client: person, company: org } }),
      ),
    ).toBe("INVALID_INPUT");
    expect(
      await appCodeOf(
        agent.resources.create({ resource: "contacts.clientContacts", values: { client, company: person } }),
      ),
    ).toBe("INVALID_INPUT");
    const meta = await agent.resources.meta({ resource: "clients.clients" });
    expect(meta.detail.flatMap((tab) => tab.slaves.map((s) => s.resource))).toEqual(
      expect.arrayContaining(["contacts.clientContacts", "contacts.addresses"]),
    );
  });
});

describe("addresses", () => {
  const address = (partner: number, street: string, extra: Record<string, unknown> = {}) =>
    agent.resources.create({
      resource: "contacts.addresses",
      values: { partner, addressType: "01", street, streetNo: "5", zipCode: "4700", ...extra },
    });
  const partnerRow = async (id: number) => {
    const h = tenantHandle(eupen);
    const [row] = await h.db.select().from(h.t.partners).where(eq(h.t.partners.id, id));
    return row!;
  };
  const addressesOf = async (partner: number) =>
    (
      await agent.resources.list({
        resource: "contacts.addresses",
        state: state({ master: { field: "partner", value: partner } }),
      })
    ).rows;

  it("makes the first address primary and mirrors it into the partner, audited with the address", async () => {
    const person = await newPerson(agent, "Anna", "Adresse");
    const first = idOf(await address(person, "Klosterstraße"));
    expect((await addressesOf(person)).map((a) => [a.__id, a.primary])).toEqual([[first, true]]);
    expect(await partnerRow(person)).toMatchObject({ street: "Klosterstraße", streetNo: "5", zipCode: "4700" });
    expect((await agent.resources.get({ resource: "contacts.persons", id: person })).address).toContain(
      "Klosterstraße 5",
    );
    expect((await auditOf("contacts.addresses", first)).map((a) => a.action)).toEqual(["contacts.addresses.create"]);
    expect((await auditOf("contacts.persons", person)).map((a) => [a.action, a.changes.street])).toContainEqual([
      "contacts.persons.update",
      { from: "", to: "Klosterstraße" },
    ]);

    // A second address stays secondary until it is marked primary; then it replaces the first.
    const second = idOf(await address(person, "Hufengasse", { addressType: "03" }));
    expect((await partnerRow(person)).street).toBe("Klosterstraße");
    const row = await agent.resources.get({ resource: "contacts.addresses", id: second });
    await agent.resources.update({
      resource: "contacts.addresses",
      id: second,
      version: row.__version as number,
      patch: { primary: true },
    });
    expect((await addressesOf(person)).map((a) => [a.__id, a.primary])).toEqual([
      [second, true],
      [first, false],
    ]);
    expect(await partnerRow(person)).toMatchObject({ street: "Hufengasse" });
    expect((await auditOf("contacts.addresses", first)).map((a) => a.changes)).toContainEqual({
      primary: { from: true, to: false },
    });

    // Editing the primary address edits the partner's; a stale edit changes nothing.
    const primary = await agent.resources.get({ resource: "contacts.addresses", id: second });
    await agent.resources.update({
      resource: "contacts.addresses",
      id: second,
      version: primary.__version as number,
      patch: { streetNo: "12" },
    });
    expect((await partnerRow(person)).streetNo).toBe("12");
    expect(
      await appCodeOf(
        agent.resources.update({
          resource: "contacts.addresses",
          id: second,
          version: primary.__version as number,
          patch: { streetNo: "99" },
        }),
      ),
    ).toBe("STALE_EDIT");
    expect((await partnerRow(person)).streetNo).toBe("12");
  });

  it("refuses to delete or unmark the primary address, deletes a secondary one, and saves nothing of a bad address", async () => {
    const org = await newOrganisation(agent, "Garage Adresse");
    const first = idOf(await address(org, "Gospert"));
    const second = idOf(await address(org, "Hütte"));
    const primary = await agent.resources.get({ resource: "contacts.addresses", id: first });
    expect(
      await appCodeOf(
        agent.resources.remove({ resource: "contacts.addresses", id: first, version: primary.__version as number }),
      ),
    ).toBe("PRIMARY_ADDRESS_REQUIRED");
    expect(
      await appCodeOf(
        agent.resources.update({
          resource: "contacts.addresses",
          id: first,
          version: primary.__version as number,
          patch: { primary: false },
        }),
      ),
    ).toBe("PRIMARY_ADDRESS_REQUIRED");
    expect((await addressesOf(org)).map((a) => [a.__id, a.primary])).toEqual([
      [first, true],
      [second, false],
    ]);
    expect((await partnerRow(org)).street).toBe("Gospert");
    const secondary = await agent.resources.get({ resource: "contacts.addresses", id: second });
    await agent.resources.remove({
      resource: "contacts.addresses",
      id: second,
      version: secondary.__version as number,
    });
    expect((await addressesOf(org)).map((a) => a.__id)).toEqual([first]);

    // A place that does not exist: neither the address, nor a change of the partner, nor an audit row.
    const before = (await tenantHandle(eupen).db.select().from(tenantHandle(eupen).t.auditLog)).length;
    expect(await appCodeOf(address(org, "Nirgendwo", { place: 999_999, primary: true }))).toBe("INVALID_INPUT");
    expect((await addressesOf(org)).map((a) => a.__id)).toEqual([first]);
    expect((await partnerRow(org)).street).toBe("Gospert");
    expect((await tenantHandle(eupen).db.select().from(tenantHandle(eupen).t.auditLog)).length).toBe(before);
  });

  it("mirrorPrimaryAddress repairs a partner row that drifted from its primary address, audited under the partner's own resource", async () => {
    const client = idOf(
      await agent.resources.create({
        resource: "clients.clients",
        values: { firstName: "Dora", lastName: "Drift", language: "de" },
        confirmed: true,
      }),
    );
    await address(client, "Rotenberg");
    const h = tenantHandle(eupen);
    await h.db.update(h.t.partners).set({ street: "Falsch" }).where(eq(h.t.partners.id, client));
    const changes = await h.db.transaction((tx) => mirrorPrimaryAddress(tx, h.t, client));
    expect(changes).toEqual({ street: { from: "Falsch", to: "Rotenberg" } });
    expect((await partnerRow(client)).street).toBe("Rotenberg");
    const audited = await auditOf("clients.clients", client);
    expect(audited.at(-1)).toMatchObject({
      action: "clients.clients.update",
      actor: "addresses",
      changes: { street: { from: "Falsch", to: "Rotenberg" } },
    });
    expect(await h.db.transaction((tx) => mirrorPrimaryAddress(tx, h.t, client))).toEqual({});
  });

  it("an address edited on the client's own form goes into its primary address, or a new official one, audited", async () => {
    const h = tenantHandle(eupen);
    const addressesOf = (partner: number) =>
      h.db.select().from(h.t.addresses).where(eq(h.t.addresses.partnerId, partner));
    const client = idOf(
      await agent.resources.create({
        resource: "clients.clients",
        values: { firstName: "Ella", lastName: "Formular", language: "de" },
        confirmed: true,
      }),
    );
    expect(await addressesOf(client)).toEqual([]);
    let row = await agent.resources.get({ resource: "clients.clients", id: client });
    await agent.resources.update({
      resource: "clients.clients",
      id: client,
      version: row.__version as number,
      patch: { street: "Haasstraße", streetNo: "3", zipCode: "4700" },
    });
    const [created] = await addressesOf(client);
    expect(created).toMatchObject({
      street: "Haasstraße",
      streetNo: "3",
      zipCode: "4700",
      primary: true,
      addressType: "01",
    });
    expect((await auditOf("contacts.addresses", created!.id)).map((a) => a.action)).toEqual([
      "contacts.addresses.create",
    ]);

    row = await agent.resources.get({ resource: "clients.clients", id: client });
    await agent.resources.update({
      resource: "clients.clients",
      id: client,
      version: row.__version as number,
      patch: { streetNo: "5" },
    });
    expect((await addressesOf(client)).map((a) => [a.street, a.streetNo, a.primary])).toEqual([
      ["Haasstraße", "5", true],
    ]);
    expect((await auditOf("contacts.addresses", created!.id)).at(-1)).toMatchObject({
      changes: { streetNo: { from: "3", to: "5" } },
    });

    // Editing something else leaves the address alone.
    row = await agent.resources.get({ resource: "clients.clients", id: client });
    await agent.resources.update({
      resource: "clients.clients",
      id: client,
      version: row.__version as number,
      patch: { gsm: "0470 11 22 33" },
    });
    expect(await auditOf("contacts.addresses", created!.id)).toHaveLength(2);
  });
});

describe("seeds", () => {
  it("gives every centre the ten client contact types and a demo centre organisations with contact persons and primary addresses", async () => {
    const types = await agent.resources.list({ resource: "contacts.clientContactTypes", state: state() });
    expect(types.rows.map((r) => (r.name as Record<string, string>).en)).toEqual(
      expect.arrayContaining([
        "Advocate",
        "Bailiff",
        "Debt collecting company",
        "Dentist",
        "Employment office",
        "Family doctor",
        "Health insurance",
        "Pediatrician",
        "Pharmacy",
        "Physician",
      ]),
    );
    const orgs = (
      await agent.resources.list({ resource: "contacts.organisations", state: state({ q: "Pharmacie du Centre" }) })
    ).rows;
    expect(orgs).toHaveLength(1);
    expect(orgs[0]!.address).toContain("Rue de la Station");
    expect(
      (
        await agent.resources.list({
          resource: "contacts.roles",
          state: state({ master: { field: "company", value: orgs[0]!.__id } }),
        })
      ).rows,
    ).toHaveLength(1);
  });

  it("gives three demo clients out of four one to three client contacts: health insurance, pharmacy, family doctor", async () => {
    const h = tenantHandle(eupen);
    const clients = await h.db
      .select({ id: h.t.partners.id })
      .from(h.t.partners)
      .where(and(eq(h.t.partners.isClient, true), eq(h.t.partners.kind, "person")))
      .orderBy(h.t.partners.id);
    const contacts = await h.db.select().from(h.t.clientContacts);
    const perClient = clients.map((c) => contacts.filter((k) => k.clientId === c.id).length);
    expect(perClient.filter((n) => n > 0).length).toBeGreaterThanOrEqual(Math.floor(clients.length * 0.7));
    expect(Math.max(...perClient)).toBeLessThanOrEqual(3);
    // Each contact is of the type its organisation or person is a client contact of (the seeded ones).
    const { rows } = await agent.resources.list({
      resource: "contacts.clientContacts",
      state: state({ master: { field: "client", value: clients[0]!.id } }),
    });
    expect(
      rows
        .map((r) => [
          (r.type as { label: Record<string, string> }).label.en,
          (r.company as { label: string } | null)?.label ?? (r.contactPerson as { label: string }).label,
        ])
        .sort(),
    ).toEqual([
      ["Family doctor", expect.stringMatching(/Dufrasne/i)],
      ["Health insurance", "Mutualité chrétienne"],
      ["Pharmacy", "Pharmacie du Centre"],
    ]);
    // The health insurance comes with its director as contact person.
    expect(
      rows.find((r) => (r.type as { label: Record<string, string> }).label.en === "Health insurance")!.contactPerson,
    ).toMatchObject({ label: expect.stringMatching(/Mairesse/i) });
  });

  it("seeds the Eupen flavour of the same client contacts, the same way every time", async () => {
    const { tenant: demo } = await createTenant(
      { slug: uniqueSlug("ct-demo"), names: { fr: "CPAS Démo", de: "ÖSHZ Demo" }, defaultLocale: "de", kind: "demo" },
      "test",
    );
    const shape = async (tenant: Tenant) => {
      const h = tenantHandle(tenant);
      const rows = await h.db
        .select({ client: h.t.clientContacts.clientId, type: h.t.clientContactTypes.names, company: h.t.partners.name })
        .from(h.t.clientContacts)
        .innerJoin(h.t.clientContactTypes, eq(h.t.clientContactTypes.id, h.t.clientContacts.typeId))
        .leftJoin(h.t.partners, eq(h.t.partners.id, h.t.clientContacts.companyId))
        .orderBy(h.t.clientContacts.clientId, h.t.clientContacts.id);
      const first = rows[0]!.client;
      return rows.map((r) => [r.client - first, r.type.en, r.company]);
    };
    const eupenShape = await shape(demo);
    expect(eupenShape.slice(0, 3)).toEqual([
      [0, "Health insurance", "Christliche Krankenkasse"],
      [0, "Pharmacy", "Apotheke Reul"],
      [0, "Family doctor", null],
    ]);
    // Any demo centre: the same contacts for the clients in the same place of the list, its own organisations.
    const frenchShape = await shape(eupen);
    const common = Math.min(eupenShape.at(-1)![0] as number, frenchShape.at(-1)![0] as number);
    const types = (rows: (string | number | null | undefined)[][]) =>
      rows.filter(([i]) => (i as number) <= common).map(([i, type]) => [i, type]);
    expect(types(frenchShape)).toEqual(types(eupenShape));
  });
});

describe("access", () => {
  it("never shows or touches another centre's contacts", async () => {
    const foreign = await signedInCaller(chatelet, "110");
    const org = await newOrganisation(foreign, "Étude Étrangère");
    const person = await newPerson(foreign, "Fernand", "Étranger");
    const type = idOf(
      await foreign.resources.create({
        resource: "contacts.clientContactTypes",
        values: { name: { fr: "Type étranger" } },
      }),
    );
    const fn = idOf(
      await foreign.resources.create({
        resource: "contacts.roleTypes",
        values: { name: { fr: "Fonction étrangère" } },
      }),
    );
    const ctype = idOf(
      await foreign.resources.create({
        resource: "contacts.companyTypes",
        values: { name: { fr: "Forme étrangère" } },
      }),
    );
    const role = idOf(
      await foreign.resources.create({ resource: "contacts.roles", values: { company: org, person, type: fn } }),
    );
    const addr = idOf(
      await foreign.resources.create({
        resource: "contacts.addresses",
        values: { partner: org, addressType: "01", street: "Rue Étrangère" },
      }),
    );
    const h = tenantHandle(chatelet);
    const [client] = await h.db
      .select({ id: h.t.partners.id })
      .from(h.t.partners)
      .where(eq(h.t.partners.isClient, true))
      .limit(1);
    const contact = idOf(
      await foreign.resources.create({
        resource: "contacts.clientContacts",
        values: { client: client!.id, company: org, remark: "étranger" },
      }),
    );
    const rows: [string, number][] = [
      ["contacts.organisations", org],
      ["contacts.persons", person],
      ["contacts.partners", org],
      ["contacts.clientContactTypes", type],
      ["contacts.roleTypes", fn],
      ["contacts.companyTypes", ctype],
      ["contacts.roles", role],
      ["contacts.addresses", addr],
      ["contacts.clientContacts", contact],
    ];

    const { claims } = await newUser(eupen, "900");
    const onChatelet = await callerOn(centreHost(chatelet.slug), {}, claims);
    const onEupen = await callerOn(centreHost(eupen.slug), {}, claims);
    for (const [resource, id] of rows) {
      expect([resource, await appCodeOf(onChatelet.resources.get({ resource, id }))]).toEqual([
        resource,
        "UNAUTHORIZED",
      ]);
      expect([resource, await appCodeOf(onChatelet.resources.list({ resource, state: state() }))]).toEqual([
        resource,
        "UNAUTHORIZED",
      ]);
      expect([resource, await appCodeOf(onChatelet.resources.update({ resource, id, version: 1, patch: {} }))]).toEqual(
        [resource, "UNAUTHORIZED"],
      );
      expect([resource, await appCodeOf(onChatelet.resources.remove({ resource, id, version: 1 }))]).toEqual([
        resource,
        "UNAUTHORIZED",
      ]);
      const text = JSON.stringify(
        (
          await onEupen.resources.list({
            resource,
            state: state({
              filters: resource.endsWith("persons") || resource.endsWith("organisations") ? { hideObsolete: null } : {},
            }),
          })
        ).rows,
      );
      expect([resource, /[ÉE]trang/.test(text)]).toEqual([resource, false]);
    }
    expect(JSON.stringify(await onEupen.resources.search({ q: "Étrang" }))).not.toMatch(/trang/);
  });

  it("gives each user type exactly the access its roles declare", async () => {
    const org = await newOrganisation(agent, "Zugriff AG");
    // SimpleContactsUser edits what it sees, as in Lino: the flexible reception clerk (220) registers people.
    for (const type of USER_TYPES) {
      const caller = await signedInCaller(eupen, type);
      const signedIn = type !== "000";
      const expectCode = (what: string, code: string, allowed: boolean) =>
        expect([type, what, code]).toEqual([
          type,
          what,
          !signedIn ? "UNAUTHORIZED" : allowed ? "resolved" : "FORBIDDEN",
        ]);
      expectCode(
        "list persons",
        await appCodeOf(caller.resources.list({ resource: "contacts.persons", state: state() })),
        true,
      );
      expectCode(
        "list organisations",
        await appCodeOf(caller.resources.list({ resource: "contacts.organisations", state: state() })),
        true,
      );
      expectCode(
        "list roles",
        await appCodeOf(caller.resources.list({ resource: "contacts.roles", state: state() })),
        true,
      );
      expectCode(
        "create person",
        await appCodeOf(
          caller.resources.create({
            resource: "contacts.persons",
            values: { lastName: `Zugriff ${type}`, language: "fr" },
          }),
        ),
        hasRole(type, "SimpleContactsUser"),
      );
      expectCode(
        "add address",
        await appCodeOf(
          caller.resources.create({
            resource: "contacts.addresses",
            values: { partner: org, addressType: "99", street: `Weg ${type}` },
          }),
        ),
        hasRole(type, "SimpleContactsUser"),
      );
      // A client's contacts are read on the client; the list of every client's contacts is for staff.
      expectCode(
        "list client contacts",
        await appCodeOf(caller.resources.list({ resource: "contacts.clientContacts", state: state() })),
        hasRole(type, "ContactsStaff"),
      );
      expectCode(
        "list functions",
        await appCodeOf(caller.resources.list({ resource: "contacts.roleTypes", state: state() })),
        hasRole(type, "SimpleContactsUser"),
      );
      expectCode(
        "create function",
        await appCodeOf(
          caller.resources.create({ resource: "contacts.roleTypes", values: { name: { fr: `Fonction ${type}` } } }),
        ),
        hasRole(type, "ContactsStaff"),
      );
      expectCode(
        "create client contact type",
        await appCodeOf(
          caller.resources.create({
            resource: "contacts.clientContactTypes",
            values: { name: { fr: `Type ${type}` } },
          }),
        ),
        hasRole(type, "ContactsStaff"),
      );
      expectCode(
        "create organisation type",
        await appCodeOf(
          caller.resources.create({ resource: "contacts.companyTypes", values: { name: { fr: `Forme ${type}` } } }),
        ),
        hasRole(type, "ContactsStaff"),
      );
      const person = await agent.resources.get({ resource: "contacts.organisations", id: org });
      // Deleting follows editing, as in Lino (see clients.clients); a stale version keeps the row.
      expectCode(
        "delete organisation",
        await appCodeOf(
          caller.resources.remove({
            resource: "contacts.organisations",
            id: org,
            version: (person.__version as number) + 1000,
          }),
        ).then((c) => (c === "STALE_EDIT" ? "resolved" : c)),
        hasRole(type, "SimpleContactsUser"),
      );
    }
  });
});
