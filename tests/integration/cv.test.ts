import { and, eq } from "drizzle-orm";
import PizZip from "pizzip";
import { registry } from "@/server/areas";
import { cvDocumentData } from "@/server/cv/document";
import { letterheadData, type Centre } from "@/server/documents/print";
import { renderDocx } from "@/server/documents/render";
import { defaultTemplate } from "@/server/documents/templates";
import { resolveSessionUser } from "@/server/auth/session";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePools } from "@/server/db/pool";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient, newStaff } from "./factories";
import { appCodeOf, newCentre } from "./helpers";

afterAll(closePools);

// The CV (domain-integ-money §2.1) and the integration clients' search on CV criteria (§2.2).
type Staff = Awaited<ReturnType<typeof newStaff>>;
const SURNAME = "Lebenslauf";
const state = (filters: Record<string, unknown>) => ({
  page: 1,
  pageSize: 50,
  sort: [{ field: "name", dir: "asc" as const }],
  filters: { coachedBy: null, ...filters },
  q: SURNAME,
});

let centre: Tenant;
let other: Tenant;
let agent: Staff;
let staff: Staff;
let social: Staff;
let foreignAgent: Staff;
const c = {} as Record<"Anna" | "Bruno" | "Chloé" | "David" | "Emma", number>;
const cfg: Record<string, number> = {};

/** The first names of this test's integration clients the filters find, in name order. */
const found = async (filters: Record<string, unknown>, who: Staff = agent) =>
  (await who.caller.resources.list({ resource: "integ.clients", state: state(filters) })).rows.map((r) =>
    (Object.keys(c) as (keyof typeof c)[]).find((name) => c[name] === Number(r.id)),
  );

beforeAll(async () => {
  [centre, other] = await Promise.all([newCentre("cv"), newCentre("cv-other")]);
  [agent, staff, social, foreignAgent] = await Promise.all([
    newStaff(centre, "100"),
    newStaff(centre, "110"),
    newStaff(centre, "400"),
    newStaff(other, "100"),
  ]);
  for (const name of ["Anna", "Bruno", "Chloé", "David", "Emma"] as const)
    c[name] = await newClient(centre, { firstName: name, lastName: SURNAME, gender: name === "Bruno" ? "M" : "F" });
  const h = tenantHandle(centre);
  const idOf = async (table: "cvSectors" | "cvFunctions" | "cvObstacleTypes" | "cvSoftSkillTypes", en: string) => {
    const rows = await h.db.select({ id: h.t[table].id, names: h.t[table].names }).from(h.t[table]);
    return rows.find((r) => r.names.en === en)!.id;
  };
  cfg.horeca = await idOf("cvSectors", "Tourism");
  cfg.cleaning = await idOf("cvSectors", "Cleaning");
  cfg.cook = await idOf("cvFunctions", "Cook");
  cfg.waiter = await idOf("cvFunctions", "Waiter");
  cfg.health = await idOf("cvObstacleTypes", "Health");
  cfg.debts = await idOf("cvObstacleTypes", "Debts");
  cfg.teamwork = await idOf("cvSoftSkillTypes", "Teamwork");
  const add = (resource: string, values: Record<string, unknown>) =>
    agent.caller.resources.create({ resource, values, confirmed: true });
  // Anna: German B2, cook in Horeca, health obstacle. Bruno: German mother tongue, waiter.
  // Chloé: German A2, in a training now (cleaning). David: English C1, studies until 2020. Emma: nothing.
  await add("cv.languageKnowledge", { client: c.Anna, language: "de", cefLevel: "B2" });
  await add("cv.languageKnowledge", { client: c.Bruno, language: "de", native: true });
  await add("cv.languageKnowledge", { client: c.Chloé, language: "de", cefLevel: "A2", spoken: "2" });
  await add("cv.languageKnowledge", { client: c.David, language: "en", cefLevel: "C1" });
  await add("cv.experiences", {
    client: c.Anna,
    company: "Hôtel du Lac",
    sector: cfg.horeca,
    function: cfg.cook,
    startDate: "2015-01-01",
    endDate: "2018-12-31",
  });
  await add("cv.experiences", { client: c.Bruno, company: "Brasserie", function: cfg.waiter, startDate: "2019-01-01" });
  await add("cv.trainings", {
    client: c.Chloé,
    content: "Nettoyage industriel",
    sector: cfg.cleaning,
    startDate: "2020-09-01",
  });
  await add("cv.studies", { client: c.David, content: "Bachelor", startDate: "2016-09-01", endDate: "2020-06-30" });
  await add("cv.obstacles", { client: c.Anna, type: cfg.health });
  await add("cv.softSkills", { client: c.David, type: cfg.teamwork });
});

describe("the integration clients' search on CV criteria", () => {
  it("finds who knows a language, at least at a level (a mother tongue counts as any level)", async () => {
    expect(await found({ cvLanguage: "de" })).toEqual(["Anna", "Bruno", "Chloé"]);
    expect(await found({ cvLanguage: "de", cvMinLevel: "B1" })).toEqual(["Anna", "Bruno"]);
    expect(await found({ cvLanguage: "de", cvMinLevel: "C1" })).toEqual(["Bruno"]);
    // A level without a language: any language at that level.
    expect(await found({ cvMinLevel: "C1" })).toEqual(["Bruno", "David"]);
  });

  it("finds who worked or trained in a sector or a function", async () => {
    expect(await found({ cvSector: cfg.horeca })).toEqual(["Anna"]);
    expect(await found({ cvSector: cfg.cleaning })).toEqual(["Chloé"]);
    expect(await found({ cvFunction: cfg.waiter })).toEqual(["Bruno"]);
  });

  it("finds who has an obstacle or a soft skill", async () => {
    expect(await found({ cvObstacle: cfg.health })).toEqual(["Anna"]);
    expect(await found({ cvObstacle: cfg.debts })).toEqual([]);
    expect(await found({ cvSoftSkill: cfg.teamwork })).toEqual(["David"]);
  });

  it("finds who is learning: an entry covering the whole period (today without one)", async () => {
    // Bruno's open experience and Chloé's open training cover today; David's studies ended in 2020.
    expect(await found({ cvLearning: true })).toEqual(["Bruno", "Chloé"]);
    expect(await found({ cvLearning: true, period: { from: "2017-01-01", to: "2017-12-31" } })).toEqual([
      "Anna",
      "David",
    ]);
    // Entries that do not cover the whole period: David's studies end, Chloé's training starts, within it.
    expect(await found({ cvLearning: true, period: { from: "2020-01-01", to: "2020-12-31" } })).toEqual(["Bruno"]);
  });

  it("combines with each other and with the client list's own filters", async () => {
    expect(await found({ cvLanguage: "de", gender: "F" })).toEqual(["Anna", "Chloé"]);
    expect(await found({ cvLanguage: "de", cvSector: cfg.horeca })).toEqual(["Anna"]);
    expect(await found({ cvLanguage: "en", cvLearning: true })).toEqual([]);
  });

  it("declares its filters with a summary for the list's title", async () => {
    const meta = await agent.caller.resources.meta({ resource: "integ.clients" });
    const byName = Object.fromEntries(meta.filters.map((f) => [f.name, f]));
    expect(byName.cvLanguage?.summary).toBe("cv.search.languageSummary");
    expect(byName.cvSector?.ref).toBe("cv.sectors");
    expect(byName.cvLearning?.widget).toBe("boolean");
  });

  it("refuses a value that names no level with a 400, never a 500", async () => {
    expect(await appCodeOf(found({ cvMinLevel: "Z9" }))).toBe("INVALID_INPUT");
  });
});

describe("the CV's rows", () => {
  it("start a new entry where the client's latest one of its kind ended", async () => {
    const { id } = await agent.caller.resources.create({
      resource: "cv.experiences",
      values: { client: c.Anna, company: "Restaurant du Port" },
      confirmed: true,
    });
    expect((await agent.caller.resources.get({ resource: "cv.experiences", id })).startDate).toBe("2018-12-31");
    // The first entry of a kind gets none.
    const first = await agent.caller.resources.create({
      resource: "cv.studies",
      values: { client: c.Anna, content: "CESS" },
      confirmed: true,
    });
    expect((await agent.caller.resources.get({ resource: "cv.studies", id: first.id })).startDate).toBeNull();
  });

  it("know one language once per client", async () => {
    expect(
      await appCodeOf(
        agent.caller.resources.create({
          resource: "cv.languageKnowledge",
          values: { client: c.Anna, language: "de", cefLevel: "C1" },
          confirmed: true,
        }),
      ),
    ).not.toBe("INTERNAL_SERVER_ERROR");
    const h = tenantHandle(centre);
    const rows = await h.db.select().from(h.t.cvLanguageKnowledge).where(eq(h.t.cvLanguageKnowledge.clientId, c.Anna));
    expect(rows.map((r) => r.cefLevel)).toEqual(["B2"]);
  });

  it("record who detected an obstacle", async () => {
    const [row] = (
      await agent.caller.resources.list({
        resource: "cv.obstacles",
        state: { page: 1, pageSize: 10, sort: [], filters: {}, q: "", master: { field: "client", value: c.Anna } },
      })
    ).rows;
    // Named like every other user reference ("first last"), not by the account's username.
    expect(row?.user).toEqual({ id: agent.user.id, label: `Test User 100` });
    // The user is set by the server: an agent cannot say someone else detected it.
    expect(
      await appCodeOf(
        agent.caller.resources.update({
          resource: "cv.obstacles",
          id: Number(row!.id),
          version: Number(row!.__version),
          patch: { user: staff.user.id },
        }),
      ),
    ).toBe("BAD_REQUEST");
  });
});

describe("who reaches the CV", () => {
  it("shows the Career tab to integration agents only", async () => {
    const tabs = async (s: Staff) =>
      (await s.caller.resources.meta({ resource: "clients.clients" })).detail.map((t) => t.key);
    expect(await tabs(agent)).toContain("career");
    expect(await tabs(social)).not.toContain("career");
  });

  it("shows Châtelet's skills, soft skills and obstacles only where the centre uses Châtelet's field set", async () => {
    const slaves = async () =>
      (await agent.caller.resources.meta({ resource: "clients.clients" })).detail
        .find((t) => t.key === "career")!
        .slaves.map((s) => s.resource);
    expect(await slaves()).toEqual(["cv.languageKnowledge", "cv.studies", "cv.trainings", "cv.experiences"]);
    const h = tenantHandle(centre);
    await h.db
      .update(h.t.siteSettings)
      .set({ clientFieldSets: ["chatelet"] })
      .where(eq(h.t.siteSettings.id, 1));
    try {
      expect(await slaves()).toContain("cv.obstacles");
    } finally {
      await h.db.update(h.t.siteSettings).set({ clientFieldSets: [] }).where(eq(h.t.siteSettings.id, 1));
    }
  });

  it("refuses the CV and its search to a social agent (not an integration agent)", async () => {
    expect(
      await appCodeOf(
        social.caller.resources.list({
          resource: "cv.languageKnowledge",
          state: { page: 1, pageSize: 10, sort: [], filters: {}, q: "", master: { field: "client", value: c.Anna } },
        }),
      ),
    ).toBe("FORBIDDEN");
    expect(await appCodeOf(found({ cvLanguage: "de" }, social))).toBe("FORBIDDEN");
  });

  it("gives the global lists to career staff, not to integration agents", async () => {
    const all = (s: Staff) =>
      s.caller.resources.list({
        resource: "cv.languageKnowledge",
        state: { page: 1, pageSize: 50, sort: [], filters: {}, q: "" },
      });
    expect((await all(staff)).rows.length).toBeGreaterThanOrEqual(4);
    expect(await appCodeOf(all(agent))).toBe("FORBIDDEN");
  });

  it("never shows nor touches another centre's CV", async () => {
    const h = tenantHandle(centre);
    const [row] = await h.db
      .select({ id: h.t.cvLanguageKnowledge.id, version: h.t.cvLanguageKnowledge.version })
      .from(h.t.cvLanguageKnowledge)
      .where(eq(h.t.cvLanguageKnowledge.clientId, c.Anna));
    const resource = "cv.languageKnowledge";
    expect(await appCodeOf(foreignAgent.caller.resources.get({ resource, id: row!.id }))).toBe("NOT_FOUND");
    expect(
      await appCodeOf(
        foreignAgent.caller.resources.update({
          resource,
          id: row!.id,
          version: row!.version,
          patch: { cefLevel: "C2" },
        }),
      ),
    ).toBe("NOT_FOUND");
    const listed = foreignAgent.caller.resources.list({
      resource,
      state: { page: 1, pageSize: 10, sort: [], filters: {}, q: "", master: { field: "client", value: c.Anna } },
    });
    expect(await appCodeOf(listed)).toBe("NOT_FOUND");
    // Nor a row made there for a client of this centre.
    expect(
      await appCodeOf(
        foreignAgent.caller.resources.create({
          resource,
          values: { client: c.Emma, language: "fr" },
          confirmed: true,
        }),
      ),
    ).toBe("INVALID_INPUT");
    const foreignFound = await foreignAgent.caller.resources.list({
      resource: "integ.clients",
      state: state({ cvLanguage: "de" }),
    });
    expect(foreignFound.rows).toEqual([]);
  });
});

/** The text of a .docx, as a reader sees it: the words of its document.xml in order. */
const textOf = (docx: Buffer) =>
  new PizZip(docx)
    .file("word/document.xml")!
    .asText()
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

describe("the CV document", () => {
  it("writes the client's CV in French, Dutch and German, languages in their text form", async () => {
    const handle = tenantHandle(centre);
    const ctx = {
      handle,
      user: (await resolveSessionUser(handle, centre, agent.claims))!,
      locale: "fr" as const,
      registry,
    };
    const centreOf: Centre = {
      names: { fr: "CPAS cv" },
      defaultLocale: "fr",
      address: "",
      phone: "",
      email: "",
      place: "",
    };
    const expected = {
      fr: [
        "Curriculum vitae",
        "LEBENSLAUF Anna",
        "allemand (B2)",
        "Expériences professionnelles",
        "Hôtel du Lac",
        "Cuisinier",
        "01/01/2015 – 31/12/2018",
      ],
      nl: ["(Vertaling)", "Curriculum vitae", "Duits (B2)", "Werkervaring", "Kok"],
      de: ["(Übersetzung)", "Lebenslauf", "Deutsch (B2)", "Berufserfahrungen", "Koch", "01.01.2015 – 31.12.2018"],
    };
    for (const language of ["fr", "nl", "de"] as const) {
      const data = {
        ...letterheadData(centreOf, language),
        ...(await cvDocumentData(handle.db, ctx, c.Anna, language)),
      };
      const text = textOf(renderDocx(await defaultTemplate("cv", language), data));
      for (const phrase of expected[language]) expect(text, language).toContain(phrase);
    }
    const bruno = { ...(await cvDocumentData(handle.db, ctx, c.Bruno, "de")) };
    expect(bruno.languages).toEqual([{ text: "Deutsch (MS)" }]);
  });

  it("is printed from the client through the centre's document types", async () => {
    const h = tenantHandle(centre);
    const [type] = await h.db
      .select({ id: h.t.excerptTypes.id })
      .from(h.t.excerptTypes)
      .where(and(eq(h.t.excerptTypes.template, "cv"), eq(h.t.excerptTypes.contentType, "client")));
    const result = await agent.caller.resources.action({
      resource: "clients.clients",
      id: c.Anna,
      name: "printOther",
      params: { type: type!.id },
    });
    expect(result).toMatchObject({ open: { resource: "documents.mine" } });
  });
});
