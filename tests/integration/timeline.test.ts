import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { USER_TYPES, hasRole, type UserType } from "@/server/auth/user-types";
import { registry } from "@/server/areas";
import type { TimelinePanel, TimelineParams } from "@/server/history/timeline";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient, newCoaching } from "./factories";
import { appCodeOf, newCentre, newUser, signedInCaller } from "./helpers";

type Caller = Awaited<ReturnType<typeof signedInCaller>>;
let eupen: Tenant;
let chatelet: Tenant;
let admin: Caller; // 900: reads every kind
let clerk: Caller; // 220: reads no notes, no mails, no merges (domain-people §1.3)
let client: number;
let writer: number;
const ids = {} as Record<"note" | "upload" | "mail" | "coaching" | "otherNote", number>;

const timeline = (caller: Caller, id: number, params?: TimelineParams) =>
  caller.resources.panel({ resource: "clients.clients", id, key: "timeline", params }) as Promise<TimelinePanel>;
const versionOf = async (id: number) => {
  const h = tenantHandle(eupen);
  return (await h.db.select({ v: h.t.partners.version }).from(h.t.partners).where(eq(h.t.partners.id, id)))[0]!.v;
};
/** "kind id" of each entry, the way a test reads the list. */
const keysOf = (panel: TimelinePanel) => panel.entries.map((e) => `${e.kind} ${e.id}`);

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("timeline-eupen"), newCentre("timeline-chatelet")]);
  [admin, clerk] = await Promise.all([signedInCaller(eupen, "900"), signedInCaller(eupen, "220")]);
  const h = tenantHandle(eupen);
  writer = (await newUser(eupen, "100", { firstName: "Hubert", lastName: "Huppertz" })).user.id;
  client = await newClient(eupen, { firstName: "Anna", lastName: "Timeline", language: "de" });

  // Oldest first: a coaching 2020–2021, a note in 2022, a document in 2023, a mail in 2024.
  ids.coaching = await newCoaching(eupen, client, writer, { startDate: "2020-01-06", endDate: "2021-06-30" });
  const [eventType] = await h.db.select().from(h.t.noteEventTypes).limit(1);
  [{ id: ids.note }] = (await h.db
    .insert(h.t.notes)
    .values({
      clientId: client,
      ownerType: "client",
      ownerId: client,
      date: "2022-03-04",
      time: "10:15",
      eventTypeId: eventType!.id,
      subject: "Rent arrears",
      body: "<p>Called the landlord &amp; agreed <b>a plan</b>.</p>",
      userId: writer,
      language: "de",
    })
    .returning({ id: h.t.notes.id })) as [{ id: number }];
  const [uploadType] = await h.db.select().from(h.t.uploadTypes).limit(1);
  [{ id: ids.upload }] = (await h.db
    .insert(h.t.uploads)
    .values({
      storageKey: `00/00000000-0000-4000-8000-${String(client).padStart(12, "0")}`,
      fileName: "permit.pdf",
      mimeType: "application/pdf",
      fileSize: 1000,
      typeId: uploadType!.id,
      userId: writer,
      clientId: client,
      description: "Residence permit, front and back",
      createdAt: new Date("2023-05-10T08:30:00Z"),
    })
    .returning({ id: h.t.uploads.id })) as [{ id: number }];
  [{ id: ids.mail }] = (await h.db
    .insert(h.t.mails)
    .values({
      userId: writer,
      clientId: client,
      subject: "Your appointment",
      body: "Dear Ms Timeline,\nsee you on Monday.",
      state: "sent",
      createdAt: new Date("2024-02-01T09:00:00Z"),
      sentAt: new Date("2024-02-01T09:05:00Z"),
    })
    .returning({ id: h.t.mails.id })) as [{ id: number }];

  // Now: a change of the client's phone, then a duplicate merged into the client.
  await admin.resources.update({
    resource: "clients.clients",
    id: client,
    version: await versionOf(client),
    patch: { phone: "087 55 66 78" },
  });
  const duplicate = await newClient(eupen, { firstName: "Anna", lastName: "Timeline" });
  await admin.resources.action({
    resource: "clients.clients",
    id: client,
    name: "mergeInto",
    params: { merged: duplicate, reason: "Registered twice" },
    version: await versionOf(client),
  });
  // Another client's note never shows.
  const other = await newClient(eupen, { lastName: "Other" });
  [{ id: ids.otherNote }] = (await h.db
    .insert(h.t.notes)
    .values({ clientId: other, date: "2022-03-05", subject: "Not hers", userId: writer, language: "de" })
    .returning({ id: h.t.notes.id })) as [{ id: number }];
});

describe("the client timeline", () => {
  it("shows notes, documents, mails, changes, coachings and merges of the client in one list, newest first", async () => {
    const panel = await timeline(admin, client);
    const at = panel.entries.map((e) => e.at);
    expect(at).toEqual([...at].sort().reverse());

    const [merge] = panel.entries.filter((e) => e.kind === "clients.merges");
    const phone = panel.entries.find((e) => e.kind === "history.changes" && e.summary.includes("087 55 66 78"));
    // The five made in the past, in their order after everything done today.
    expect(keysOf(panel).slice(-5)).toEqual([
      `outbox.mails ${ids.mail}`,
      `uploads.uploads ${ids.upload}`,
      `notes.notes ${ids.note}`,
      `coachings.ended ${ids.coaching}`,
      `coachings.started ${ids.coaching}`,
    ]);
    expect(keysOf(panel).indexOf(`clients.merges ${merge!.id}`)).toBeLessThan(
      keysOf(panel).indexOf(`history.changes ${phone!.id}`),
    );
    expect(keysOf(panel)).not.toContain(`notes.notes ${ids.otherNote}`);

    const byKind = Object.fromEntries(panel.entries.map((e) => [`${e.kind} ${e.id}`, e]));
    expect(byKind[`notes.notes ${ids.note}`]).toMatchObject({
      at: "2022-03-04T09:15:00.000Z", // 10:15 in Brussels
      dateOnly: false,
      title: expect.stringMatching(/ · Rent arrears$/),
      summary: "Called the landlord & agreed a plan .",
      author: "Hubert Huppertz",
      href: `/notes/notes/${ids.note}`,
    });
    expect(byKind[`uploads.uploads ${ids.upload}`]).toMatchObject({
      title: expect.stringMatching(/ · permit\.pdf$/),
      summary: "Residence permit, front and back",
      href: `/uploads/uploads/${ids.upload}`,
    });
    expect(byKind[`outbox.mails ${ids.mail}`]).toMatchObject({
      at: "2024-02-01T09:05:00.000Z",
      title: "Your appointment",
      summary: "Dear Ms Timeline, see you on Monday.",
      href: `/outbox/byClient/${ids.mail}`,
    });
    expect(byKind[`coachings.started ${ids.coaching}`]).toMatchObject({
      at: "2020-01-05T23:00:00.000Z", // midnight in Brussels
      dateOnly: true,
      title: expect.stringContaining("Hubert Huppertz"),
      author: null,
      href: `/coachings/coachings/${ids.coaching}`,
    });
    expect(merge).toMatchObject({
      title: expect.stringMatching(/^TIMELINE Anna \(\d+\)$/),
      summary: "Registered twice",
      href: `/clients/merges/${merge!.id}`,
    });
    // A change reads as the changes grid reads it, in the reader's language (the admin's is French here).
    expect(phone).toMatchObject({ title: "Modification", href: `/history/clientChanges/${phone!.id}` });
  });

  it("pages through the file without showing a row twice or skipping one", async () => {
    const all = keysOf(await timeline(admin, client, { limit: 200 }));
    const seen: string[] = [];
    let page = await timeline(admin, client, { limit: 2 });
    seen.push(...keysOf(page));
    while (page.next) {
      page = await timeline(admin, client, { limit: 2, after: page.next });
      seen.push(...keysOf(page));
    }
    expect(seen).toEqual(all);
  });

  it("narrows to the kinds asked and to a period in Belgian days", async () => {
    const notesAndMails = await timeline(admin, client, { kinds: ["notes.notes", "outbox.mails"] });
    expect(new Set(notesAndMails.entries.map((e) => e.kind))).toEqual(new Set(["notes.notes", "outbox.mails"]));
    expect(notesAndMails.kinds.length).toBeGreaterThan(2); // the filter still offers every kind

    const in2022 = await timeline(admin, client, { period: { from: "2022-01-01", to: "2023-05-10" } });
    expect(keysOf(in2022)).toEqual([`uploads.uploads ${ids.upload}`, `notes.notes ${ids.note}`]);
    // A day is a Belgian day: the coaching ended on 30 June (its midnight in Brussels is 29 June in UTC).
    const endDay = await timeline(admin, client, { period: { from: "2021-06-30", to: "2021-06-30" } });
    expect(keysOf(endDay)).toEqual([`coachings.ended ${ids.coaching}`]);
    expect((await timeline(admin, client, { kinds: [] })).entries).toEqual([]);
  });

  it("shows each kind only to the user types that may read its list on the client", async () => {
    const panel = await timeline(clerk, client);
    const kinds = new Set(panel.entries.map((e) => e.kind));
    expect(panel.kinds.map((k) => k.kind).sort()).toEqual(
      [
        "calendar.entries",
        "coachings.ended",
        "coachings.started",
        "documents.excerpts",
        "history.changes",
        "uploads.uploads",
      ].sort(),
    );
    expect(kinds).toEqual(new Set(["coachings.ended", "coachings.started", "history.changes", "uploads.uploads"]));
    // Asking for notes does not bring them.
    expect((await timeline(clerk, client, { kinds: ["notes.notes"] })).entries).toEqual([]);
  });

  it("gives every user type the kinds whose by-client list it may read, and nothing to the anonymous", async () => {
    const kindsOf = (type: UserType) =>
      registry.timeline
        .filter((s) => registry.resources.get(s.resource)!.access.view.some((r) => hasRole(type, r)))
        .map((s) => s.kind);
    for (const type of USER_TYPES) {
      if (type === "000") {
        expect(await appCodeOf(signedInCaller(eupen, type).then((c) => timeline(c, client)))).toBe("UNAUTHORIZED");
        continue;
      }
      const panel = await timeline(await signedInCaller(eupen, type), client);
      expect(
        panel.kinds.map((k) => k.kind),
        type,
      ).toEqual(kindsOf(type));
      expect(
        [...new Set(panel.entries.map((e) => e.kind))].every((k) => kindsOf(type).includes(k)),
        type,
      ).toBe(true);
    }
    // Notes: the contacts users (100…910), not the reception's 220 (domain-people §1.3).
    expect(kindsOf("220")).not.toContain("notes.notes");
    expect(kindsOf("100")).toContain("notes.notes");
    expect(kindsOf("900")).toContain("clients.merges");
    expect(kindsOf("100")).not.toContain("clients.merges");
  });

  it("shows nothing of another centre's client: its id is not found", async () => {
    const foreign = await signedInCaller(chatelet, "900");
    expect(await appCodeOf(timeline(foreign, client))).toBe("NOT_FOUND");
    // A client of their own with the same kinds of rows shows only their own.
    const own = await newClient(chatelet, { lastName: "Own" });
    expect((await timeline(foreign, own)).entries.map((e) => e.kind)).not.toContain("notes.notes");
  });

  it("refuses malformed parameters with a 400 naming them, never a 500", async () => {
    const refused = [
      { kinds: "notes.notes" },
      { period: { from: "2024-13-45" } },
      { after: { at: "yesterday", kind: "notes.notes", id: "1" } },
      { after: { at: "2024-01-01 00:00:00+00", kind: "notes.notes", id: "1 or 1=1" } },
      { limit: 10_000 },
      { unknown: true },
      "x".repeat(100_000),
    ];
    for (const params of refused)
      expect(await appCodeOf(timeline(admin, client, params as never)), JSON.stringify(params).slice(0, 80)).toBe(
        "INVALID_INPUT",
      );
    // A kind nobody declared brings nothing.
    expect((await timeline(admin, client, { kinds: ["nobody.nothing"] })).entries).toEqual([]);
    // Other panels take no parameters.
    expect(
      await appCodeOf(
        admin.resources.panel({ resource: "clients.clients", id: client, key: "similarClients", params: {} }),
      ),
    ).toBe("INVALID_INPUT");
  });

  it("shows what was printed for the client, the SMS sent to them and their appointments", async () => {
    const printed = await admin.resources.action({ resource: "clients.clients", id: client, name: "print" });
    const h = tenantHandle(eupen);
    const [sms] = await h.db
      .insert(h.t.smsMessages)
      .values({ userId: writer, clientId: client, to: "+32475123456", body: "Rendez-vous lundi 10h", state: "sent" })
      .returning({ id: h.t.smsMessages.id });
    const [type] = await h.db.select({ id: h.t.entryTypes.id }).from(h.t.entryTypes).limit(1);
    const [entry] = await h.db
      .insert(h.t.calendarEntries)
      .values({ typeId: type!.id, clientId: client, startDate: "2021-06-14", startTime: "09:30", summary: "Bilan" })
      .returning({ id: h.t.calendarEntries.id });
    const panel = await timeline(admin, client, { kinds: ["documents.excerpts", "outbox.sms", "calendar.entries"] });
    expect(keysOf(panel).sort()).toEqual(
      [`documents.excerpts ${printed.open!.id}`, `outbox.sms ${sms!.id}`, `calendar.entries ${entry!.id}`].sort(),
    );
    const appointment = panel.entries.find((e) => e.kind === "calendar.entries")!;
    expect(appointment.title).toMatch(/ · Bilan$/);
    // 09:30 in Brussels (summer time) is 07:30 UTC.
    expect(appointment).toMatchObject({ at: "2021-06-14T07:30:00.000Z", dateOnly: false });
    const excerpt = panel.entries.find((e) => e.kind === "documents.excerpts")!;
    expect(excerpt.title).toMatch(/\.docx$/);
    // The document's language by its own name, not a code.
    expect(["Français", "Nederlands", "Deutsch", "English"]).toContain(excerpt.summary);
    expect(panel.entries.find((e) => e.kind === "outbox.sms")!.title).toBe("Rendez-vous lundi 10h");
  });
});
