import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDate } from "@/lib/format";
import { belgianToday } from "@/lib/format";
import { hasRole, USER_TYPES } from "@/server/auth/user-types";
import { addressesChecker } from "@/server/contacts/checkers";
import { coachingsChecker, eidCardChecker, nissChecker, phoneticWordsChecker } from "@/server/clients/checkers/clients";
import { similarClientsChecker } from "@/server/clients/checkers/similar";
import type { Checker } from "@/server/checks/define";
import { problemMessageSql } from "@/server/checks/messages";
import { registry } from "@/server/areas";
import { openProblemCount, runAllCheckers, runChecker } from "@/server/checks/run";
import { generateNiss } from "@/server/clients/rules/niss";
import { personPhoneticWords } from "@/server/clients/rules/phonetic";
import { closePools } from "@/server/db/pool";
import { LOCALES } from "@/server/i18n/locale";
import { translatorFor } from "@/server/i18n/translator";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient, newCoaching, type PartnerValues } from "./factories";
import { appCodeOf, callerOn, centreHost, newCentre, newUser, signedInCaller } from "./helpers";

afterAll(closePools);

const state = (over: Record<string, unknown> = {}) => ({
  page: 1,
  pageSize: 200,
  sort: [],
  filters: {},
  q: "",
  ...over,
});
let eupen: Tenant;
let chatelet: Tenant;
let coach: Awaited<ReturnType<typeof newUser>>; // 100, German
const today = belgianToday();
const dayOffset = (days: number) =>
  new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A newcomer straight in the database, with its phonetic words unless given. */
const client = (tenant: Tenant, firstName: string, lastName: string, values: PartnerValues = {}) =>
  newClient(tenant, {
    firstName,
    lastName,
    clientState: "10",
    phoneticWords: personPhoneticWords({ firstName, lastName }),
    ...values,
  });
/** A primary coaching unless said otherwise: the coach is the one responsible for the client's problems. */
const coaching = (tenant: Tenant, clientId: number, userId: number, values: Parameters<typeof newCoaching>[3] = {}) =>
  newCoaching(tenant, clientId, userId, { primary: true, ...values });
/** What a checker found among `ids` after running on the whole centre: [owner, message key, fixable]. */
async function found(tenant: Tenant, checker: Checker, ids: number[]) {
  const h = tenantHandle(tenant);
  await runChecker(h, checker);
  const rows = await h.db
    .select()
    .from(h.t.dataProblems)
    .where(and(eq(h.t.dataProblems.checker, checker.id), inArray(h.t.dataProblems.ownerId, ids)))
    .orderBy(h.t.dataProblems.ownerId);
  return rows.map((r) => [r.ownerId, r.messageKey, r.fixable]);
}
const auditOf = async (tenant: Tenant, entity: string, id: number) => {
  const h = tenantHandle(tenant);
  return h.db
    .select()
    .from(h.t.auditLog)
    .where(and(eq(h.t.auditLog.entity, entity), eq(h.t.auditLog.entityId, String(id))));
};

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([
    newCentre("chk-eupen", "production"),
    newCentre("chk-chatelet", "production"),
  ]);
  coach = await newUser(eupen, "100", { language: "de" });
});

describe("each checker finds what it should, and only that", () => {
  it("invalid SSINs: malformed ones are fixable (reformatted, audited), invalid ones are reported", async () => {
    const healthy = await client(eupen, "Eberhart", "Evers", { nationalId: "680601 053-29" });
    const malformed = await client(eupen, "Anna", "Malformed", { nationalId: "70031200262" });
    const invalid = await client(eupen, "Iris", "Invalid", { nationalId: "680601 053-28" });
    expect(await found(eupen, nissChecker, [healthy, malformed, invalid])).toEqual([
      [malformed, "niss.malformed", true],
      [invalid, "niss.unrecognizedCheckDigit", false],
    ]);
    const admin = await signedInCaller(eupen, "900");
    const problem = (
      await admin.resources.list({ resource: "checks.allProblems", state: state({ filters: { checker: "niss" } }) })
    ).rows.find((r) => (r.owner as { id: number }).id === malformed)!;
    await admin.resources.action({ resource: "checks.allProblems", id: problem.__id as number, name: "fix" });
    const h = tenantHandle(eupen);
    expect(
      (await h.db.select({ n: h.t.partners.nationalId }).from(h.t.partners).where(eq(h.t.partners.id, malformed)))[0]!
        .n,
    ).toBe("700312 002-62");
    expect((await auditOf(eupen, "clients.clients", malformed)).map((a) => a.changes)).toEqual([
      expect.objectContaining({ nationalId: { from: "70031200262", to: "700312 002-62" } }),
    ]);
    expect(await found(eupen, nissChecker, [malformed, invalid])).toEqual([
      [invalid, "niss.unrecognizedCheckDigit", false],
    ]);
    const invalidProblem = (
      await admin.resources.list({ resource: "checks.allProblems", state: state({ filters: { checker: "niss" } }) })
    ).rows.find((r) => (r.owner as { id: number }).id === invalid)!;
    expect(
      await appCodeOf(
        admin.resources.action({ resource: "checks.allProblems", id: invalidProblem.__id as number, name: "fix" }),
      ),
    ).toBe("NOT_FIXABLE");
  });

  it("client coachings: coached but obsolete; not coached but coached today", async () => {
    const obsolete = await client(eupen, "Otto", "Obsolete", { clientState: "30", isObsolete: true });
    const newcomer = await client(eupen, "Nina", "Newcomer", { clientState: "10" });
    await coaching(eupen, newcomer, coach.user.id);
    const fine = await client(eupen, "Carl", "Coached", { clientState: "30" });
    await coaching(eupen, fine, coach.user.id);
    const former = await client(eupen, "Fritz", "Former", { clientState: "50" });
    await coaching(eupen, former, coach.user.id, { endDate: dayOffset(-10) });
    expect(await found(eupen, coachingsChecker, [obsolete, newcomer, fine, former])).toEqual([
      [obsolete, "checks.coachings.coachedObsolete", false],
      [newcomer, "checks.coachings.activeNotCoached", false],
    ]);
  });

  it("similar clients: Lino's rules, one query for the centre, the first similar one named", async () => {
    const a = await client(eupen, "Dorothée", "Dobbelstein", { birthDate: "1970-03-12" });
    const b = await client(eupen, "Dorothée", "Dobbelstein", { birthDate: "1970-03-12" });
    // Another birth date, or both with a national number: not similar.
    const otherBirth = await client(eupen, "Dorothée", "Dobbelstein", { birthDate: "1971-01-01" });
    const n1 = await client(eupen, "Hubert", "Huppertz", { nationalId: generateNiss("1968-06-01", "M", 55) });
    const n2 = await client(eupen, "Hubert", "Huppertz", { nationalId: generateNiss("1972-01-01", "M") });
    const alone = await client(eupen, "Zacharias", "Zweistein");
    const ids = [a, b, otherBirth, n1, n2, alone];
    expect(await found(eupen, similarClientsChecker, ids)).toEqual([
      [a, "checks.similarClients.found", false],
      [b, "checks.similarClients.found", false],
    ]);
    const h = tenantHandle(eupen);
    const params = await h.db
      .select({ owner: h.t.dataProblems.ownerId, params: h.t.dataProblems.params })
      .from(h.t.dataProblems)
      .where(and(eq(h.t.dataProblems.checker, "similarClients"), inArray(h.t.dataProblems.ownerId, [a, b])))
      .orderBy(h.t.dataProblems.ownerId);
    expect(params).toEqual([
      { owner: a, params: { name: `DOBBELSTEIN Dorothée (${b})` } },
      { owner: b, params: { name: `DOBBELSTEIN Dorothée (${a})` } },
    ]);
  });

  it("missing phonetic words: found, fixed from the name (audited), then gone", async () => {
    const missing = await client(eupen, "Karl", "Kaivers", { phoneticWords: [] });
    const fine = await client(eupen, "Laura", "Lazarus");
    expect(await found(eupen, phoneticWordsChecker, [missing, fine])).toEqual([
      [missing, "checks.phoneticWords.missing", true],
    ]);
    const staff = await signedInCaller(eupen, "110");
    const row = (
      await staff.resources.list({
        resource: "checks.clientProblems",
        state: state({ master: { field: "ownerId", value: missing } }),
      })
    ).rows.find((r) => r.checker === "phoneticWords")!;
    await staff.resources.action({ resource: "checks.clientProblems", id: row.__id as number, name: "fix" });
    const h = tenantHandle(eupen);
    expect(
      (await h.db.select({ w: h.t.partners.phoneticWords }).from(h.t.partners).where(eq(h.t.partners.id, missing)))[0]!
        .w,
    ).toEqual(personPhoneticWords({ firstName: "Karl", lastName: "Kaivers" }));
    expect((await auditOf(eupen, "clients.clients", missing)).length).toBe(1);
    expect((await auditOf(eupen, "checks.problems", Number(row.__id))).length).toBe(1);
    expect(
      (
        await staff.resources.list({
          resource: "checks.clientProblems",
          state: state({ master: { field: "ownerId", value: missing } }),
        })
      ).rows.filter((r) => r.checker === "phoneticWords"),
    ).toEqual([]);
  });

  it("expired eID cards of coached clients only", async () => {
    const expired = await client(eupen, "Eva", "Expired", { clientState: "30", cardValidUntil: dayOffset(-1) });
    const newcomer = await client(eupen, "Nora", "Notcoached", { clientState: "10", cardValidUntil: dayOffset(-1) });
    const valid = await client(eupen, "Vera", "Valid", { clientState: "30", cardValidUntil: today });
    expect(await found(eupen, eidCardChecker, [expired, newcomer, valid])).toEqual([
      [expired, "checks.eidCard.expired", false],
    ]);
  });

  it("address owners: unique or matching address not primary, primary missing; fixes mark or create the primary (audited)", async () => {
    const h = tenantHandle(eupen);
    const street = { street: "Aachener Straße", streetNo: "12", zipCode: "4700", countryCode: "BE" };
    const unique = await client(eupen, "Uwe", "Unique");
    await h.db.insert(h.t.addresses).values({ partnerId: unique, ...street });
    const matching = await client(eupen, "Maria", "Matching", street);
    await h.db.insert(h.t.addresses).values([
      { partnerId: matching, street: "Elsewhere", zipCode: "4701" },
      { partnerId: matching, ...street },
    ]);
    const missing = await client(eupen, "Max", "Missing", street);
    const fine = await client(eupen, "Paula", "Primary", street);
    await h.db.insert(h.t.addresses).values({ partnerId: fine, primary: true, ...street });
    const none = await client(eupen, "Otto", "Ohneadresse");
    const ids = [unique, matching, missing, fine, none];
    expect(await found(eupen, addressesChecker, ids)).toEqual([
      [unique, "checks.addresses.uniqueNotPrimary", true],
      [matching, "checks.addresses.matchingNotPrimary", true],
      [missing, "checks.addresses.missingPrimary", true],
    ]);
    const admin = await signedInCaller(eupen, "900");
    const problems = (
      await admin.resources.list({
        resource: "checks.allProblems",
        state: state({ filters: { checker: "addresses" } }),
      })
    ).rows;
    for (const owner of [unique, matching, missing]) {
      await admin.resources.action({
        resource: "checks.allProblems",
        id: problems.find((r) => (r.owner as { id: number }).id === owner)!.__id as number,
        name: "fix",
      });
    }
    expect(await found(eupen, addressesChecker, ids)).toEqual([]);
    const [created] = await h.db.select().from(h.t.addresses).where(eq(h.t.addresses.partnerId, missing));
    expect(created).toMatchObject({ addressType: "01", primary: true, ...street });
    expect((await auditOf(eupen, "contacts.addresses", created!.id)).map((a) => a.action)).toEqual([
      "contacts.addresses.create",
    ]);
    // The unique address became primary and the client's own fields now mirror it.
    expect(
      (await h.db.select({ street: h.t.partners.street }).from(h.t.partners).where(eq(h.t.partners.id, unique)))[0]!
        .street,
    ).toBe(street.street);
  });
});

describe("problems for the responsible user, in their language", () => {
  it("assigns problems to the client's primary coach, lists them as theirs in German, and counts them for the welcome message", async () => {
    const mine = await client(eupen, "Otto", "Assigned", { clientState: "30", isObsolete: true });
    await coaching(eupen, mine, coach.user.id);
    const other = await newUser(eupen, "200", { language: "fr" });
    const theirs = await client(eupen, "Olga", "Otherone", { clientState: "30", isObsolete: true });
    await coaching(eupen, theirs, other.user.id);
    await runChecker(tenantHandle(eupen), coachingsChecker);
    const me = await callerOn(centreHost(eupen.slug), {}, coach.claims);
    const rows = (
      await me.resources.list({ resource: "checks.myProblems", state: state({ filters: { checker: "coachings" } }) })
    ).rows;
    expect(rows.map((r) => (r.owner as { id: number }).id).filter((id) => [mine, theirs].includes(id))).toEqual([mine]);
    const row = rows.find((r) => (r.owner as { id: number }).id === mine)!;
    expect((row.message as Record<string, string>).de).toBe("Sowohl begleitet als auch veraltet.");
    expect((row.message as Record<string, string>).fr).toBe("À la fois accompagné et obsolète.");
    expect(await openProblemCount(tenantHandle(eupen), coach.user.id)).toBe(
      (await me.resources.list({ resource: "checks.myProblems", state: state() })).total,
    );
    // "Check again" after the client is no longer obsolete clears the problem.
    const h = tenantHandle(eupen);
    await h.db.update(h.t.partners).set({ isObsolete: false }).where(eq(h.t.partners.id, mine));
    await me.resources.action({ resource: "clients.clients", id: mine, name: "checkData" });
    expect(
      (
        await me.resources.list({ resource: "checks.myProblems", state: state({ filters: { checker: "coachings" } }) })
      ).rows.filter((r) => (r.owner as { id: number }).id === mine),
    ).toEqual([]);
  });

  it("renders every problem message in SQL exactly as the translator does, dates as each language writes them", async () => {
    const h = tenantHandle(eupen);
    const cases: [string, Record<string, string | number>][] = [
      ["checks.similarClients.found", { name: "DOBBELSTEIN Dorothée (12)" }],
      ["checks.eidCard.expired", { date: "2024-01-31" }],
      ["niss.malformed", { got: "70031200262", expected: "700312 002-62" }],
      ["niss.checkDigit", { value: "x", found: 1, expected: 2 }],
      ...registry.checkers.map((c) => [c.label, {}] as [string, Record<string, string | number>]),
    ];
    for (const [key, params] of cases) {
      const { rows } = await h.db.execute<{ m: Record<string, string> }>(problemMessageSqlSelect(key, params));
      for (const locale of LOCALES) {
        const expected = translatorFor(locale)(
          key,
          params.date ? { date: formatDate(String(params.date), locale) } : params,
        );
        expect(rows[0]!.m[locale], `${key} ${locale}`).toBe(expected);
      }
    }
  });
});

const problemMessageSqlSelect = (key: string, params: Record<string, string | number>) =>
  sql`select ${problemMessageSql(sql`${key}::text`, sql`${JSON.stringify(params)}::jsonb`)} as m`;

describe("centres stay apart", () => {
  it("never shows a Châtelet problem to Eupen, and running the checkers on Eupen leaves Châtelet's problems alone", async () => {
    const foreign = await client(chatelet, "Chantal", "Lemaire", { phoneticWords: [] });
    const ch = tenantHandle(chatelet);
    await runAllCheckers(ch, registry.checkers);
    const before = await ch.db.select().from(ch.t.dataProblems).orderBy(ch.t.dataProblems.id);
    expect(before.some((p) => p.ownerId === foreign && p.checker === "phoneticWords")).toBe(true);
    const counts = await runAllCheckers(tenantHandle(eupen), registry.checkers);
    expect(Object.keys(counts)).toEqual(registry.checkers.map((c) => c.id));
    expect(await ch.db.select().from(ch.t.dataProblems).orderBy(ch.t.dataProblems.id)).toEqual(before);
    const eupenAdmin = await signedInCaller(eupen, "900");
    const foreignProblem = before.find((p) => p.ownerId === foreign)!;
    const listed = (
      await eupenAdmin.resources.list({
        resource: "checks.allProblems",
        state: state({ filters: { checker: "phoneticWords" } }),
      })
    ).rows;
    expect(
      listed.some((r) => r.__id === foreignProblem.id && (r.owner as { label: string }).label.includes("LEMAIRE")),
    ).toBe(false);
    // An Eupen id that happens to equal a Châtelet one reaches Eupen's row, never Châtelet's.
    const got = await appCodeOf(eupenAdmin.resources.get({ resource: "checks.allProblems", id: foreignProblem.id }));
    if (got === "resolved")
      expect(
        (
          (await eupenAdmin.resources.get({ resource: "checks.allProblems", id: foreignProblem.id })).owner as {
            label: string;
          }
        ).label,
      ).not.toContain("LEMAIRE");
    else expect(got).toBe("NOT_FOUND");
    await appCodeOf(
      eupenAdmin.resources.action({ resource: "checks.allProblems", id: foreignProblem.id, name: "fix" }),
    );
    expect(
      (
        await ch.db.select({ w: ch.t.partners.phoneticWords }).from(ch.t.partners).where(eq(ch.t.partners.id, foreign))
      )[0]!.w,
    ).toEqual([]);
  });
});

describe("run all checkers", () => {
  it("reports as many problems as the grid of all problems then lists", async () => {
    await client(eupen, "Rita", "Rundlauf", { phoneticWords: [] });
    const admin = await signedInCaller(eupen, "900");
    const counts = await admin.checks.runAll();
    const found = Object.values(counts).reduce((sum, n) => sum + n, 0);
    expect(counts.phoneticWords).toBeGreaterThan(0);
    expect((await admin.resources.list({ resource: "checks.allProblems", state: state() })).total).toBe(found);
  });
});

describe("who may do what", () => {
  it("gives each of the 16 user types exactly the lists and actions its roles allow", async () => {
    const target = await client(eupen, "Petra", "Permission", { phoneticWords: [] });
    const h = tenantHandle(eupen);
    await runChecker(h, phoneticWordsChecker, target);
    const problemId = async () =>
      (
        await h.db
          .select({ id: h.t.dataProblems.id })
          .from(h.t.dataProblems)
          .where(and(eq(h.t.dataProblems.ownerId, target), eq(h.t.dataProblems.checker, "phoneticWords")))
      )[0]!.id;
    for (const userType of USER_TYPES) {
      const { claims } = await newUser(eupen, userType);
      const caller = await callerOn(centreHost(eupen.slug), {}, claims);
      // Anonymous (000) cannot sign in at all; the others get what their roles allow.
      const expect_ = (ok: boolean) => (userType === "000" ? "UNAUTHORIZED" : ok ? "resolved" : "FORBIDDEN");
      const list = (resource: string) => appCodeOf(caller.resources.list({ resource, state: state() }));
      expect(await list("checks.myProblems"), userType).toBe(expect_(hasRole(userType, "CheckdataUser")));
      expect(await list("checks.allProblems"), userType).toBe(expect_(hasRole(userType, "SiteAdmin")));
      // A client's problems are read on the client; all of the centre's, by administrators.
      expect(
        await appCodeOf(
          caller.resources.list({
            resource: "checks.clientProblems",
            state: state({ master: { field: "ownerId", value: target } }),
          }),
        ),
        userType,
      ).toBe(expect_(hasRole(userType, "SimpleContactsUser")));
      expect(await list("checks.clientProblems"), userType).toBe(expect_(hasRole(userType, "SiteAdmin")));
      expect(await appCodeOf(caller.checks.runAll()), userType).toBe(expect_(hasRole(userType, "SiteAdmin")));
      // The grid's "Run all checkers" button is offered to exactly those the procedure serves.
      if (hasRole(userType, "SiteAdmin"))
        expect((await caller.resources.meta({ resource: "checks.allProblems" })).toolbar, userType).toEqual([
          "runAllCheckers",
        ]);
      if (hasRole(userType, "CheckdataUser") && userType !== "000")
        expect((await caller.resources.meta({ resource: "checks.myProblems" })).toolbar, userType).toBeUndefined();
      expect(
        await appCodeOf(caller.resources.action({ resource: "clients.clients", id: target, name: "checkData" })),
        userType,
      ).toBe(expect_(hasRole(userType, "ContactsUser")));
      // Fixing from the client's tab: those who may edit clients ("check again" above made a new problem row).
      const fix = await appCodeOf(
        caller.resources.action({ resource: "checks.clientProblems", id: await problemId(), name: "fix" }),
      );
      expect(fix, userType).toBe(expect_(hasRole(userType, "ContactsUser")));
      if (fix === "resolved") {
        // Put the problem back for the next user type.
        await h.db.update(h.t.partners).set({ phoneticWords: [] }).where(eq(h.t.partners.id, target));
        await runChecker(h, phoneticWordsChecker, target);
      }
    }
  });
});
