import { and, eq, isNull, sql } from "drizzle-orm";
import { formatDate } from "@/lib/format";
import { rowChange, systemActor, writeAudit } from "@/server/audit";
import { fromAcceptLanguage, localized, type Locale } from "@/server/i18n/locale";
import { translatorFor, type Translator } from "@/server/i18n/translator";
import { notify } from "@/server/notify/emit";
import { readerLocale } from "@/server/outbox/templates";
import { availability } from "@/server/tenancy/registry";
import { tenantHandle, type TenantHandle } from "@/server/tenancy/tenant-db";
import { createContext } from "@/server/trpc/context";
import { reminderIdOf, tokenMatches } from "./cannot-come-token";
import { entryStartsAt } from "./client-reminders";

type Tx = TenantHandle["db"];

/** Who the link speaks for in the audit log: the client, through the link of their reminder. */
const CLIENT_VIA_LINK = systemActor("client-link");
/** Guest states that no longer hold a place at the entry. */
const NOT_COMING = ["excused", "rejected", "missing"];

/** The reminder a token names in this centre, with its entry as it is now; null when the token is not one of its own. */
async function reminderOf(tx: Tx, handle: TenantHandle, token: string) {
  const id = reminderIdOf(token);
  if (id === null) return null;
  const { t } = handle;
  const r = t.clientReminders;
  const e = t.calendarEntries;
  const [row] = await tx
    .select({
      id: r.id,
      guestId: r.guestId,
      startsAt: r.startsAt,
      usedAt: r.usedAt,
      entryId: e.id,
      entryState: e.state,
      userId: e.userId,
      startDate: e.startDate,
      startTime: sql<string>`to_char(${e.startTime}, 'HH24:MI')`,
      stillStartsThen: sql<boolean>`coalesce(${entryStartsAt(e)} = ${r.startsAt}, false)`,
      guestState: t.calendarGuests.state,
      partnerId: t.partners.id,
      clientName: sql<string>`trim(${t.partners.firstName} || ' ' || ${t.partners.lastName})`,
      language: t.partners.language,
      agent: sql<string>`trim(coalesce(${t.users.firstName}, '') || ' ' || coalesce(${t.users.lastName}, ''))`,
    })
    .from(r)
    .innerJoin(e, eq(e.id, r.entryId))
    .innerJoin(t.calendarGuests, eq(t.calendarGuests.id, r.guestId))
    .innerJoin(t.partners, eq(t.partners.id, t.calendarGuests.partnerId))
    .leftJoin(t.users, eq(t.users.id, e.userId))
    .where(eq(r.id, id));
  if (!row || !tokenMatches(token, handle.tenantId, row.id, row.guestId, row.startsAt)) return null;
  return row;
}

type Reminder = NonNullable<Awaited<ReturnType<typeof reminderOf>>>;

/** Why a genuine link no longer works: used, or its appointment began, moved or was called off. */
function closedBecause(row: Reminder, now: Date): "used" | "expired" | null {
  if (row.usedAt) return "used";
  if (now >= row.startsAt || !row.stillStartsThen || row.entryState !== "published") return "expired";
  return null;
}

/**
 * The client cannot come (issue 15 §6): the link is spent, the guest's presence becomes excused
 * (§10.3), an entry none of whose guests still comes becomes transparent so that its slot is free for
 * planning (§10.4 rule 7 counts only non-transparent entries), and the entry's agent is told. Each
 * change is audited as done by the client through the link, in one transaction.
 */
async function excuse(tx: Tx, handle: TenantHandle, row: Reminder) {
  const { t } = handle;
  const [spent] = await tx
    .update(t.clientReminders)
    .set({ usedAt: sql`now()` })
    .where(and(eq(t.clientReminders.id, row.id), isNull(t.clientReminders.usedAt)))
    .returning({ id: t.clientReminders.id });
  if (!spent) return false;
  const audit = (entity: string, verb: string, id: number, changes: Record<string, { from: unknown; to: unknown }>) =>
    writeAudit(tx, t, CLIENT_VIA_LINK, rowChange(entity, verb, id, changes));
  if (row.guestState !== "excused") {
    await tx
      .update(t.calendarGuests)
      .set({ state: "excused", version: sql`${t.calendarGuests.version} + 1` })
      .where(eq(t.calendarGuests.id, row.guestId));
    await audit("calendar.guests", "transition.excused", row.guestId, {
      state: { from: row.guestState, to: "excused" },
      via: { from: null, to: "cannotComeLink" },
    });
  }
  const [stillComing] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(t.calendarGuests)
    .where(
      and(
        eq(t.calendarGuests.entryId, row.entryId),
        sql`${t.calendarGuests.state} not in (${sql.join(
          NOT_COMING.map((s) => sql`${s}`),
          sql`, `,
        )})`,
      ),
    );
  if (stillComing!.n === 0) {
    const [freed] = await tx
      .update(t.calendarEntries)
      .set({ transparent: true, modifiedAt: sql`now()`, version: sql`${t.calendarEntries.version} + 1` })
      .where(and(eq(t.calendarEntries.id, row.entryId), eq(t.calendarEntries.transparent, false)))
      .returning({ id: t.calendarEntries.id });
    if (freed) await audit("calendar.entries", "update", row.entryId, { transparent: { from: false, to: true } });
  }
  if (row.userId !== null)
    await notify(tx, handle, null, [row.userId], {
      type: "system",
      owner: { type: "calendar.entries", id: row.entryId },
      compose: (tr, locale) => ({
        subject: tr("remind.notice.cannotCome", {
          client: row.clientName,
          date: formatDate(row.startDate, locale),
          time: row.startTime,
        }),
      }),
    });
  return true;
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** A small page of its own: the client has no account, and reads it on a phone, in their language. */
function page(status: number, locale: Locale, centre: string, title: string, text: string, form = "") {
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(title)} — ${escape(centre)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1f2937;line-height:1.5}
p.centre{color:#4b5563;font-size:.9rem}h1{font-size:1.4rem}button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:.4rem;background:#b91c1c;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}</style></head>
<body><main><p class="centre">${escape(centre)}</p><h1>${escape(title)}</h1><p>${escape(text)}</p>${form}</main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      // Not "no-referrer": the browser would then send its confirmation with "Origin: null", refused as forged.
      "referrer-policy": "same-origin",
      "x-robots-tag": "noindex",
    },
  });
}

const values = (row: Reminder, locale: Locale) => ({
  date: formatDate(row.startDate, locale),
  time: row.startTime,
  agent: row.agent,
});

/**
 * `GET /cannot-come/<token>` asks the client to confirm, `POST` the same address does it. No
 * sign-in: the token is the credential, valid on its own centre's host only, once, until the
 * appointment begins. Anything else gets a page saying the link no longer works, never an error.
 */
export async function cannotCome(req: Request, token: string): Promise<Response> {
  const ctx = await createContext({ req, claims: null });
  const asked = fromAcceptLanguage(req.headers.get("accept-language")) ?? "fr";
  const notFound = (tr: Translator, locale: Locale, centre: string) =>
    page(404, locale, centre, tr("remind.page.invalidTitle"), tr("remind.page.invalid"));
  if (ctx.host.kind !== "tenant" || !ctx.tenant || availability(ctx.tenant) !== "served")
    return notFound(translatorFor(asked), asked, "");
  const tenant = ctx.tenant;
  const handle = tenantHandle(tenant);
  return handle.db.transaction(async (tx) => {
    const row = await reminderOf(tx, handle, token);
    if (!row) return notFound(translatorFor(asked), asked, localized(tenant.names, asked));
    const locale = readerLocale(row.language);
    const tr = translatorFor(locale);
    const centre = localized(tenant.names, locale);
    const closed = closedBecause(row, new Date());
    if (closed === "used") return page(410, locale, centre, tr("remind.page.usedTitle"), tr("remind.page.used"));
    if (closed) return page(410, locale, centre, tr("remind.page.expiredTitle"), tr("remind.page.expired"));
    if (req.method === "POST") {
      if (!(await excuse(tx, handle, row)))
        return page(410, locale, centre, tr("remind.page.usedTitle"), tr("remind.page.used"));
      return page(200, locale, centre, tr("remind.page.doneTitle"), tr("remind.page.done", values(row, locale)));
    }
    const form = `<form method="post"><button type="submit">${escape(tr("remind.page.confirm"))}</button></form>`;
    return page(200, locale, centre, tr("remind.page.askTitle"), tr("remind.page.ask", values(row, locale)), form);
  });
}
