// Contract prints, issue 17: the centre's signers (domain-integ-money §2.3 "signer1/signer2 (default from
// site config: secretary/president)") chosen on the letterhead by its administrators and taken by each new
// contract of every kind, certified by the print; the person's duties a PIIS prints by its type (§2.4,
// Lino's vsea/vsec/vsed clauses) and what an Art. 60§7 contract prints by its type (§2.5: the refund of
// costs of 7c/7d, the city's signature block of 7e, the social economy initiative of 7a).
import { and, eq, sql } from "drizzle-orm";
import PizZip from "pizzip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionClaims } from "@/server/auth/session";
import { USER_TYPES } from "@/server/auth/user-types";
import { loadMigrations, MIGRATIONS_DIR, rewriteStatement } from "@/db/migrate";
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

let eupen: Tenant;
let other: Tenant;
let agent: Caller;
let agentClaims: SessionClaims;
let admin: Caller;
let secretary: number; // Sophie Lambert (F)
let president: number; // Marc Dubois (M)
let job: number;
let nextYear = 2040;

const h = () => tenantHandle(eupen);
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

async function printedText(resource: string, id: number) {
  const result = await agent.resources.action({ resource, id, name: "print", params: {} });
  const excerptId = Number(result!.open!.id);
  const req = new Request(`http://${eupen.slug}.localhost/api/documents/${excerptId}/file.docx`, {
    headers: { host: `${eupen.slug}.localhost` },
  });
  const res = await excerptDownload(req, agentClaims, String(excerptId));
  expect(res.status).toBe(200);
  return textOf(Buffer.from(await res.arrayBuffer()));
}

const rowOf = async (c: Caller, resource: string, id: number) => (await c.resources.get({ resource, id })) as Row;
/** The ids a row's signer fields hold (a reference is read as its id and name). */
const signersOf = async (c: Caller, resource: string, id: number) => {
  const row = await rowOf(c, resource, id);
  const idOf = (v: unknown) => (v as { id: number } | null)?.id ?? null;
  return [idOf(row.signer1), idOf(row.signer2)];
};
const update = async (c: Caller, resource: string, id: number, patch: Record<string, unknown>) =>
  c.resources.update({ resource, id, version: (await rowOf(c, resource, id)).__version, patch });
const setSigners = (signer1: number | null, signer2: number | null) =>
  update(admin, "documents.letterhead", 1, { signer1, signer2 });

const typeId = async (table: "isipContractTypes" | "jobContractTypes", ref: string) => {
  const tb = h().t[table];
  const [row] = await h().db.select({ id: tb.id }).from(tb).where(eq(tb.ref, ref));
  return row!.id;
};

const client = (language = "de", gender: string | null = null) =>
  newClient(eupen, { firstName: "Anna", lastName: "Arens", language, gender, birthDate: "1980-03-05" });

async function isip(ref: string, values: Record<string, unknown> = {}) {
  const { id } = await agent.resources.create({
    resource: "isip.contracts",
    values: { client: await client(), type: await typeId("isipContractTypes", ref), ...years(), ...values },
  });
  await update(agent, "isip.contracts", Number(id), {
    dutiesPcsw: "<p>Das ÖSHZ übernimmt die Fahrtkosten.</p>",
  });
  return Number(id);
}

async function art60(ref: string, values: Record<string, unknown> = {}) {
  const { id } = await agent.resources.create({
    resource: "jobs.contracts",
    values: { client: await client(), job, type: await typeId("jobContractTypes", ref), ...years(), ...values },
    confirmed: true,
  });
  return Number(id);
}

const person = async (firstName: string, lastName: string, gender: string) => {
  const [p] = await h()
    .db.insert(h().t.partners)
    .values({ kind: "person", firstName, lastName, name: `${lastName} ${firstName}`, gender })
    .returning({ id: h().t.partners.id });
  return p!.id;
};

beforeAll(async () => {
  [eupen, other] = await Promise.all([newCentre("sig-main", "production"), newCentre("sig-other", "production")]);
  await h()
    .db.update(h().t.documentSettings)
    .set({ place: "Eupen" })
    .where(sql`true`);
  const a = await newUser(eupen, "100", { firstName: "Hubert", lastName: "Huppertz", language: "de" });
  agentClaims = a.claims;
  agent = await callerOn(centreHost(eupen.slug), {}, a.claims);
  admin = await callerOn(centreHost(eupen.slug), {}, (await newUser(eupen, "900")).claims);
  secretary = await person("Sophie", "Lambert", "F");
  president = await person("Marc", "Dubois", "M");
  const [org] = await h()
    .db.insert(h().t.partners)
    .values({ kind: "organisation", name: "Stadtgärtnerei", street: "Rathausplatz", streetNo: "1", zipCode: "4700" })
    .returning({ id: h().t.partners.id });
  const provider = await admin.resources.create({ resource: "jobs.providers", values: { company: org!.id } });
  const made = await admin.resources.create({
    resource: "jobs.jobs",
    values: {
      name: "Gärtner",
      provider: Number(provider.id),
      contractType: await typeId("jobContractTypes", "art60-7b"),
    },
  });
  job = Number(made.id);
});

describe("the centre's signers (§2.3)", () => {
  it("only the centre's administrators choose them, on the letterhead; nobody else sees them", async () => {
    for (const type of USER_TYPES.filter((u) => u !== "000" && u !== "900" && u !== "910")) {
      const c = await callerOn(centreHost(eupen.slug), {}, (await newUser(eupen, type)).claims);
      expect(await appCodeOf(c.resources.get({ resource: "documents.letterhead", id: 1 })), type).toBe("FORBIDDEN");
      expect(
        await appCodeOf(c.resources.update({ resource: "documents.letterhead", id: 1, version: 1, patch: {} })),
        type,
      ).toBe("FORBIDDEN");
    }
    await setSigners(secretary, president);
    expect(await signersOf(admin, "documents.letterhead", 1)).toEqual([secretary, president]);
    const audit = await h()
      .db.select({ changes: h().t.auditLog.changes })
      .from(h().t.auditLog)
      .where(and(eq(h().t.auditLog.entity, "documents.letterhead"), eq(h().t.auditLog.entityId, "1")));
    expect(JSON.stringify(audit)).toContain(String(secretary));
    // Another centre's administrator reads their own letterhead: none of these people.
    const foreign = await callerOn(centreHost(other.slug), {}, (await newUser(other, "900")).claims);
    const theirs = await rowOf(foreign, "documents.letterhead", 1);
    expect(await signersOf(foreign, "documents.letterhead", 1)).toEqual([null, null]);
    // … and cannot name one of ours as theirs (a person of another centre does not exist there).
    expect(
      await appCodeOf(
        foreign.resources.update({
          resource: "documents.letterhead",
          id: 1,
          version: theirs.__version,
          patch: { signer1: secretary + 100000 },
        }),
      ),
    ).toBe("INVALID_INPUT");
  });

  it("a new contract of every kind takes them; changing them later leaves existing contracts alone", async () => {
    await setSigners(secretary, president);
    const piis = await isip("vseb");
    const job60 = await art60("art60-7a");
    expect(await signersOf(agent, "isip.contracts", piis)).toEqual([secretary, president]);
    expect(await signersOf(agent, "jobs.contracts", job60)).toEqual([secretary, president]);
    // Edited on the contract before its print: kept.
    const named = await isip("vseb");
    await update(agent, "isip.contracts", named, { signer2: secretary });
    expect(await signersOf(agent, "isip.contracts", named)).toEqual([secretary, secretary]);
    await setSigners(president, null);
    expect(await signersOf(agent, "isip.contracts", piis)).toEqual([secretary, president]);
    expect(await signersOf(agent, "isip.contracts", await isip("vseb"))).toEqual([president, null]);
  });

  it("are printed with their functions, in German and French, and locked by the print until 'Clear printed'", async () => {
    await setSigners(secretary, president);
    const piis = await isip("vseb", { language: "de" });
    const de = await printedText("isip.contracts", piis);
    expect(de).toContain("Für das ÖSHZ, die Sekretärin der Präsident");
    expect(de).toContain("Anna ARENS Hubert Huppertz Sophie LAMBERT Marc DUBOIS");
    // The parties: the PCSW represented by its president and its secretary, named, in the accusative.
    expect(de).toContain(
      ", vertreten durch Marc DUBOIS, den Präsidenten und Sophie LAMBERT, die Sekretärin, dem Sozialarbeiter",
    );
    const e = await update(agent, "isip.contracts", piis, { signer1: president }).catch((x: unknown) => x);
    const { params } = errorAsSent(e);
    expect(params).toMatchObject({ field: "signer1", messageKey: "documents.certified.locked" });
    expect(translatorFor("de")(String(params.messageKey), params)).toContain("Druck freigeben");
    expect((await signersOf(agent, "isip.contracts", piis))[0]).toBe(secretary);
    // "Clear printed" is offered while the contract is printed, and not once cleared.
    const meta = await agent.resources.meta({ resource: "isip.contracts" });
    expect(meta.actions.find((a) => a.name === "clearPrinted")?.onlyWhileSet).toBe("printed");
    expect((await rowOf(agent, "isip.contracts", piis)).printed).toBeTruthy();
    await agent.resources.action({ resource: "isip.contracts", id: piis, name: "clearPrinted", params: {} });
    expect((await rowOf(agent, "isip.contracts", piis)).printed ?? null).toBeNull();
    await update(agent, "isip.contracts", piis, { signer1: president });
    expect((await signersOf(agent, "isip.contracts", piis))[0]).toBe(president);

    const job60 = await art60("art60-7b", { language: "fr" });
    const fr = await printedText("jobs.contracts", job60);
    expect(fr).toContain("Pour le CPAS, la Secrétaire le Président");
    expect(fr).toContain("Sophie LAMBERT Marc DUBOIS");
  });

  it("represent the PCSW in the Art. 61 convention's parties, in French and German", async () => {
    await setSigners(secretary, president);
    const [type] = await h()
      .db.select()
      .from(h().t.art61ContractTypes)
      .where(eq(h().t.art61ContractTypes.ref, "art61"));
    const [employer] = await h()
      .db.insert(h().t.partners)
      .values({ kind: "organisation", name: "Boulangerie Mießen" })
      .returning({ id: h().t.partners.id });
    const convention = async (language: string) => {
      const { id } = await agent.resources.create({
        resource: "art61.contracts",
        values: {
          client: await client(language),
          company: employer!.id,
          type: type!.id,
          jobTitle: "Boulanger",
          subsidize10: true,
          language,
          ...years(),
        },
      });
      return printedText("art61.contracts", Number(id));
    };
    expect(await convention("fr")).toContain(
      "ci-après dénommé « le CPAS », représenté par Sophie LAMBERT, la Secrétaire et Marc DUBOIS, le Président ;",
    );
    await setSigners(null, president);
    expect(await convention("de")).toContain(
      // After "vertreten durch" the function takes the accusative: "den Präsidenten".
      "nachstehend „das ÖSHZ“ genannt, vertreten durch Marc DUBOIS, den Präsidenten;",
    );
    await setSigners(null, null);
    expect(await convention("fr")).toContain("ci-après dénommé « le CPAS » ;");
  });

  it("leave the name line out cleanly when the centre has none", async () => {
    await setSigners(null, null);
    const piis = await isip("vseb", { language: "fr" });
    const fr = await printedText("isip.contracts", piis);
    expect(fr).toMatch(/Pour le CPAS, le Secrétaire le Président Anna ARENS Hubert Huppertz$/);
    expect(fr).toContain("représenté par son président et son secrétaire,");
    expect(fr).not.toMatch(/[{}]/);
  });
});

describe("the person's duties of a PIIS by its type (§2.4)", () => {
  it("a full-time studies type prints the study clauses with the study type, in German and French", async () => {
    const [study] = await h().db.select().from(h().t.cvStudyTypes).orderBy(h().t.cvStudyTypes.id).limit(1);
    const de = await printedText("isip.contracts", await isip("vsed", { language: "de", studyType: study!.id }));
    expect(de).toContain("den Anspruch auf Kindergeld und Studienbeihilfe geltend zu machen;");
    expect(de).toContain(`erfolgreich abzuschließen (Studienart: ${study!.names.de}): dem Unterricht zu folgen`);
    expect(de).toContain("einen Monat pro Jahr durch einen Studentenjob für Einkünfte zu sorgen");
    const fr = await printedText("isip.contracts", await isip("vsed", { language: "fr", studyType: study!.id }));
    expect(fr).toContain("faire valoir son droit aux allocations familiales et aux allocations d’études ;");
    expect(fr).toContain(
      `mener à bien sa formation, ses études ou son apprentissage (type d’études : ${study!.names.fr})`,
    );
    expect(fr).toContain("par un travail d’étudiant un mois par an");
  });

  it("an apprenticeship has no student job; a job search none of them; the type's choice decides, not its ref", async () => {
    const lehre = await printedText("isip.contracts", await isip("vsec", { language: "de" }));
    expect(lehre).toContain("Studienbeihilfe");
    expect(lehre).not.toContain("Studentenjob");
    const search = await printedText("isip.contracts", await isip("vseb", { language: "fr" }));
    expect(search).not.toContain("allocations d’études");
    expect(search).not.toContain("mener à bien");
    expect(search).toContain("Engagements du bénéficiaire —");
    // The administrator gives the job-search type the training clause: its next print has it.
    const vseb = await typeId("isipContractTypes", "vseb");
    await update(admin, "isip.types", vseb, { printedClauses: "training" });
    const training = await printedText("isip.contracts", await isip("vseb", { language: "fr" }));
    expect(training).toContain("tout mettre en œuvre pour mener à bien sa formation");
    expect(training).not.toContain("allocations d’études");
    await update(admin, "isip.types", vseb, { printedClauses: null });
    expect(await appCodeOf(update(admin, "isip.types", vseb, { printedClauses: "nonsense" }))).toBe("INVALID_INPUT");
  });
});

describe("an Art. 60§7 contract by its type (§2.5)", () => {
  it("7c prints the refund of costs, 7a does not but names the social economy initiative", async () => {
    const c = await printedText("jobs.contracts", await art60("art60-7c", { language: "de" }));
    expect(c).toContain("erstattet die Organisation dem Arbeitgeber jeweils zum Monatsende einen Teil der Kosten");
    expect(c).not.toContain("Initiative der Sozialwirtschaft");
    const a = await printedText("jobs.contracts", await art60("art60-7a", { language: "de" }));
    expect(a).not.toContain("Kostensimulation");
    expect(a).toContain(
      "und der vom Föderalen Minister für Soziale Eingliederung anerkannten Initiative der Sozialwirtschaft Stadtgärtnerei, Rathausplatz 1, 4700",
    );
    const fr = await printedText("jobs.contracts", await art60("art60-7d", { language: "fr" }));
    expect(fr).toContain("l’organisation rembourse à l’employeur, à la fin de chaque mois, une partie des coûts");
  });

  it("7e adds the city's signature block, the others do not", async () => {
    const e = await printedText("jobs.contracts", await art60("art60-7e", { language: "de" }));
    expect(e).toMatch(/Für die Stadt Eupen, der Bürgermeister und der Stadtsekretär$/);
    const fr = await printedText("jobs.contracts", await art60("art60-7e", { language: "fr" }));
    expect(fr).toMatch(/Pour la Ville de Eupen, le Bourgmestre et le Secrétaire communal$/);
    const b = await printedText("jobs.contracts", await art60("art60-7b", { language: "de" }));
    expect(b).not.toContain("Für die Stadt");
    expect(b).not.toMatch(/[{}]/);
  });
});

describe("migration 0054", () => {
  it("gives the types a centre already had their printed clauses by Lino's refs, once, leaving other types alone", async () => {
    const { db, t, schema } = tenantHandle(other);
    // As the centre was before 0054: no type declares clauses.
    await db
      .update(t.isipContractTypes)
      .set({ printedClauses: null })
      .where(sql`true`);
    await db
      .update(t.jobContractTypes)
      .set({ printedClauses: null })
      .where(sql`true`);
    const migration = loadMigrations(MIGRATIONS_DIR.tenant).find((m) => m.tag.endsWith("_contract_signers_clauses"))!;
    const handWritten = migration.statements.filter((st) => st.includes('printed_clauses" = CASE'));
    expect(handWritten).toHaveLength(2);
    const pool = getPool(other.clusterId);
    for (let run = 0; run < 2; run++)
      for (const statement of handWritten) await pool.query(rewriteStatement(statement, schema));
    const isipTypes = await db.select().from(t.isipContractTypes).orderBy(t.isipContractTypes.ref);
    expect(isipTypes.map((ty) => [ty.ref, ty.printedClauses])).toEqual([
      ["vsea", "training"],
      ["vseb", null],
      ["vsec", "apprenticeship"],
      ["vsed", "studies"],
      ["vsee", null],
    ]);
    const jobTypes = await db.select().from(t.jobContractTypes).orderBy(t.jobContractTypes.ref);
    expect(jobTypes.map((ty) => [ty.ref, ty.printedClauses])).toEqual([
      ["art60-7a", "socialEconomy"],
      ["art60-7b", null],
      ["art60-7c", "refund"],
      ["art60-7d", "refund"],
      ["art60-7e", "city"],
    ]);
  });
});
