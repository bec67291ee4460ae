// The printed Art. 60§7 contract and immersion training, and the Art. 61 convention as a certifying print
// (issue 17 items 3–6; domain-integ-money §2.3, §2.5–2.7; domain-people §14): each prints in the contract's
// language, the first print certifies the contract (its printed fields refused with the translated message,
// nothing written, until "Clear printed", audited), who may print and clear per user type, nothing of one
// centre reachable from another, and the migration giving centres that existed before their document types.
import { and, eq, sql } from "drizzle-orm";
import PizZip from "pizzip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadMigrations, MIGRATIONS_DIR, rewriteStatement } from "@/db/migrate";
import type { SessionClaims } from "@/server/auth/session";
import { rolesInCentre, USER_TYPES, type UserType } from "@/server/auth/user-types";
import { closePools, getPool } from "@/server/db/pool";
import { excerptDownload } from "@/server/documents/routes";
import { translatorFor } from "@/server/i18n/translator";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient } from "./factories";
import { appCodeOf, callerOn, centreHost, errorAsSent, newCentre, newUser } from "./helpers";

afterAll(closePools);

type Caller = Awaited<ReturnType<typeof callerOn>>;
type Row = Record<string, unknown> & { __version: number; __certified?: boolean };

let centre: Tenant; // Châtelet's field set: immersion trainings on
let other: Tenant;
let agent: Caller;
let agentClaims: SessionClaims;
let social: Caller; // 400: reads contracts, writes none
let foreign: Caller; // 900 of the other centre
let foreignClaims: SessionClaims;
let company: number;
let contact: number;
let job: number;
let art60a: number;
let forem: number;
let goal: number;
let art61Type: number;
let nextYear = 2040; // each contract in its own year: contracts of one client may not overlap

const h = () => tenantHandle(centre);
const years = () => {
  const y = nextYear++;
  return { appliesFrom: `${y}-02-01`, appliesUntil: `${y}-12-31` };
};

/** The words of a .docx in order, as a reader sees them. */
const textOf = (docx: Buffer) =>
  new PizZip(docx)
    .file("word/document.xml")!
    .asText()
    .replace(/<[^>]+>/g, " ")
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

async function download(claims: SessionClaims, excerptId: number, tenant = centre) {
  const req = new Request(`http://${tenant.slug}.localhost/api/documents/${excerptId}/file.docx`, {
    headers: { host: `${tenant.slug}.localhost` },
  });
  return excerptDownload(req, claims, String(excerptId));
}
const printedText = async (excerptId: number) => {
  const res = await download(agentClaims, excerptId);
  expect(res.status).toBe(200);
  return textOf(Buffer.from(await res.arrayBuffer()));
};

const act = (c: Caller, resource: string, id: number, name: string) =>
  c.resources.action({ resource, id, name, params: {} });
const print = async (resource: string, id: number) => Number((await act(agent, resource, id, "print"))!.open!.id);
const rowOf = async (resource: string, id: number) => (await agent.resources.get({ resource, id })) as Row;
const update = async (resource: string, id: number, patch: Record<string, unknown>) =>
  agent.resources.update({ resource, id, version: (await rowOf(resource, id)).__version, patch });

const excerptsOf = async (ownerType: string, id: number) =>
  h()
    .db.select()
    .from(h().t.excerpts)
    .where(and(eq(h().t.excerpts.ownerType, ownerType), eq(h().t.excerpts.ownerId, id)))
    .orderBy(h().t.excerpts.id);

/** A client of the centre, German-speaking, with an address and birth date. */
const client = (language = "de") =>
  newClient(centre, {
    firstName: "Anna",
    lastName: "Arens",
    language,
    birthDate: "1980-03-05",
    street: "Bergstraße",
    streetNo: "12",
    zipCode: "4700",
  });

async function art60(values: Record<string, unknown> = {}) {
  const { id } = await agent.resources.create({
    resource: "jobs.contracts",
    values: { client: await client(), job, ...years(), duration: 312, ...values },
    confirmed: true,
  });
  await update("jobs.contracts", Number(id), {
    responsibilities: "<p>Gemüse putzen</p><ul><li>Küche reinigen</li><li>Bestellungen annehmen</li></ul>",
    referencePerson: "Erwin Ernst",
    refundRate: "50%",
  });
  return Number(id);
}

async function immersion(values: Record<string, unknown> = {}) {
  const { id } = await agent.resources.create({
    resource: "immersion.contracts",
    values: { client: await client("fr"), company, type: forem, goal, ...years(), ...values },
  });
  await update("immersion.contracts", Number(id), {
    contactPerson: contact,
    referencePerson: "Bernard Brasseur",
    responsibilities: "<p>Préparer la pâte</p><p>Servir les clients &amp; encaisser</p>",
  });
  return Number(id);
}

async function art61(values: Record<string, unknown> = {}) {
  const { id } = await agent.resources.create({
    resource: "art61.contracts",
    values: {
      client: await client("fr"),
      company,
      type: art61Type,
      jobTitle: "Boulanger",
      subsidize10: true,
      ...years(),
      ...values,
    },
  });
  return Number(id);
}

/** The message the user reads for a refusal, in their language. */
const messageOf = (e: unknown, language: "fr" | "de") => {
  const { params } = errorAsSent(e);
  return translatorFor(language)(String(params.messageKey), params);
};

beforeAll(async () => {
  [centre, other] = await Promise.all([newCentre("ctp-main", "production"), newCentre("ctp-other", "production")]);
  const { db, t } = h();
  for (const tenant of [centre, other]) {
    const o = tenantHandle(tenant);
    await o.db
      .update(o.t.siteSettings)
      .set({ clientFieldSets: ["chatelet"] })
      .where(eq(o.t.siteSettings.id, 1));
  }
  await db
    .update(t.documentSettings)
    .set({ place: "Châtelet" })
    .where(sql`true`);
  const a = await newUser(centre, "100", { firstName: "Hubert", lastName: "Huppertz", language: "fr" });
  agentClaims = a.claims;
  agent = await callerOn(centreHost(centre.slug), {}, a.claims);
  social = await callerOn(centreHost(centre.slug), {}, (await newUser(centre, "400")).claims);
  const f = await newUser(other, "900");
  foreignClaims = f.claims;
  foreign = await callerOn(centreHost(other.slug), {}, f.claims);
  const [org] = await db
    .insert(t.partners)
    .values({ kind: "organisation", name: "Boulangerie Mießen", street: "Rue Haute", streetNo: "3", zipCode: "6200" })
    .returning({ id: t.partners.id });
  company = org!.id;
  const [person] = await db
    .insert(t.partners)
    .values({ kind: "person", firstName: "Bernard", lastName: "Brasseur", name: "Brasseur Bernard" })
    .returning({ id: t.partners.id });
  contact = person!.id;
  const [a7] = await db.select().from(t.jobContractTypes).where(eq(t.jobContractTypes.ref, "art60-7a"));
  art60a = a7!.id;
  const admin = await callerOn(centreHost(centre.slug), {}, (await newUser(centre, "900")).claims);
  const provider = await admin.resources.create({ resource: "jobs.providers", values: { company } });
  const made = await admin.resources.create({
    resource: "jobs.jobs",
    values: { name: "Aide-cuisinier", provider: Number(provider.id), contractType: art60a, hourlyRate: 1250 },
  });
  job = Number(made.id);
  const types = await db.select().from(t.immersionContractTypes).orderBy(t.immersionContractTypes.id);
  forem = types.find((ty) => ty.names.en === "Immersion training")!.id;
  const [g] = await db.select().from(t.immersionGoals).orderBy(t.immersionGoals.id).limit(1);
  goal = g!.id;
  const [a61] = await db.select().from(t.art61ContractTypes).where(eq(t.art61ContractTypes.ref, "art61"));
  art61Type = a61!.id;
});

describe("the document types", () => {
  it("every new centre has a primary, certifying type for Art. 60§7 contracts, immersion trainings and Art. 61 conventions", async () => {
    const { db, t } = tenantHandle(other);
    const rows = await db
      .select()
      .from(t.excerptTypes)
      .where(sql`${t.excerptTypes.contentType} in ('art60Contract', 'immersionContract', 'art61Contract')`)
      .orderBy(t.excerptTypes.contentType);
    expect(rows.map((r) => [r.contentType, r.template, r.isPrimary, r.certifying])).toEqual([
      ["art60Contract", "art60Contract", true, true],
      ["art61Contract", "art61Convention", true, true],
      ["immersionContract", "immersionContract", true, true],
    ]);
  });

  it("reach a centre that existed before them through migration 0051, which adds nothing twice", async () => {
    const { db, t, schema } = tenantHandle(other);
    // As the centre was before 0051: no types for the two kinds, the convention not certifying.
    await db.delete(t.excerptTypes).where(sql`${t.excerptTypes.contentType} in ('art60Contract', 'immersionContract')`);
    await db.update(t.excerptTypes).set({ certifying: false }).where(eq(t.excerptTypes.contentType, "art61Contract"));
    const migration = loadMigrations(MIGRATIONS_DIR.tenant).find((m) => m.tag.endsWith("_contract_prints"))!;
    const pool = getPool(other.clusterId);
    for (let run = 0; run < 2; run++)
      for (const statement of migration.statements) await pool.query(rewriteStatement(statement, schema));
    const rows = await db
      .select()
      .from(t.excerptTypes)
      .where(sql`${t.excerptTypes.contentType} in ('art60Contract', 'immersionContract', 'art61Contract')`)
      .orderBy(t.excerptTypes.contentType);
    expect(rows.map((r) => [r.contentType, r.template, r.isPrimary, r.certifying])).toEqual([
      ["art60Contract", "art60Contract", true, true],
      ["art61Contract", "art61Convention", true, true],
      ["immersionContract", "immersionContract", true, true],
    ]);
    expect(rows[0]!.names).toEqual({
      fr: "Convention de mise à l'emploi art. 60§7",
      nl: "Overeenkomst tewerkstelling art. 60§7",
      de: "Konvention Art. 60§7",
      en: "Art. 60§7 job supply contract",
    });
  });
});

describe("the printed Art. 60§7 contract (§2.5)", () => {
  it("prints in the contract's language, German: parties, job, duration, rates, responsibilities", async () => {
    const id = await art60({ language: "de" });
    const excerptId = await print("jobs.contracts", id);
    const [excerpt] = await excerptsOf("art60Contract", id);
    expect(excerpt).toMatchObject({ id: excerptId, language: "de" });
    expect(excerpt!.fileName).toMatch(/^konvention-art60-\d+\.docx$/);
    const text = await printedText(excerptId);
    const year = nextYear - 1;
    expect(text).toContain("(Übersetzung)"); // a French-speaking centre's German document
    expect(text).toContain("Sozialökonomie");
    expect(text).toContain(`Konvention zur Beschäftigung gemäß Artikel 60 § 7 Nr. ${id}`);
    // A 7a type names the organisation as a social economy initiative (server/jobs/clauses.ts).
    expect(text).toContain(
      "und der vom Föderalen Minister für Soziale Eingliederung anerkannten Initiative der Sozialwirtschaft Boulangerie Mießen, Rue Haute 3, 6200, nachstehend „die Organisation“ genannt;",
    );
    expect(text).toContain("und Anna ARENS, geboren am 05.03.1980, wohnhaft Bergstraße 12, 4700");
    expect(text).toContain("Der Beschäftigte besetzt folgende Stelle: Aide-cuisinier.");
    expect(text).toContain(
      `für die Dauer von 312 Arbeitstagen ab dem 01.02.${year} bis zum 31.12.${year} eingestellt.`,
    );
    expect(text).toContain("Funktionen: Gemüse putzen • Küche reinigen • Bestellungen annehmen");
    expect(text).toContain("Referenzperson für die Betreuung am Arbeitsplatz: Erwin Ernst.");
    expect(text).toContain("einen Beitrag von 12,50 €.");
    expect(text).toContain("Das ÖSHZ übernimmt 50% der Rückerstattungen.");
    expect(text).toContain("Dienst für sozial-berufliche Eingliederung: Hubert Huppertz.");
    expect(text).toMatch(/Ausgefertigt in drei Exemplaren in Châtelet, den \d\d\.\d\d\.\d{4}/);
    expect(text).not.toMatch(/[{}]|&lt;|<p>/);
  });

  it("prints in French for a French contract, without a translation line", async () => {
    const id = await art60({ language: "fr" });
    const text = await printedText(await print("jobs.contracts", id));
    expect(text).toContain(`Convention de mise à l’emploi (article 60, § 7) n° ${id}`);
    expect(text).toContain("Économie sociale");
    expect(text).toContain("et Anna ARENS, né·e le 05/03/1980");
    expect(text).toContain("Le travailleur occupe le poste suivant : Aide-cuisinier.");
    expect(text).toContain("une contribution de 12,50 €.");
    expect(text).not.toContain("(Traduction)");
  });

  it("certifies the contract: printed fields refused with the message, nothing written, until 'Clear printed'", async () => {
    const id = await art60({ language: "de" });
    expect((await rowOf("jobs.contracts", id)).__certified).toBe(false);
    const first = await print("jobs.contracts", id);
    expect(await print("jobs.contracts", id)).toBe(first); // printing again opens the same document
    const row = await rowOf("jobs.contracts", id);
    expect(row.__certified).toBe(true);
    expect(row.printed).toEqual(expect.any(String));
    for (const [field, value] of [
      ["hourlyRate", 1400],
      ["responsibilities", "<p>Anderes</p>"],
      ["appliesFrom", "2099-01-01"],
      ["duration", 468],
    ] as const) {
      const refused = await update("jobs.contracts", id, { [field]: value }).catch((e: unknown) => e);
      expect(errorAsSent(refused), field).toMatchObject({
        httpStatus: 400,
        params: { field, messageKey: "documents.certified.locked" },
      });
      expect(messageOf(refused, "fr")).toContain("Libérer l'impression");
    }
    const after = await rowOf("jobs.contracts", id);
    expect([after.hourlyRate, after.duration, after.__version]).toEqual([1250, 312, row.__version]);
    // What happens after the print stays editable.
    await update("jobs.contracts", id, { dateIssued: "2041-02-03", remark: "unterschrieben" });

    expect(await appCodeOf(act(social, "jobs.contracts", id, "clearPrinted"))).toBe("FORBIDDEN");
    await act(agent, "jobs.contracts", id, "clearPrinted");
    const cleared = await rowOf("jobs.contracts", id);
    expect([cleared.__certified, cleared.printed]).toEqual([false, null]);
    const audit = await h()
      .db.select({ action: h().t.auditLog.action })
      .from(h().t.auditLog)
      .where(and(eq(h().t.auditLog.entity, "documents.mine"), eq(h().t.auditLog.entityId, String(first))));
    expect(audit.map((a) => a.action)).toContain("documents.mine.clearPrinted");
    await update("jobs.contracts", id, { hourlyRate: 1400 });
    expect((await rowOf("jobs.contracts", id)).hourlyRate).toBe(1400);
    const nothing = await act(agent, "jobs.contracts", id, "clearPrinted").catch((e: unknown) => e);
    expect(errorAsSent(nothing)).toMatchObject({
      httpStatus: 400,
      params: { messageKey: "isip.print.nothingToClear" },
    });
    expect(await print("jobs.contracts", id)).not.toBe(first);
  });

  it("tells the form which fields are locked", async () => {
    const meta = await agent.resources.meta({ resource: "jobs.contracts" });
    expect(meta.certified!.fields).toEqual(
      expect.arrayContaining(["job", "company", "hourlyRate", "responsibilities", "appliesFrom", "type", "client"]),
    );
    expect(meta.certified!.fields).not.toContain("dateIssued");
    expect(meta.certified!.fields).not.toContain("remark");
  });
});

describe("the printed immersion training (§2.7)", () => {
  it("prints in French: the PCSW, the integration service, the host organisation, the trainee, goal and tasks", async () => {
    const id = await immersion({ language: "fr" });
    const excerptId = await print("immersion.contracts", id);
    const [excerpt] = await excerptsOf("immersionContract", id);
    expect(excerpt).toMatchObject({ id: excerptId, language: "fr" });
    const text = await printedText(excerptId);
    expect(text).toContain("Stage d'immersion");
    expect(text).toContain(`Convention de stage d’immersion n° ${id}`);
    expect(text).toContain("représenté par le travailleur social Hubert Huppertz,");
    expect(text).toContain(
      "le service accueillant, Boulangerie Mießen, Rue Haute 3, 6200, représenté par Bernard BRASSEUR,",
    );
    expect(text).toContain("et Anna ARENS, né·e le 05/03/1980");
    expect(text).toContain("dans le but suivant : Découvrir un métier.");
    expect(text).toContain(`Le stage commence le 01/02/${nextYear - 1} et se termine le 31/12/${nextYear - 1}.`);
    expect(text).toContain("personne de référence : Bernard Brasseur.");
    expect(text).toContain(
      "Le stagiaire y assume les tâches suivantes : Préparer la pâte Servir les clients & encaisser",
    );
    expect(text).not.toContain("(Traduction)");
    expect(text).not.toMatch(/[{}]|&lt;|<p>/);
  });

  it("prints in German for a German training", async () => {
    const id = await immersion({ language: "de" });
    const text = await printedText(await print("immersion.contracts", id));
    expect(text).toContain("(Übersetzung)");
    expect(text).toContain("Immersionspraktikum");
    expect(text).toContain(`Vereinbarung über ein Immersionspraktikum Nr. ${id}`);
    expect(text).toContain("der aufnehmenden Einrichtung, Boulangerie Mießen");
    expect(text).toContain("mit folgendem Ziel: Einen Beruf entdecken.");
    expect(text).toContain(`Das Praktikum beginnt am 01.02.${nextYear - 1} und endet am 31.12.${nextYear - 1}.`);
  });

  it("certifies the training until 'Clear printed'", async () => {
    const id = await immersion({ language: "fr" });
    await print("immersion.contracts", id);
    for (const [field, value] of [
      ["referencePerson", "Quelqu'un d'autre"],
      ["company", contact],
      ["appliesUntil", "2099-12-31"],
    ] as const) {
      const refused = await update("immersion.contracts", id, { [field]: value }).catch((e: unknown) => e);
      expect(errorAsSent(refused), field).toMatchObject({
        httpStatus: 400,
        params: { field, messageKey: "documents.certified.locked" },
      });
    }
    expect((await rowOf("immersion.contracts", id)).referencePerson).toBe("Bernard Brasseur");
    await update("immersion.contracts", id, { remark: "Signé" });
    await act(agent, "immersion.contracts", id, "clearPrinted");
    await update("immersion.contracts", id, { referencePerson: "Quelqu'un d'autre" });
    expect((await rowOf("immersion.contracts", id)).referencePerson).toBe("Quelqu'un d'autre");
  });
});

describe("the Art. 61 convention certifies its contract (§2.6)", () => {
  it("locks the printed fields and the subsidies, with the message, until 'Clear printed'", async () => {
    const id = await art61({ language: "fr" });
    const first = await print("art61.contracts", id);
    expect(await print("art61.contracts", id)).toBe(first);
    const row = await rowOf("art61.contracts", id);
    expect([row.__certified, typeof row.printed]).toEqual([true, "string"]);
    for (const [field, value] of [
      ["jobTitle", "Pâtissier"],
      ["subsidize20", true],
      ["company", contact],
      ["language", "de"],
    ] as const) {
      const refused = await update("art61.contracts", id, { [field]: value }).catch((e: unknown) => e);
      expect(errorAsSent(refused), field).toMatchObject({
        httpStatus: 400,
        params: { field, messageKey: "documents.certified.locked" },
      });
      expect(messageOf(refused, "de")).toContain("Druck freigeben");
    }
    const after = await rowOf("art61.contracts", id);
    expect([after.jobTitle, after.subsidize20, after.__version]).toEqual(["Boulanger", false, row.__version]);
    await update("art61.contracts", id, { remark: "Signée", dateIssued: "2045-02-01" });
    await act(agent, "art61.contracts", id, "clearPrinted");
    await update("art61.contracts", id, { jobTitle: "Pâtissier" });
    expect((await rowOf("art61.contracts", id)).jobTitle).toBe("Pâtissier");
    expect(await print("art61.contracts", id)).not.toBe(first);
  });
});

describe("the Art. 61 convention in Dutch and English (§2.6)", () => {
  it("prints a Dutch contract's convention in Dutch, an English one's in English, articles numbered the same", async () => {
    const dutch = await printedText(await print("art61.contracts", await art61({ language: "nl" })));
    expect(dutch).toContain("(Vertaling)");
    expect(dutch).toContain("Activaplan – zonder tutoraat");
    expect(dutch).toContain("Artikel 4 (zonder tutoraat)");
    expect(dutch).toContain("Artikel 14");
    expect(dutch).toContain("Voor de werkgever,");
    expect(dutch).toContain("als Boulanger in dienst te nemen");
    expect(dutch).toContain("het in artikel 7 bepaalde bedrag niet eisen.");
    expect(dutch).not.toContain("Article 1 ");
    const english = await printedText(await print("art61.contracts", await art61({ language: "en" })));
    expect(english).toContain("(Translation)");
    expect(english).toContain("Activa plan – without tutorate");
    expect(english).toContain("Article 4 (without tutorate)");
    expect(english).toContain("For the employer,");
    expect(english).toContain("the amount provided for in article 7.");
    expect(english).not.toContain("l'employeur");
  });
});

describe("who may print and clear", () => {
  it("integration users print and clear Art. 60§7 contracts, immersion users trainings, every other type is refused", async () => {
    const contracts = { "jobs.contracts": await art60(), "immersion.contracts": await immersion() };
    const refused = (code: string) => code === "FORBIDDEN" || code === "NOT_FOUND";
    for (const type of USER_TYPES.filter((t) => t !== "000") as UserType[]) {
      const roles = rolesInCentre(type, ["chatelet"]);
      const c = await callerOn(centreHost(centre.slug), {}, (await newUser(centre, type)).claims);
      for (const [resource, id] of Object.entries(contracts)) {
        const may = roles.has(resource === "jobs.contracts" ? "IntegUser" : "ImmersionUser");
        for (const name of ["print", "clearPrinted"]) {
          const outcome = await appCodeOf(act(c, resource, id, name));
          if (may) expect(outcome, `${type} ${resource} ${name}`).toBe("resolved");
          else expect(refused(outcome), `${type} ${resource} ${name}: ${outcome}`).toBe(true);
        }
      }
    }
  });

  it("another centre neither prints, clears nor downloads them", async () => {
    const contracts = {
      "jobs.contracts": await art60(),
      "immersion.contracts": await immersion(),
      "art61.contracts": await art61(),
    };
    const excerpts: number[] = [];
    for (const [resource, id] of Object.entries(contracts)) {
      excerpts.push(await print(resource, id));
      for (const name of ["print", "clearPrinted"])
        expect(await appCodeOf(act(foreign, resource, id, name)), `${resource} ${name}`).toBe("NOT_FOUND");
      expect((await rowOf(resource, id)).__certified, resource).toBe(true);
    }
    for (const excerptId of excerpts)
      expect((await download(foreignClaims, excerptId, other)).status).toBeGreaterThanOrEqual(400);
    const { db, t } = tenantHandle(other);
    expect(await db.select().from(t.excerpts)).toEqual([]);
  });
});
