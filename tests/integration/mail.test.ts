import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "@/server/areas";
import { closePools } from "@/server/db/pool";
import { startMailSink, type CaughtMail } from "@/server/integrations/mail/sink";
import { runJob } from "@/server/jobs/queue";
import { mailNotifications, mailOftenJob } from "@/server/notify/mail";
import { getPool } from "@/server/db/pool";
import { QUEUE_SCHEMA } from "@/server/db/job-queue";
import { notify } from "@/server/notify/emit";
import { bouncePost } from "@/server/outbox/bounce-route";
import { bounceToken } from "@/server/outbox/bounces";
import { sendMailJob } from "@/server/outbox/send";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { createWithFile, newClient, newPerson, newStaff } from "./factories";
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

  it("for a user in 'often' mode are queued by the change itself, not left for a scheduled run", async () => {
    const h = tenantHandle(a);
    const user = await newStaff(a, "100", { email: "at-once@example.org", mailMode: "often", language: "fr" });
    /** The mailing jobs waiting for this centre. */
    const waiting = async () =>
      (
        await getPool().query<{ id: string; data: { tenantId: string; payload: unknown } }>(
          `select id, data from ${QUEUE_SCHEMA}.job where name = $1 and state = 'created' and data->>'tenantId' = $2`,
          [mailOftenJob.name, a.id],
        )
      ).rows;
    const before = new Set((await waiting()).map((job) => job.id));
    const queuedNow = async () => (await waiting()).filter((job) => !before.has(job.id));
    // A change that is rolled back asks for nothing.
    await h.db
      .transaction(async (tx) => {
        await notify(tx, h, null, [user.id], { type: "system", owner: null, compose: () => ({ subject: "Annulé" }) });
        throw new Error("rolled back");
      })
      .catch(() => undefined);
    expect(await queuedNow()).toEqual([]);

    await message(a, user.id, "Tout de suite");
    const jobs = await queuedNow();
    expect(jobs).toHaveLength(1);
    caught.length = 0;
    // The job runs as a worker would pick it up, twice at once: the mail still goes once.
    await Promise.all(
      [0, 1].map((i) =>
        runJob(registry, mailOftenJob, { id: `${jobs[0]!.id}-${i}`, retryCount: 0, data: jobs[0]!.data }),
      ),
    );
    await sendQueued(a);
    expect(caught.filter((m) => m.to.includes("at-once@example.org"))).toHaveLength(1);
    expect((await simpleParser(caught[0]!.raw)).subject).toBe("Tout de suite");
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

describe("Create e-mail (§15): a draft from a note, a document or a client, in the recipient's language", () => {
  const draftOf = async (tenant: Tenant, id: number | string) => {
    const h = tenantHandle(tenant);
    const [mail] = await h.db
      .select()
      .from(h.t.mails)
      .where(eq(h.t.mails.id, Number(id)));
    const to = await h.db
      .select()
      .from(h.t.mailRecipients)
      .where(eq(h.t.mailRecipients.mailId, Number(id)));
    const files = await h.db
      .select()
      .from(h.t.mailAttachments)
      .where(eq(h.t.mailAttachments.mailId, Number(id)));
    return { mail: mail!, to, files };
  };

  it("from a note: to its contact person, in that person's language, the note's text in the body", async () => {
    await configure(a);
    const writer = await newStaff(a, "100", { firstName: "Hubert", lastName: "Huppertz", email: "hubert@example.org" });
    const client = await newClient(a, { firstName: "Marie", lastName: "Dubois", email: "marie@example.org" });
    const h = tenantHandle(a);
    const [company] = await h.db
      .insert(h.t.partners)
      .values({ kind: "organisation", name: "Arbeitsamt Eupen", email: "info@arbeitsamt.example", language: "de" })
      .returning({ id: h.t.partners.id });
    const person = await newPerson(a, {
      firstName: "Karl",
      lastName: "Keller",
      email: "karl@arbeitsamt.example",
      language: "de",
    });
    const [role] = await h.db
      .insert(h.t.roles)
      .values({ companyId: company!.id, personId: person })
      .returning({ id: h.t.roles.id });
    const { id: noteId } = await writer.caller.resources.create({
      resource: "notes.notes",
      values: {
        date: "2026-03-05",
        subject: "Stellenangebot",
        body: "<p>Frau Dubois sucht <strong>Teilzeit</strong>.</p><ul><li>ab April</li></ul>",
        client,
        company: company!.id,
        contactPerson: role!.id,
      },
    });
    const result = await writer.caller.resources.action({ resource: "notes.notes", id: noteId, name: "createMail" });
    expect(result.open?.resource).toBe("outbox.mine");
    const { mail, to } = await draftOf(a, result.open!.id);
    expect(to.map((r) => [r.address, r.name])).toEqual([["karl@arbeitsamt.example", "Karl Keller"]]);
    expect(mail).toMatchObject({ state: "draft", userId: writer.id, clientId: client, ownerType: "note" });
    expect(mail.subject).toBe("Stellenangebot");
    // The app's German text, since the note type has no template: German date, the note as plain text.
    expect(mail.body).toContain("Guten Tag Karl Keller");
    expect(mail.body).toContain("Betrifft: Stellenangebot (05.03.2026)");
    expect(mail.body).toMatch(/Frau Dubois sucht Teilzeit\.\s+\* ab April/);
    expect(mail.body).toContain("Hubert Huppertz\nCPAS");
    expect(mail.body).not.toContain("<");
    // The writer opens it in My outbox and may change it before sending.
    const draft = await writer.caller.resources.get({ resource: "outbox.mine", id: result.open!.id });
    expect(draft.__locked).toBe(false);
  });

  it("from a note whose type has a template: the template in the recipient's language", async () => {
    const writer = await newStaff(a, "100", { firstName: "Alicia", lastName: "Allmanns", email: "alicia@example.org" });
    const staff = await newStaff(a, "900");
    const h = tenantHandle(a);
    const [type] = await h.db
      .select({ id: h.t.noteTypes.id, version: h.t.noteTypes.version })
      .from(h.t.noteTypes)
      .limit(1);
    // A template that does not read (an unclosed brace, a name the app does not know) is refused.
    for (const fr of ["Bonjour {recipient", "Bonjour {inconnu}"]) {
      const refusal = await staff.caller.resources
        .update({ resource: "notes.noteTypes", id: type!.id, version: type!.version, patch: { mailTemplate: { fr } } })
        .catch(errorAsSent);
      expect(refusal).toMatchObject({ httpStatus: 400 });
    }
    await staff.caller.resources.update({
      resource: "notes.noteTypes",
      id: type!.id,
      version: type!.version,
      patch: {
        mailTemplate: {
          fr: "Madame, Monsieur {recipient}, suite à notre entretien du {date} : {body}",
          de: "Hallo {recipient}",
        },
      },
    });
    const client = await newClient(a, {
      firstName: "Jean",
      lastName: "Lambert",
      email: "jean@example.org",
      language: "fr",
    });
    const { id: noteId } = await writer.caller.resources.create({
      resource: "notes.notes",
      values: { date: "2026-11-30", type: type!.id, subject: "Entretien", body: "<p>Documents à fournir.</p>", client },
    });
    const result = await writer.caller.resources.action({ resource: "notes.notes", id: noteId, name: "createMail" });
    const { mail, to } = await draftOf(a, result.open!.id);
    expect(to.map((r) => r.address)).toEqual(["jean@example.org"]);
    expect(mail.body).toBe(
      "Madame, Monsieur Jean Lambert, suite à notre entretien du 30/11/2026 : Documents à fournir.",
    );
  });

  it("from a scanned document: to its client, the document attached, sent as it was written", async () => {
    await configure(a);
    const writer = await newStaff(a, "100", { firstName: "Rolf", lastName: "Rompen", email: "rolf@example.org" });
    const client = await newClient(a, {
      firstName: "Anna",
      lastName: "Arens",
      email: "anna@example.org",
      language: "de",
    });
    const h = tenantHandle(a);
    const [type] = await h.db
      .select({ id: h.t.uploadTypes.id, names: h.t.uploadTypes.names })
      .from(h.t.uploadTypes)
      .limit(1);
    const upload = await createWithFile(
      a,
      "/api/uploads",
      { client, type: type!.id, description: "2026" },
      writer.claims,
    );
    const result = await writer.caller.resources.action({
      resource: "uploads.uploads",
      id: upload.id,
      name: "createMail",
    });
    const { mail, to, files } = await draftOf(a, result.open!.id);
    expect(to.map((r) => r.address)).toEqual(["anna@example.org"]);
    expect(files.map((f) => f.uploadId)).toEqual([upload.id]);
    const typeName = type!.names.de ?? type!.names.fr;
    expect(mail.subject).toBe(`${typeName}: 2026`);
    expect(mail.body).toContain(`im Anhang finden Sie das Dokument \u201e${typeName}: 2026\u201c`);

    caught.length = 0;
    await writer.caller.resources.transition({ resource: "outbox.mine", id: mail.id, version: 1, name: "send" });
    await sendQueued(a);
    const parsed = await simpleParser(caught[0]!.raw);
    expect(parsed.to && "text" in parsed.to ? parsed.to.text : "").toContain("anna@example.org");
    expect(parsed.attachments.map((f) => f.contentType)).toEqual(["application/pdf"]);
    // Sent, it is a record: the detail offers no edit, the server refuses one, and its recipients stay.
    const sent = await writer.caller.resources.get({ resource: "outbox.mine", id: mail.id });
    expect(sent).toMatchObject({ state: "sent", __locked: true });
    const refusal = await writer.caller.resources
      .remove({ resource: "outbox.mine", id: mail.id, version: sent.__version as number })
      .catch(errorAsSent);
    expect(refusal).toMatchObject({ httpStatus: 400, params: { messageKey: "outbox.errors.notDraft" } });
    const recipient = await writer.caller.resources.get({ resource: "outbox.recipients", id: to[0]!.id });
    expect(recipient.__locked).toBe(true);
    // The document it carried cannot be deleted while the mail's record stands.
    expect(
      await appCodeOf(writer.caller.resources.remove({ resource: "uploads.uploads", id: upload.id, version: 1 })),
    ).toBe("ROW_IN_USE");
  });

  it("from a client: a draft to the client in the client's language; nothing without a writer's address", async () => {
    const writer = await newStaff(a, "100", { firstName: "Theo", lastName: "Thelen", email: "theo@example.org" });
    const client = await newClient(a, {
      firstName: "Pieter",
      lastName: "Peeters",
      email: "pieter@example.org",
      language: "nl",
    });
    const result = await writer.caller.resources.action({
      resource: "clients.clients",
      id: client,
      name: "createMail",
    });
    const { mail, to } = await draftOf(a, result.open!.id);
    expect(to.map((r) => r.address)).toEqual(["pieter@example.org"]);
    expect(mail.subject).toBe("Uw dossier");
    expect(mail.body).toMatch(/^Beste Pieter Peeters,/);

    const h = tenantHandle(a);
    const before = (await h.db.select({ id: h.t.mails.id }).from(h.t.mails)).length;
    const noAddress = await newStaff(a, "100", { email: "" });
    const refusal = await noAddress.caller.resources
      .action({ resource: "clients.clients", id: client, name: "createMail" })
      .catch(errorAsSent);
    expect(refusal).toMatchObject({ httpStatus: 400, params: { messageKey: "outbox.errors.noSenderAddress" } });
    expect((await h.db.select({ id: h.t.mails.id }).from(h.t.mails)).length).toBe(before);
  });

  it("is for office users of the centre only", async () => {
    const writer = await newStaff(a, "100", { email: "w@example.org" });
    const client = await newClient(a, { email: "c@example.org" });
    const h = tenantHandle(a);
    const [type] = await h.db.select({ id: h.t.uploadTypes.id }).from(h.t.uploadTypes).limit(1);
    const upload = await createWithFile(a, "/api/uploads", { client, type: type!.id }, writer.claims);
    // A reception clerk handles documents but writes no mail.
    const clerk = await newStaff(a, "210", { email: "clerk@example.org" });
    expect(
      await appCodeOf(
        clerk.caller.resources.action({ resource: "uploads.uploads", id: upload.id, name: "createMail" }),
      ),
    ).toBe("FORBIDDEN");
    // Another centre's office user finds nothing under these ids.
    const other = await newStaff(b, "100", { email: "other@example.org" });
    for (const [resource, id] of [
      ["uploads.uploads", upload.id],
      ["clients.clients", client],
    ] as const)
      expect(await appCodeOf(other.caller.resources.action({ resource, id, name: "createMail" }))).toBe("NOT_FOUND");
  });
});

describe("returned mails (bounces)", () => {
  /** A delivery status notification (RFC 3464) as Postfix writes one, about the mail sent with `messageId`. */
  const dsn = (messageId: string, recipient: string) =>
    [
      "From: MAILER-DAEMON@mx.example.net (Mail Delivery System)",
      "To: cpas@example.org",
      "Subject: Undelivered Mail Returned to Sender",
      "MIME-Version: 1.0",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="R1"',
      "",
      "--R1",
      "Content-Type: text/plain; charset=us-ascii",
      "",
      "This is the mail system at host mx.example.net.",
      "",
      "--R1",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mx.example.net",
      "",
      `Final-Recipient: rfc822; ${recipient}`,
      "Action: failed",
      "Status: 5.1.1",
      `Diagnostic-Code: smtp; 550 5.1.1 <${recipient}>: Recipient address`,
      "    rejected: User unknown in virtual mailbox table",
      "",
      "--R1",
      "Content-Type: text/rfc822-headers",
      "",
      `Message-ID: ${messageId}`,
      "From: CPAS <cpas@example.org>",
      "Subject: Votre dossier",
      "--R1--",
      "",
    ].join("\r\n");
  const post = (tenant: Tenant, token: string, body: string) =>
    bouncePost(
      new Request(`http://${tenant.slug}.localhost/api/outbox/bounces`, {
        method: "POST",
        body,
        headers: {
          host: `${tenant.slug}.localhost`,
          authorization: `Bearer ${token}`,
          "content-type": "message/rfc822",
        },
      }),
    );

  it("fail the mail they are about, with the receiving server's words, and tell its writer; only with the centre's token", async () => {
    await configure(a);
    const writer = await newStaff(a, "100", { email: "writer@example.org", language: "de" });
    const client = await newClient(a, { email: "gone@example.org" });
    const { open } = await writer.caller.resources.action({
      resource: "clients.clients",
      id: client,
      name: "createMail",
    });
    await writer.caller.resources.transition({ resource: "outbox.mine", id: open!.id, version: 1, name: "send" });
    await sendQueued(a);
    const h = tenantHandle(a);
    const [sent] = await h.db
      .select()
      .from(h.t.mails)
      .where(eq(h.t.mails.id, Number(open!.id)));
    expect(sent).toMatchObject({ state: "sent" });
    const report = dsn(sent!.messageId!, "gone@example.org");

    // Another centre's token, or none, is refused; another centre's forwarding finds no mail of its own.
    expect((await post(a, bounceToken(b.id), report)).status).toBe(401);
    expect((await post(a, "", report)).status).toBe(401);
    expect((await post(b, bounceToken(b.id), report)).status).toBe(202);
    expect((await h.db.select().from(h.t.mails).where(eq(h.t.mails.id, sent!.id)))[0]!.state).toBe("sent");

    expect((await post(a, bounceToken(a.id), report)).status).toBe(202);
    const mail = await writer.caller.resources.get({ resource: "outbox.mine", id: open!.id });
    expect(mail.state).toBe("failed");
    expect(mail.error).toBe(
      "Vom empfangenden Server zurückgeschickt:\ngone@example.org: 5.1.1 smtp; 550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown in virtual mailbox table",
    );
    const told = await h.db.select().from(h.t.notifyMessages).where(eq(h.t.notifyMessages.userId, writer.id));
    expect(told.map((m) => m.messageType)).toEqual(["system"]);
    expect(told[0]!.body).toContain("User unknown");
    // A message that is no delivery report changes nothing and is taken all the same.
    expect((await post(a, bounceToken(a.id), "Subject: hello\r\n\r\nnot a report")).status).toBe(202);
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
