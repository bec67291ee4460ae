import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import PizZip from "pizzip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfAvailable, pdfConverter } from "@/server/documents/pdf/converter";
import { getPool } from "@/server/db/pool";
import { loadMigrations, MIGRATIONS_DIR, rewriteStatement } from "@/db/migrate";
import { USER_TYPES, hasRole } from "@/server/auth/user-types";
import type { SessionClaims } from "@/server/auth/session";
import { excerptDownload } from "@/server/documents/routes";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient } from "./factories";
import { appCodeOf, callerOn, centreHost, newCentre, newUser } from "./helpers";

/**
 * The eID sheet, the letter to an organisation and the action plan (domain-people §7, §14.1):
 * seeded for new centres and brought to existing ones by the migration 0046_letters_eupen_properties, printed in the
 * recipient's language, their text read back from the Word file.
 */

let eupen: Tenant;
let chatelet: Tenant;
let worker: { user: { id: number }; claims: SessionClaims };
/** A German-speaking client with an eID card read, a French-speaking one without. */
let anna: number;
let marie: number;

const textOf = (docx: Buffer) =>
  new PizZip(docx)
    .file("word/document.xml")!
    .asText()
    .replace(/<w:br\/>/g, " / ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

const caller = (tenant: Tenant, claims: SessionClaims) => callerOn(centreHost(tenant.slug), {}, claims);

const get = (tenant: Tenant, id: number | string) =>
  new Request(`http://${tenant.slug}.localhost/api/documents/${id}/file.docx`, {
    headers: { host: `${tenant.slug}.localhost` },
  });

async function printedText(tenant: Tenant, claims: SessionClaims, excerptId: number) {
  const res = await excerptDownload(get(tenant, excerptId), claims, String(excerptId));
  expect(res.status).toBe(200);
  return textOf(Buffer.from(await res.arrayBuffer()));
}

async function typeId(tenant: Tenant, template: string) {
  const { db, t } = tenantHandle(tenant);
  const [row] = await db
    .select({ id: t.excerptTypes.id })
    .from(t.excerptTypes)
    .where(eq(t.excerptTypes.template, template));
  return row!.id;
}

async function printOther(tenant: Tenant, claims: SessionClaims, client: number, template: string) {
  const c = await caller(tenant, claims);
  const open = (await c.resources.action({
    resource: "clients.clients",
    id: client,
    name: "printOther",
    params: { type: await typeId(tenant, template) },
  }))!.open;
  return Number(open!.id);
}

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("let-eupen", "production"), newCentre("let-chat", "production")]);
  const h = tenantHandle(eupen);
  await h.db.update(h.t.documentSettings).set({ place: "Eupen" }).where(eq(h.t.documentSettings.id, 1));
  anna = await newClient(eupen, {
    firstName: "Anna",
    lastName: "Müller",
    language: "de",
    gender: "F",
    birthDate: "1980-03-05",
    birthPlace: "Malmedy",
    nationalityText: "Belgier",
    nationalId: "800305-002-11",
    street: "Bergstraße",
    streetNo: "12",
    zipCode: "4700",
    cardNumber: "591413288107",
    cardType: "01",
    cardValidFrom: "2021-06-01",
    cardValidUntil: "2031-06-01",
    cardIssuer: "Eupen",
  });
  marie = await newClient(eupen, { firstName: "Marie", lastName: "Dubois", language: "fr", gender: "F" });
  worker = await newUser(eupen, "100", { firstName: "Hubert", lastName: "Huppertz", language: "fr" });
});

describe("the document types of letters and sheets", () => {
  it("are seeded once each for a new centre, the presence certificate and poll answers with them", async () => {
    const { db, t } = tenantHandle(chatelet);
    const rows = await db
      .select({ template: t.excerptTypes.template, contentType: t.excerptTypes.contentType })
      .from(t.excerptTypes);
    const templates = rows.map((r) => r.template).sort();
    expect(templates).toEqual(
      [
        ...["actionPlan", "cv", "eidSheet", "fileSheet", "letter", "organisationLetter", "pollAnswers"],
        ...[
          "presenceCertificate",
          "isipContract",
          "art61Convention",
          "esfTrainingReport",
          "art60Contract",
          "immersionContract",
        ],
      ].sort(),
    );
    expect(rows.find((r) => r.template === "organisationLetter")?.contentType).toBe("clientContact");
  });

  it("reach a centre that existed before them through the migration, which adds nothing twice", async () => {
    const { db, t, schema } = tenantHandle(chatelet);
    // As the centre was before 0046_letters_eupen_properties: no eID sheet, action plan, organisation letter nor presence certificate.
    const added = ["eidSheet", "actionPlan", "organisationLetter", "presenceCertificate", "pollAnswers"];
    for (const template of added) await db.delete(t.excerptTypes).where(eq(t.excerptTypes.template, template));
    const migration = loadMigrations(MIGRATIONS_DIR.tenant).find((m) => m.tag === "0046_letters_eupen_properties")!;
    const dataStatement = migration.statements.find((s) => s.includes("-- hand-written"))!;
    const pool = getPool(chatelet.clusterId);
    await pool.query(rewriteStatement(dataStatement, schema));
    await pool.query(rewriteStatement(dataStatement, schema));
    const rows = await db
      .select({ template: t.excerptTypes.template, names: t.excerptTypes.names })
      .from(t.excerptTypes);
    for (const template of added)
      expect(
        rows.filter((r) => r.template === template),
        template,
      ).toHaveLength(1);
    expect(rows.find((r) => r.template === "actionPlan")?.names).toEqual({
      fr: "Plan d'action",
      nl: "Actieplan",
      de: "Aktionsplan",
      en: "Action plan",
    });
  });
});

describe("the eID sheet", () => {
  it("prints the card as read in the client's language (German), dates and card type in German", async () => {
    const text = await printedText(eupen, worker.claims, await printOther(eupen, worker.claims, anna, "eidSheet"));
    expect(text).toContain("(Übersetzung)");
    expect(text).toContain("Inhalt der eID-Karte");
    expect(text).toContain("MÜLLER Anna");
    expect(text).toContain("Kartennummer 591413288107");
    expect(text).toContain("Gültig von 01.06.2021");
    expect(text).toContain("Gültig bis 01.06.2031");
    expect(text).toContain("Nationalregisternummer 800305-002-11");
    expect(text).toContain("Ausstellende Gemeinde Eupen");
    expect(text).toContain("Geburtsort Malmedy");
    expect(text).toContain("Nationalität Belgier");
    expect(text).toContain("Geschlecht Weiblich");
    expect(text).toContain("Bergstraße 12 / 4700");
    expect(text).not.toContain("noch keine eID-Karte");
  });

  it("prints in French for a French-speaking client, and says when no card was read", async () => {
    const { db, t } = tenantHandle(eupen);
    await db.update(t.partners).set({ language: "fr" }).where(eq(t.partners.id, anna));
    try {
      const text = await printedText(eupen, worker.claims, await printOther(eupen, worker.claims, anna, "eidSheet"));
      expect(text).not.toContain("(Traduction)");
      expect(text).toContain("Contenu de la carte eID");
      expect(text).toContain("Valable du 01/06/2021");
      expect(text).toContain("Valable jusqu'au 01/06/2031");
      expect(text).toContain("Commune de délivrance Eupen");
      expect(text).toContain("Sexe Féminin");
    } finally {
      await db.update(t.partners).set({ language: "de" }).where(eq(t.partners.id, anna));
    }
    const none = await printedText(eupen, worker.claims, await printOther(eupen, worker.claims, marie, "eidSheet"));
    expect(none).toContain("Aucune carte eID n'a encore été lue pour ce client.");
    expect(none).not.toContain("Numéro de carte");
  });
});

describe("the eID sheet's photo", () => {
  /** The 140 × 200 greyscale JPEG of Lino's sample card read. */
  const PHOTO = Buffer.from(
    (
      JSON.parse(readFileSync(path.join(import.meta.dirname, "../fixtures/eid/card_20190311.json"), "utf8")) as {
        PHOTO_FILE: string;
      }
    ).PHOTO_FILE,
    "base64",
  );
  async function printedDocx(client: number) {
    const id = await printOther(eupen, worker.claims, client, "eidSheet");
    const res = await excerptDownload(get(eupen, id), worker.claims, String(id));
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  }
  /** What poppler's pdfimages lists of a PDF: one line per image (width, height, encoding). */
  const imagesOf = (pdf: Buffer) => {
    const dir = mkdtempSync(path.join(tmpdir(), "eid-photo-"));
    try {
      writeFileSync(path.join(dir, "sheet.pdf"), pdf);
      return execFileSync("pdfimages", ["-list", path.join(dir, "sheet.pdf")])
        .toString("utf8")
        .split("\n")
        .slice(2)
        .filter((line) => line.trim())
        .map((line) => line.trim().split(/\s+/))
        .map((cols) => ({ width: Number(cols[3]), height: Number(cols[4]), enc: cols[8] }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it("shows the photo read from the card in its frame, the JPEG's bytes in the document's media", async () => {
    const { db, t } = tenantHandle(eupen);
    await db.insert(t.partnerPhotos).values({ partnerId: anna, contentType: "image/jpeg", content: PHOTO });
    try {
      const docx = await printedDocx(anna);
      const zip = new PizZip(docx);
      const jpegs = Object.keys(zip.files).filter((n) => n.startsWith("word/media/") && n.endsWith(".jpeg"));
      expect(jpegs).toEqual(["word/media/picture-1.jpeg"]);
      expect(zip.file(jpegs[0]!)!.asNodeBuffer().equals(PHOTO)).toBe(true);
      expect(zip.file("word/document.xml")!.asText()).toContain('<wp:extent cx="1080000" cy="1542857"/>');
      if (pdfAvailable()) {
        // LibreOffice reads it: one image, the card's photo as it is (140 × 200, JPEG).
        expect(imagesOf(await pdfConverter().convert(docx))).toEqual([{ width: 140, height: 200, enc: "jpeg" }]);
      }
    } finally {
      await db.delete(t.partnerPhotos).where(eq(t.partnerPhotos.partnerId, anna));
    }
  });

  it("takes the placeholder out for a client whose card gave no photo: no picture, a sound document", async () => {
    const docx = await printedDocx(anna);
    const xml = new PizZip(docx).file("word/document.xml")!.asText();
    expect(xml).not.toContain("<w:drawing");
    expect(textOf(docx)).toContain("Kartennummer 591413288107");
    if (pdfAvailable()) expect(imagesOf(await pdfConverter().convert(docx))).toEqual([]);
  });

  it("is named to the administrators among what a template of the eID sheet may hold (none for other templates)", async () => {
    const admin = await newUser(eupen, "900");
    const c = await caller(eupen, admin.claims);
    const panel = async (template: string) =>
      (await c.resources.panel({
        resource: "documents.types",
        id: await typeId(eupen, template),
        key: "documentTemplates",
      })) as {
        pictures: string[];
      };
    expect((await panel("eidSheet")).pictures).toEqual(["eidPhoto"]);
    expect((await panel("fileSheet")).pictures).toEqual([]);
  });

  afterAll(() => pdfConverter().stop());
});

describe("the action plan", () => {
  it("lists the client's tasks with their due dates and states, signed by the contact person, in the client's language", async () => {
    const { db, t } = tenantHandle(eupen);
    await db.insert(t.tasks).values([
      {
        userId: worker.user.id,
        ownerType: "client",
        ownerId: anna,
        summary: "Lebenslauf schreiben",
        startDate: "2026-03-01",
        dueDate: "2026-03-20",
      },
      {
        userId: worker.user.id,
        ownerType: "client",
        ownerId: anna,
        summary: "Anmeldung beim Arbeitsamt",
        startDate: "2026-02-01",
        dueDate: "2026-02-15",
        state: "done",
      },
      // Another client's task is not hers.
      { userId: worker.user.id, ownerType: "client", ownerId: marie, summary: "Autre", startDate: "2026-02-01" },
    ]);
    const id = await printOther(eupen, worker.claims, anna, "actionPlan");
    const text = await printedText(eupen, worker.claims, id);
    expect(text).toContain("Frau Anna Müller / Bergstraße 12 / 4700");
    expect(text).toContain("Aktionsplan");
    expect(text).toContain(`Unser Zeichen: HH/${anna}/${id}`);
    // Ordered by due date: the earlier one first.
    expect(text).toMatch(
      /Aufgabe Fällig am Zustand Anmeldung beim Arbeitsamt 15\.02\.2026 Erledigt Lebenslauf schreiben 20\.03\.2026 Zu erledigen/,
    );
    expect(text).not.toContain("Autre");
    expect(text).toContain("Ihr Ansprechpartner: Hubert Huppertz");

    const french = await printedText(eupen, worker.claims, await printOther(eupen, worker.claims, marie, "actionPlan"));
    expect(french).toContain("Madame Marie Dubois");
    expect(french).toContain("Plan d'action");
    expect(french).toMatch(/Tâche Échéance État Autre 01\/02\/2026 À faire/);
    expect(french).toContain("Votre personne de contact : Hubert Huppertz");
  });
});

describe("the letter to a client", () => {
  it("addresses the client in the Belgian layout, with our reference and the signing service, in the client's language", async () => {
    const id = await printOther(eupen, worker.claims, anna, "letter");
    const text = await printedText(eupen, worker.claims, id);
    expect(text).toContain("Frau Anna Müller / Bergstraße 12 / 4700");
    expect(text).toContain(`HH/${anna}/${id}`);
    // The author has no service: the secretariat signs.
    expect(text).toContain("Sekretariat");

    // Abroad: the box after the number ("bte" in French), the postcode before the place, the country in capitals.
    const { db, t } = tenantHandle(eupen);
    const [aachen] = await db
      .insert(t.places)
      .values({ kind: "city", zipCode: "52062", names: { fr: "Aix-la-Chapelle", de: "Aachen" }, countryCode: "DE" })
      .returning({ id: t.places.id });
    const paul = await newClient(eupen, {
      firstName: "Paul",
      lastName: "Lambert",
      language: "fr",
      gender: "M",
      street: "Rue Haute",
      streetNo: "5",
      streetBox: "2",
      zipCode: "52062",
      placeId: aachen!.id,
      countryCode: "DE",
    });
    const french = await printedText(eupen, worker.claims, await printOther(eupen, worker.claims, paul, "letter"));
    expect(french).toContain("Monsieur Paul Lambert / Rue Haute 5 bte 2 / 52062 Aix-la-Chapelle / ALLEMAGNE");
  });
});

describe("the letter to an organisation", () => {
  let company: number;
  let person: number;
  let contact: number;

  beforeAll(async () => {
    const { db, t } = tenantHandle(eupen);
    const [org] = await db
      .insert(t.partners)
      .values({
        kind: "organisation",
        name: "Arbeitsamt der DG",
        language: "de",
        street: "Hütte",
        streetNo: "79",
        zipCode: "4700",
      })
      .returning({ id: t.partners.id });
    company = org!.id;
    const [p] = await db
      .insert(t.partners)
      .values({
        kind: "person",
        name: "Kaiser Karl",
        firstName: "Karl",
        lastName: "Kaiser",
        gender: "M",
        language: "de",
      })
      .returning({ id: t.partners.id });
    person = p!.id;
    const [row] = await db
      .insert(t.clientContacts)
      .values({ clientId: marie, companyId: company, contactPersonId: person })
      .returning({ id: t.clientContacts.id });
    contact = row!.id;
  });

  const printLetter = async (tenant: Tenant, claims: SessionClaims, id: number) =>
    (await caller(tenant, claims)).resources.action({ resource: "contacts.clientContacts", id, name: "printLetter" });

  it("writes to the organisation and its contact person in the organisation's language (German), about the client", async () => {
    const open = (await printLetter(eupen, worker.claims, contact))!.open!;
    expect(open.resource).toBe("documents.mine");
    const id = Number(open.id);
    const text = await printedText(eupen, worker.claims, id);
    expect(text).toContain("Arbeitsamt der DG / Zu Händen von Herrn Karl Kaiser / Hütte 79 / 4700");
    expect(text).toContain("Eupen, den");
    expect(text).toContain(`Unser Zeichen: HH/${marie}/${id}`);
    expect(text).toContain("(Übersetzung)");
    expect(text).toContain("Brief an eine Organisation");
    expect(text).toContain("Betrifft: Marie DUBOIS");
    expect(text).toContain("Sehr geehrte Damen und Herren,");
    expect(text).toContain("Für das ÖSHZ,");
    const { db, t } = tenantHandle(eupen);
    const [excerpt] = await db.select().from(t.excerpts).where(eq(t.excerpts.id, id));
    expect(excerpt).toMatchObject({
      language: "de",
      clientId: marie,
      recipientId: company,
      ownerType: "clientContact",
      ownerId: contact,
    });
  });

  it("writes in French to a French-speaking organisation", async () => {
    const { db, t } = tenantHandle(eupen);
    await db.update(t.partners).set({ language: "fr" }).where(eq(t.partners.id, company));
    try {
      const text = await printedText(
        eupen,
        worker.claims,
        Number((await printLetter(eupen, worker.claims, contact))!.open!.id),
      );
      expect(text).toContain("Arbeitsamt der DG / À l'attention de Monsieur Karl Kaiser / Hütte 79 / 4700");
      expect(text).not.toContain("(Traduction)");
      expect(text).toContain("Lettre à une organisation");
      expect(text).toContain("Concerne : Marie DUBOIS");
      expect(text).toContain("Pour le CPAS,");
    } finally {
      await db.update(t.partners).set({ language: "de" }).where(eq(t.partners.id, company));
    }
  });

  it("is refused on another centre: the contact row does not exist there", async () => {
    const foreign = await newUser(chatelet, "100");
    expect(await appCodeOf(printLetter(chatelet, foreign.claims, contact))).toBe("NOT_FOUND");
    const { db, t } = tenantHandle(chatelet);
    expect(
      await db
        .select()
        .from(t.excerpts)
        .where(and(eq(t.excerpts.ownerType, "clientContact"), eq(t.excerpts.ownerId, contact))),
    ).toEqual([]);
  });

  it("is printed by every user type who prints and sees the client's contacts; the others are refused", async () => {
    for (const type of USER_TYPES.filter((u) => u !== "000")) {
      const { claims } = await newUser(eupen, type);
      const prints = hasRole(type, "OfficeUser") || hasRole(type, "OfficeOperator");
      const sees = hasRole(type, "SimpleContactsUser");
      const printed = printLetter(eupen, claims, contact);
      if (prints && sees) expect((await printed)?.open?.resource, type).toBe("documents.mine");
      else expect(await appCodeOf(printed), type).toBe("FORBIDDEN");
    }
  });
});
