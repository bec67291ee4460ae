import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "@/server/areas";
import { closePools } from "@/server/db/pool";
import { startMailSink, type CaughtMail } from "@/server/integrations/mail/sink";
import { runJob } from "@/server/jobs/queue";
import { mailNotifications } from "@/server/notify/mail";
import { notify } from "@/server/notify/emit";
import { sendMailJob } from "@/server/outbox/send";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { createWithFile, newClient, newStaff } from "./factories";
import { appCodeOf, errorAsSent, newCentre } from "./helpers";

// E-mail through a real SMTP server on loopback (the demo's mail sink): notifications mailed at
// once or as digests, in the recipient's language; refusals and lost connections kept on the mail.

const caught: CaughtMail[] = [];
let sink: Awaited<ReturnType<typeof startMailSink>>;
let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  sink = await startMailSink({ onMail: (m) => caught.push(m), refuse: (address) => address.startsWith("nobody@") });
  a = await newCentre("mail-a", "production");
  b = await newCentre("mail-b", "production");
});
afterAll(async () => {
  await sink.close();
  await closePools();
});

/** Configures the centre's mail server as its administrator does, through the procedures. */
async function configure(tenant: Tenant, port = sink.port) {
  const admin = await newStaff(tenant, "900");
  const row = await admin.caller.resources.get({ resource: "outbox.settings", id: 1 });
  await admin.caller.resources.update({
    resource: "outbox.settings",
    id: 1,
    version: row.__version as number,
    patch: {
      enabled: true,
      host: "127.0.0.1",
      port,
      security: "none",
      username: tenant.slug,
      fromAddress: "cpas@example.org",
      fromName: "CPAS",
    },
  });
  await admin.caller.resources.action({
    resource: "outbox.settings",
    id: 1,
    name: "setPassword",
    params: { password: "s3cret" },
  });
  return admin;
}

/** Runs the send jobs of the centre's queued mails, as the workers would. */
async function sendQueued(tenant: Tenant, attempt = 0) {
  const h = tenantHandle(tenant);
  const queued = await h.db.select({ id: h.t.mails.id }).from(h.t.mails).where(eq(h.t.mails.state, "queued"));
  for (const { id } of queued)
    await runJob(registry, sendMailJob, {
      id: `send-${id}`,
      retryCount: attempt,
      data: { tenantId: tenant.id, payload: { mailId: id } },
    }).catch(() => undefined);
}

const message = (tenant: Tenant, userId: number, subject: string) => {
  const h = tenantHandle(tenant);
  return h.db.transaction((tx) =>
    notify(tx, h, null, [userId], { type: "system", owner: null, compose: () => ({ subject }) }),
  );
};

describe("notification e-mails", () => {
  it("go at once to users in 'often' mode and as one digest for 'daily' users, in their language, each once", async () => {
    await configure(a);
    const often = await newStaff(a, "100", { email: "often@example.org", mailMode: "often", language: "de" });
    const daily = await newStaff(a, "100", { email: "daily@example.org", mailMode: "daily", language: "fr" });
    const never = await newStaff(a, "100", { email: "never@example.org", mailMode: "never" });
    for (const user of [often, daily, never]) {
      await message(a, user.id, `Erste ${user.id}`);
      await message(a, user.id, `Zweite ${user.id}`);
    }
    caught.length = 0;
    const h = tenantHandle(a);
    expect(await mailNotifications(h, "often")).toBe(2);
    expect(await mailNotifications(h, "daily")).toBe(1);
    expect(await mailNotifications(h, "often")).toBe(0); // nothing twice
    await sendQueued(a);

    const to = (address: string) => caught.filter((m) => m.to.includes(address));
    expect(to("often@example.org")).toHaveLength(2);
    expect(to("never@example.org")).toHaveLength(0);
    const [digest] = to("daily@example.org");
    const parsed = await simpleParser(digest!.raw);
    expect(parsed.subject).toBe("2 notifications");
    expect(parsed.text).toContain(`Erste ${daily.id}`);
    expect(parsed.text).toContain(`Zweite ${daily.id}`);
    expect(parsed.from?.text).toBe('"CPAS" <cpas@example.org>');
    expect(parsed.headers.get("auto-submitted")).toBe("auto-generated");
    // The centre signed in to its mail server with its own user name.
    expect(digest!.mailbox).toBe(a.slug);
    const mails = await h.db.select().from(h.t.mails);
    expect(mails.every((m) => m.state === "sent" && m.messageId)).toBe(true);
  });

  it("refused by the server for good fail at once, with the server's answer; a lost connection is retried", async () => {
    await configure(b);
    const hb = tenantHandle(b);
    const nobody = await newStaff(b, "100", { email: "nobody@example.org", mailMode: "often" });
    await message(b, nobody.id, "Refused");
    await mailNotifications(hb, "often");
    await sendQueued(b);
    const [refused] = await hb.db.select().from(hb.t.mails);
    expect(refused).toMatchObject({ state: "failed", attempts: 1 });
    expect(refused!.error).toMatch(/550/);

    // The server is gone: the attempt's error is kept and the job is to be retried.
    await configure(b, 1); // nothing listens on port 1
    const someone = await newStaff(b, "100", { email: "someone@example.org", mailMode: "often" });
    await message(b, someone.id, "Later");
    await mailNotifications(hb, "often");
    await sendQueued(b);
    const [later] = await hb.db.select().from(hb.t.mails).where(eq(hb.t.mails.subject, "Later"));
    expect(later).toMatchObject({ state: "queued", attempts: 1 });
    expect(later!.error).toMatch(/ECONNREFUSED/);
    // After the last retry it fails for good.
    await sendQueued(b, 4);
    const [given] = await hb.db.select().from(hb.t.mails).where(eq(hb.t.mails.subject, "Later"));
    expect(given!.state).toBe("failed");
  });
});

describe("mails written in a client's file (§15)", () => {
  it("go to the client, are sent by their writer only, and stay as they were sent", async () => {
    await configure(a);
    const writer = await newStaff(a, "100", { firstName: "Writer", lastName: "Agent", email: "writer@example.org" });
    const colleague = await newStaff(a, "100");
    const client = await newClient(a, { firstName: "Marie", lastName: "Dubois", email: "marie.dubois@example.org" });
    const { id } = await writer.caller.resources.create({
      resource: "outbox.byClient",
      values: { client, subject: "Votre rendez-vous", body: "Bonjour Madame Dubois, …" },
    });
    const draft = await writer.caller.resources.get({ resource: "outbox.byClient", id });
    expect(draft).toMatchObject({ recipients: "marie.dubois@example.org", state: "draft" });

    // A colleague reads it on the client, but neither changes nor sends it.
    const seen = await colleague.caller.resources.get({ resource: "outbox.byClient", id });
    const version = seen.__version as number;
    expect(
      await appCodeOf(
        colleague.caller.resources.update({ resource: "outbox.byClient", id, version, patch: { subject: "x" } }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await appCodeOf(
        colleague.caller.resources.transition({ resource: "outbox.byClient", id, version, name: "send" }),
      ),
    ).toBe("FORBIDDEN");

    caught.length = 0;
    await writer.caller.resources.transition({ resource: "outbox.byClient", id, version, name: "send" });
    const queued = await writer.caller.resources.get({ resource: "outbox.mine", id });
    expect(queued.state).toBe("queued");
    const refusal = await writer.caller.resources
      .update({ resource: "outbox.mine", id, version: queued.__version as number, patch: { subject: "changed" } })
      .catch(errorAsSent);
    expect(refusal).toMatchObject({ httpStatus: 400, params: { messageKey: "outbox.errors.notDraft" } });
    await sendQueued(a);
    const [sent] = caught;
    expect(sent?.to).toEqual(["marie.dubois@example.org"]);
    const parsed = await simpleParser(sent!.raw);
    expect(parsed.subject).toBe("Votre rendez-vous");
    // From the centre's address in the writer's name; answers go to the writer.
    expect(parsed.from?.text).toBe('"Writer Agent (CPAS)" <cpas@example.org>');
    expect(parsed.replyTo?.text).toBe('"Writer Agent" <writer@example.org>');

    // Another centre's user finds nothing under that id.
    const other = await newStaff(b, "100");
    expect(await appCodeOf(other.caller.resources.get({ resource: "outbox.byClient", id }))).toBe("NOT_FOUND");
  });

  it("carry the client's scanned documents as attachments", async () => {
    await configure(a);
    const writer = await newStaff(a, "100", { email: "writer@example.org" });
    const client = await newClient(a, { firstName: "Paul", lastName: "Piron", email: "paul.piron@example.org" });
    const h = tenantHandle(a);
    const [type] = await h.db.select({ id: h.t.uploadTypes.id }).from(h.t.uploadTypes).limit(1);
    const upload = await createWithFile(a, "/api/uploads", { client, type: type!.id }, writer.claims);
    const { id } = await writer.caller.resources.create({
      resource: "outbox.byClient",
      values: { client, subject: "Votre document", body: "Ci-joint." },
    });
    await writer.caller.resources.create({ resource: "outbox.attachments", values: { mail: id, upload: upload.id } });
    caught.length = 0;
    await writer.caller.resources.transition({ resource: "outbox.byClient", id, version: 1, name: "send" });
    await sendQueued(a);
    const parsed = await simpleParser(caught[0]!.raw);
    expect(parsed.attachments.map((f) => [f.filename, f.contentType])).toEqual([["document.pdf", "application/pdf"]]);
    expect(parsed.attachments[0]!.content.subarray(0, 5).toString()).toBe("%PDF-");
    // Once sent, the attachment stays: neither it nor its document can be taken away.
    const [attachment] = (
      await writer.caller.resources.list({
        resource: "outbox.attachments",
        state: { page: 1, pageSize: 5, sort: [], filters: {}, q: "", master: { field: "mail", value: id } },
      })
    ).rows;
    const refusal = await writer.caller.resources
      .remove({ resource: "outbox.attachments", id: attachment!.__id as number, version: 1 })
      .catch(errorAsSent);
    expect(refusal).toMatchObject({ httpStatus: 400, params: { messageKey: "outbox.errors.notDraft" } });
  });

  it("without a recipient is not sent", async () => {
    const writer = await newStaff(a, "100");
    const client = await newClient(a); // no e-mail address
    const { id } = await writer.caller.resources.create({
      resource: "outbox.byClient",
      values: { client, subject: "Sans adresse", body: "" },
    });
    const refusal = await writer.caller.resources
      .transition({ resource: "outbox.byClient", id, version: 1, name: "send" })
      .catch(errorAsSent);
    expect(refusal).toMatchObject({ httpStatus: 400, params: { messageKey: "outbox.errors.noRecipient" } });
  });
});

describe("the mail server settings", () => {
  it("keep the password secret and each centre's own; only administrators see them", async () => {
    const admin = await configure(a);
    const row = await admin.caller.resources.get({ resource: "outbox.settings", id: 1 });
    expect(row).toMatchObject({ host: "127.0.0.1", hasPassword: true });
    expect(JSON.stringify(row)).not.toContain("s3cret");
    const h = tenantHandle(a);
    const [stored] = await h.db.select().from(h.t.mailSettings);
    expect(stored!.passwordEnc).not.toContain("s3cret");

    const otherAdmin = await newStaff(b, "900");
    expect((await otherAdmin.caller.resources.get({ resource: "outbox.settings", id: 1 })).username).toBe(b.slug);
    const agent = await newStaff(a, "100");
    expect(await appCodeOf(agent.caller.resources.get({ resource: "outbox.settings", id: 1 }))).toBe("FORBIDDEN");
    expect(
      await appCodeOf(
        agent.caller.resources.action({
          resource: "outbox.settings",
          id: 1,
          name: "setPassword",
          params: { password: "x" },
        }),
      ),
    ).toBe("FORBIDDEN");
  });

  it("send a test mail at once, and say what the server answered when it refuses", async () => {
    const admin = await configure(a);
    caught.length = 0;
    await admin.caller.resources.action({
      resource: "outbox.settings",
      id: 1,
      name: "sendTest",
      params: { address: "test@example.org" },
    });
    expect(caught.map((m) => m.to)).toEqual([["test@example.org"]]);
    const refusal = await admin.caller.resources
      .action({ resource: "outbox.settings", id: 1, name: "sendTest", params: { address: "nobody@example.org" } })
      .catch(errorAsSent);
    expect(refusal).toMatchObject({ httpStatus: 400, params: { messageKey: "outbox.errors.sendFailed" } });
  });
});
