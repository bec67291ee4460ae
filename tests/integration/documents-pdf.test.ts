import { isipContractData } from "@/server/isip/print";
import { cvDocumentData } from "@/server/cv/document";
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { eq } from "drizzle-orm";
import PizZip from "pizzip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "@/server/areas";
import { resolveSessionUser, type SessionClaims } from "@/server/auth/session";
import { hasRole, USER_TYPES } from "@/server/auth/user-types";
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from "@/server/documents/language";
import {
  centreIdentityOf,
  centreOf,
  fileSheetData,
  actionPlanDocumentData,
  letterheadData,
  letterToClientData,
} from "@/server/documents/print";
import { eidSheetData } from "@/server/documents/letters";
import { organisationLetterData } from "@/server/documents/organisation-letter";
import { trainingReportData } from "@/server/integ/reports/esf-print";
import { answerSheetData } from "@/server/polls/printout";
import { ConversionError, pdfAvailable, pdfConverter, WarmConverter } from "@/server/documents/pdf/converter";
import { convertExcerpt } from "@/server/documents/pdf/job";
import { renderDocx, type TemplateData } from "@/server/documents/render";
import { presenceCertificateData } from "@/server/reception/certificate";
import { conventionData } from "@/server/art61/print";
import { art60ContractData } from "@/server/jobs/print";
import { immersionContractData } from "@/server/immersion/print";
import { excerptDownload } from "@/server/documents/routes";
import { defaultTemplate, DOCUMENT_TYPES, type TemplateName } from "@/server/documents/templates";
import type { ResourceCtx } from "@/server/resources/define";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient } from "./factories";
import { callerOn, centreHost, newCentre, newUser } from "./helpers";

/** The text of a PDF as poppler's pdftotext reads it, its whitespace collapsed. */
const pdfText = (pdf: Buffer) =>
  execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: pdf }).toString("utf8").replace(/\s+/g, " ").trim();

/** Whether a process ended (or is only a zombie waiting for its parent), within two seconds. */
async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 20; i++) {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
    if (stat === null || / Z /.test(stat)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** A .docx whose text is `text`, from the shipped letter (any valid document would do). */
async function docxSaying(text: string): Promise<Buffer> {
  const zip = new PizZip(await defaultTemplate("letter", "en"));
  const xml = zip.file("word/document.xml")!.asText();
  zip.file(
    "word/document.xml",
    xml.replace(/<w:body>[\s\S]*<w:sectPr/, `<w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p><w:sectPr`),
  );
  return zip.generate({ type: "nodebuffer" });
}

describe.skipIf(!pdfAvailable())("the warm converter", () => {
  const converter = new WarmConverter({ timeoutMs: 4_000 });
  afterAll(() => converter.stop());

  it("converts documents one after the other with the same LibreOffice", async () => {
    expect(pdfText(await converter.convert(await docxSaying("First document")))).toBe("First document");
    const pid = converter.listenerPid;
    expect(pid).toBeDefined();
    const results = await Promise.all(
      ["Two", "Three", "Four"].map(async (w) => pdfText(await converter.convert(await docxSaying(w)))),
    );
    expect(results).toEqual(["Two", "Three", "Four"]);
    expect(converter.listenerPid).toBe(pid);
  });

  it("refuses a corrupt document and converts the next one", async () => {
    const corrupt = Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.from("not a zip at all")]);
    await expect(converter.convert(corrupt)).rejects.toBeInstanceOf(ConversionError);
    expect(pdfText(await converter.convert(await docxSaying("After the corrupt one")))).toBe("After the corrupt one");
  });

  it("kills a hanging conversion after its timeout, starts again and converts the next document", async () => {
    await converter.convert(await docxSaying("warm"));
    const hung = converter.listenerPid!;
    // A stopped LibreOffice (its process group) never answers: the conversion hangs as a stuck one would.
    process.kill(-hung, "SIGSTOP");
    await expect(converter.convert(await docxSaying("never"))).rejects.toThrow(/no answer after 4000 ms/);
    expect(await gone(hung)).toBe(true); // killed, not left behind stopped
    expect(pdfText(await converter.convert(await docxSaying("After the hang")))).toBe("After the hang");
    expect(converter.listenerPid).not.toBe(hung);
  });

  it("starts again when LibreOffice died between two documents", async () => {
    await converter.convert(await docxSaying("warm"));
    const dead = converter.listenerPid!;
    process.kill(-dead, "SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pdfText(await converter.convert(await docxSaying("After a death")))).toBe("After a death");
    expect(converter.listenerPid).not.toBe(dead);
  });
});

describe.skipIf(!pdfAvailable())("printed documents as PDF", () => {
  let eupen: Tenant;
  let chatelet: Tenant;
  let germanClient: number;
  let germanVisit: number;
  let germanContract: number;
  let germanArt61: number;
  let germanArt60: number;
  let germanImmersion: number;
  let worker: { user: { id: number }; claims: SessionClaims };
  afterAll(() => pdfConverter().stop());

  const get = (tenant: Tenant, id: number | string, name = "file.pdf") =>
    new Request(`http://${tenant.slug}.localhost/api/documents/${id}/${name}`, {
      headers: { host: `${tenant.slug}.localhost` },
    });

  async function ctxOf(tenant: Tenant, claims: SessionClaims): Promise<ResourceCtx> {
    const handle = tenantHandle(tenant);
    return { handle, user: (await resolveSessionUser(handle, tenant, claims))!, locale: "fr", registry };
  }

  beforeAll(async () => {
    [eupen, chatelet] = await Promise.all([newCentre("pdf-eupen", "production"), newCentre("pdf-chat", "production")]);
    germanClient = await newClient(eupen, {
      firstName: "Anna",
      lastName: "Müller",
      language: "de",
      gender: "F",
      birthDate: "1980-03-05",
      street: "Bergstraße",
      streetNo: "12",
      zipCode: "4700",
    });
    worker = await newUser(eupen, "100", { firstName: "Hubert", lastName: "Huppertz", language: "fr" });
    // Her visit of this morning, seen out: the presence certificate's guest.
    const { db, t } = tenantHandle(eupen);
    const [entry] = await db
      .insert(t.calendarEntries)
      .values({ summary: "Visite", clientId: germanClient, startDate: "2026-03-02", userId: worker.user.id })
      .returning({ id: t.calendarEntries.id });
    const [guest] = await db
      .insert(t.calendarGuests)
      .values({
        entryId: entry!.id,
        partnerId: germanClient,
        state: "gone",
        waitingSince: new Date("2026-03-02T08:05:00Z"),
        goneSince: new Date("2026-03-02T08:40:00Z"),
      })
      .returning({ id: t.calendarGuests.id });
    germanVisit = guest!.id;
    // Her PIIS, its rich texts as the editor writes them.
    const [type] = await db.select({ id: t.isipContractTypes.id }).from(t.isipContractTypes).limit(1);
    const [contract] = await db
      .insert(t.isipContracts)
      .values({
        clientId: germanClient,
        typeId: type!.id,
        userId: worker.user.id,
        appliesFrom: "2026-03-02",
        appliesUntil: "2026-08-31",
        goals: "<p>Eine Arbeit finden</p>",
        dutiesPcsw: "<ul><li>Begleitung</li></ul>",
      })
      .returning({ id: t.isipContracts.id });
    germanContract = contract!.id;
    // Her Art. 61 contract with an employer: the convention's record.
    const [company] = await db
      .insert(t.partners)
      .values({ kind: "organisation", name: "Garage Kohnen" })
      .returning({ id: t.partners.id });
    const [art61Type] = await db.select({ id: t.art61ContractTypes.id }).from(t.art61ContractTypes);
    const [art61Contract] = await db
      .insert(t.art61Contracts)
      .values({ clientId: germanClient, companyId: company!.id, typeId: art61Type!.id, appliesFrom: "2026-03-02" })
      .returning({ id: t.art61Contracts.id });
    germanArt61 = art61Contract!.id;
    // Her Art. 60§7 contract on a job, and an immersion training at the garage.
    const [job] = await db.insert(t.jobs).values({ name: "Koch" }).returning({ id: t.jobs.id });
    const [art60Type] = await db.select({ id: t.jobContractTypes.id }).from(t.jobContractTypes).limit(1);
    const [art60Contract] = await db
      .insert(t.jobContracts)
      .values({
        clientId: germanClient,
        jobId: job!.id,
        companyId: company!.id,
        typeId: art60Type!.id,
        appliesFrom: "2026-03-02",
        responsibilities: "<p>Kochen</p>",
      })
      .returning({ id: t.jobContracts.id });
    germanArt60 = art60Contract!.id;
    const [immersionType] = await db.select({ id: t.immersionContractTypes.id }).from(t.immersionContractTypes);
    const [goal] = await db.select({ id: t.immersionGoals.id }).from(t.immersionGoals);
    const [training] = await db
      .insert(t.immersionContracts)
      .values({
        clientId: germanClient,
        companyId: company!.id,
        typeId: immersionType!.id,
        goalId: goal!.id,
        appliesFrom: "2026-03-02",
      })
      .returning({ id: t.immersionContracts.id });
    germanImmersion = training!.id;
  });

  it("renders every shipped template in every language to a PDF whose text is the document's", async () => {
    const ctx = await ctxOf(eupen, worker.claims);
    const centre = await centreOf(ctx.handle.db, ctx.handle, await centreIdentityOf(ctx.handle));
    const titles: Record<TemplateName, Record<DocumentLanguage, string>> = {
      fileSheet: { fr: "Fiche du dossier", nl: "Dossierfiche", de: "Aktenblatt", en: "File sheet" },
      letter: { fr: "Pour le CPAS,", nl: "Voor het OCMW,", de: "Für das ÖSHZ,", en: "For the PCSW," },
      cv: { fr: "Curriculum vitae", nl: "Curriculum vitae", de: "Lebenslauf", en: "Curriculum vitae" },
      presenceCertificate: {
        fr: "Attestation de présence",
        nl: "Aanwezigheidsattest",
        de: "Anwesenheitsbescheinigung",
        en: "Presence certificate",
      },
      isipContract: {
        fr: "Projet individualisé",
        nl: "Geïndividualiseerd project",
        de: "Vertrag zur sozialen Eingliederung",
        en: "Individualised social integration project",
      },
      art61Convention: {
        fr: "Pour l'employeur,",
        nl: "Voor de werkgever,",
        de: "Für den Arbeitgeber,",
        en: "For the employer,",
      },
      art60Contract: {
        fr: "Convention de mise à l’emploi (article 60, § 7)",
        nl: "Overeenkomst tewerkstelling (artikel 60, § 7)",
        de: "Konvention zur Beschäftigung gemäß Artikel 60 § 7",
        en: "Job supply contract (article 60, § 7)",
      },
      immersionContract: {
        fr: "Convention de stage d’immersion",
        nl: "Overeenkomst inleefstage",
        de: "Vereinbarung über ein Immersionspraktikum",
        en: "Immersion training agreement",
      },
      eidSheet: {
        fr: "Contenu de la carte eID",
        nl: "Inhoud van de eID-kaart",
        de: "Inhalt der eID-Karte",
        en: "eID card content",
      },
      organisationLetter: {
        fr: "Arbeitsamt Eupen",
        nl: "Arbeitsamt Eupen",
        de: "Arbeitsamt Eupen",
        en: "Arbeitsamt Eupen",
      },
      actionPlan: {
        fr: "Votre personne de contact",
        nl: "Uw contactpersoon",
        de: "Ihr Ansprechpartner",
        en: "Your contact person",
      },
      pollAnswers: {
        fr: "Réponses au questionnaire",
        nl: "Antwoorden op de vragenlijst",
        de: "Antworten auf die Umfrage",
        en: "Poll answers",
      },
      esfTrainingReport: {
        fr: "Rapport de formation",
        nl: "Opleidingsverslag",
        de: "Ausbildungsbericht",
        en: "Training report",
      },
    };
    const { db, t } = ctx.handle;
    const [company] = await db
      .insert(t.partners)
      .values({ kind: "organisation", name: "Arbeitsamt Eupen", language: "de" })
      .returning({ id: t.partners.id });
    const [contact] = await db
      .insert(t.clientContacts)
      .values({ clientId: germanClient, companyId: company!.id })
      .returning({ id: t.clientContacts.id });
    // A poll answered by her (the polls' choice sets are every centre's).
    const [set] = await db.select({ id: t.pollChoiceSets.id }).from(t.pollChoiceSets).limit(1);
    const [poll] = await db
      .insert(t.polls)
      .values({ ref: "RAE", title: "Recherche", userId: worker.user.id, defaultChoiceSetId: set!.id })
      .returning({ id: t.polls.id });
    await db.insert(t.pollQuestions).values({ pollId: poll!.id, number: "1", title: "Travail?" });
    const [response] = await db
      .insert(t.pollResponses)
      .values({ pollId: poll!.id, partnerId: germanClient, userId: worker.user.id, date: "2026-03-02" })
      .returning({ id: t.pollResponses.id });
    // Her ESF summary of a year.
    const [summary] = await db
      .insert(t.esfSummaries)
      .values({ clientId: germanClient, year: 2026, minutes: { "10": 120 } })
      .returning({ id: t.esfSummaries.id });
    const facts = { excerptId: 7, typeName: "Convocation", printRecipient: true, centre };
    const dataOf: Record<TemplateName, (language: DocumentLanguage) => Promise<TemplateData>> = {
      fileSheet: (language) => fileSheetData(ctx.handle.db, ctx, germanClient, language),
      letter: (language) => letterToClientData(ctx.handle.db, ctx, germanClient, language, facts),
      cv: (language) => cvDocumentData(ctx.handle.db, ctx, germanClient, language),
      presenceCertificate: (language) => presenceCertificateData(ctx.handle.db, ctx, germanVisit, language, facts),
      isipContract: (language) => isipContractData(ctx.handle.db, ctx, germanContract, language, facts),
      art61Convention: (language) => conventionData(ctx.handle.db, ctx, germanArt61, language, facts),
      art60Contract: (language) => art60ContractData(ctx.handle.db, ctx, germanArt60, language, facts),
      immersionContract: (language) => immersionContractData(ctx.handle.db, ctx, germanImmersion, language, facts),
      eidSheet: (language) => eidSheetData(ctx.handle.db, ctx.handle.t, germanClient, language),
      organisationLetter: (language) => organisationLetterData(ctx.handle.db, ctx, contact!.id, language, facts),
      actionPlan: (language) => actionPlanDocumentData(ctx.handle.db, ctx, germanClient, language, facts),
      pollAnswers: (language) => answerSheetData(ctx.handle.db, ctx, response!.id, language),
      esfTrainingReport: (language) => trainingReportData(ctx.handle.db, ctx, summary!.id, language),
    };
    for (const { template } of DOCUMENT_TYPES)
      for (const language of DOCUMENT_LANGUAGES) {
        const data = { ...letterheadData(centre, language), ...(await dataOf[template](language)) };
        const text = pdfText(await pdfConverter().convert(renderDocx(await defaultTemplate(template, language), data)));
        expect(text, `${template}/${language}`).toContain("CPAS pdf-eupen");
        expect(text, `${template}/${language}`).toContain(titles[template][language]);
        expect(text, `${template}/${language}`).toMatch(/Anna|MÜLLER/);
        expect(text, `${template}/${language}`).not.toMatch(/[{}]/);
      }
  });

  it("prints a German-speaking client's file sheet, makes its PDF in a job and serves it to readers of the centre only", async () => {
    const c = await callerOn(centreHost(eupen.slug), {}, worker.claims);
    const open = (await c.resources.action({ resource: "clients.clients", id: germanClient, name: "print" }))!.open;
    const excerptId = Number(open!.id);
    const before = await c.resources.panel({ resource: "documents.mine", id: excerptId, key: "excerptPdf" });
    expect(before).toEqual({ state: "pending" });
    const early = await excerptDownload(get(eupen, excerptId), worker.claims, String(excerptId), "pdf");
    expect(early.status).toBe(404);

    await convertExcerpt(tenantHandle(eupen), excerptId);
    const after = (await c.resources.panel({ resource: "documents.mine", id: excerptId, key: "excerptPdf" })) as {
      state: string;
      href: string;
    };
    expect(after.state).toBe("ready");
    expect(after.href).toMatch(new RegExp(`^/api/documents/${excerptId}/aktenblatt-${germanClient}\\.pdf$`));
    const res = await excerptDownload(get(eupen, excerptId), worker.claims, String(excerptId), "pdf");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain("(Übersetzung)");
    expect(text).toContain("Aktenblatt");
    expect(text).toContain("MÜLLER Anna");
    expect(text).toContain("05.03.1980");
    const h = tenantHandle(eupen);
    const audit = await h.db
      .select()
      .from(h.t.auditLog)
      .where(eq(h.t.auditLog.entityId, String(excerptId)));
    expect(audit.map((a) => a.action)).toContain("documents.mine.pdf");

    // Another centre's reader gets what an id that exists nowhere gets; a session of it is none here.
    const other = await newUser(chatelet, "100");
    const foreign = await excerptDownload(get(chatelet, excerptId), other.claims, String(excerptId), "pdf");
    const nowhere = await excerptDownload(get(chatelet, 2_000_000_000), other.claims, "2000000000", "pdf");
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toBe(await nowhere.text());
    expect((await excerptDownload(get(eupen, excerptId), other.claims, String(excerptId), "pdf")).status).toBe(401);

    // Every user type that prints downloads the PDF; the others are refused.
    for (const type of USER_TYPES.filter((t) => t !== "000")) {
      const { claims } = await newUser(eupen, type);
      const prints = hasRole(type, "OfficeUser") || hasRole(type, "OfficeOperator");
      const answer = await excerptDownload(get(eupen, excerptId), claims, String(excerptId), "pdf");
      expect(answer.status, type).toBe(prints ? 200 : 403);
      await answer.body?.cancel();
    }
  });

  it("marks a document LibreOffice cannot read as failed, the Word file still offered", async () => {
    const c = await callerOn(centreHost(eupen.slug), {}, worker.claims);
    const open = (await c.resources.action({ resource: "clients.clients", id: germanClient, name: "print" }))!.open;
    const excerptId = Number(open!.id);
    const h = tenantHandle(eupen);
    const [row] = await h.db.select().from(h.t.excerpts).where(eq(h.t.excerpts.id, excerptId));
    const { documentStorage } = await import("@/server/documents/storage");
    const { Readable } = await import("node:stream");
    await documentStorage().put(eupen.id, row!.storageKey, Readable.from([Buffer.from("PK\x03\x04broken")]));
    await convertExcerpt(h, excerptId);
    expect(await c.resources.panel({ resource: "documents.mine", id: excerptId, key: "excerptPdf" })).toEqual({
      state: "failed",
    });
    const docx = await excerptDownload(get(eupen, excerptId, "file.docx"), worker.claims, String(excerptId));
    expect(docx.status).toBe(200);
    await docx.body?.cancel();
  });
});
