// The demo's ISIP partners (issue 17; domain-integ-money §2.4 "partners with their duties"): one ISIP in
// three (by id) has the demo organisations as external partners, one, or two every other time, with their
// contact person and duties in the centre's language; those ISIPs say what the centre and the client
// undertake, so that they print with their partner paragraphs; the activity report counts them per
// external organisation. Châtelet (French) and Eupen (German) flavours.
import { asc, eq } from "drizzle-orm";
import PizZip from "pizzip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { belgianToday } from "@/lib/format";
import { closePools } from "@/server/db/pool";
import { addMonths } from "@/server/calendar/rules/reminders";
import { excerptDownload } from "@/server/documents/routes";
import { createTenant } from "@/server/tenancy/lifecycle";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { callerOn, centreHost, newCentre, newUser, uniqueSlug } from "./helpers";

afterAll(closePools);

let chatelet: Tenant;
let eupen: Tenant;

beforeAll(async () => {
  [chatelet, eupen] = await Promise.all([
    newCentre("isip-demo-fr"),
    createTenant(
      {
        slug: uniqueSlug("isip-demo-de"),
        names: { fr: "CPAS Eupen", de: "ÖSHZ Eupen" },
        defaultLocale: "de",
        kind: "training",
      },
      "test",
    ).then((r) => r.tenant),
  ]);
});

/** Each demo ISIP (by id) with its partners: organisation, contact person, duties; and its PCSW duties. */
async function contractsOf(tenant: Tenant) {
  const { db, t } = tenantHandle(tenant);
  const contracts = await db
    .select({ id: t.isipContracts.id, dutiesPcsw: t.isipContracts.dutiesPcsw })
    .from(t.isipContracts)
    .orderBy(asc(t.isipContracts.id));
  const partners = await db
    .select({
      contractId: t.isipPartners.contractId,
      company: t.partners.name,
      contactId: t.isipPartners.contactPersonId,
      duties: t.isipPartners.dutiesCompany,
    })
    .from(t.isipPartners)
    .innerJoin(t.partners, eq(t.partners.id, t.isipPartners.companyId))
    .orderBy(asc(t.isipPartners.id));
  const names = new Map(
    (await db.select({ id: t.partners.id, name: t.partners.name }).from(t.partners)).map((p) => [p.id, p.name]),
  );
  return contracts.map((c) => ({
    id: c.id,
    dutiesPcsw: c.dutiesPcsw,
    partners: partners
      .filter((p) => p.contractId === c.id)
      .map((p) => [p.company, p.contactId === null ? null : names.get(p.contactId), p.duties]),
  }));
}

const textOf = (docx: Buffer) =>
  new PizZip(docx)
    .file("word/document.xml")!
    .asText()
    .replace(/<[^>]+>/g, " ")
    .replace(/&apos;/g, "'")
    .replace(/\s+/g, " ")
    .trim();

async function agentOf(tenant: Tenant, language: "fr" | "de") {
  const { claims } = await newUser(tenant, "100", { language });
  return { claims, caller: await callerOn(centreHost(tenant.slug), {}, claims) };
}

describe("Châtelet's demo ISIPs", () => {
  const FOREM =
    "<p>Le Forem accompagne la recherche d'emploi : un entretien par mois avec le conseiller, des offres d'emploi adaptées et un atelier de rédaction du CV.</p>";
  const BAKERY =
    "<p>La boulangerie accueille le bénéficiaire pour un stage de quatre semaines à la vente et désigne un tuteur qui l'encadre et l'évalue en fin de stage.</p>";

  it("one in three has partners: the employment office and the bakery, in turn, two every other time", async () => {
    const contracts = await contractsOf(chatelet);
    expect(contracts.length).toBeGreaterThanOrEqual(7);
    const forem = ["Forem Châtelet", "Denis Luc", FOREM];
    const bakery = ["Boulangerie Lambotte", null, BAKERY];
    // Contract 1: n = 0 → both; contract 4: n = 1 → the bakery alone; contract 7: n = 2 → both.
    expect(contracts.slice(0, 7).map((c) => c.partners)).toEqual([
      [forem, bakery],
      [],
      [],
      [bakery],
      [],
      [],
      [forem, bakery],
    ]);
    // Those with partners say what the CPAS undertakes (they can be printed); the others do not.
    expect(contracts.map((c) => c.dutiesPcsw !== "")).toEqual(contracts.map((c) => c.partners.length > 0));
    expect(contracts[0]!.dutiesPcsw).toContain("Le CPAS maintient le revenu d'intégration");
  });

  it("prints an ISIP with its partners' paragraphs, and the activity report counts them per organisation", async () => {
    const { claims, caller } = await agentOf(chatelet, "fr");
    const [first] = await contractsOf(chatelet);
    const open = (await caller.resources.action({ resource: "isip.contracts", id: first!.id, name: "print" }))!.open!;
    const res = await excerptDownload(
      new Request(`http://${chatelet.slug}.localhost/api/documents/${open.id}/file.docx`, {
        headers: { host: `${chatelet.slug}.localhost` },
      }),
      claims,
      String(open.id),
    );
    expect(res.status).toBe(200);
    const text = textOf(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain("Forem Châtelet");
    expect(text).toContain("un atelier de rédaction du CV.");
    expect(text).toContain("Boulangerie Lambotte");
    expect(text).toContain("un stage de quatre semaines à la vente");
    // Every demo ISIP starts within the last 18 months: over that period each partner's contracts count.
    const today = belgianToday();
    const report = await caller.integ.activityReport({ from: addMonths(today, -18), to: today });
    const table = report.sections.flatMap((s) => s.tables).find((tb) => tb.id === "isip.partners")!;
    const contracts = await contractsOf(chatelet);
    const count = (name: string) => contracts.filter((c) => c.partners.some((p) => p[0] === name)).length;
    expect(table.rows.map((r) => [r.label, r.cells.at(-1)!.value])).toEqual([
      ["Boulangerie Lambotte", count("Boulangerie Lambotte")],
      ["Forem Châtelet", count("Forem Châtelet")],
    ]);
  });
});

describe("Eupen's demo ISIPs", () => {
  it("have the employment office, the bakery and the garage in turn, with German duties", async () => {
    const contracts = await contractsOf(eupen);
    expect(contracts.length).toBeGreaterThanOrEqual(10);
    const partnered = contracts.filter((c) => c.partners.length > 0);
    // Contracts 1, 4, 7, 10: n = 0 → office + bakery; 1 → bakery; 2 → garage + office; 3 → office.
    expect(partnered.slice(0, 4).map((c) => c.partners.map((p) => [p[0], p[1]]))).toEqual([
      [
        ["Arbeitsamt der DG", "Brecht Bernd"],
        ["Bäckerei Ausdemwald", "Emonts Erna"],
      ],
      [["Bäckerei Ausdemwald", "Emonts Erna"]],
      [
        ["Garage Mergelsberg", null],
        ["Arbeitsamt der DG", "Brecht Bernd"],
      ],
      [["Arbeitsamt der DG", "Brecht Bernd"]],
    ]);
    expect(contracts.findIndex((c) => c.partners.length > 0)).toBe(0);
    expect(partnered.length).toBe(Math.ceil(contracts.length / 3));
    expect(partnered[0]!.partners[0]![2]).toContain("Das Arbeitsamt begleitet die Arbeitssuche");
    expect(partnered[0]!.dutiesPcsw).toContain("Das ÖSHZ zahlt das Eingliederungseinkommen weiter");
  });
});
