/**
 * ESF summaries ("Fiche stagiaire", domain-integ-money §2.10): for each client taking part (`hasEsf`,
 * true unless set otherwise) and each year, the minutes of integration work per statistical field,
 * collected from the presences at calendar entries whose type counts in a field and from the
 * contracts of the kinds the fields name (Art. 60§7, immersion: 38 hours a week over their weekdays
 * within the year). Stored, and recomputed on demand except where a user changed the figures.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import { rowChange, writeAudit, type Actor } from "@/server/audit";
import { AppError } from "@/server/errors";
import { certifiedBy } from "@/server/documents/certifying";
import { CONTRACT_KINDS } from "@/server/isip/base";
import { defineChoiceList } from "@/server/resources/choices";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

type Tx = TenantHandle["db"];

/**
 * The statistical fields (§2.10 StatisticalFields): a fixed number of minutes per presence, the
 * entry's duration per presence in a present state, or the hours of the contracts of a kind.
 */
export const ESF_FIELDS = [
  { value: "10", short: "S.Inf", count: { perPresence: 120 } },
  { value: "20", short: "E.Ind", count: { perPresence: 60 } },
  { value: "21", short: "E.For", count: { perPresence: 60 } },
  { value: "30", short: "SIS", count: { perPresence: 60 } },
  { value: "40", short: "Tst", count: { perPresence: 60 } },
  { value: "41", short: "Info", count: { perPresence: 60 } },
  { value: "42", short: "Mob", count: { perPresence: 60 } },
  { value: "43", short: "Rem", count: { perPresence: 60 } },
  { value: "44", short: "AN!", count: { duration: true } },
  { value: "50", short: "MSP", count: { contractKind: "immersion" } },
  { value: "60", short: "CyE", count: { duration: true } },
  { value: "70", short: "60§7", count: { contractKind: "art60" } },
] as const satisfies readonly {
  value: string;
  short: string;
  count: { perPresence: number } | { duration: true } | { contractKind: string };
}[];
export type EsfField = (typeof ESF_FIELDS)[number]["value"];

/** A statistical field's full name ("S.Inf · Information session"): the entry types' choice label, or the contract kind's (50, 70). */
export const fieldNameKey = (value: string) =>
  ESF_FIELDS.some((f) => f.value === value && "contractKind" in f.count)
    ? `integReports.esf.contractFields.${value}`
    : `choices.esfFields.${value}`;

/** The fields a calendar entry type can count in (those counted from presences); labels under `choices.esfFields`. */
export const esfFields = defineChoiceList(
  "esfFields",
  ESF_FIELDS.filter((f) => !("contractKind" in f.count)).map((f) => f.value),
);

/**
 * The result of a client's year (§2.10 `result`, Lino's esf ParticipationCertificates, one value in
 * Lino: 10 "Épreuve d'évaluation réussie sans titre spécifique"); labels under `choices.esfResults`.
 */
export const esfResults = defineChoiceList("esfResults", ["10"]);

/** The Training report's content type: its excerpts are owned by the summary (`owner_type`). */
export const ESF_CONTENT_TYPE = "esfSummary";

/** Whether the summary `s` is printed: a certifying Training report of it not cleared (its figures then stay as printed). */
const printedSummary = (t: TenantTables) => certifiedBy(t, ESF_CONTENT_TYPE, sql.raw("s.id"));

/** Guest states in which a guest was there (§10.3): present, then busy with an agent, then gone. */
export const PRESENT_STATES = ["present", "busy", "gone"] as const;

/** 38 hours a week: minutes per working day. */
export const CONTRACT_MINUTES_PER_WEEKDAY = (38 * 60) / 5;

/** Monday-to-Friday days from `from` to `to` (both included, "YYYY-MM-DD"); none when reversed. */
export function weekdaysBetween(from: string, to: string): number {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (!(b >= a)) return 0;
  const days = Math.round((b - a) / 86_400_000) + 1;
  const firstDow = (new Date(a).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  for (let i = 0; i < days % 7; i++) if ((firstDow + i) % 7 < 5) count++;
  return count;
}

/** A contract's ESF minutes in `year`: 38 h a week over its weekdays from its start to its end, clipped to the year. */
export function contractMinutes(year: number, appliesFrom: string, end: string | null): number {
  const from = appliesFrom < `${year}-01-01` ? `${year}-01-01` : appliesFrom;
  const to = end === null || end > `${year}-12-31` ? `${year}-12-31` : end;
  return weekdaysBetween(from, to) * CONTRACT_MINUTES_PER_WEEKDAY;
}

/** "h:mm" of a number of minutes. */
export const hoursOf = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;

/** The most hours a field can hold in a year: every hour of a leap year (366 × 24). */
export const MAX_HOURS = 366 * 24;

/**
 * Hours typed by hand ("h:mm", or whole hours "h"; Lino's DurationField) as minutes; empty or zero
 * is no hours (null). Anything else, or more hours than a year has, is refused.
 */
export const hoursInput = z
  .string()
  .trim()
  .max(10)
  .regex(/^(\d{1,4}(:[0-5]\d)?)?$/)
  .transform((v) => {
    if (v === "") return null;
    const [h, m = "0"] = v.split(":");
    const minutes = Number(h) * 60 + Number(m);
    return minutes === 0 ? null : minutes;
  })
  .refine((m) => m === null || m <= MAX_HOURS * 60);

/** Clients taking part in the ESF statistics: `hasEsf` (Châtelet's field, true unless unticked). */
const takesPart = (p: string) =>
  sql`${sql.raw(p)}.is_client and coalesce((${sql.raw(p)}.extra->>'hasEsf')::boolean, true)`;

/** Minutes per client and field in `year`, from presences and contracts. */
export async function collectEsf(tx: Tx, t: TenantTables, year: number, clientId?: number) {
  const onlyPresences = clientId === undefined ? sql`` : sql` and g.partner_id = ${clientId}`;
  const onlyContracts = clientId === undefined ? sql`` : sql` and c.client_id = ${clientId}`;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const perPresence = sql.join(
    ESF_FIELDS.flatMap((f) =>
      "perPresence" in f.count ? [sql`when ${f.value} then ${sql.raw(String(f.count.perPresence))}`] : [],
    ),
    sql` `,
  );
  const byDuration = ESF_FIELDS.flatMap((f) => ("duration" in f.count ? [f.value] : []));
  const duration = sql`greatest(0, coalesce(extract(epoch from (coalesce(e.end_date, e.start_date) + e.end_time) - (e.start_date + e.start_time)) / 60, 0))::int`;
  const presences = sql`
    select g.partner_id as client_id, f.field,
      sum(case when f.field in (${sql.join(
        byDuration.map((v) => sql`${v}`),
        sql`, `,
      )}) then case when g.state in (${sql.join(
        PRESENT_STATES.map((s) => sql`${s}`),
        sql`, `,
      )}) then ${duration} else 0 end
        else case f.field ${perPresence} else 0 end end)::int as minutes
    from ${t.calendarGuests} g
      join ${t.calendarEntries} e on e.id = g.entry_id
      join ${t.esfEntryTypes} f on f.entry_type_id = e.type_id
      join ${t.partners} p on p.id = g.partner_id and ${takesPart("p")}
    where e.start_date between ${from} and ${to}${onlyPresences}
    group by 1, 2`;
  const contracts = CONTRACT_KINDS.flatMap((kind) => {
    const field = ESF_FIELDS.find((f) => "contractKind" in f.count && f.count.contractKind === kind.kind);
    if (!field) return [];
    const c = kind.contracts(t);
    return [
      sql`select c.client_id, ${field.value}::text as field,
        sum((select count(*) from generate_series(c.applies_from,
          least(coalesce(c.date_ended, c.applies_until, ${to}::date), ${to}::date), interval '1 day') d
          where extract(isodow from d) < 6) * ${sql.raw(String(CONTRACT_MINUTES_PER_WEEKDAY))})::int as minutes
      from ${c} c join ${t.partners} p on p.id = c.client_id and ${takesPart("p")}
      where c.applies_from between ${from} and ${to}${onlyContracts}
      group by 1, 2`,
    ];
  });
  const rows = await tx.execute<{ client_id: number; field: string; minutes: number }>(
    sql.join([presences, ...contracts], sql` union all `),
  );
  const byClient = new Map<number, Record<string, number>>();
  for (const r of rows.rows) {
    const m = byClient.get(Number(r.client_id)) ?? {};
    m[r.field] = (m[r.field] ?? 0) + Number(r.minutes);
    byClient.set(Number(r.client_id), m);
  }
  return byClient;
}

const sameMinutes = (a: Record<string, number>, b: Record<string, number>) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
};

/**
 * Computes the year's summaries in one transaction: a new summary for each client with ESF minutes,
 * the figures of the others brought up to date unless a user changed them or they are printed
 * (`kept`); every change audited.
 */
export async function computeEsf({ db, t }: Pick<TenantHandle, "db" | "t">, who: Actor, year: number) {
  return db.transaction(async (tx) => {
    const collected = await collectEsf(tx, t, year);
    const existing = await tx.execute<{
      id: number;
      client_id: number;
      minutes: Record<string, number>;
      user_modified: boolean;
      printed: boolean;
    }>(sql`select s.id, s.client_id, s.minutes, s.user_modified, ${printedSummary(t)} as printed
      from ${t.esfSummaries} s where s.year = ${year} for update of s`);
    const known = new Map(existing.rows.map((r) => [Number(r.client_id), r]));
    const audits = [];
    let created = 0;
    let updated = 0;
    let kept = 0;
    for (const r of existing.rows) {
      const now = collected.get(Number(r.client_id)) ?? {};
      // Changed by hand, or printed (the Training report vouches for its hours until "Clear printed").
      if (r.user_modified || r.printed) {
        kept++;
        continue;
      }
      if (sameMinutes(r.minutes, now)) continue;
      await tx.execute(sql`update ${t.esfSummaries} set minutes = ${JSON.stringify(now)}::jsonb, computed_at = now(),
        version = version + 1 where id = ${r.id}`);
      audits.push(rowChange("integ.esfSummaries", "update", Number(r.id), { minutes: { from: r.minutes, to: now } }));
      updated++;
    }
    const fresh = [...collected].filter(([client]) => !known.has(client));
    if (fresh.length > 0) {
      const ids = await tx.execute<{ id: number; client_id: number }>(sql`
        insert into ${t.esfSummaries} (client_id, year, minutes, computed_at)
        select client_id, ${year}, minutes, now()
        from unnest(${sql.param(fresh.map(([c]) => c))}::int[], ${sql.param(fresh.map(([, m]) => JSON.stringify(m)))}::jsonb[])
          as x(client_id, minutes)
        returning id, client_id`);
      for (const r of ids.rows)
        audits.push(
          rowChange("integ.esfSummaries", "create", Number(r.id), {
            year: { from: null, to: year },
            minutes: { from: null, to: collected.get(Number(r.client_id)) },
          }),
        );
      created = ids.rows.length;
    }
    await writeAudit(tx, t, who, ...audits);
    return { created, updated, kept };
  });
}

/**
 * "Back to the computed values" on one summary: forgets the hand-made figures (`user_modified`)
 * and computes that client's year again, audited in the same transaction. `version` is the row the
 * user saw: an edit saved meanwhile refuses it (STALE_EDIT). Refused while the summary is printed.
 */
export async function revertEsfSummary(
  { db, t }: Pick<TenantHandle, "db" | "t">,
  who: Actor,
  id: number,
  version?: number,
) {
  return db.transaction(async (tx) => {
    const found = await tx.execute<{
      client_id: number;
      year: number;
      minutes: Record<string, number | null>;
      user_modified: boolean;
      version: number;
      printed: boolean;
    }>(sql`select s.client_id, s.year, s.minutes, s.user_modified, s.version, ${printedSummary(t)} as printed
      from ${t.esfSummaries} s where s.id = ${id} for update of s`);
    const row = found.rows[0];
    if (!row) throw new AppError("NOT_FOUND");
    if (version !== undefined && Number(row.version) !== version) throw new AppError("STALE_EDIT");
    // A printed summary keeps the hours its Training report shows until "Clear printed".
    if (row.printed) throw new AppError("INVALID_INPUT", { messageKey: "integReports.esf.revertPrinted" });
    const now = (await collectEsf(tx, t, Number(row.year), Number(row.client_id))).get(Number(row.client_id)) ?? {};
    await tx.execute(sql`update ${t.esfSummaries} set minutes = ${JSON.stringify(now)}::jsonb, user_modified = false,
      computed_at = now(), version = version + 1 where id = ${id}`);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (!sameMinutes(cleaned(row.minutes), now)) changes.minutes = { from: row.minutes, to: now };
    if (row.user_modified) changes.userModified = { from: true, to: false };
    await writeAudit(tx, t, who, rowChange("integ.esfSummaries", "revert", id, changes));
  });
}

/** Minutes per field without the fields a user emptied (stored as null). */
const cleaned = (m: Record<string, number | null>) =>
  Object.fromEntries(Object.entries(m).filter((e): e is [string, number] => typeof e[1] === "number"));
