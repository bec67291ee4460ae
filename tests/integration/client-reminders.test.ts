import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cannotCome } from "@/server/calendar/cannot-come";
import { cannotComeToken } from "@/server/calendar/cannot-come-token";
import { queueClientReminders } from "@/server/calendar/client-reminders";
import { closePools } from "@/server/db/pool";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient, newStaff } from "./factories";
import { appCodeOf, callerOn, centreHost, newCentre, newUser } from "./helpers";

afterAll(closePools);

let eupen: Tenant;
let chatelet: Tenant;
let agentId: number;
let clientTypeId: number;

/** A published entry of the agent starting `hours` from now (Brussels wall clock), with the client as guest. */
async function appointment(clientId: number, hours: number, state = "published") {
  const h = tenantHandle(eupen);
  const at = sql`(now() at time zone 'Europe/Brussels') + make_interval(hours => ${hours})`;
  const [entry] = await h.db
    .insert(h.t.calendarEntries)
    .values({
      typeId: clientTypeId,
      summary: "Entretien",
      clientId,
      userId: agentId,
      startDate: sql`(${at})::date`,
      startTime: sql`date_trunc('minute', ${at})::time`,
      state,
    })
    .returning({ id: h.t.calendarEntries.id });
  const [guest] = await h.db
    .insert(h.t.calendarGuests)
    .values({ entryId: entry!.id, partnerId: clientId, state: "accepted" })
    .returning({ id: h.t.calendarGuests.id });
  return { entryId: entry!.id, guestId: guest!.id };
}

const remindersOf = async (guestId: number) => {
  const h = tenantHandle(eupen);
  return h.db.select().from(h.t.clientReminders).where(eq(h.t.clientReminders.guestId, guestId));
};
const smsOf = async (ids: (number | null)[]) => {
  const h = tenantHandle(eupen);
  const wanted = ids.filter((id): id is number => id !== null);
  return wanted.length ? h.db.select().from(h.t.smsMessages).where(inArray(h.t.smsMessages.id, wanted)) : [];
};
const mailOf = async (id: number | null) => {
  const h = tenantHandle(eupen);
  return id ? (await h.db.select().from(h.t.mails).where(eq(h.t.mails.id, id)))[0] : undefined;
};
const linkOf = (body: string) => /https?:\/\/[^\s]+\/cannot-come\/([^\s]+)/.exec(body)?.[1] ?? "";
const open = (tenant: Tenant, token: string, method: "GET" | "POST" = "GET") =>
  cannotCome(
    new Request(`http://${tenant.slug}.localhost/cannot-come/${token}`, {
      method,
      headers: { host: `${tenant.slug}.localhost`, origin: `http://${tenant.slug}.localhost`, "accept-language": "fr" },
    }),
    token,
  );

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("rem-eupen", "production"), newCentre("rem-chat", "production")]);
  agentId = (await newStaff(eupen, "100", { firstName: "Anna", lastName: "Agent", language: "fr" })).id;
  const h = tenantHandle(eupen);
  const [type] = await h.db
    .select({ id: h.t.entryTypes.id })
    .from(h.t.entryTypes)
    .where(eq(h.t.entryTypes.ref, "client"));
  clientTypeId = type!.id;
  // Appointments of this type are reminded two days before, by SMS and e-mail.
  await h.db
    .update(h.t.entryTypes)
    .set({ remindHours: 48, remindChannel: "both" })
    .where(eq(h.t.entryTypes.id, clientTypeId));
}, 120_000);

describe("reminders to clients", () => {
  it("go once to each client guest, in the client's language, by the type's channels, with a link", async () => {
    const karl = await newClient(eupen, {
      firstName: "Karl",
      lastName: "Kaivers",
      language: "de",
      gsm: "0475 12 34 56",
      email: "karl@example.org",
    });
    const { guestId } = await appointment(karl, 24);
    expect(await queueClientReminders(tenantHandle(eupen))).toBeGreaterThanOrEqual(1);
    const [reminder] = await remindersOf(guestId);
    const [sms] = await smsOf([reminder!.smsId]);
    expect(sms).toMatchObject({ to: "+32475123456", state: "queued", clientId: karl });
    expect(sms!.body).toMatch(
      /^CPAS rem-eupen: Erinnerung an Ihren Termin am \d\d\.\d\d\.\d{4} um \d\d:\d\d bei Anna Agent/,
    );
    const mail = await mailOf(reminder!.mailId);
    expect(mail).toMatchObject({ state: "queued", clientId: karl });
    expect(mail!.subject).toMatch(/^Erinnerung: Termin am/);
    expect(mail!.body).toContain("Guten Tag Karl Kaivers");
    expect(linkOf(sms!.body)).toBe(linkOf(mail!.body));
    expect(linkOf(sms!.body)).not.toBe("");

    // The next tick finds nothing new for this guest.
    await queueClientReminders(tenantHandle(eupen));
    expect(await remindersOf(guestId)).toHaveLength(1);
  });

  it("are in French for a French client, and only by the channels the centre's default names", async () => {
    const h = tenantHandle(eupen);
    const [meeting] = await h.db
      .select({ id: h.t.entryTypes.id })
      .from(h.t.entryTypes)
      .where(eq(h.t.entryTypes.ref, "meeting"));
    await h.db
      .update(h.t.calendarSettings)
      .set({ remindHours: 12, remindChannel: "sms" })
      .where(eq(h.t.calendarSettings.id, 1));
    const marie = await newClient(eupen, {
      firstName: "Marie",
      lastName: "Dubois",
      language: "fr",
      gsm: "0476 00 11 22",
      email: "marie@example.org",
    });
    const { entryId, guestId } = await appointment(marie, 6);
    await h.db.update(h.t.calendarEntries).set({ typeId: meeting!.id }).where(eq(h.t.calendarEntries.id, entryId));
    await queueClientReminders(h);
    const [reminder] = await remindersOf(guestId);
    expect(reminder!.mailId).toBeNull();
    const [sms] = await smsOf([reminder!.smsId]);
    expect(sms!.body).toMatch(
      /^CPAS rem-eupen : rappel de votre rendez-vous le \d\d\/\d\d\/\d{4} à \d\d:\d\d avec Anna Agent/,
    );
    await h.db.update(h.t.calendarSettings).set({ remindHours: null }).where(eq(h.t.calendarSettings.id, 1));
  });

  it("wait until the entry is within the hours, skip drafts and cancelled entries, and follow a moved entry", async () => {
    const h = tenantHandle(eupen);
    const client = await newClient(eupen, { language: "fr", gsm: "0477 22 33 44" });
    const later = await appointment(client, 72);
    const draft = await appointment(client, 20, "draft");
    const cancelled = await appointment(client, 21, "cancelled");
    const moved = await appointment(client, 22);
    await queueClientReminders(h);
    expect(await remindersOf(later.guestId)).toHaveLength(0);
    expect(await remindersOf(draft.guestId)).toHaveLength(0);
    expect(await remindersOf(cancelled.guestId)).toHaveLength(0);
    expect(await remindersOf(moved.guestId)).toHaveLength(1);

    // Moved an hour later: a new reminder for the new time; the old link no longer works.
    const [first] = await remindersOf(moved.guestId);
    const oldToken = linkOf((await smsOf([first!.smsId]))[0]!.body);
    await h.db
      .update(h.t.calendarEntries)
      .set({ startTime: sql`${h.t.calendarEntries.startTime} + interval '1 hour'` })
      .where(eq(h.t.calendarEntries.id, moved.entryId));
    await queueClientReminders(h);
    expect(await remindersOf(moved.guestId)).toHaveLength(2);
    expect((await open(eupen, oldToken)).status).toBe(410);
  });
});

describe("the 'cannot come' link", () => {
  it("asks in the client's language, then excuses the guest, frees the slot, tells the agent, audited as the client", async () => {
    const h = tenantHandle(eupen);
    const client = await newClient(eupen, {
      firstName: "Greta",
      lastName: "Gerber",
      language: "de",
      gsm: "0478 11 22 33",
    });
    const { entryId, guestId } = await appointment(client, 30);
    await queueClientReminders(h);
    const [reminder] = await remindersOf(guestId);
    const token = linkOf((await smsOf([reminder!.smsId]))[0]!.body);

    const ask = await open(eupen, token);
    expect(ask.status).toBe(200);
    const page = await ask.text();
    expect(page).toContain('<html lang="de">');
    expect(page).toContain("Ich kann nicht kommen");
    // Asking changes nothing.
    const [before] = await h.db.select().from(h.t.calendarGuests).where(eq(h.t.calendarGuests.id, guestId));
    expect(before!.state).toBe("accepted");

    const done = await open(eupen, token, "POST");
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("ist entschuldigt");
    const [guest] = await h.db.select().from(h.t.calendarGuests).where(eq(h.t.calendarGuests.id, guestId));
    expect(guest!.state).toBe("excused");
    const [entry] = await h.db.select().from(h.t.calendarEntries).where(eq(h.t.calendarEntries.id, entryId));
    expect(entry).toMatchObject({ transparent: true, state: "published" });
    const notices = await h.db
      .select()
      .from(h.t.notifyMessages)
      .where(and(eq(h.t.notifyMessages.userId, agentId), eq(h.t.notifyMessages.ownerId, entryId)));
    expect(notices.map((n) => n.subject)).toEqual([expect.stringMatching(/^Greta Gerber ne peut pas venir/)]);
    const audit = await h.db
      .select()
      .from(h.t.auditLog)
      .where(and(eq(h.t.auditLog.entity, "calendar.guests"), eq(h.t.auditLog.entityId, String(guestId))));
    expect(audit.find((a) => a.action === "calendar.guests.transition.excused")).toMatchObject({
      actor: "client-link",
    });

    // Once only.
    const again = await open(eupen, token, "POST");
    expect(again.status).toBe(410);
    expect((await open(eupen, token)).status).toBe(410);
  });

  it("is refused on another centre's host, when altered, and after the appointment began; nothing changes", async () => {
    const h = tenantHandle(eupen);
    const client = await newClient(eupen, { language: "fr", gsm: "0479 11 22 33" });
    const { guestId } = await appointment(client, 10);
    await queueClientReminders(h);
    const [reminder] = await remindersOf(guestId);
    const token = linkOf((await smsOf([reminder!.smsId]))[0]!.body);

    expect((await open(chatelet, token, "POST")).status).toBe(404);
    const altered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect((await open(eupen, altered, "POST")).status).toBe(404);
    expect((await open(eupen, "not-a-token", "POST")).status).toBe(404);
    // The same reminder number signed for another centre.
    const forged = cannotComeToken(chatelet.id, reminder!.id, guestId, reminder!.startsAt);
    expect((await open(eupen, forged, "POST")).status).toBe(404);
    const [guest] = await h.db.select().from(h.t.calendarGuests).where(eq(h.t.calendarGuests.id, guestId));
    expect(guest!.state).toBe("accepted");

    // A genuine link whose appointment has begun.
    const past = await appointment(client, -1);
    const [row] = await h.db
      .insert(h.t.clientReminders)
      .values({
        guestId: past.guestId,
        entryId: past.entryId,
        startsAt: sql`((select start_date + start_time from ${h.t.calendarEntries} where id = ${past.entryId}) at time zone 'Europe/Brussels')`,
      })
      .returning();
    const expired = cannotComeToken(eupen.id, row!.id, past.guestId, row!.startsAt);
    const answer = await open(eupen, expired, "POST");
    expect(answer.status).toBe(410);
    expect(await answer.text()).toContain("Ce lien ne fonctionne plus");
    const [pastGuest] = await h.db.select().from(h.t.calendarGuests).where(eq(h.t.calendarGuests.id, past.guestId));
    expect(pastGuest!.state).toBe("accepted");
  });
});

describe("reminder settings", () => {
  it("are the administrators' (900), refused to agents (100) and to another centre", async () => {
    const admin = await newUser(eupen, "900");
    const adminCaller = await callerOn(centreHost(eupen.slug), {}, admin.claims);
    const agent = await newUser(eupen, "100");
    const agentCaller = await callerOn(centreHost(eupen.slug), {}, agent.claims);
    const foreign = await newUser(chatelet, "900");
    const foreignCaller = await callerOn(centreHost(chatelet.slug), {}, foreign.claims);
    const row = await adminCaller.resources.get({ resource: "calendar.settings", id: 1 });
    await adminCaller.resources.update({
      resource: "calendar.settings",
      id: 1,
      version: Number(row.__version),
      patch: { remindHours: 24, remindChannel: "email" },
    });
    expect(await adminCaller.resources.get({ resource: "calendar.settings", id: 1 })).toMatchObject({
      remindHours: 24,
      remindChannel: "email",
    });
    expect(await appCodeOf(agentCaller.resources.get({ resource: "calendar.settings", id: 1 }))).toBe("FORBIDDEN");
    // A refused value is a clear 400, not a database error.
    const now = await adminCaller.resources.get({ resource: "calendar.settings", id: 1 });
    expect(
      await appCodeOf(
        adminCaller.resources.update({
          resource: "calendar.settings",
          id: 1,
          version: Number(now.__version),
          patch: { remindHours: 9999 },
        }),
      ),
    ).toBe("BAD_REQUEST");
    // Châtelet's row is its own.
    expect(await foreignCaller.resources.get({ resource: "calendar.settings", id: 1 })).toMatchObject({
      remindHours: null,
      remindChannel: "sms",
    });
    const h = tenantHandle(eupen);
    await h.db.update(h.t.calendarSettings).set({ remindHours: null }).where(eq(h.t.calendarSettings.id, 1));
  });

  it("of an entry type are set by office staff (110), not by agents (100)", async () => {
    const staff = await newStaff(eupen, "110");
    const agent = await newStaff(eupen, "100");
    const type = await staff.caller.resources.get({ resource: "calendar.entryTypes", id: clientTypeId });
    expect(type).toMatchObject({ remindHours: 48, remindChannel: "both" });
    await staff.caller.resources.update({
      resource: "calendar.entryTypes",
      id: clientTypeId,
      version: Number(type.__version),
      patch: { remindHours: 36, remindChannel: "sms" },
    });
    const changed = await agent.caller.resources.get({ resource: "calendar.entryTypes", id: clientTypeId });
    expect(changed).toMatchObject({ remindHours: 36, remindChannel: "sms" });
    expect(
      await appCodeOf(
        agent.caller.resources.update({
          resource: "calendar.entryTypes",
          id: clientTypeId,
          version: Number(changed.__version),
          patch: { remindHours: 1 },
        }),
      ),
    ).toBe("FORBIDDEN");
  });
});
