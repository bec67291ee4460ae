import { createHash, randomBytes } from "node:crypto";
import { and, eq, gte, lte, ne, sql } from "drizzle-orm";
import ical, { ICalEventTransparency } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import type { LocalizedText } from "@/db/control/schema";
import { rowChange, writeAudit, type Actor } from "@/server/audit";
import { TODAY } from "@/server/calendar/entries";
import { clientDisplayName } from "@/server/clients/sql";
import { isLocale, localized, type Locale } from "@/server/i18n/locale";
import { translatorFor } from "@/server/i18n/translator";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/**
 * Calendar feeds (issue 15 §7): each user may subscribe from Outlook or a phone to a read-only
 * iCalendar feed of their own entries at a secret address. Only a hash of the secret is stored: the
 * address is shown once, when made; making it again replaces it, revoking deletes it.
 */

const TIME_ZONE = "Europe/Brussels";
/** What a feed holds: the recent past and the coming year of the user's entries. */
const DAYS_BEFORE = 90;
const DAYS_AFTER = 366;
/** An entry with a start time but no end lasts this long in a calendar application. */
const DEFAULT_MINUTES = 60;

export const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");
const FEED_ENTITY = "feeds.feed";

/** Whether the user has a feed, and since when. */
export async function feedStatus({ db, t }: Pick<TenantHandle, "db" | "t">, userId: number) {
  const [row] = await db
    .select({ createdAt: t.calendarFeeds.createdAt })
    .from(t.calendarFeeds)
    .where(eq(t.calendarFeeds.userId, userId));
  return { active: !!row, createdAt: row?.createdAt.toISOString() ?? null };
}

/** A new secret address for the user's feed, replacing any former one (which stops working at once). */
export async function renewFeed(handle: Pick<TenantHandle, "db" | "t">, who: Actor, userId: number) {
  const { db, t } = handle;
  const token = randomBytes(24).toString("base64url");
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(t.calendarFeeds)
      .where(eq(t.calendarFeeds.userId, userId))
      .returning({ id: t.calendarFeeds.id });
    await tx.insert(t.calendarFeeds).values({ userId, tokenHash: hashOf(token) });
    await writeAudit(tx, t, who, rowChange(FEED_ENTITY, gone.length ? "renew" : "create", userId));
  });
  return token;
}

/** Revokes the user's feed: its address answers "not found" from now on. */
export async function revokeFeed(handle: Pick<TenantHandle, "db" | "t">, who: Actor, userId: number) {
  const { db, t } = handle;
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(t.calendarFeeds)
      .where(eq(t.calendarFeeds.userId, userId))
      .returning({ id: t.calendarFeeds.id });
    if (gone.length) await writeAudit(tx, t, who, rowChange(FEED_ENTITY, "revoke", userId));
  });
}

/** The address of a feed on the centre's host (relative; the page knows its origin). */
export const feedPath = (token: string) => `/api/feeds/${token}.ics`;

/**
 * The user's entries as an iCalendar file: not cancelled, within the window, in Brussels time. An
 * entry about a client names the client only when the centre allows it; otherwise it reads
 * "Appointment" (in the user's language) with no description, as its summary may name the client too.
 */
export async function feedCalendar(handle: Pick<TenantHandle, "db" | "t">, userId: number, centre: LocalizedText) {
  const { db, t } = handle;
  const e = t.calendarEntries;
  const [[user], [settings]] = await Promise.all([
    db.select({ language: t.users.language }).from(t.users).where(eq(t.users.id, userId)),
    db.select({ names: t.calendarSettings.feedClientNames }).from(t.calendarSettings),
  ]);
  const locale: Locale = isLocale(user?.language) ? user.language : "fr";
  const showNames = settings?.names ?? false;
  const rows = await db
    .select({
      id: e.id,
      summary: e.summary,
      description: e.description,
      startDate: e.startDate,
      startTime: sql<string | null>`to_char(${e.startTime}, 'HH24:MI:SS')`,
      endDate: e.endDate,
      endTime: sql<string | null>`to_char(${e.endTime}, 'HH24:MI:SS')`,
      transparent: e.transparent,
      state: e.state,
      clientId: e.clientId,
      client: clientDisplayName(t.partners),
      typeNames: t.entryTypes.names,
      room: t.rooms.names,
      modifiedAt: e.modifiedAt,
    })
    .from(e)
    .leftJoin(t.partners, eq(t.partners.id, e.clientId))
    .leftJoin(t.entryTypes, eq(t.entryTypes.id, e.typeId))
    .leftJoin(t.rooms, eq(t.rooms.id, e.roomId))
    .where(
      and(
        eq(e.userId, userId),
        ne(e.state, "cancelled"),
        gte(sql`coalesce(${e.endDate}, ${e.startDate})`, sql`${TODAY} - ${sql.raw(String(DAYS_BEFORE))}`),
        lte(e.startDate, sql`${TODAY} + ${sql.raw(String(DAYS_AFTER))}`),
      ),
    )
    .orderBy(e.startDate, e.startTime, e.id);
  const tr = translatorFor(locale);
  const calendar = ical({
    name: `${localized(centre, locale)} — ${tr("feeds.calendarName")}`,
    prodId: "//Entraide//Calendar feed//EN",
  });
  calendar.timezone({ name: TIME_ZONE, generator: (tz) => tzlib_get_ical_block(tz)[0] ?? null });
  for (const row of rows) {
    const aboutClient = row.clientId !== null;
    const title = row.summary || (row.typeNames ? localized(row.typeNames, locale) : "");
    const summary = !aboutClient
      ? title
      : showNames
        ? `${title} — ${row.client}`.replace(/^ — /, "")
        : tr("feeds.appointment");
    const timed = row.startTime !== null;
    // Wall-clock strings without an offset: the library writes them as they are, under TZID=Europe/Brussels.
    const start = timed ? `${row.startDate}T${row.startTime}` : row.startDate;
    const end = timed
      ? row.endTime
        ? `${row.endDate ?? row.startDate}T${row.endTime}`
        : addMinutes(`${row.startDate}T${row.startTime}`, DEFAULT_MINUTES)
      : nextDay(row.endDate ?? row.startDate);
    calendar.createEvent({
      id: `entry-${row.id}`,
      start,
      end,
      allDay: !timed,
      timezone: timed ? TIME_ZONE : null,
      summary,
      description: aboutClient && !showNames ? undefined : row.description || undefined,
      location: row.room ? localized(row.room, locale) : undefined,
      transparency: row.transparent ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
      lastModified: row.modifiedAt,
      stamp: row.modifiedAt,
    });
  }
  return calendar.toString();
}

/** A wall-clock "YYYY-MM-DDTHH:MM:SS" plus minutes, as a wall-clock string again (no time zone involved). */
function addMinutes(wallClock: string, minutes: number) {
  const d = new Date(`${wallClock}Z`);
  d.setUTCMinutes(d.getUTCMinutes() + minutes);
  return d.toISOString().slice(0, 19);
}

/** All-day entries end, as iCalendar counts, on the day after their last day. */
function nextDay(date: string) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
