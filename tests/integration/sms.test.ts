import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "@/server/areas";
import { controlDb } from "@/server/db/control";
import { QUEUE_SCHEMA } from "@/server/db/job-queue";
import { closePools } from "@/server/db/pool";
import { demoAccountSid, FAKE_AUTH_TOKEN, startSmsFake, type CaughtSms } from "@/server/integrations/sms/fake";
import { queue, runJob, startJobWorkers } from "@/server/jobs/queue";
import { sendSmsJob } from "@/server/outbox/sms-send";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient, newStaff } from "./factories";
import { appCodeOf, errorAsSent, newCentre } from "./helpers";

// SMS through the centre's provider: the Twilio-speaking fake on loopback, over real HTTP, on a
// real database; a client's GSM checked before anything is queued; retries and refusals.

const caught: CaughtSms[] = [];
let fake: Awaited<ReturnType<typeof startSmsFake>>;
let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  fake = await startSmsFake({ onSms: (m) => caught.push(m), unreachable: (to) => to === "+32499000000" });
  a = await newCentre("sms-a", "production");
  b = await newCentre("sms-b", "production");
});
afterAll(async () => {
  await fake.close();
  await closePools();
});

/** Configures the centre's SMS provider as its administrator does, through the procedures. */
async function configure(tenant: Tenant, token = FAKE_AUTH_TOKEN) {
  const admin = await newStaff(tenant, "900");
  const row = await admin.caller.resources.get({ resource: "outbox.smsSettings", id: 1 });
  await admin.caller.resources.update({
    resource: "outbox.smsSettings",
    id: 1,
    version: row.__version as number,
    patch: { enabled: true, baseUrl: fake.url, accountSid: demoAccountSid(tenant.id), senderId: "CPAS" },
  });
  await admin.caller.resources.action({ resource: "outbox.smsSettings", id: 1, name: "setToken", params: { token } });
  return admin;
}

/** The send jobs the queue holds for the centre's SMS. */
async function queuedJobs(tenant: Tenant) {
  await queue(); // its tables exist once it has started
  const { rows } = await controlDb().execute<{ n: number }>(
    sql`select count(*)::int as n from ${sql.identifier(QUEUE_SCHEMA)}.job where name = ${sendSmsJob.name} and data->>'tenantId' = ${tenant.id}`,
  );
  return rows[0]!.n;
}

/** Runs the send job of one SMS as a worker would, at the given attempt; its error, if it throws. */
const attemptSend = (tenant: Tenant, smsId: number, attempt = 0) =>
  runJob(registry, sendSmsJob, {
    id: `sms-${smsId}-${attempt}`,
    retryCount: attempt,
    data: { tenantId: tenant.id, payload: { smsId } },
  }).then(
    () => null,
    (e: unknown) => e,
  );

const smsRow = async (tenant: Tenant, id: number) => {
  const h = tenantHandle(tenant);
  const [row] = await h.db.select().from(h.t.smsMessages).where(eq(h.t.smsMessages.id, id));
  return row!;
};

/** Writes an SMS on the client's History tab and sends it: its id. */
async function sendToClient(writer: Awaited<ReturnType<typeof newStaff>>, client: number, values: object = {}) {
  const { id } = await writer.caller.resources.create({
    resource: "outbox.smsByClient",
    values: { client, body: "Bonjour, votre rendez-vous est le 12/05 à 10h.", ...values },
  });
  await writer.caller.resources.transition({ resource: "outbox.smsByClient", id, version: 1, name: "send" });
  return Number(id);
}

describe("an SMS to a client (§15)", () => {
  it("goes to the client's GSM through the queue and arrives at the provider, then stays as it was sent", async () => {
    await configure(a);
    const writer = await newStaff(a, "100");
    const colleague = await newStaff(a, "100");
    const client = await newClient(a, { firstName: "Marie", lastName: "Dubois", gsm: "0475/12.34.56" });
    const { id } = await writer.caller.resources.create({
      resource: "outbox.smsByClient",
      values: { client, body: "Bonjour Madame Dubois, votre rendez-vous est le 12/05 à 10h." },
    });
    const draft = await writer.caller.resources.get({ resource: "outbox.smsByClient", id });
    // The client's number, kept in E.164 and shown the Belgian way; the text's length in SMS parts.
    expect(draft).toMatchObject({ to: "0475 12 34 56", state: "draft", length: "1 SMS (GSM-7, 60 caractères)" });
    expect((await smsRow(a, Number(id))).to).toBe("+32475123456");

    // A colleague reads it on the client, but neither changes nor sends it.
    expect(
      await appCodeOf(
        colleague.caller.resources.update({ resource: "outbox.smsByClient", id, version: 1, patch: { body: "x" } }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await appCodeOf(
        colleague.caller.resources.transition({ resource: "outbox.smsByClient", id, version: 1, name: "send" }),
      ),
    ).toBe("FORBIDDEN");

    const before = await queuedJobs(a);
    await writer.caller.resources.transition({ resource: "outbox.smsByClient", id, version: 1, name: "send" });
    expect(await queuedJobs(a)).toBe(before + 1);
    // The centre's workers take it from the queue and hand it to the provider.
    caught.length = 0;
    const workers = await startJobWorkers({ ...registry, jobs: [sendSmsJob] }, { pollingIntervalSeconds: 0.5 });
    try {
      for (let i = 0; i < 80 && caught.length === 0; i++) await new Promise((r) => setTimeout(r, 250));
    } finally {
      await workers.stop();
    }
    expect(caught).toMatchObject([
      {
        account: demoAccountSid(a.id),
        to: "+32475123456",
        from: "CPAS",
        body: "Bonjour Madame Dubois, votre rendez-vous est le 12/05 à 10h.",
      },
    ]);
    const sent = await writer.caller.resources.get({ resource: "outbox.mySms", id });
    // The detail offers neither edit nor delete on it.
    expect(sent).toMatchObject({ state: "sent", providerId: caught[0]!.sid, attempts: 1, __locked: true });

    // Sent, it is a record: neither changed nor deleted, by its writer or anyone.
    const version = sent.__version as number;
    const edit = await writer.caller.resources
      .update({ resource: "outbox.mySms", id, version, patch: { body: "changed" } })
      .catch(errorAsSent);
    expect(edit).toMatchObject({ httpStatus: 400, params: { messageKey: "outbox.sms.errors.notDraft" } });
    const removal = await writer.caller.resources.remove({ resource: "outbox.mySms", id, version }).catch(errorAsSent);
    expect(removal).toMatchObject({ httpStatus: 400, params: { messageKey: "outbox.sms.errors.notDraft" } });
    expect((await smsRow(a, Number(id))).body).toBe("Bonjour Madame Dubois, votre rendez-vous est le 12/05 à 10h.");
  }, 60_000);

  it("goes to another number typed in, Belgian or foreign, in E.164", async () => {
    await configure(a);
    const writer = await newStaff(a, "100");
    const client = await newClient(a, { gsm: "0475 11 22 33" });
    caught.length = 0;
    const id = await sendToClient(writer, client, { to: "0049 151 23456789", body: "Termin: 12.05., 10 Uhr." });
    expect(await attemptSend(a, id)).toBeNull();
    expect(caught.map((m) => m.to)).toEqual(["+4915123456789"]);
    const row = await writer.caller.resources.get({ resource: "outbox.mySms", id });
    expect(row.to).toBe("+49 1512 3456789");
  });

  it("is not written, nor queued, when the number cannot receive an SMS; the reason is given", async () => {
    await configure(a);
    const writer = await newStaff(a, "100");
    const h = tenantHandle(a);
    const count = async () => (await h.db.select({ id: h.t.smsMessages.id }).from(h.t.smsMessages)).length;
    const rows = await count();
    const jobs = await queuedJobs(a);
    const refusal = (values: object) =>
      writer.caller.resources.create({ resource: "outbox.smsByClient", values }).catch(errorAsSent);

    const landline = await newClient(a, { gsm: "02 511 22 33" });
    expect(await refusal({ client: landline, body: "Bonjour" })).toMatchObject({
      httpStatus: 400,
      params: { field: "to", messageKey: "outbox.sms.gsm.client.notMobile" },
    });
    const wrong = await newClient(a, { gsm: "0475 12 34" });
    expect(await refusal({ client: wrong, body: "Bonjour" })).toMatchObject({
      httpStatus: 400,
      params: { field: "to", messageKey: "outbox.sms.gsm.client.invalid" },
    });
    const none = await newClient(a, { gsm: "" });
    expect(await refusal({ client: none, body: "Bonjour" })).toMatchObject({
      params: { field: "to", messageKey: "outbox.sms.gsm.client.empty" },
    });
    // A number typed in is checked the same way.
    const client = await newClient(a, { gsm: "0475 12 34 56" });
    expect(await refusal({ client, to: "+33 1 23 45 67 89", body: "Bonjour" })).toMatchObject({
      httpStatus: 400,
      params: { field: "to", messageKey: "outbox.sms.gsm.notMobile" },
    });
    expect(await refusal({ client, to: "Marie", body: "Bonjour" })).toMatchObject({
      params: { field: "to", messageKey: "outbox.sms.gsm.invalid" },
    });
    // A text of more than 6 SMS parts.
    expect(await refusal({ client, body: "a".repeat(919) })).toMatchObject({
      httpStatus: 400,
      params: { field: "body", messageKey: "outbox.sms.errors.tooLong", segments: 7, max: 6 },
    });
    expect(await count()).toBe(rows);
    expect(await queuedJobs(a)).toBe(jobs);
  });
});

describe("sending an SMS", () => {
  it("is tried again when the provider is down for a moment, and goes once it is back", async () => {
    await configure(a);
    const writer = await newStaff(a, "100");
    const client = await newClient(a, { gsm: "0486 12 34 56" });
    const id = await sendToClient(writer, client);
    caught.length = 0;
    fake.failNext(1);
    expect(await attemptSend(a, id, 0)).toBeInstanceOf(Error); // the queue retries it later
    expect(await smsRow(a, id)).toMatchObject({ state: "queued", attempts: 1, error: "503 20503 Service Unavailable" });
    expect(await attemptSend(a, id, 1)).toBeNull();
    expect(await smsRow(a, id)).toMatchObject({ state: "sent", attempts: 2, error: null });
    expect(caught).toHaveLength(1);
    // The queue's retry policy: 4 more attempts, spaced by a growing delay.
    const { rows } = await controlDb().execute<{ retry_limit: number; retry_backoff: boolean }>(
      sql`select retry_limit, retry_backoff from ${sql.identifier(QUEUE_SCHEMA)}.queue where name = ${sendSmsJob.name}`,
    );
    expect(rows[0]).toMatchObject({ retry_limit: 4, retry_backoff: true });
  });

  it("fails at once when the provider refuses the number for good, and tells the writer", async () => {
    await configure(a);
    const writer = await newStaff(a, "100", { language: "fr" });
    const client = await newClient(a, { gsm: "0499 00 00 00" }); // the fake's unreachable number
    const id = await sendToClient(writer, client);
    expect(await attemptSend(a, id, 0)).toBeNull(); // nothing to retry
    expect(await smsRow(a, id)).toMatchObject({ state: "failed", attempts: 1 });
    expect((await smsRow(a, id)).error).toMatch(/^400 21614 /);
    const h = tenantHandle(a);
    const notices = await h.db
      .select({ subject: h.t.notifyMessages.subject, body: h.t.notifyMessages.body })
      .from(h.t.notifyMessages)
      .where(eq(h.t.notifyMessages.userId, writer.id));
    expect(notices).toEqual([
      { subject: "Le SMS au 0499 00 00 00 n'a pas pu être envoyé", body: expect.stringMatching(/21614/) },
    ]);
  });

  it("fails at once when the provider refuses the centre's credentials", async () => {
    await configure(b, "wrong-token");
    const writer = await newStaff(b, "100");
    const client = await newClient(b, { gsm: "0475 99 88 77" });
    const id = await sendToClient(writer, client);
    expect(await attemptSend(b, id, 0)).toBeNull();
    expect(await smsRow(b, id)).toMatchObject({ state: "failed", error: "401 20003 Authenticate" });
  });

  it("fails, telling why, when the centre has no provider", async () => {
    const c = await newCentre("sms-c", "production");
    const writer = await newStaff(c, "100", { language: "de" });
    const client = await newClient(c, { gsm: "0475 99 88 77" });
    const id = await sendToClient(writer, client);
    expect(await attemptSend(c, id, 0)).toBeNull();
    const row = await writer.caller.resources.get({ resource: "outbox.mySms", id });
    expect(row).toMatchObject({ state: "failed", error: "Für das Zentrum ist kein SMS-Anbieter eingerichtet." });
  });
});

describe("SMS and the centres' boundary", () => {
  it("of one centre are invisible from another through every route", async () => {
    await configure(a);
    await configure(b);
    const writer = await newStaff(a, "900");
    const client = await newClient(a, { gsm: "0470 11 11 11" });
    const id = await sendToClient(writer, client, { body: "Secret de A" });
    caught.length = 0;
    await attemptSend(a, id);
    expect(caught.map((m) => m.account)).toEqual([demoAccountSid(a.id)]);

    const other = await newStaff(b, "900");
    for (const resource of ["outbox.mySms", "outbox.smsByClient", "outbox.sms"] as const)
      expect(await appCodeOf(other.caller.resources.get({ resource, id }))).toBe("NOT_FOUND");
    const list = (resource: string, master?: { field: string; value: number }) =>
      other.caller.resources.list({
        resource: resource as never,
        state: { page: 1, pageSize: 100, sort: [], filters: {}, q: "", ...(master ? { master } : {}) },
      });
    expect((await list("outbox.sms")).rows.map((r) => r.to)).not.toContain("0470 11 11 11");
    expect((await list("outbox.mySms")).rows.map((r) => r.body)).not.toContain("Secret de A");
    expect(await appCodeOf(list("outbox.smsByClient", { field: "client", value: client }))).toBe("NOT_FOUND");
    // Nor can its user act on it.
    expect(
      await appCodeOf(other.caller.resources.transition({ resource: "outbox.sms", id, version: 1, name: "send" })),
    ).toBe("NOT_FOUND");
    // Each centre's settings are its own.
    expect((await other.caller.resources.get({ resource: "outbox.smsSettings", id: 1 })).accountSid).toBe(
      demoAccountSid(b.id),
    );
  });
});

describe("who may do what with SMS", () => {
  it("office users write their own; administrators read them all and set up the provider; others nothing", async () => {
    const admin = await configure(a);
    const agent = await newStaff(a, "100");
    const reception = await newStaff(a, "210"); // no OfficeUser
    const client = await newClient(a, { gsm: "0475 12 34 56" });
    const id = await sendToClient(agent, client);
    // The writer's own list and the centre's list (administrators).
    expect((await agent.caller.resources.get({ resource: "outbox.mySms", id })).state).toBe("queued");
    expect((await admin.caller.resources.get({ resource: "outbox.sms", id })).state).toBe("queued");
    expect(await appCodeOf(admin.caller.resources.get({ resource: "outbox.mySms", id }))).toBe("NOT_FOUND");
    expect(await appCodeOf(agent.caller.resources.get({ resource: "outbox.sms", id }))).toBe("FORBIDDEN");
    expect(await appCodeOf(reception.caller.resources.get({ resource: "outbox.smsByClient", id }))).toBe("FORBIDDEN");
    expect(
      await appCodeOf(
        reception.caller.resources.create({ resource: "outbox.smsByClient", values: { client, body: "x" } }),
      ),
    ).toBe("FORBIDDEN");
    // Administrators cannot rewrite what went out through the centre's list.
    expect(
      await appCodeOf(
        admin.caller.resources.update({ resource: "outbox.sms", id, version: 2, patch: { body: "changed" } }),
      ),
    ).toBe("FORBIDDEN");
    // The provider's settings and token: administrators only, the token never shown nor stored in clear.
    expect(await appCodeOf(agent.caller.resources.get({ resource: "outbox.smsSettings", id: 1 }))).toBe("FORBIDDEN");
    expect(
      await appCodeOf(
        agent.caller.resources.action({
          resource: "outbox.smsSettings",
          id: 1,
          name: "setToken",
          params: { token: "x" },
        }),
      ),
    ).toBe("FORBIDDEN");
    const settings = await admin.caller.resources.get({ resource: "outbox.smsSettings", id: 1 });
    expect(settings).toMatchObject({ hasToken: true, senderId: "CPAS" });
    expect(JSON.stringify(settings)).not.toContain(FAKE_AUTH_TOKEN);
    const h = tenantHandle(a);
    const [stored] = await h.db.select().from(h.t.smsSettings);
    expect(stored!.tokenEnc).not.toContain(FAKE_AUTH_TOKEN);
  });

  it("administrators send a test SMS at once and see the provider's refusal", async () => {
    const admin = await configure(a);
    caught.length = 0;
    await admin.caller.resources.action({
      resource: "outbox.smsSettings",
      id: 1,
      name: "sendTest",
      params: { to: "0475 12 34 56" },
    });
    expect(caught).toMatchObject([{ to: "+32475123456", from: "CPAS" }]);
    const refused = await admin.caller.resources
      .action({ resource: "outbox.smsSettings", id: 1, name: "sendTest", params: { to: "0499 00 00 00" } })
      .catch(errorAsSent);
    expect(refused).toMatchObject({ httpStatus: 400, params: { messageKey: "outbox.sms.errors.sendFailed" } });
    const landline = await admin.caller.resources
      .action({ resource: "outbox.smsSettings", id: 1, name: "sendTest", params: { to: "02 511 22 33" } })
      .catch(errorAsSent);
    expect(landline).toMatchObject({ httpStatus: 400, params: { messageKey: "outbox.sms.gsm.notMobile" } });
    // A sender that is neither a number nor 1 to 11 letters and digits is refused.
    const row = await admin.caller.resources.get({ resource: "outbox.smsSettings", id: 1 });
    const sender = await admin.caller.resources
      .update({
        resource: "outbox.smsSettings",
        id: 1,
        version: row.__version as number,
        patch: { senderId: "CPAS de Châtelet" },
      })
      .catch(errorAsSent);
    expect(sender).toMatchObject({ httpStatus: 400 });
  });
});
