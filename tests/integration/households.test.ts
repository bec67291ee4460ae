import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { USER_TYPES, hasRole } from "@/server/auth/user-types";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import type { Tenant } from "@/server/tenancy/registry";
import { newClient } from "./factories";
import { appCodeOf, newCentre, signedInCaller } from "./helpers";

const state = (over: Record<string, unknown> = {}) => ({
  page: 1,
  pageSize: 50,
  sort: [],
  filters: {},
  q: "",
  ...over,
});
type Caller = Awaited<ReturnType<typeof signedInCaller>>;
let eupen: Tenant;
let chatelet: Tenant;
let agent: Caller; // 100: ContactsUser, not ContactsStaff
let staff: Caller; // 110: ContactsStaff
let married: number;

/** A client straight in the database (the client file's own rules are tested elsewhere). */
const person = (tenant: Tenant, firstName: string, lastName: string, gender: "M" | "F", birthDate: string | null) =>
  newClient(tenant, { firstName, lastName, gender, birthDate, clientState: "10" });
const membersOf = async (caller: Caller, field: "household" | "person", value: number) =>
  (await caller.resources.list({ resource: "households.members", state: state({ master: { field, value } }) })).rows;

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("hh-eupen"), newCentre("hh-chatelet")]);
  [agent, staff] = await Promise.all([signedInCaller(eupen, "100"), signedInCaller(eupen, "110")]);
  married = Number(
    (
      await staff.resources.create({
        resource: "households.types",
        values: { name: { fr: "Couple marié", de: "Ehepaar", en: "Married couple" } },
      })
    ).id,
  );
});

describe("households", () => {
  it("creates a household from a client: named after head and partner, both members with their roles, audited", async () => {
    const paul = await person(eupen, "Paul", "Frisch", "M", "1968-06-01");
    const petra = await person(eupen, "Petra", "Zweith", "F", "1969-02-10");
    await agent.resources.action({
      resource: "clients.clients",
      id: paul,
      name: "createHousehold",
      params: { partner: petra, type: married },
    });

    const [membership] = await membersOf(agent, "person", paul);
    const householdId = (membership!.household as { id: number }).id;
    const household = await agent.resources.get({ resource: "households.households", id: householdId });
    expect(household).toMatchObject({
      name: "Frisch-Zweith",
      prefix: "Paul & Petra",
      type: { id: married, label: { de: "Ehepaar" } },
    });
    expect(
      (await membersOf(agent, "household", householdId)).map((m) => [
        (m.person as { id: number }).id,
        m.role,
        m.dependency,
      ]),
    ).toEqual([
      [paul, "01", "02"],
      [petra, "03", "02"],
    ]);

    const h = tenantHandle(eupen);
    const audited = await h.db
      .select({ action: h.t.auditLog.action })
      .from(h.t.auditLog)
      .where(eq(h.t.auditLog.entityId, String(householdId)));
    expect(audited.map((a) => a.action)).toContain("households.households.create");
    // A household alone (no partner) takes the head's names only.
    const solo = await person(eupen, "Sandra", "Solo", "F", null);
    await agent.resources.action({ resource: "clients.clients", id: solo, name: "createHousehold", params: {} });
    const [soloMembership] = await membersOf(agent, "person", solo);
    expect(
      await agent.resources.get({
        resource: "households.households",
        id: (soloMembership!.household as { id: number }).id,
      }),
    ).toMatchObject({ name: "Solo", prefix: "Sandra" });
    expect(
      await appCodeOf(
        agent.resources.action({
          resource: "clients.clients",
          id: solo,
          name: "createHousehold",
          params: { partner: solo },
        }),
      ),
    ).toBe("INVALID_INPUT");
  });

  it("edits a household's name and type, refuses a stale edit, and audits the change", async () => {
    const id = Number(
      (await agent.resources.create({ resource: "households.households", values: { name: "Evers", type: married } }))
        .id,
    );
    const divorced = Number(
      (
        await staff.resources.create({
          resource: "households.types",
          values: { name: { fr: "Couple divorcé", de: "Geschiedenes Paar" } },
        })
      ).id,
    );
    const { __version: version } = await agent.resources.get({ resource: "households.households", id });
    await agent.resources.update({
      resource: "households.households",
      id,
      version: version as number,
      patch: { name: "Evers-Emonts", type: divorced },
    });
    expect(await agent.resources.get({ resource: "households.households", id })).toMatchObject({
      name: "Evers-Emonts",
      type: { id: divorced },
    });
    expect(
      await appCodeOf(
        agent.resources.update({
          resource: "households.households",
          id,
          version: version as number,
          patch: { name: "Stale" },
        }),
      ),
    ).toBe("STALE_EDIT");
    const h = tenantHandle(eupen);
    const [audit] = await h.db
      .select()
      .from(h.t.auditLog)
      .where(and(eq(h.t.auditLog.action, "households.households.update"), eq(h.t.auditLog.entityId, String(id))));
    expect(audit?.changes).toEqual({
      name: { from: "Evers", to: "Evers-Emonts" },
      type: { from: married, to: divorced },
    });
  });

  it("links a child added to the household to both parents, with sentences in each language and a summary", async () => {
    const paul = await person(eupen, "Paul", "Lahm", "M", "1968-06-01");
    const anna = await person(eupen, "Anna", "Lahm", "F", "1970-03-03");
    // Five years old whenever the test runs, so the summary counts him as a child.
    const dennis = await person(eupen, "Dennis", "Lahm", "M", `${new Date().getFullYear() - 5}-01-01`);
    await agent.resources.action({
      resource: "clients.clients",
      id: paul,
      name: "createHousehold",
      params: { partner: anna },
    });
    const householdId = ((await membersOf(agent, "person", paul))[0]!.household as { id: number }).id;
    await agent.resources.create({
      resource: "households.members",
      values: { household: householdId, person: dennis },
    });

    const asParent = (
      await agent.resources.list({
        resource: "households.humanLinks",
        state: state({ master: { field: "parent", value: paul } }),
      })
    ).rows;
    expect(asParent.map((l) => [(l.child as { id: number }).id, l.type])).toEqual([[dennis, "01"]]);
    expect(asParent[0]!.sentence).toMatchObject({
      fr: "Paul est le père de Dennis",
      de: "Paul ist der Vater von Dennis",
      en: "Paul is the father of Dennis",
    });
    const asChild = (
      await agent.resources.list({
        resource: "households.humanLinksAsChild",
        state: state({ master: { field: "child", value: dennis } }),
      })
    ).rows;
    expect(asChild.map((l) => (l.sentence as Record<string, string>).fr).sort()).toEqual([
      "Dennis est le fils de Paul",
      "Dennis est le fils d’Anna",
    ]);
    expect(asChild.map((l) => (l.sentence as Record<string, string>).de).sort()).toEqual([
      "Dennis ist der Sohn von Anna",
      "Dennis ist der Sohn von Paul",
    ]);

    // Another family name is spelled out; a link typed by hand reads from both sides.
    const petra = await person(eupen, "Petra", "Zweith", "F", null);
    await agent.resources.create({
      resource: "households.humanLinks",
      values: { parent: paul, child: petra, type: "05" },
    });
    const spouse = (
      await agent.resources.list({
        resource: "households.humanLinksAsChild",
        state: state({ master: { field: "child", value: petra } }),
      })
    ).rows;
    expect(spouse[0]!.sentence).toMatchObject({
      fr: "Petra est l’épouse de Paul LAHM",
      de: "Petra ist die Ehefrau von Paul LAHM",
    });

    const household = await agent.resources.get({ resource: "households.households", id: householdId });
    expect(household.summary).toMatchObject({
      en: "2 adults and 1 child",
      fr: "2 adultes et 1 enfant",
      de: "2 Erwachsene und 1 Kind",
    });
    const meta = await agent.resources.meta({ resource: "clients.clients" });
    expect(meta.detail.find((tab) => tab.key === "humanLinks")!.slaves.map((s) => s.resource)).toEqual([
      "households.members",
      "households.humanLinks",
      "households.humanLinksAsChild",
    ]);
    expect(meta.actions.map((a) => a.name)).toContain("createHousehold");
  });

  it("keeps one primary household per person", async () => {
    const eva = await person(eupen, "Eva", "Primus", "F", "1980-01-01");
    await agent.resources.action({ resource: "clients.clients", id: eva, name: "createHousehold", params: {} });
    await agent.resources.action({ resource: "clients.clients", id: eva, name: "createHousehold", params: {} });
    const [first, second] = await membersOf(agent, "person", eva);
    await agent.resources.update({
      resource: "households.members",
      id: first!.__id as number,
      version: first!.__version as number,
      patch: { primary: true },
    });
    await agent.resources.update({
      resource: "households.members",
      id: second!.__id as number,
      version: second!.__version as number,
      patch: { primary: true },
    });
    const h = tenantHandle(eupen);
    const primaries = await h.db
      .select({ id: h.t.householdMembers.id })
      .from(h.t.householdMembers)
      .where(and(eq(h.t.householdMembers.personId, eva), eq(h.t.householdMembers.primary, true)));
    expect(primaries.map((p) => p.id)).toEqual([second!.__id]);
  });

  it("never reaches another centre's households, members or links", async () => {
    const paul = await person(eupen, "Paul", "Ailleurs", "M", null);
    await agent.resources.action({ resource: "clients.clients", id: paul, name: "createHousehold", params: {} });
    const householdId = ((await membersOf(agent, "person", paul))[0]!.household as { id: number }).id;
    const other = await signedInCaller(chatelet, "100");
    expect(await appCodeOf(other.resources.get({ resource: "households.households", id: householdId }))).toBe(
      "NOT_FOUND",
    );
    // Paul is no person of Châtelet (or, with the same id, someone else there): Eupen's household never shows.
    const theirs = await membersOf(other, "person", paul).catch(() => []);
    expect(theirs.some((m) => (m.household as { id: number } | null)?.id === householdId)).toBe(false);
    expect(
      await appCodeOf(
        other.resources.action({ resource: "clients.clients", id: paul, name: "createHousehold", params: {} }),
      ),
    ).toBe("NOT_FOUND");
  });

  it("lets contacts users view and edit households and links, and contacts staff configure household types", async () => {
    const someone = await person(eupen, "Rita", "Rolle", "F", null);
    // 000 (anonymous) cannot sign in at all.
    for (const userType of USER_TYPES.filter((u) => u !== "000")) {
      const caller = await signedInCaller(eupen, userType);
      const contactsUser = hasRole(userType, "ContactsUser");
      const list = caller.resources.list({ resource: "households.households", state: state() });
      expect(await appCodeOf(list), userType).toBe(contactsUser ? "resolved" : "FORBIDDEN");
      // A link of a person to themself is refused, but only after the access check.
      const link = caller.resources.create({
        resource: "households.humanLinks",
        values: { parent: someone, child: someone, type: "06" },
      });
      expect(await appCodeOf(link), userType).toBe(contactsUser ? "INVALID_INPUT" : "FORBIDDEN");
      const type = caller.resources.create({
        resource: "households.types",
        values: { name: { fr: `Type ${userType}` } },
      });
      expect(await appCodeOf(type), userType).toBe(hasRole(userType, "ContactsStaff") ? "resolved" : "FORBIDDEN");
    }
  });
});
