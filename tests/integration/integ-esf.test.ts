// ESF summaries completed (issue 17 item 8; domain-integ-money §2.10): hours typed by hand ("h:mm") and
// kept by a recomputation (user_modified), "Back to the computed hours", bad hours refused with nothing
// saved, the printed Training report in the client's language, the summaries on the client's History
// tab, who may do what, and nothing of one centre in another.
import { and, desc, eq } from "drizzle-orm";
import PizZip from "pizzip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadMigrations, MIGRATIONS_DIR, rewriteStatement } from "@/db/migrate";
import { belgianToday } from "@/lib/format";
import { systemActor } from "@/server/audit";
import type { SessionClaims } from "@/server/auth/session";
import { closePools, getPool } from "@/server/db/pool";
import { excerptDownload } from "@/server/documents/routes";
import { translatorFor } from "@/server/i18n/translator";
import { computeEsf } from "@/server/integ/reports/esf";
import { seedEsfDemoMapping } from "@/server/integ/reports/esf-seed";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient } from "./factories";
import { appCodeOf, callerOn, centreHost, errorAsSent, newCentre, newUser } from "./helpers";

afterAll(closePools);

type Caller = Awaited<ReturnType<typeof callerOn>>;
type UserType = Parameters<typeof newUser>[1];

let eupen: Tenant;
let chatelet: Tenant;
let agent: Caller;
let agentClaims: SessionClaims;
let info: number; // entry type counting 2:00 per presence (S.Inf, field 10)
let pia: number; // German-speaking client
let bob: number; // French-speaking client
const YEAR = 2030;

const caller = async (tenant: Tenant, type: UserType, fields: Parameters<typeof newUser>[2] = {}) => {
  const { user, claims } = await newUser(tenant, type, fields);
  return { user, claims, caller: await callerOn(centreHost(tenant.slug), {}, claims) };
};

const presence = async (client: number, startDate: string) => {
  const { db, t } = tenantHandle(eupen);
  const [e] = await db.insert(t.calendarEntries).values({ typeId: info, startDate }).returning();
  await db.insert(t.calendarGuests).values({ entryId: e!.id, partnerId: client, state: "present" });
};

const summaryOf = async (client: number) => {
  const { db, t } = tenantHandle(eupen);
  const [row] = await db
    .select()
    .from(t.esfSummaries)
    .where(and(eq(t.esfSummaries.clientId, client), eq(t.esfSummaries.year, YEAR)));
  return row!;
};

const textOf = (docx: Buffer) =>
  new PizZip(docx)
    .file("word/document.xml")!
    .asText()
    .replace(/<[^>]+>/g, " ")
    .replace(/&apos;/g, "'")
    .replace(/\s+/g, " ")
    .trim();

async function printedText(claims: SessionClaims, excerptId: number) {
  const res = await excerptDownload(
    new Request(`http://${eupen.slug}.localhost/api/documents/${excerptId}/file.docx`, {
      headers: { host: `${eupen.slug}.localhost` },
    }),
    claims,
    String(excerptId),
  );
  expect(res.status).toBe(200);
  return textOf(Buffer.from(await res.arrayBuffer()));
}

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([
    newCentre("esf-eupen", "production"),
    newCentre("esf-chatelet", "production"),
  ]);
  const a = await caller(eupen, "100", { language: "en", firstName: "Alicia", lastName: "Agent" });
  agent = a.caller;
  agentClaims = a.claims;
  const { db, t } = tenantHandle(eupen);
  const [type] = await db
    .insert(t.entryTypes)
    .values({ names: { fr: "Séance info", nl: "Infosessie", de: "Infoversammlung", en: "Info session" } })
    .returning();
  info = type!.id;
  await db.insert(t.esfEntryTypes).values({ entryTypeId: info, field: "10" });
  pia = await newClient(eupen, { firstName: "Pia", lastName: "Esser", language: "de" });
  bob = await newClient(eupen, { firstName: "Bob", lastName: "Dupont", language: "fr" });
  // Pia: two information sessions in 2030 (2:00 each: 4:00); Bob: one (2:00).
  await presence(pia, "2030-02-04");
  await presence(pia, "2030-09-15");
  await presence(bob, "2030-03-01");
  expect(await agent.integ.esfCompute({ year: YEAR })).toEqual({ created: 2, updated: 0, kept: 0 });
});

const get = (id: number) => agent.resources.get({ resource: "integ.esfSummaries", id });

/** The excerpts printed of a summary, oldest first. */
const excerptsOf = async (id: number) => {
  const { db, t } = tenantHandle(eupen);
  return db
    .select({ id: t.excerpts.id, clearedAt: t.excerpts.clearedAt })
    .from(t.excerpts)
    .where(and(eq(t.excerpts.ownerType, "esfSummary"), eq(t.excerpts.ownerId, id)))
    .orderBy(t.excerpts.id);
};

describe("hours edited by hand", () => {
  it("are typed h:mm, mark the summary as changed by a user, audited, and kept by a recomputation", async () => {
    const { id } = await summaryOf(pia);
    const before = await get(id);
    expect([before.h10, before.h20, before.userModified]).toEqual(["4:00", "", false]);
    await agent.resources.update({
      resource: "integ.esfSummaries",
      id,
      version: Number(before.__version),
      patch: { h10: "5:30", h20: "0:45", h44: "12" },
    });
    const row = await summaryOf(pia);
    expect(row.minutes).toEqual({ "10": 330, "20": 45, "44": 720 });
    expect(row.userModified).toBe(true);
    const after = await get(id);
    expect([after.h10, after.h20, after.h44, after.userModified]).toEqual(["5:30", "0:45", "12:00", true]);
    // The audit row says what changed, in minutes.
    const { db, t } = tenantHandle(eupen);
    const [audit] = await db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entity, "integ.esfSummaries"), eq(t.auditLog.entityId, String(id))))
      .orderBy(desc(t.auditLog.id))
      .limit(1);
    expect(audit!.action).toBe("integ.esfSummaries.update");
    expect(audit!.changes).toEqual({
      h10: { from: 240, to: 330 },
      h20: { from: null, to: 45 },
      h44: { from: null, to: 720 },
    });
    // A third session: the recomputation leaves Pia's figures as typed, updates Bob's.
    await presence(pia, "2030-11-02");
    await presence(bob, "2030-11-02");
    expect(await agent.integ.esfCompute({ year: YEAR })).toEqual({ created: 0, updated: 1, kept: 1 });
    expect((await summaryOf(pia)).minutes).toEqual({ "10": 330, "20": 45, "44": 720 });
    expect((await summaryOf(bob)).minutes).toEqual({ "10": 240 });
  });

  it("saving the hours as they are, or other fields, does not mark a summary as changed by hand", async () => {
    const { id } = await summaryOf(bob);
    const row = await get(id);
    await agent.resources.update({
      resource: "integ.esfSummaries",
      id,
      version: Number(row.__version),
      patch: { h10: "4:00", h20: "", remark: "Motivé", childrenAtCharge: 2 },
    });
    const saved = await summaryOf(bob);
    expect([saved.minutes, saved.userModified, saved.remark, saved.childrenAtCharge]).toEqual([
      { "10": 240 },
      false,
      "Motivé",
      2,
    ]);
  });

  it.each([["5:75"], ["abc"], ["1:5"], ["-1:00"], ["8785:00"], ["1:00:00"], ["99999"]])(
    "refuses %s with a translated 400, nothing saved",
    async (typed) => {
      const { id } = await summaryOf(pia);
      const before = await summaryOf(pia);
      const row = await get(id);
      const refusal = await agent.resources
        .update({
          resource: "integ.esfSummaries",
          id,
          version: Number(row.__version),
          patch: { remark: "should not stay", h21: typed },
        })
        .then(() => null, errorAsSent);
      // A 400 whose translated message is the catalogue's INVALID_INPUT, on the field typed.
      expect(refusal).toMatchObject({ httpStatus: 400, appCode: "INVALID_INPUT", fieldErrors: [{ path: "h21" }] });
      const after = await summaryOf(pia);
      expect([after.minutes, after.remark, after.version]).toEqual([before.minutes, before.remark, before.version]);
    },
  );

  it("accepts every hour of a leap year, and no more", async () => {
    const { id } = await summaryOf(bob);
    const row = await get(id);
    await agent.resources.update({
      resource: "integ.esfSummaries",
      id,
      version: Number(row.__version),
      patch: { h60: "8784:00" },
    });
    expect((await summaryOf(bob)).minutes).toEqual({ "10": 240, "60": 527_040 });
  });

  it("go back to the computed values on request: user_modified cleared, the row computed again, audited", async () => {
    const { id, version } = await summaryOf(pia);
    // A stale version is refused.
    expect(
      await appCodeOf(
        agent.resources.action({ resource: "integ.esfSummaries", id, name: "revertEsf", version: version - 1 }),
      ),
    ).toBe("STALE_EDIT");
    await agent.resources.action({ resource: "integ.esfSummaries", id, name: "revertEsf", version });
    const row = await summaryOf(pia);
    // Three sessions of 2:00.
    expect([row.minutes, row.userModified, row.version]).toEqual([{ "10": 360 }, false, version + 1]);
    const { db, t } = tenantHandle(eupen);
    const [audit] = await db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entity, "integ.esfSummaries"), eq(t.auditLog.entityId, String(id))))
      .orderBy(desc(t.auditLog.id))
      .limit(1);
    expect(audit!.action).toBe("integ.esfSummaries.revert");
    expect(audit!.changes).toEqual({
      minutes: { from: { "10": 330, "20": 45, "44": 720 }, to: { "10": 360 } },
      userModified: { from: true, to: false },
    });
    // Computed again from now on.
    await presence(pia, "2030-12-01");
    expect(await agent.integ.esfCompute({ year: YEAR })).toMatchObject({ updated: 1, kept: 1 });
    expect((await summaryOf(pia)).minutes).toEqual({ "10": 480 });
  });
});

describe("the Training report", () => {
  it("prints a summary in the client's language (German), each field's hours and the situation", async () => {
    const { id, version } = await summaryOf(pia);
    const { db, t } = tenantHandle(eupen);
    const [level] = await db
      .select({ id: t.cvEducationLevels.id, names: t.cvEducationLevels.names })
      .from(t.cvEducationLevels)
      .limit(1);
    await agent.resources.update({
      resource: "integ.esfSummaries",
      id,
      version,
      patch: {
        certifiedHandicap: true,
        childrenAtCharge: 3,
        result: "10",
        remark: "Sehr motiviert",
        ...(level ? { educationLevel: level.id } : {}),
      },
    });
    const open = (await agent.resources.action({ resource: "integ.esfSummaries", id, name: "printTrainingReport" }))!
      .open!;
    expect(open.resource).toBe("documents.mine");
    const text = await printedText(agentClaims, Number(open.id));
    expect(text).toContain("(Übersetzung)");
    expect(text).toContain("Ausbildungsbericht");
    expect(text).toContain("Klient ESSER Pia");
    expect(text).toContain("Jahr 2030");
    // 4 sessions of 2:00; the other fields at 0:00; the contract fields named too.
    expect(text).toContain("S.Inf · Informationsversammlung 8:00");
    expect(text).toContain("E.Ind · Einzelgespräch 0:00");
    expect(text).toContain("60§7 · Beschäftigung Art. 60§7 0:00");
    expect(text).toContain("Insgesamt 8:00");
    expect(text).toContain("Kinder zu Lasten 3");
    expect(text).toContain("Anerkannte Behinderung Ja");
    expect(text).toContain("Andere Schwierigkeit Nein");
    expect(text).toContain(
      "Ergebnis (Teilnahmebescheinigung) Evaluierungsprüfung bestanden, ohne spezifischen Abschluss",
    );
    expect(text).toContain("Bemerkung: Sehr motiviert");
    if (level) expect(text).toContain(`Ausbildungsniveau ${(level.names as Record<string, string>).de}`);
    expect(text).not.toMatch(/[{}]/);
    // The excerpt is the client's, printed in German.
    const [excerpt] = await db
      .select()
      .from(t.excerpts)
      .where(eq(t.excerpts.id, Number(open.id)));
    expect([excerpt!.ownerType, excerpt!.ownerId, excerpt!.clientId, excerpt!.language]).toEqual([
      "esfSummary",
      id,
      pia,
      "de",
    ]);
  });

  it("prints a French-speaking client's in French, without the translation line", async () => {
    const { id } = await summaryOf(bob);
    const open = (await agent.resources.action({ resource: "integ.esfSummaries", id, name: "printTrainingReport" }))!
      .open!;
    const text = await printedText(agentClaims, Number(open.id));
    expect(text).not.toContain("(Traduction)");
    expect(text).toContain("Rapport de formation");
    expect(text).toContain("Bénéficiaire DUPONT Bob");
    expect(text).toContain("S.Inf · Séance d'information 4:00");
    expect(text).toContain("CyE · Cyber emploi 8784:00");
    expect(text).toContain("Total 8788:00");
    expect(text).toContain("Handicap reconnu Non");
  });
});

describe("printing certifies the summary", () => {
  const act = (c: Caller, id: number, name: string, version?: number) =>
    c.resources.action({ resource: "integ.esfSummaries", id, name, ...(version ? { version } : {}) });
  const update = async (id: number, patch: Record<string, unknown>) =>
    agent.resources.update({ resource: "integ.esfSummaries", id, version: Number((await get(id)).__version), patch });
  const messageOf = (e: unknown, language: "fr" | "de") => {
    const { params } = errorAsSent(e);
    return translatorFor(language)(String(params.messageKey), params);
  };

  it("locks the printed fields, keeps the hours through a recomputation, refuses the revert, until 'Clear printed'", async () => {
    const { id } = await summaryOf(pia); // printed above (German)
    const row = await get(id);
    expect(row.__certified).toBe(true);
    expect(row.printed).toEqual(expect.any(String));
    const [first] = await excerptsOf(id);
    // Printing again gives the same document (§14.1).
    const again = (await act(agent, id, "printTrainingReport"))!.open!;
    expect(Number(again.id)).toBe(first!.id);
    for (const [field, value] of [
      ["h10", "9:00"],
      ["h44", "1:30"],
      ["childrenAtCharge", 4],
      ["certifiedHandicap", false],
      ["otherDifficulty", true],
      ["result", null],
      ["educationLevel", null],
    ] as const) {
      const refused = await update(id, { [field]: value }).catch((e: unknown) => e);
      expect(errorAsSent(refused), field).toMatchObject({
        httpStatus: 400,
        appCode: "INVALID_INPUT",
        params: { field, messageKey: "documents.certified.locked" },
      });
      expect(messageOf(refused, "de")).toContain("Druck freigeben");
    }
    const before = await summaryOf(pia);
    expect([before.minutes, before.childrenAtCharge, before.result, before.version]).toEqual([
      { "10": 480 },
      3,
      "10",
      Number(row.__version),
    ]);
    // The remark is not printed-only: it stays editable.
    await update(id, { remark: "Sehr motiviert, gedruckt" });
    // A new presence: a recomputation leaves the printed summary as printed (kept), Bob's too (printed).
    await presence(pia, "2030-10-01");
    expect(await agent.integ.esfCompute({ year: YEAR })).toEqual({ created: 0, updated: 0, kept: 2 });
    expect((await summaryOf(pia)).minutes).toEqual({ "10": 480 });
    // "Back to the computed hours" is refused while printed, with its translated message; nothing changes.
    const revert = await act(agent, id, "revertEsf", Number((await get(id)).__version)).catch((e: unknown) => e);
    expect(errorAsSent(revert)).toMatchObject({
      httpStatus: 400,
      appCode: "INVALID_INPUT",
      params: { messageKey: "integReports.esf.revertPrinted" },
    });
    expect(messageOf(revert, "fr")).toContain("Libérer l'impression");
    expect((await summaryOf(pia)).minutes).toEqual({ "10": 480 });

    await act(agent, id, "clearPrinted");
    const cleared = await get(id);
    expect([cleared.__certified, cleared.printed]).toEqual([false, null]);
    const audit = await tenantHandle(eupen)
      .db.select({ action: tenantHandle(eupen).t.auditLog.action })
      .from(tenantHandle(eupen).t.auditLog)
      .where(eq(tenantHandle(eupen).t.auditLog.entityId, String(first!.id)));
    expect(audit.map((a) => a.action)).toContain("documents.mine.clearPrinted");
    await update(id, { childrenAtCharge: 4 });
    expect((await summaryOf(pia)).childrenAtCharge).toBe(4);
    const nothing = await act(agent, id, "clearPrinted").catch((e: unknown) => e);
    expect(errorAsSent(nothing)).toMatchObject({
      httpStatus: 400,
      params: { messageKey: "integReports.esf.nothingToClear" },
    });
    // Released, the summary goes back to the computed hours: the new presence counts (5 × 2:00).
    await act(agent, id, "revertEsf", Number((await get(id)).__version));
    expect((await summaryOf(pia)).minutes).toEqual({ "10": 600 });
    // The next print is a new document.
    const next = (await act(agent, id, "printTrainingReport"))!.open!;
    expect(Number(next.id)).not.toBe(first!.id);
    await act(agent, id, "clearPrinted");
    await act(agent, (await summaryOf(bob)).id, "clearPrinted");
  });

  it("tells the form which fields are locked", async () => {
    const meta = await agent.resources.meta({ resource: "integ.esfSummaries" });
    expect(meta.certified!.fields).toEqual([
      "educationLevel",
      "childrenAtCharge",
      "certifiedHandicap",
      "otherDifficulty",
      "result",
      "h10",
      "h20",
      "h21",
      "h30",
      "h40",
      "h41",
      "h42",
      "h43",
      "h44",
      "h50",
      "h60",
      "h70",
    ]);
  });

  it("the Training report's type is certifying, in a new centre and by the migration in an older one", async () => {
    const { db, t, schema } = tenantHandle(chatelet);
    const types = await db.select().from(t.excerptTypes).where(eq(t.excerptTypes.contentType, "esfSummary"));
    expect(types.map((x) => [x.template, x.certifying, x.isPrimary])).toEqual([["esfTrainingReport", true, true]]);
    await db.update(t.excerptTypes).set({ certifying: false }).where(eq(t.excerptTypes.contentType, "esfSummary"));
    const migration = loadMigrations(MIGRATIONS_DIR.tenant).find((m) => m.tag.endsWith("_esf_result_choice"))!;
    const statement = migration.statements.find((s) => s.includes("'esfSummary'"))!;
    await getPool(chatelet.clusterId).query(rewriteStatement(statement, schema));
    const after = await db.select().from(t.excerptTypes).where(eq(t.excerptTypes.contentType, "esfSummary"));
    expect(after.map((x) => x.certifying)).toEqual([true]);
  });
});

describe("the hour fields' names", () => {
  it("are the statistical fields' full names in the detail and form, the short codes only as column headers", async () => {
    const meta = await agent.resources.meta({ resource: "integ.esfSummaries" });
    const names = Object.fromEntries(
      ["h10", "h44", "h50", "h70"].map((n) => [n, [meta.fields[n]!.label, meta.fields[n]!.columnLabel]]),
    );
    expect(names).toEqual({
      h10: ["choices.esfFields.10", "integReports.esf.short.10"],
      h44: ["choices.esfFields.44", "integReports.esf.short.44"],
      h50: ["integReports.esf.contractFields.50", "integReports.esf.short.50"],
      h70: ["integReports.esf.contractFields.70", "integReports.esf.short.70"],
    });
    const [fr, de] = [translatorFor("fr"), translatorFor("de")];
    expect([fr(names.h10![0]!), fr(names.h10![1]!), de(names.h70![0]!)]).toEqual([
      "S.Inf · Séance d'information",
      "S.Inf",
      "60§7 · Beschäftigung Art. 60§7",
    ]);
    // Other fields have no short header.
    expect(meta.fields.year!.columnLabel).toBeUndefined();
  });
});

describe("the result", () => {
  it("takes a value of Lino's list, refuses another with nothing saved, and the list is filtered by it", async () => {
    const { id, version } = await summaryOf(bob);
    const bad = await agent.resources
      .update({
        resource: "integ.esfSummaries",
        id,
        version,
        patch: { result: "Prüfung bestanden", childrenAtCharge: 5 },
      })
      .then(() => null, errorAsSent);
    expect(bad).toMatchObject({ httpStatus: 400, appCode: "INVALID_INPUT" });
    const after = await summaryOf(bob);
    expect([after.result, after.childrenAtCharge, after.version]).toEqual([null, 2, version]);
    const list = async (filters: Record<string, unknown>) =>
      (
        await agent.resources.list({
          resource: "integ.esfSummaries",
          state: { page: 1, pageSize: 10, sort: [], q: "", filters: { year: String(YEAR), ...filters } },
        })
      ).rows.map((r) => r.id);
    // Pia's result is 10 (set above), Bob's is none.
    expect(await list({ result: "10" })).toEqual([(await summaryOf(pia)).id]);
    expect((await list({})).length).toBe(2);
  });
});

describe("the client's History tab", () => {
  it("lists the client's summaries per year for the integration service only", async () => {
    const slaves = async (c: Caller) =>
      (await c.resources.meta({ resource: "clients.clients" })).detail
        .find((tab) => tab.key === "history")!
        .slaves.map((s) => s.resource);
    expect(await slaves(agent)).toContain("integ.esfSummaries");
    // A social coordinator (210) reads clients but no ESF summary.
    const coordinator = (await caller(eupen, "210")).caller;
    expect(await slaves(coordinator)).not.toContain("integ.esfSummaries");
    const page = await agent.resources.list({
      resource: "integ.esfSummaries",
      state: { page: 1, pageSize: 10, sort: [], q: "", filters: {}, master: { field: "client", value: pia } },
    });
    expect(page.rows.map((r) => [r.year, r.h10])).toEqual([[YEAR, "10:00"]]);
  });
});

describe("centres and user types", () => {
  it("never reaches another centre's summary", async () => {
    const { id } = await summaryOf(pia);
    const foreign = (await caller(chatelet, "100")).caller;
    expect(await appCodeOf(foreign.resources.get({ resource: "integ.esfSummaries", id }))).toBe("NOT_FOUND");
    expect(
      await appCodeOf(foreign.resources.action({ resource: "integ.esfSummaries", id, name: "printTrainingReport" })),
    ).toBe("NOT_FOUND");
    expect(await appCodeOf(foreign.resources.action({ resource: "integ.esfSummaries", id, name: "revertEsf" }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await appCodeOf(
        foreign.resources.update({ resource: "integ.esfSummaries", id, version: 1, patch: { h10: "1:00" } }),
      ),
    ).toBe("NOT_FOUND");
    expect((await summaryOf(pia)).minutes).toEqual({ "10": 600 });
    // Printed here, its print is not released from another centre.
    await agent.resources.action({ resource: "integ.esfSummaries", id, name: "printTrainingReport" });
    expect(
      await appCodeOf(foreign.resources.action({ resource: "integ.esfSummaries", id, name: "clearPrinted" })),
    ).toBe("NOT_FOUND");
    expect((await get(id)).__certified).toBe(true);
    await agent.resources.action({ resource: "integ.esfSummaries", id, name: "clearPrinted" });
  });

  // IntegUser (domain-integ-money §1): integration agents (100, 110, 120), the flexible social agent
  // (420) and administrators (900, 910) edit, revert and print; the others reach nothing.
  const ALLOWED = ["100", "110", "120", "420", "900", "910"];
  const ALL: UserType[] = [
    "100",
    "110",
    "120",
    "200",
    "210",
    "220",
    "300",
    "400",
    "410",
    "420",
    "500",
    "510",
    "800",
    "900",
    "910",
  ];
  it.each(ALL)("user type %s: edits, reverts, prints and clears the print only with IntegUser", async (type) => {
    const { id } = await summaryOf(bob);
    const { caller: c } = await caller(eupen, type);
    const expected = ALLOWED.includes(String(type)) ? "resolved" : "FORBIDDEN";
    const version = (await summaryOf(bob)).version;
    const edit = await appCodeOf(
      c.resources.update({ resource: "integ.esfSummaries", id, version, patch: { h43: "1:00" } }),
    );
    const revert = await appCodeOf(
      c.resources.action({
        resource: "integ.esfSummaries",
        id,
        name: "revertEsf",
        version: (await summaryOf(bob)).version,
      }),
    );
    const print = await appCodeOf(
      c.resources.action({ resource: "integ.esfSummaries", id, name: "printTrainingReport" }),
    );
    // Printed, the summary is released again by the same user ("Clear printed", IntegUser too).
    const clear = await appCodeOf(c.resources.action({ resource: "integ.esfSummaries", id, name: "clearPrinted" }));
    expect([type, edit, revert, print, clear]).toEqual([type, expected, expected, expected, expected]);
  });
});

describe("the migration esf_training_report", () => {
  it("gives a centre that existed before it the Training report's type, once", async () => {
    const { db, t, schema } = tenantHandle(chatelet);
    await db.delete(t.excerptTypes).where(eq(t.excerptTypes.template, "esfTrainingReport"));
    const migration = loadMigrations(MIGRATIONS_DIR.tenant).find((m) => m.tag.endsWith("_esf_training_report"))!;
    const dataStatement = migration.statements.find((s) => s.includes("-- hand-written"))!;
    const pool = getPool(chatelet.clusterId);
    await pool.query(rewriteStatement(dataStatement, schema));
    await pool.query(rewriteStatement(dataStatement, schema));
    const rows = await db.select().from(t.excerptTypes).where(eq(t.excerptTypes.template, "esfTrainingReport"));
    expect(rows.map((r) => [r.contentType, r.isPrimary, r.names])).toEqual([
      [
        "esfSummary",
        true,
        { fr: "Rapport de formation", nl: "Opleidingsverslag", de: "Ausbildungsbericht", en: "Training report" },
      ],
    ]);
  });
});

describe("the demo", () => {
  it("maps the entry types that invite clients to the fields in turn (Lino's demo) and computes this year's summaries", async () => {
    const demo = await newCentre("esf-demo"); // a training centre: the demo data comes with it
    const h = tenantHandle(demo);
    const { db, t } = h;
    const mapping = await db
      .select({ ref: t.entryTypes.ref, field: t.esfEntryTypes.field })
      .from(t.esfEntryTypes)
      .innerJoin(t.entryTypes, eq(t.entryTypes.id, t.esfEntryTypes.entryTypeId))
      .orderBy(t.entryTypes.seqno);
    expect(mapping).toEqual([
      { ref: "client", field: "10" },
      { ref: "evaluation", field: "20" },
      { ref: "external", field: "21" },
      { ref: "information", field: "30" },
    ]);
    const year = Number(belgianToday().slice(0, 4));
    const summaries = await db.select().from(t.esfSummaries).where(eq(t.esfSummaries.year, year));
    expect(summaries.length).toBeGreaterThan(0);
    // One in three (by id) has Lino's participation certificate as its result, the others none.
    expect(summaries.map((s) => [s.id, s.result])).toEqual(summaries.map((s) => [s.id, s.id % 3 === 0 ? "10" : null]));
    // They are what a computation gives: computing again changes nothing; seeding again adds nothing.
    expect(await computeEsf(h, systemActor("test"), year)).toEqual({ created: 0, updated: 0, kept: 0 });
    await seedEsfDemoMapping(h, { kind: "training", defaultLocale: "fr" } as never);
    expect(await db.select().from(t.esfEntryTypes)).toHaveLength(4);
  });
});
