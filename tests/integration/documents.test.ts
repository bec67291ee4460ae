import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { and, eq } from "drizzle-orm";
import PizZip from "pizzip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "@/server/areas";
import { resolveSessionUser, type SessionClaims } from "@/server/auth/session";
import { USER_TYPES, hasRole } from "@/server/auth/user-types";
import { DOCUMENT_LANGUAGES, letterDate, recipientLines } from "@/server/documents/language";
import { centreIdentityOf, centreOf, fileSheetData, letterheadData } from "@/server/documents/print";
import { pdfConverter } from "@/server/documents/pdf/converter";
import { renderDocx } from "@/server/documents/render";
import { excerptDownload } from "@/server/documents/routes";
import { documentStorage } from "@/server/documents/storage";
import { defaultTemplate } from "@/server/documents/templates";
import type { ResourceCtx } from "@/server/resources/define";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient, newCoaching } from "./factories";
import { appCodeOf, callerOn, centreHost, errorAsSent, newCentre, newUser } from "./helpers";

let eupen: Tenant;
let chatelet: Tenant;
/** A German-speaking client of a French-speaking centre, and a French-speaking one. */
let germanClient: number;
let frenchClient: number;
let worker: { user: { id: number }; claims: SessionClaims };

/** The text of a .docx, as a reader sees it: the words of its document.xml in order. */
const textOf = (docx: Buffer) =>
  new PizZip(docx)
    .file("word/document.xml")!
    .asText()
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

const caller = (tenant: Tenant, claims: SessionClaims) => callerOn(centreHost(tenant.slug), {}, claims);

const get = (tenant: Tenant, id: number | string) =>
  new Request(`http://${tenant.slug}.localhost/api/documents/${id}/file.docx`, {
    headers: { host: `${tenant.slug}.localhost` },
  });

async function ctxOf(tenant: Tenant, claims: SessionClaims): Promise<ResourceCtx> {
  const handle = tenantHandle(tenant);
  return { handle, user: (await resolveSessionUser(handle, tenant, claims))!, locale: "fr", registry };
}

async function print(tenant: Tenant, claims: SessionClaims, client: number) {
  const c = await caller(tenant, claims);
  return c.resources.action({ resource: "clients.clients", id: client, name: "print" });
}

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("doc-eupen", "production"), newCentre("doc-chat", "production")]);
  const h = tenantHandle(eupen);
  await h.db
    .update(h.t.documentSettings)
    .set({ address: "Rue du Centre 1\n6200 Châtelet", place: "Châtelet", phone: "071 11 22 33" })
    .where(eq(h.t.documentSettings.id, 1));
  germanClient = await newClient(eupen, {
    firstName: "Anna",
    lastName: "Müller",
    language: "de",
    gender: "F",
    birthDate: "1980-03-05",
    nationalId: "800305-002-11",
    street: "Bergstraße",
    streetNo: "12",
    zipCode: "4700",
  });
  frenchClient = await newClient(eupen, { firstName: "Marie", lastName: "Dubois", language: "fr" });
  worker = await newUser(eupen, "100", { firstName: "Hubert", lastName: "Huppertz", language: "fr" });
  await newCoaching(eupen, germanClient, worker.user.id, { startDate: "2014-01-15", primary: true });
});

describe("the shipped templates", () => {
  it("render the file sheet in every language with a client's data, labels and dates in that language", async () => {
    const ctx = await ctxOf(eupen, worker.claims);
    const centre = await centreOf(ctx.handle.db, ctx.handle, await centreIdentityOf(ctx.handle));
    const expected = {
      fr: ["(Traduction)", "Fiche du dossier", "Date de naissance 05/03/1980", "Sexe Féminin", "Langue Deutsch"],
      nl: ["(Vertaling)", "Dossierfiche", "Geboortedatum 05/03/1980", "Geslacht Vrouwelijk", "Taal Deutsch"],
      de: ["(Übersetzung)", "Aktenblatt", "Geburtsdatum 05.03.1980", "Geschlecht Weiblich", "Sprache Deutsch"],
      en: ["(Translation)", "File sheet", "Birth date 05/03/1980", "Gender Female", "Language Deutsch"],
    };
    for (const language of DOCUMENT_LANGUAGES) {
      const data = {
        ...letterheadData(centre, language),
        ...(await fileSheetData(ctx.handle.db, ctx, germanClient, language)),
      };
      const text = textOf(renderDocx(await defaultTemplate("fileSheet", language), data));
      expect(text, language).toContain("CPAS doc-eupen Rue du Centre 1 6200 Châtelet 071 11 22 33");
      expect(text, language).toContain("MÜLLER Anna");
      expect(text, language).toContain("800305-002-11");
      expect(text, language).toContain("Bergstraße 12 4700");
      expect(text, language).toContain("Hubert Huppertz");
      for (const phrase of expected[language].slice(language === "fr" ? 1 : 0))
        expect(text, language).toContain(phrase);
      // The centre speaks French: only the other languages are translations.
      if (language === "fr") expect(text).not.toContain("(Traduction)");
    }
  });

  it("render the general letter in every language: letterhead, the Belgian address block, date, signature", async () => {
    const ctx = await ctxOf(eupen, worker.claims);
    const centre = await centreOf(ctx.handle.db, ctx.handle, await centreIdentityOf(ctx.handle));
    const address = {
      name: "Madame Anna Müller",
      street: "Bergstraße",
      streetNo: "12",
      streetBox: "3",
      zipCode: "4700",
      place: "Eupen",
      countryCode: "BE",
      countryName: "",
    };
    const expected = {
      fr: ["Bergstraße 12 bte 3 4700 Eupen", "Châtelet, le 22 mai 2014", "Notre réf. : HH/12/3", "Pour le CPAS,"],
      nl: ["Bergstraße 12 bus 3 4700 Eupen", "Châtelet, 22 mei 2014", "Ons kenmerk: HH/12/3", "Voor het OCMW,"],
      de: ["Bergstraße 12 Bfk. 3 4700 Eupen", "Châtelet, den 22. Mai 2014", "Unser Zeichen: HH/12/3", "Für das ÖSHZ,"],
      en: ["Bergstraße 12 box 3 4700 Eupen", "Châtelet, 22 May 2014", "Our ref.: HH/12/3", "For the PCSW,"],
    };
    for (const language of DOCUMENT_LANGUAGES) {
      const data = {
        ...letterheadData(centre, language),
        printRecipient: true,
        recipient: recipientLines(address, language).join("\n"),
        place: centre.place,
        date: letterDate("2014-05-22", language),
        ref: "HH/12/3",
        subject: "Convocation",
        body: "Première ligne.\nDeuxième ligne.",
        author: "Hubert Huppertz",
        authorRole: "Service social",
      };
      const text = textOf(renderDocx(await defaultTemplate("letter", language), data));
      expect(text, language).toMatch(/^CPAS doc-eupen Rue du Centre 1 6200 Châtelet 071 11 22 33 Madame Anna Müller/);
      for (const phrase of expected[language]) expect(text, language).toContain(phrase);
      expect(text, language).toMatch(
        /Convocation Première ligne\. Deuxième ligne\. .* Hubert Huppertz Service social$/,
      );
      const without = textOf(renderDocx(await defaultTemplate("letter", language), { ...data, printRecipient: false }));
      expect(without, language).not.toContain("Madame Anna Müller");
    }
  });
});

describe("Print on a client", () => {
  let excerptId: number;

  it("prints a German-speaking client's file sheet in German from the French UI, and records the excerpt", async () => {
    const result = await print(eupen, worker.claims, germanClient);
    expect(result.open?.resource).toBe("documents.mine");
    excerptId = Number(result.open!.id);
    const h = tenantHandle(eupen);
    const [excerpt] = await h.db.select().from(h.t.excerpts).where(eq(h.t.excerpts.id, excerptId));
    const [fileSheet] = await h.db.select().from(h.t.excerptTypes).where(eq(h.t.excerptTypes.template, "fileSheet"));
    expect(excerpt).toMatchObject({
      typeId: fileSheet!.id,
      ownerType: "client",
      ownerId: germanClient,
      clientId: germanClient,
      userId: worker.user.id,
      language: "de",
      fileName: `aktenblatt-${germanClient}.docx`,
    });
    const [audit] = await h.db
      .select()
      .from(h.t.auditLog)
      .where(and(eq(h.t.auditLog.entity, "documents.mine"), eq(h.t.auditLog.entityId, String(excerptId))));
    expect(audit).toMatchObject({ action: "documents.mine.create", changes: { language: { from: null, to: "de" } } });

    const c = await caller(eupen, worker.claims);
    const mine = await c.resources.list({
      resource: "documents.mine",
      state: { page: 1, pageSize: 25, sort: [], filters: {}, q: "" },
    });
    expect(mine.rows.map((r) => r.__id)).toEqual([excerptId]);
    const byClient = await c.resources.list({
      resource: "documents.byClient",
      state: { page: 1, pageSize: 25, sort: [], filters: {}, q: "", master: { field: "client", value: germanClient } },
    });
    expect(byClient.rows.map((r) => r.__id)).toEqual([excerptId]);

    const res = await excerptDownload(get(eupen, excerptId), worker.claims, String(excerptId));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="aktenblatt-/);
    const text = textOf(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain("(Übersetzung) Aktenblatt");
    expect(text).toContain("Klient MÜLLER Anna");
    expect(text).toContain("Zuständiger Sozialarbeiter Hubert Huppertz");
    expect(text).toContain("15.01.2014");
    expect(text).toMatch(/Gedruckt am \d\d\.\d\d\.\d{4} von Hubert Huppertz\./);
    const log = await h.db.select().from(h.t.accessLog).where(eq(h.t.accessLog.userId, worker.user.id));
    expect(log).toMatchObject([{ partnerId: germanClient, what: "download" }]);
  });

  it("prints a French-speaking client's file sheet in French, without (Traduction)", async () => {
    const result = await print(eupen, worker.claims, frenchClient);
    const id = Number(result.open!.id);
    const res = await excerptDownload(get(eupen, id), worker.claims, String(id));
    const text = textOf(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain("Fiche du dossier");
    expect(text).not.toContain("Traduction");
    expect(text).toContain("Aucun accompagnement.");
  });

  it("refuses without a primary document type, saying where to set one, and leaves no file behind", async () => {
    const h = tenantHandle(eupen);
    const before = await h.db.select({ id: h.t.excerpts.id }).from(h.t.excerpts);
    const files = async () => {
      const keys: string[] = [];
      for await (const f of documentStorage().list(eupen.id)) keys.push(f.key);
      return keys.sort();
    };
    const filesBefore = await files();
    await h.db.update(h.t.excerptTypes).set({ isPrimary: false }).where(eq(h.t.excerptTypes.isPrimary, true));
    try {
      const c = await caller(eupen, worker.claims);
      const err = await c.resources
        .action({ resource: "clients.clients", id: frenchClient, name: "print" })
        .catch((e) => e);
      expect(errorAsSent(err)).toMatchObject({
        httpStatus: 400,
        params: { messageKey: "documents.errors.noPrimaryType" },
      });
    } finally {
      await h.db.update(h.t.excerptTypes).set({ isPrimary: true }).where(eq(h.t.excerptTypes.template, "fileSheet"));
    }
    expect(await h.db.select({ id: h.t.excerpts.id }).from(h.t.excerpts)).toEqual(before);
    expect(await files()).toEqual(filesBefore);
  });

  it("refuses another centre's host, a foreign session, an unknown or malformed id, with nothing revealed", async () => {
    const other = await newUser(chatelet, "900");
    // Châtelet has no excerpt with Eupen's id: the answer is the one for an id that exists nowhere.
    const foreign = await excerptDownload(get(chatelet, excerptId), other.claims, String(excerptId));
    const nowhere = await excerptDownload(get(chatelet, 2_000_000_000), other.claims, "2000000000");
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toBe(await nowhere.text());
    // Châtelet's session on Eupen's host is no session there.
    const crossed = await excerptDownload(get(eupen, excerptId), other.claims, String(excerptId));
    expect(crossed.status).toBe(401);
    expect(await crossed.text()).not.toContain("aktenblatt");
    for (const bad of ["0", "-1", "1e3", "99999999999", "abc"]) {
      const res = await excerptDownload(get(eupen, bad), worker.claims, bad);
      expect(res.status, bad).toBe(404);
    }
    // Nor does the other centre reach the excerpt, the client or the print through the procedures.
    const c = await caller(chatelet, other.claims);
    expect(await appCodeOf(c.resources.get({ resource: "documents.mine", id: excerptId }))).toBe("NOT_FOUND");
    expect(await appCodeOf(c.resources.get({ resource: "documents.byClient", id: excerptId }))).toBe("NOT_FOUND");
    expect(await appCodeOf(print(chatelet, other.claims, germanClient))).toBe("NOT_FOUND");
    const h = tenantHandle(chatelet);
    expect(await h.db.select().from(h.t.excerpts)).toEqual([]);
  });

  it("lets every user type who prints (OfficeUser, OfficeOperator: every signed-in type) print and download", async () => {
    // 000 is the anonymous visitor's type: no session, no print (checked by the permission walk).
    for (const type of USER_TYPES.filter((t) => t !== "000")) {
      const { claims } = await newUser(eupen, type);
      const prints = hasRole(type, "OfficeUser") || hasRole(type, "OfficeOperator");
      const res = await excerptDownload(get(eupen, excerptId), claims, String(excerptId));
      expect(res.status, `download by ${type}`).toBe(prints ? 200 : 403);
      await res.body?.cancel();
      const printed = print(eupen, claims, frenchClient);
      if (prints) expect((await printed).open?.resource, `print by ${type}`).toBe("documents.mine");
      else expect(await appCodeOf(printed), `print by ${type}`).toBe("FORBIDDEN");
    }
  });

  it("makes one primary type per kind: choosing the letter unsets the file sheet, and Print then writes the letter", async () => {
    const h = tenantHandle(eupen);
    const staff = await newUser(eupen, "110", { firstName: "Caroline", lastName: "Carnol" });
    const c = await caller(eupen, staff.claims);
    const types = await h.db.select().from(h.t.excerptTypes);
    const letter = types.find((t) => t.template === "letter")!;
    const fileSheet = types.find((t) => t.template === "fileSheet")!;
    try {
      await c.resources.update({
        resource: "documents.types",
        id: letter.id,
        version: letter.version,
        patch: { isPrimary: true },
      });
      const after = await h.db.select().from(h.t.excerptTypes);
      expect(after.filter((t) => t.isPrimary).map((t) => t.id)).toEqual([letter.id]);
      const result = await print(eupen, staff.claims, germanClient);
      const id = Number(result.open!.id);
      const res = await excerptDownload(get(eupen, id), staff.claims, String(id));
      expect(res.headers.get("content-disposition")).toMatch(/filename="brief-/);
      const text = textOf(Buffer.from(await res.arrayBuffer()));
      // The client's address block in German, our reference (author's initials / client / excerpt), the type as title.
      expect(text).toContain("Frau Anna Müller Bergstraße 12 4700");
      expect(text).toContain(`Unser Zeichen: CC/${germanClient}/${id}`);
      expect(text).toContain("(Übersetzung) Brief an den Klienten");
      expect(text).toMatch(/Für das ÖSHZ, Der Sekretär, in Vertretung, Caroline Carnol Sekretariat$/);
    } finally {
      await h.db.update(h.t.excerptTypes).set({ isPrimary: false }).where(eq(h.t.excerptTypes.id, letter.id));
      await h.db.update(h.t.excerptTypes).set({ isPrimary: true }).where(eq(h.t.excerptTypes.id, fileSheet.id));
    }
  });

  it("follows a merge: the duplicate's printed documents become the kept client's", async () => {
    const admin = await newUser(eupen, "900");
    const kept = await newClient(eupen, { firstName: "Paul", lastName: "Doublon", language: "fr" });
    const duplicate = await newClient(eupen, { firstName: "Paul", lastName: "Doublon", language: "fr" });
    const id = Number((await print(eupen, admin.claims, duplicate)).open!.id);
    const h = tenantHandle(eupen);
    const [version] = await h.db
      .select({ v: h.t.partners.version })
      .from(h.t.partners)
      .where(eq(h.t.partners.id, kept));
    await (
      await caller(eupen, admin.claims)
    ).resources.action({
      resource: "clients.clients",
      id: kept,
      name: "mergeInto",
      params: { merged: duplicate, reason: "" },
      version: version!.v,
    });
    const [row] = await h.db.select().from(h.t.excerpts).where(eq(h.t.excerpts.id, id));
    expect(row).toMatchObject({ clientId: kept, ownerId: kept });
  });

  it("keeps an excerpt a record: no one edits or deletes it through the procedures", async () => {
    const admin = await newUser(eupen, "900");
    const c = await caller(eupen, admin.claims);
    const own = await print(eupen, admin.claims, frenchClient);
    const id = Number(own.open!.id);
    expect(
      await appCodeOf(c.resources.update({ resource: "documents.mine", id, version: 1, patch: { language: "de" } })),
    ).not.toBe("resolved");
    expect(await appCodeOf(c.resources.remove({ resource: "documents.mine", id, version: 1 }))).not.toBe("resolved");
    // The stored file is kept in the centre's own folder of printed documents.
    const h = tenantHandle(eupen);
    const [row] = await h.db.select().from(h.t.excerpts).where(eq(h.t.excerpts.id, id));
    expect(await documentStorage().exists(eupen.id, row!.storageKey)).toBe(true);
    expect(row!.language).toBe("fr");
    expect(await documentStorage().exists(chatelet.id, row!.storageKey)).toBe(false);
    expect((await readFile(`templates/fileSheet/fr.docx`)).length).toBeGreaterThan(0);
  });
});

describe("a centre's own templates", () => {
  afterAll(() => pdfConverter().stop());
  /** The shipped German file sheet with its XML edited, as an administrator's own version would be. */
  async function ownFileSheet(edit: (xml: string) => string) {
    const zip = new PizZip(await readFile("templates/fileSheet/de.docx"));
    zip.file("word/document.xml", edit(zip.file("word/document.xml")!.asText()));
    return (zip.generate({ type: "nodebuffer" }) as Buffer).toString("base64");
  }
  const upload = async (tenant: Tenant, claims: SessionClaims, content: string) =>
    (await caller(tenant, claims)).documents.uploadTemplate({
      template: "fileSheet",
      language: "de",
      fileName: "Aktenblatt ÖSHZ.docx",
      content,
    });
  const ownRows = async (tenant: Tenant) => {
    const h = tenantHandle(tenant);
    return h.db.select().from(h.t.documentTemplates);
  };

  it("refuses a template with a typo in a tag, a broken loop or no document at all, naming the tag", async () => {
    const admin = await newUser(eupen, "900");
    const cases: [string, Record<string, unknown>][] = [
      [
        await ownFileSheet((xml) => xml.replace("{clientName}", "{clientNme}")),
        { messageKey: "documents.errors.template.unknown_tag", tag: "clientNme" },
      ],
      [
        await ownFileSheet((xml) => xml.replace("{/coachings}", "")),
        { messageKey: "documents.errors.template.unclosed_loop", tag: "coachings" },
      ],
      [Buffer.from("not a document").toString("base64"), { messageKey: "documents.errors.notDocx" }],
    ];
    for (const [content, params] of cases) {
      const err = await upload(eupen, admin.claims, content).catch((e) => e);
      expect(errorAsSent(err)).toMatchObject({ httpStatus: 400, params });
    }
    expect(await ownRows(eupen)).toEqual([]);
  });

  it("prints with the centre's own template once uploaded, only in that centre; removing it goes back to the default", async () => {
    const admin = await newUser(eupen, "900");
    const content = await ownFileSheet((xml) => xml.replace(">Aktenblatt<", ">Aktenblatt des ÖSHZ<"));
    await upload(eupen, admin.claims, content);
    const printedText = async (tenant: Tenant, claims: SessionClaims, client: number) => {
      const id = Number((await print(tenant, claims, client)).open!.id);
      return textOf(Buffer.from(await (await excerptDownload(get(tenant, id), claims, String(id))).arrayBuffer()));
    };
    expect(await printedText(eupen, worker.claims, germanClient)).toContain("Aktenblatt des ÖSHZ");
    // French documents keep the default; so does another centre, in German too.
    expect(await printedText(eupen, worker.claims, frenchClient)).toContain("Fiche du dossier");
    const chateletWorker = await newUser(chatelet, "900");
    const chateletClient = await newClient(chatelet, { firstName: "Jana", lastName: "Weber", language: "de" });
    const there = await printedText(chatelet, chateletWorker.claims, chateletClient);
    expect(there).toContain("Aktenblatt");
    expect(there).not.toContain("des ÖSHZ");
    const inUse = await (await caller(chatelet, chateletWorker.claims)).documents.templates({ template: "fileSheet" });
    expect(inUse.every((l) => l.own === null)).toBe(true);
    expect(
      await appCodeOf(
        (await caller(chatelet, chateletWorker.claims)).documents.revertTemplate({
          template: "fileSheet",
          language: "de",
        }),
      ),
    ).toBe("NOT_FOUND");

    const c = await caller(eupen, admin.claims);
    expect(
      (await c.documents.templates({ template: "fileSheet" })).find((l) => l.language === "de")?.own,
    ).toMatchObject({
      fileName: "Aktenblatt ÖSHZ.docx",
      versions: 1,
    });
    await c.documents.revertTemplate({ template: "fileSheet", language: "de" });
    // Going back keeps the version, no longer in use.
    expect((await ownRows(eupen)).map((r) => r.current)).toEqual([false]);
    const back = await printedText(eupen, worker.claims, germanClient);
    expect(back).toContain("Aktenblatt");
    expect(back).not.toContain("des ÖSHZ");
  });

  it("previews an upload with a sample record, keeps every version and goes back to any of them or the default", async () => {
    const admin = await newUser(eupen, "900", { firstName: "Alice", lastName: "Admin" });
    const c = await caller(eupen, admin.claims);
    const titled = (title: string) => ownFileSheet((xml) => xml.replace(">Aktenblatt<", `>${title}<`));
    const inUseDe = async () =>
      (await c.documents.templates({ template: "fileSheet" })).find((l) => l.language === "de")!;
    const printedText = async () => {
      const id = Number((await print(eupen, worker.claims, germanClient)).open!.id);
      return textOf(
        Buffer.from(await (await excerptDownload(get(eupen, id), worker.claims, String(id))).arrayBuffer()),
      );
    };

    // The preview is the upload filled with the sample record (each tag shows its name); nothing is kept yet.
    const first = await titled("Version eins");
    const before = (await ownRows(eupen)).length;
    const shown = await c.documents.previewTemplate({ template: "fileSheet", content: first });
    const previewText =
      shown.extension === "pdf"
        ? execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: Buffer.from(shown.content, "base64") })
            .toString("utf8")
            .replace(/\s+/g, " ")
        : textOf(Buffer.from(shown.content, "base64"));
    expect(previewText).toContain("Version eins");
    expect(previewText).toContain("«clientName»");
    expect(await ownRows(eupen)).toHaveLength(before);
    const typo = await titled("{clientNme}");
    expect(
      errorAsSent(await c.documents.previewTemplate({ template: "fileSheet", content: typo }).catch((e) => e)),
    ).toMatchObject({
      httpStatus: 400,
      params: { messageKey: "documents.errors.template.unknown_tag", tag: "clientNme" },
    });

    await upload(eupen, admin.claims, first);
    await upload(eupen, admin.claims, await titled("Version zwei"));
    let de = await inUseDe();
    expect(de.versions.slice(0, 2).map((v) => [v.current, v.user])).toEqual([
      [true, "Alice Admin"],
      [false, "Alice Admin"],
    ]);
    expect(de.versions.filter((v) => v.current)).toHaveLength(1);
    expect(await printedText()).toContain("Version zwei");

    // Back to the first version: both kept, the first in use.
    const versionOne = de.versions[1]!.id;
    await c.documents.chooseTemplateVersion({ template: "fileSheet", language: "de", id: versionOne });
    de = await inUseDe();
    expect(de.versions.find((v) => v.current)?.id).toBe(versionOne);
    expect(await printedText()).toContain("Version eins");
    // Back to the default, then to the newest again: nothing was lost.
    await c.documents.chooseTemplateVersion({ template: "fileSheet", language: "de", id: null });
    expect((await inUseDe()).own).toBeNull();
    expect(await printedText()).not.toMatch(/Version (eins|zwei)/);
    await c.documents.chooseTemplateVersion({ template: "fileSheet", language: "de", id: de.versions[0]!.id });
    expect(await printedText()).toContain("Version zwei");
    const audit = await tenantHandle(eupen)
      .db.select()
      .from(tenantHandle(eupen).t.auditLog)
      .where(eq(tenantHandle(eupen).t.auditLog.entityId, String(versionOne)));
    expect(audit.map((a) => a.action)).toContain("documents.templates.update");

    // A version of another language, or of another centre, is none to go back to.
    expect(
      await appCodeOf(c.documents.chooseTemplateVersion({ template: "fileSheet", language: "fr", id: versionOne })),
    ).toBe("NOT_FOUND");
    const chateletAdmin = await newUser(chatelet, "900");
    const there = await caller(chatelet, chateletAdmin.claims);
    expect(
      await appCodeOf(there.documents.chooseTemplateVersion({ template: "fileSheet", language: "de", id: versionOne })),
    ).toBe("NOT_FOUND");
    expect((await there.documents.templates({ template: "fileSheet" })).every((l) => l.versions.length === 0)).toBe(
      true,
    );
    await c.documents.chooseTemplateVersion({ template: "fileSheet", language: "de", id: null });
  });

  it("is for administrators only: every other user type is refused", async () => {
    const content = await ownFileSheet((xml) => xml);
    const before = await ownRows(eupen);
    for (const type of USER_TYPES.filter((t) => t !== "000")) {
      const { claims } = await newUser(eupen, type);
      const c = await caller(eupen, claims);
      const admin = hasRole(type, "SiteAdmin");
      const listed = appCodeOf(c.documents.templates({ template: "letter" }));
      expect(await listed, `templates by ${type}`).toBe(admin ? "resolved" : "FORBIDDEN");
      if (!admin) {
        expect(await appCodeOf(upload(eupen, claims, content)), `upload by ${type}`).toBe("FORBIDDEN");
        expect(
          await appCodeOf(c.documents.revertTemplate({ template: "fileSheet", language: "de" })),
          `revert by ${type}`,
        ).toBe("FORBIDDEN");
        expect(
          await appCodeOf(c.documents.previewTemplate({ template: "fileSheet", content })),
          `preview by ${type}`,
        ).toBe("FORBIDDEN");
        expect(
          await appCodeOf(c.documents.chooseTemplateVersion({ template: "fileSheet", language: "de", id: null })),
          `go back by ${type}`,
        ).toBe("FORBIDDEN");
      }
    }
    expect(await ownRows(eupen)).toEqual(before);
  });
});
