import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { hasRole, rolesInCentre, USER_TYPES, type UserType } from "@/server/auth/user-types";
import type { AnswerSheet } from "@/server/polls/answers";
import { registry } from "@/server/areas";
import { seedDemoPolls } from "@/server/polls/seed";
import { menuFor } from "@/server/shell/menu";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient } from "./factories";
import { appCodeOf, callerOn, centreHost, newCentre, newUser } from "./helpers";

type Caller = Awaited<ReturnType<typeof callerOn>>;

let chatelet: Tenant; // uses Châtelet's field set: polls on
let other: Tenant; // another centre using them too
let eupen: Tenant; // Eupen's field set only: polls off
let staff: Caller; // 110: writes polls
let agent: Caller; // 100: interviews clients
let agentId: number;
let colleague: Caller; // 100 too
let admin: Caller; // 900
let foreign: Caller; // 900 of the other centre
let client: number;
let pollId: number;

const state = (over: Record<string, unknown> = {}) => ({
  page: 1,
  pageSize: 50,
  sort: [],
  filters: {},
  q: "",
  ...over,
});
const caller = async (tenant: Tenant, type: UserType) => {
  const { user, claims } = await newUser(tenant, type);
  return { id: user.id, caller: await callerOn(centreHost(tenant.slug), {}, claims) };
};
const useSets = async (tenant: Tenant, sets: string[]) => {
  const h = tenantHandle(tenant);
  await h.db.update(h.t.siteSettings).set({ clientFieldSets: sets }).where(eq(h.t.siteSettings.id, 1));
};
const choiceSet = async (tenant: Tenant, en: string) => {
  const h = tenantHandle(tenant);
  const sets = await h.db
    .select({ id: h.t.pollChoiceSets.id, names: h.t.pollChoiceSets.names })
    .from(h.t.pollChoiceSets);
  return sets.find((s) => s.names.en === en)!.id;
};
const versionOf = async (c: Caller, resource: string, id: number) =>
  Number((await c.resources.get({ resource, id })).__version);

/** A poll written and published by polls staff, with the questions a pasted text gives. */
async function publishedPoll(c: Caller, ref: string, questions: string, set: number) {
  const { id } = await c.resources.create({
    resource: "polls.polls",
    values: { ref, title: `Poll ${ref}`, defaultChoiceSet: set },
  });
  await c.resources.action({ resource: "polls.polls", id, name: "addQuestions", params: { questions } });
  await c.resources.transition({
    resource: "polls.polls",
    id,
    version: await versionOf(c, "polls.polls", Number(id)),
    name: "publish",
  });
  return Number(id);
}
const respond = (c: Caller, values: Record<string, unknown>) =>
  c.resources.create({ resource: "polls.responses", values }).then((r) => Number(r.id));
const sheet = async (c: Caller, id: number) =>
  (await c.resources.panel({ resource: "polls.responses", id, key: "pollAnswers" })) as AnswerSheet;

beforeAll(async () => {
  [chatelet, other, eupen] = await Promise.all([
    newCentre("polls-chatelet", "production"),
    newCentre("polls-other", "production"),
    newCentre("polls-eupen", "production"),
  ]);
  await Promise.all([useSets(chatelet, ["chatelet"]), useSets(other, ["chatelet"]), useSets(eupen, ["eupen"])]);
  staff = (await caller(chatelet, "110")).caller;
  const a = await caller(chatelet, "100");
  agent = a.caller;
  agentId = a.id;
  colleague = (await caller(chatelet, "100")).caller;
  admin = (await caller(chatelet, "900")).caller;
  foreign = (await caller(other, "900")).caller;
  client = await newClient(chatelet, { firstName: "Alfons", lastName: "Ausdemwald", language: "fr" });
  pollId = await publishedPoll(
    staff,
    "RAE",
    "=Recherche\nCherchez-vous du travail actuellement?\n#Depuis notre dernière entrevue\nAvez-vous un CV à jour?",
    await choiceSet(chatelet, "Yes/Maybe/No"),
  );
}, 120_000);

describe("polls and their questions", () => {
  it("numbers pasted questions after headings, with the details of the line before", async () => {
    const { rows } = await staff.resources.list({
      resource: "polls.questions",
      state: state({ master: { field: "poll", value: pollId } }),
    });
    expect(rows.map((r) => [r.number, r.title, r.isHeading])).toEqual([
      ["", "Recherche", true],
      ["1", "Cherchez-vous du travail actuellement?", false],
      ["2", "Avez-vous un CV à jour?", false],
    ]);
    const h = tenantHandle(chatelet);
    const [first] = await h.db
      .select({ details: h.t.pollQuestions.details })
      .from(h.t.pollQuestions)
      .where(and(eq(h.t.pollQuestions.pollId, pollId), eq(h.t.pollQuestions.number, "1")));
    expect(first!.details).toBe("Depuis notre dernière entrevue");
  });

  it("are written by polls staff only; an agent reads them", async () => {
    expect(await appCodeOf(agent.resources.create({ resource: "polls.polls", values: { title: "Mine" } }))).toBe(
      "FORBIDDEN",
    );
    const { rows } = await agent.resources.list({ resource: "polls.polls", state: state() });
    expect(rows.map((r) => r.ref)).toContain("RAE");
  });

  it("a poll answered by a client cannot be deleted; one never answered goes with its questions", async () => {
    const used = await publishedPoll(staff, "USED", "Question?", await choiceSet(chatelet, "Yes/No"));
    await respond(agent, { poll: used, client, date: "2026-11-02" });
    expect(
      await appCodeOf(
        admin.resources.remove({
          resource: "polls.polls",
          id: used,
          version: await versionOf(admin, "polls.polls", used),
        }),
      ),
    ).toBe("ROW_IN_USE");
    const h = tenantHandle(chatelet);
    expect((await h.db.select().from(h.t.polls).where(eq(h.t.polls.id, used))).length).toBe(1);
    const unused = await publishedPoll(staff, "UNUSED", "Q1\nQ2", await choiceSet(chatelet, "Yes/No"));
    await admin.resources.remove({
      resource: "polls.polls",
      id: unused,
      version: await versionOf(admin, "polls.polls", unused),
    });
    expect((await h.db.select().from(h.t.pollQuestions).where(eq(h.t.pollQuestions.pollId, unused))).length).toBe(0);
  });
});

describe("responses", () => {
  it("an agent answers a poll for a client: one choice per question, a remark, audited", async () => {
    const id = await respond(agent, { poll: pollId, client, date: "2026-12-04" });
    const before = await sheet(agent, id);
    expect(before.editable).toBe(true);
    const [, q1, q2] = before.questions;
    expect(q1!.choices.map((c) => c.name)).toEqual(["Oui", "Peut-être", "Non"]);
    const [yes, maybe] = q1!.choices;
    await agent.polls.toggleChoice({ response: id, question: q1!.id, choice: yes!.id });
    // Another choice of a single-choice question replaces the first.
    expect(await agent.polls.toggleChoice({ response: id, question: q1!.id, choice: maybe!.id })).toEqual({
      chosen: [maybe!.id],
    });
    await agent.polls.setRemark({ response: id, question: q2!.id, remark: "En cours de mise à jour" });
    const after = await sheet(agent, id);
    expect(after.questions[1]!.chosen[id]).toEqual([maybe!.id]);
    expect(after.questions[2]!.remarks[id]).toBe("En cours de mise à jour");
    const h = tenantHandle(chatelet);
    const audit = await h.db
      .select()
      .from(h.t.auditLog)
      .where(and(eq(h.t.auditLog.entity, "polls.responses"), eq(h.t.auditLog.entityId, String(id))));
    expect(audit.filter((a) => a.action === "polls.responses.answer")).toHaveLength(3);
    const row = await agent.resources.get({ resource: "polls.responses", id });
    expect((row.user as { id: number }).id).toBe(agentId);
    expect(row.state).toBe("10");
  });

  it("one response per poll per client and day: a second one that day is refused, naming the date", async () => {
    await respond(agent, { poll: pollId, client, date: "2026-12-01" });
    const e = await agent.resources
      .create({ resource: "polls.responses", values: { poll: pollId, client, date: "2026-12-01" } })
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "BAD_REQUEST" });
    expect(JSON.stringify(e)).toContain("polls.errors.responseExists");
    const h = tenantHandle(chatelet);
    const rows = await h.db
      .select()
      .from(h.t.pollResponses)
      .where(and(eq(h.t.pollResponses.pollId, pollId), eq(h.t.pollResponses.date, "2026-12-01")));
    expect(rows).toHaveLength(1);
    // A recurrent poll is answered again another day; the sheet shows the earlier answers beside.
    const later = await respond(agent, { poll: pollId, client, date: "2026-12-06" });
    expect((await sheet(agent, later)).responses.map((r) => r.date)).toEqual([
      "2026-12-01",
      "2026-12-04",
      "2026-12-06",
    ]);
  });

  it("a poll that is not active takes no response", async () => {
    const { id } = await staff.resources.create({ resource: "polls.polls", values: { title: "Draft poll" } });
    expect(await appCodeOf(respond(agent, { poll: Number(id), client, date: "2026-12-02" }))).toBe("INVALID_INPUT");
  });

  it("only the author answers, and only while the response is a draft", async () => {
    const id = await respond(agent, { poll: pollId, client, date: "2026-11-20" });
    const q = (await sheet(agent, id)).questions[1]!;
    expect((await sheet(colleague, id)).editable).toBe(false);
    expect(
      await appCodeOf(colleague.polls.toggleChoice({ response: id, question: q.id, choice: q.choices[0]!.id })),
    ).toBe("FORBIDDEN");
    await agent.resources.transition({
      resource: "polls.responses",
      id,
      version: await versionOf(agent, "polls.responses", id),
      name: "register",
    });
    expect(await appCodeOf(agent.polls.toggleChoice({ response: id, question: q.id, choice: q.choices[0]!.id }))).toBe(
      "INVALID_INPUT",
    );
    expect(
      await appCodeOf(
        agent.resources.update({
          resource: "polls.responses",
          id,
          version: await versionOf(agent, "polls.responses", id),
          patch: { remark: "changed" },
        }),
      ),
    ).toBe("INVALID_INPUT");
  });

  it("a choice of another set, or a question of another poll, is refused as invalid input", async () => {
    const id = await respond(agent, { poll: pollId, client, date: "2026-11-21" });
    const q = (await sheet(agent, id)).questions[1]!;
    const h = tenantHandle(chatelet);
    const [foreignChoice] = await h.db
      .select({ id: h.t.pollChoices.id })
      .from(h.t.pollChoices)
      .where(eq(h.t.pollChoices.choiceSetId, await choiceSet(chatelet, "1...5")));
    expect(await appCodeOf(agent.polls.toggleChoice({ response: id, question: q.id, choice: foreignChoice!.id }))).toBe(
      "INVALID_INPUT",
    );
    const heading = (await sheet(agent, id)).questions[0]!;
    expect(
      await appCodeOf(agent.polls.toggleChoice({ response: id, question: heading.id, choice: q.choices[0]!.id })),
    ).toBe("INVALID_INPUT");
  });

  it("the client's responses are on its file", async () => {
    const { rows } = await agent.resources.list({
      resource: "polls.responses",
      state: state({ master: { field: "client", value: client } }),
    });
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.every((r) => (r.client as { id: number }).id === client)).toBe(true);
  });
});

describe("another centre", () => {
  it("never reaches a centre's polls, responses or answers", async () => {
    const id = await respond(agent, { poll: pollId, client, date: "2026-11-22" });
    const q = (await sheet(agent, id)).questions[1]!;
    expect(await appCodeOf(foreign.resources.get({ resource: "polls.responses", id }))).toBe("NOT_FOUND");
    expect(await appCodeOf(foreign.resources.get({ resource: "polls.polls", id: pollId }))).toBe("NOT_FOUND");
    expect(await appCodeOf(foreign.resources.panel({ resource: "polls.responses", id, key: "pollAnswers" }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await appCodeOf(foreign.polls.toggleChoice({ response: id, question: q.id, choice: q.choices[0]!.id })),
    ).toBe("NOT_FOUND");
    expect(await appCodeOf(foreign.polls.setRemark({ response: id, question: q.id, remark: "x" }))).toBe("NOT_FOUND");
    const { rows } = await foreign.resources.list({ resource: "polls.responses", state: state() });
    expect(rows).toEqual([]);
  });
});

describe("the demo", () => {
  it("gives a centre using Châtelet's field set Lino's polls INI and RAE and six responses by Alicia", async () => {
    const demo = await newCentre("polls-demo", "production");
    await useSets(demo, ["chatelet"]);
    await newUser(demo, "900", { username: "robin" });
    await newUser(demo, "120", { username: "alicia" });
    await newClient(demo, { firstName: "Alfons", lastName: "Ausdemwald" });
    await newClient(demo, { firstName: "Laurent", lastName: "Bastiaensen" });
    const h = tenantHandle(demo);
    await seedDemoPolls(h, { kind: "demo", defaultLocale: "fr" });
    await seedDemoPolls(h, { kind: "demo", defaultLocale: "fr" }); // idempotent
    const polls = await h.db.select().from(h.t.polls);
    expect(polls.map((p) => [p.ref, p.title, p.state])).toEqual([
      ["INI", "Interview initial", "20"],
      ["RAE", "Recherche active d'emploi", "20"],
    ]);
    const questions = await h.db.select().from(h.t.pollQuestions);
    expect(questions.filter((q) => q.pollId === polls[0]!.id)).toHaveLength(30);
    expect(questions.filter((q) => q.pollId === polls[1]!.id)).toHaveLength(8);
    const responses = await h.db.select().from(h.t.pollResponses);
    expect(responses).toHaveLength(6);
    expect(responses.filter((r) => r.pollId === polls[1]!.id && r.partnerId === responses[0]!.partnerId)).toHaveLength(
      3,
    );
    // Every question but the headings answered once: INI 28 × 2 responses, RAE 8 × 4.
    expect((await h.db.select().from(h.t.pollAnswerChoices)).length).toBe(28 * 2 + 8 * 4);
  });
});

describe("access per user type", () => {
  const pollsUsers = new Set(["100", "110", "120", "200", "300", "400", "410", "420", "900", "910"]);
  const pollsStaff = new Set(["110", "120", "410", "420", "900", "910"]);

  it("follows domain-integ-money §1 in a centre using polls", async () => {
    for (const type of USER_TYPES.filter((t) => t !== "000")) {
      const { caller: c } = await caller(chatelet, type);
      const reads = await appCodeOf(c.resources.list({ resource: "polls.polls", state: state() }));
      expect([type, reads]).toEqual([type, pollsUsers.has(type) ? "resolved" : "FORBIDDEN"]);
      const answers = await appCodeOf(
        respond(c, { poll: pollId, client, date: `2026-10-${10 + USER_TYPES.indexOf(type)}` }),
      );
      expect([type, answers]).toEqual([type, pollsUsers.has(type) ? "resolved" : "FORBIDDEN"]);
      const writes = await appCodeOf(c.resources.create({ resource: "polls.polls", values: { title: `By ${type}` } }));
      expect([type, writes]).toEqual([type, pollsStaff.has(type) ? "resolved" : "FORBIDDEN"]);
      const everyResponse = await appCodeOf(c.resources.list({ resource: "polls.responses", state: state() }));
      expect([type, everyResponse]).toEqual([type, pollsStaff.has(type) ? "resolved" : "FORBIDDEN"]);
      expect(pollsUsers.has(type)).toBe(hasRole(type, "PollsUser"));
    }
  });

  it("are switched off in a centre not using Châtelet's field set: no menu, no list, no answer", async () => {
    const { user, claims } = await newUser(eupen, "900");
    const c = await callerOn(centreHost(eupen.slug), {}, claims);
    expect(await appCodeOf(c.resources.list({ resource: "polls.polls", state: state() }))).toBe("FORBIDDEN");
    expect(await appCodeOf(c.polls.setRemark({ response: 1, question: 1, remark: "x" }))).toBe("FORBIDDEN");
    const menu = JSON.stringify(menuFor({ roles: rolesInCentre(user.userType as UserType, ["eupen"]) }, registry));
    expect(menu).not.toContain("polls.");
    // Switched on, the same user has them at their next request.
    await useSets(eupen, ["eupen", "chatelet"]);
    const next = await callerOn(centreHost(eupen.slug), {}, claims);
    expect(await appCodeOf(next.resources.list({ resource: "polls.polls", state: state() }))).toBe("resolved");
    await useSets(eupen, ["eupen"]);
  });
});
