import { execFileSync } from "node:child_process";
import { eq } from "drizzle-orm";
import PizZip from "pizzip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionClaims } from "@/server/auth/session";
import { hasRole, USER_TYPES } from "@/server/auth/user-types";
import { runMassPrint } from "@/server/documents/mass-print";
import { massPrintDownload } from "@/server/documents/routes";
import { pdfAvailable, pdfConverter } from "@/server/documents/pdf/converter";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient, newPerson } from "./factories";
import { appCodeOf, callerOn, centreHost, errorAsSent, newCentre, newUser } from "./helpers";

/** The text of a PDF as poppler's pdftotext reads it, its whitespace collapsed. */
const pdfText = (pdf: Buffer) =>
  execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: pdf }).toString("utf8").replace(/\s+/g, " ").trim();

/** The text of every Word file in a zip, by file name. */
function docxTexts(zip: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, entry] of Object.entries(new PizZip(zip).files)) {
    const xml = new PizZip(entry.asNodeBuffer()).file("word/document.xml")!.asText();
    out[name] = xml.replace(/<[^>]+>/g, "");
  }
  return out;
}

let eupen: Tenant;
let chatelet: Tenant;
let worker: { user: { id: number }; claims: SessionClaims };
let clients: number[];
let organisation: number;
let fileSheetType: number;

const caller = (tenant: Tenant, claims: SessionClaims) => callerOn(centreHost(tenant.slug), {}, claims);
const get = (tenant: Tenant, id: number | string) =>
  new Request(`http://${tenant.slug}.localhost/api/documents/mass/${id}/file`, {
    headers: { host: `${tenant.slug}.localhost` },
  });
const printSelection = async (tenant: Tenant, claims: SessionClaims, ids: number[], typeId = fileSheetType) =>
  (await caller(tenant, claims)).documents.printSelection({ resource: "clients.clients", typeId, ids });

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("mass-eupen", "production"), newCentre("mass-chat", "production")]);
  worker = await newUser(eupen, "100", { firstName: "Hubert", lastName: "Huppertz" });
  clients = [
    await newClient(eupen, { firstName: "Anna", lastName: "Müller", language: "de", birthDate: "1980-03-05" }),
    await newClient(eupen, { firstName: "Jean", lastName: "Dupont", language: "fr" }),
    await newClient(eupen, { firstName: "Piet", lastName: "Peeters", language: "nl" }),
  ];
  organisation = await newPerson(eupen, { firstName: "Not", lastName: "Aclient" });
  const h = tenantHandle(eupen);
  fileSheetType = (await h.db.select().from(h.t.excerptTypes)).find((t) => t.template === "fileSheet")!.id;
});
afterAll(() => pdfConverter().stop());

describe("mass printing (issue 14 §6)", () => {
  it("prints the ticked clients' file sheets, each in its language, into one zip of Word files with its progress", async () => {
    const c = await caller(eupen, worker.claims);
    const types = await c.documents.selectionTypes({ resource: "clients.clients" });
    expect(types.map((t) => t.name)).toEqual([
      "Fiche du dossier",
      "Contenu carte eID",
      "Curriculum vitae",
      "Lettre au client",
      "Plan d'action",
    ]);

    // A partner who is not a client is not in the clients' list: left out as if it did not exist.
    const { id } = await printSelection(eupen, worker.claims, [...clients, organisation]);
    expect(await c.documents.massPrint({ id })).toMatchObject({ state: "pending", done: 0, total: 3 });
    const h = tenantHandle(eupen);
    // Whatever the server has, the job makes what the row says: here the Word files' zip.
    await h.db.update(h.t.massPrints).set({ format: "zip" }).where(eq(h.t.massPrints.id, id));
    await runMassPrint(h, id);
    const state = await c.documents.massPrint({ id });
    expect(state).toMatchObject({
      state: "ready",
      done: 3,
      total: 3,
      format: "zip",
      fileName: `impressions-${id}.zip`,
    });
    expect(state.href).toBe(`/api/documents/mass/${id}/impressions-${id}.zip`);

    const res = await massPrintDownload(get(eupen, id), worker.claims, String(id));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    const texts = Object.values(docxTexts(Buffer.from(await res.arrayBuffer())));
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain("Aktenblatt");
    expect(texts[0]).toContain("MÜLLER Anna");
    expect(texts[1]).toContain("Fiche du dossier");
    expect(texts[1]).toContain("DUPONT Jean");
    expect(texts[2]).toContain("Dossierfiche");
    expect(texts.join(" ")).not.toContain("Aclient");

    // Started and finished, audited; each client written to the access log as downloaded.
    const audit = await h.db
      .select()
      .from(h.t.auditLog)
      .where(eq(h.t.auditLog.entityId, String(id)));
    expect(audit.map((a) => a.action).filter((a) => a.startsWith("documents."))).toEqual([
      "documents.massPrints.create",
      "documents.massPrints.update",
    ]);
    const opened = await h.db.select().from(h.t.accessLog).where(eq(h.t.accessLog.userId, worker.user.id));
    for (const client of clients) expect(opened.map((o) => Number(o.partnerId))).toContain(client);
  });

  it.skipIf(!pdfAvailable())("joins the documents into one PDF through the warm converter", async () => {
    const { id } = await printSelection(eupen, worker.claims, clients);
    await runMassPrint(tenantHandle(eupen), id);
    const c = await caller(eupen, worker.claims);
    expect(await c.documents.massPrint({ id })).toMatchObject({ state: "ready", done: 3, format: "pdf" });
    const res = await massPrintDownload(get(eupen, id), worker.claims, String(id));
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain("MÜLLER Anna");
    expect(text).toContain("DUPONT Jean");
    expect(text).toContain("PEETERS Piet");
    expect(text.indexOf("MÜLLER Anna")).toBeLessThan(text.indexOf("DUPONT Jean"));
  });

  it("refuses a type that does not print clients, a certifying type and a selection of nothing visible", async () => {
    const h = tenantHandle(eupen);
    const [certifying] = await h.db
      .insert(h.t.excerptTypes)
      .values({ names: { fr: "Attestation" }, contentType: "client", template: "letter", certifying: true })
      .returning();
    const refused = await printSelection(eupen, worker.claims, clients, certifying!.id).catch((e) => e);
    expect(errorAsSent(refused)).toMatchObject({
      httpStatus: 400,
      params: { field: "type", messageKey: "documents.massPrint.certifying" },
    });
    const types = await (await caller(eupen, worker.claims)).documents.selectionTypes({ resource: "clients.clients" });
    expect(types.map((t) => t.id)).not.toContain(certifying!.id);
    const unknown = await printSelection(eupen, worker.claims, clients, 2_000_000_000).catch((e) => e);
    expect(errorAsSent(unknown)).toMatchObject({
      httpStatus: 400,
      params: { messageKey: "documents.massPrint.wrongType" },
    });
    expect(await appCodeOf(printSelection(eupen, worker.claims, [organisation]))).toBe("NOT_FOUND");
    // A list that declares no "Print selection" cannot be mass printed.
    const c = await caller(eupen, worker.claims);
    expect(
      await appCodeOf(c.documents.printSelection({ resource: "users.users", typeId: fileSheetType, ids: [1] })),
    ).toBe("FORBIDDEN");
    expect(await appCodeOf(c.documents.printSelection({ resource: "x".repeat(101), typeId: 1, ids: [1] }))).toBe(
      "BAD_REQUEST",
    );
  });

  it("keeps a mass print to the user who started it, on its own centre", async () => {
    const { id } = await printSelection(eupen, worker.claims, clients.slice(0, 1));
    const h = tenantHandle(eupen);
    await h.db.update(h.t.massPrints).set({ format: "zip" }).where(eq(h.t.massPrints.id, id));
    await runMassPrint(h, id);

    // A colleague of the same centre neither sees its progress nor downloads it.
    const colleague = await newUser(eupen, "100");
    expect(await appCodeOf((await caller(eupen, colleague.claims)).documents.massPrint({ id }))).toBe("NOT_FOUND");
    expect((await massPrintDownload(get(eupen, id), colleague.claims, String(id))).status).toBe(404);

    // Another centre's user gets what an id that exists nowhere gets; its session is none here.
    const other = await newUser(chatelet, "100");
    expect(await appCodeOf((await caller(chatelet, other.claims)).documents.massPrint({ id }))).toBe("NOT_FOUND");
    const foreign = await massPrintDownload(get(chatelet, id), other.claims, String(id));
    const nowhere = await massPrintDownload(get(chatelet, 2_000_000_000), other.claims, "2000000000");
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toBe(await nowhere.text());
    expect((await massPrintDownload(get(eupen, id), other.claims, String(id))).status).toBe(401);
    // Another centre's clients are not printed from this one: the ids name its own rows or none.
    expect(await appCodeOf(printSelection(chatelet, other.claims, clients))).toBe("NOT_FOUND");
  });

  it("lets the user types that print start a mass print, and refuses the others", async () => {
    for (const type of USER_TYPES.filter((t) => t !== "000")) {
      const { claims } = await newUser(eupen, type);
      const prints = hasRole(type, "OfficeUser") || hasRole(type, "OfficeOperator");
      const meta = await (
        await caller(eupen, claims)
      ).resources
        .meta({ resource: "clients.clients" })
        .catch(() => null);
      expect(meta?.selection?.map((s) => s.key) ?? [], `selection shown to ${type}`).toEqual(
        prints ? ["printSelection"] : [],
      );
      expect(await appCodeOf(printSelection(eupen, claims, clients)), `print by ${type}`).toBe(
        prints ? "resolved" : "FORBIDDEN",
      );
    }
  });
});
