import { eq } from "drizzle-orm";
import PizZip from "pizzip";
import { beforeAll, describe, expect, it } from "vitest";
import { hasRole, rolesInCentre, USER_TYPES } from "@/server/auth/user-types";
import type { SessionClaims } from "@/server/auth/session";
import { excerptDownload } from "@/server/documents/routes";
import type { AnswerSheet } from "@/server/polls/answers";
import type { PollResults } from "@/server/polls/printout";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient } from "./factories";
import { appCodeOf, callerOn, centreHost, newCentre, newUser } from "./helpers";

/**
 * Châtelet's polls printed and counted (domain-integ-money §2.11): a response's answer sheet through
 * the documents area in the client's language, and a poll's results over a period.
 */

type Caller = Awaited<ReturnType<typeof callerOn>>;
let chatelet: Tenant;
let other: Tenant;
let staff: Caller;
let agent: { caller: Caller; claims: SessionClaims };
let pollId: number;
/** Responses: Anna (German-speaking) on 2 March and 5 May, Bernard (French-speaking) on 10 April. */
let annaMarch: number;
let bernardApril: number;
let annaMay: number;

const textOf = (docx: Buffer) =>
  new PizZip(docx)
    .file("word/document.xml")!
    .asText()
    .replace(/<[^>]+>/g, " ")
    .replace(/&apos;/g, "'")
    .replace(/\s+/g, " ")
    .trim();

const useChatelet = async (tenant: Tenant) => {
  const h = tenantHandle(tenant);
  await h.db
    .update(h.t.siteSettings)
    .set({ clientFieldSets: ["chatelet"] })
    .where(eq(h.t.siteSettings.id, 1));
};

async function answer(c: Caller, response: number, picks: (string | null)[], remarks: (string | null)[] = []) {
  const sheet = (await c.resources.panel({
    resource: "polls.responses",
    id: response,
    key: "pollAnswers",
  })) as AnswerSheet;
  const questions = sheet.questions.filter((q) => !q.isHeading);
  for (const [i, pick] of picks.entries()) {
    const q = questions[i]!;
    const choice = q.choices.find((ch) => ch.name === pick);
    if (choice) await c.polls.toggleChoice({ response, question: q.id, choice: choice.id });
    if (remarks[i]) await c.polls.setRemark({ response, question: q.id, remark: remarks[i]! });
  }
}

const results = async (c: Caller, params?: { from?: string; to?: string }) =>
  (await c.resources.panel({ resource: "polls.polls", id: pollId, key: "pollResults", params })) as PollResults;

async function printedText(tenant: Tenant, claims: SessionClaims, excerptId: number) {
  const res = await excerptDownload(
    new Request(`http://${tenant.slug}.localhost/api/documents/${excerptId}/file.docx`, {
      headers: { host: `${tenant.slug}.localhost` },
    }),
    claims,
    String(excerptId),
  );
  expect(res.status).toBe(200);
  return textOf(Buffer.from(await res.arrayBuffer()));
}

beforeAll(async () => {
  [chatelet, other] = await Promise.all([
    newCentre("pollprint-chat", "production"),
    newCentre("pollprint-other", "production"),
  ]);
  await Promise.all([useChatelet(chatelet), useChatelet(other)]);
  const s = await newUser(chatelet, "110");
  staff = await callerOn(centreHost(chatelet.slug), {}, s.claims);
  const a = await newUser(chatelet, "100", { firstName: "Alicia", lastName: "Allmanns" });
  agent = { caller: await callerOn(centreHost(chatelet.slug), {}, a.claims), claims: a.claims };
  const h = tenantHandle(chatelet);
  const sets = await h.db
    .select({ id: h.t.pollChoiceSets.id, names: h.t.pollChoiceSets.names })
    .from(h.t.pollChoiceSets);
  const { id } = await staff.resources.create({
    resource: "polls.polls",
    values: {
      ref: "RAE",
      title: "Recherche active d'emploi",
      defaultChoiceSet: sets.find((x) => x.names.en === "Yes/Maybe/No")!.id,
    },
  });
  pollId = Number(id);
  await staff.resources.action({
    resource: "polls.polls",
    id: pollId,
    name: "addQuestions",
    params: { questions: "=Recherche\nCherchez-vous du travail actuellement?\nAvez-vous un CV à jour?" },
  });
  const version = Number((await staff.resources.get({ resource: "polls.polls", id: pollId })).__version);
  await staff.resources.transition({ resource: "polls.polls", id: pollId, version, name: "publish" });
  const anna = await newClient(chatelet, { firstName: "Anna", lastName: "Müller", language: "de" });
  const bernard = await newClient(chatelet, { firstName: "Bernard", lastName: "Bodart", language: "fr" });
  const respond = (client: number, date: string) =>
    agent.caller.resources
      .create({ resource: "polls.responses", values: { poll: pollId, client, date } })
      .then((r) => Number(r.id));
  annaMarch = await respond(anna, "2026-03-02");
  bernardApril = await respond(bernard, "2026-04-10");
  annaMay = await respond(anna, "2026-05-05");
  await answer(agent.caller, annaMarch, ["Oui", "Non"], [null, "Le CV date de 2019"]);
  await answer(agent.caller, bernardApril, ["Oui", "Peut-être"]);
  await answer(agent.caller, annaMay, ["Peut-être", null]);
}, 120_000);

describe("a response's answer sheet", () => {
  it("prints in the client's language (German): the poll, the interviewer, each question with the choice given and the remark", async () => {
    const open = (await agent.caller.resources.action({
      resource: "polls.responses",
      id: annaMarch,
      name: "printAnswers",
    }))!.open!;
    expect(open.resource).toBe("documents.mine");
    const text = await printedText(chatelet, agent.claims, Number(open.id));
    expect(text).toContain("(Übersetzung)");
    expect(text).toContain("Antworten auf die Umfrage");
    expect(text).toContain("RAE Recherche active d'emploi");
    expect(text).toContain("Datum 02.03.2026");
    expect(text).toContain("Begleiter Alicia Allmanns");
    expect(text).toContain("Zustand Entwurf");
    expect(text).toContain(
      "Frage Antwort Bemerkung Recherche 1 Cherchez-vous du travail actuellement? Ja 2 Avez-vous un CV à jour? Nein Le CV date de 2019",
    );
    const h = tenantHandle(chatelet);
    const [excerpt] = await h.db
      .select()
      .from(h.t.excerpts)
      .where(eq(h.t.excerpts.id, Number(open.id)));
    expect(excerpt).toMatchObject({ ownerType: "pollResponse", ownerId: annaMarch, language: "de" });
  });

  it("prints in French for a French-speaking client, an unanswered question shown as such", async () => {
    const open = (await agent.caller.resources.action({
      resource: "polls.responses",
      id: bernardApril,
      name: "printAnswers",
    }))!.open!;
    const text = await printedText(chatelet, agent.claims, Number(open.id));
    expect(text).not.toContain("(Traduction)");
    expect(text).toContain("Réponses au questionnaire");
    expect(text).toContain("Date 10/04/2026");
    expect(text).toContain("1 Cherchez-vous du travail actuellement? Oui 2 Avez-vous un CV à jour? Peut-être");
    const may = (await agent.caller.resources.action({
      resource: "polls.responses",
      id: annaMay,
      name: "printAnswers",
    }))!.open!;
    expect(await printedText(chatelet, agent.claims, Number(may.id))).toContain("2 Avez-vous un CV à jour? —");
  });

  it("is refused on another centre, which has no such response", async () => {
    const { claims } = await newUser(other, "100");
    const foreign = await callerOn(centreHost(other.slug), {}, claims);
    expect(
      await appCodeOf(foreign.resources.action({ resource: "polls.responses", id: annaMarch, name: "printAnswers" })),
    ).toBe("NOT_FOUND");
    expect(await appCodeOf(foreign.resources.panel({ resource: "polls.polls", id: pollId, key: "pollResults" }))).toBe(
      "NOT_FOUND",
    );
  });
});

describe("a poll's results", () => {
  it("count per question the responses that answered, each choice and the remarks, over all responses", async () => {
    const all = await results(staff);
    expect(all.responses).toBe(3);
    const rows = all.questions.map((q) => [
      q.number,
      q.title,
      q.answered,
      q.choices.map((c) => `${c.name}:${c.count}`),
      q.remarks,
    ]);
    expect(rows).toEqual([
      ["", "Recherche", 0, [], 0],
      ["1", "Cherchez-vous du travail actuellement?", 3, ["Oui:2", "Peut-être:1", "Non:0"], 0],
      ["2", "Avez-vous un CV à jour?", 2, ["Oui:0", "Peut-être:1", "Non:1"], 1],
    ]);
  });

  it("count only the responses dated within the period, both ends included", async () => {
    const april = await results(agent.caller, { from: "2026-04-01", to: "2026-05-05" });
    expect(april.responses).toBe(2);
    expect(april.questions[1]!.choices.map((c) => c.count)).toEqual([1, 1, 0]);
    expect(april.questions[2]!.choices.map((c) => c.count)).toEqual([0, 1, 0]);
    const since = await results(agent.caller, { from: "2026-05-06" });
    expect(since.responses).toBe(0);
    expect(since.questions[1]!.answered).toBe(0);
    const until = await results(agent.caller, { to: "2026-03-02" });
    expect(until.questions[2]).toMatchObject({ answered: 1, remarks: 1 });
  });

  it("refuse a period that ends before it begins, or a date that is none, as invalid input", async () => {
    expect(await appCodeOf(results(staff, { from: "2026-05-01", to: "2026-04-01" }))).toBe("INVALID_INPUT");
    expect(await appCodeOf(results(staff, { from: "yesterday" }))).toBe("INVALID_INPUT");
    expect(await appCodeOf(results(staff, { to: "2026-02-30" }))).toBe("INVALID_INPUT");
    expect(await appCodeOf(results(staff, { from: "2026-13-01" }))).toBe("INVALID_INPUT");
  });
});

describe("who prints and counts", () => {
  it("every user type who answers polls and prints may print a sheet and read the results; the others are refused", async () => {
    for (const type of USER_TYPES.filter((u) => u !== "000")) {
      const { claims } = await newUser(chatelet, type);
      const c = await callerOn(centreHost(chatelet.slug), {}, claims);
      const polls = rolesInCentre(type, ["chatelet"]).has("PollsUser");
      const prints = hasRole(type, "OfficeUser") || hasRole(type, "OfficeOperator");
      const printed = appCodeOf(
        c.resources.action({ resource: "polls.responses", id: annaMarch, name: "printAnswers" }),
      );
      expect(await printed, `print by ${type}`).toBe(polls && prints ? "resolved" : "FORBIDDEN");
      const counted = appCodeOf(c.resources.panel({ resource: "polls.polls", id: pollId, key: "pollResults" }));
      expect(await counted, `results by ${type}`).toBe(polls ? "resolved" : "FORBIDDEN");
    }
  });
});
