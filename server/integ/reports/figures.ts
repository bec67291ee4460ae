/**
 * The figures of the integration service's reports (domain-integ-money §2.9 activity report, and the
 * statistics page): counts over a period of the contracts of every kind in `CONTRACT_KINDS` (never
 * named one by one, so a kind added there is counted too) and of the integration coachings. Each
 * contract count uses the very conditions of the contract lists' filters (§2.3 ContractEvents), so
 * that a figure's drill-down grid lists exactly the contracts it counts.
 */
import { sql } from "drizzle-orm";
import type { LocalizedText } from "@/db/control/schema";
import type { TenantTables } from "@/db/tenant/tables";
import { contractActiveIn, type ContractKind, type KindReportTable } from "@/server/isip/base";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

type Handle = Pick<TenantHandle, "db" | "t">;

/** A period of calendar days, both ends included ("YYYY-MM-DD"). */
export interface Period {
  from: string;
  to: string;
}

/** What happened to the contracts of one type in the period (§2.3 ContractEvents), and their state at its edges. */
export interface TypeFigures {
  typeId: number;
  names: LocalizedText;
  /** Active at some time in the period: started by its end, not ended before its start. */
  active: number;
  started: number;
  /** Effective end (or planned end, its default) in the period. */
  ended: number;
  decided: number;
  issued: number;
  /** Active on the period's first day, and on its last day (point-in-time figures). */
  activeAtStart: number;
  activeAtEnd: number;
  /** Of those ended in the period: with an ending marked as success, and with any other ending. */
  succeeded: number;
  failed: number;
}

/** Contracts ended in the period, by ending (null: none given) and type. */
export interface EndingFigures {
  endingId: number | null;
  names: LocalizedText | null;
  isSuccess: boolean;
  byType: Record<number, number>;
  total: number;
}

export interface KindFigures {
  kind: ContractKind;
  types: TypeFigures[];
  endings: EndingFigures[];
  /** Contracts active on the period's last day, by author and type. */
  byUser: { userId: number | null; name: string; byType: Record<number, number>; total: number }[];
}

const n = (v: unknown) => Number(v ?? 0);
const activeOn = (c: ReturnType<ContractKind["contracts"]>, day: string) => contractActiveIn(c, day, day);

/** One kind's figures for the period: three grouped scans of its contracts. */
export async function kindFigures({ db, t }: Handle, kind: ContractKind, { from, to }: Period): Promise<KindFigures> {
  const c = kind.contracts(t);
  const ty = kind.types(t);
  const e = t.contractEndings;
  const within = (col: unknown) => sql`${col} between ${from} and ${to}`;
  const [types, counts, endings, users] = await Promise.all([
    db.execute<{ id: number; names: LocalizedText }>(sql`select id, names from ${ty} order by id`),
    db.execute<Record<string, unknown>>(sql`
      select ${c.typeId} as type_id,
        count(*) filter (where ${contractActiveIn(c, from, to)}) as active,
        count(*) filter (where ${within(c.appliesFrom)}) as started,
        count(*) filter (where ${within(c.dateEnded)}) as ended,
        count(*) filter (where ${within(c.dateDecided)}) as decided,
        count(*) filter (where ${within(c.dateIssued)}) as issued,
        count(*) filter (where ${activeOn(c, from)}) as at_start,
        count(*) filter (where ${activeOn(c, to)}) as at_end,
        count(*) filter (where ${within(c.dateEnded)} and ${e.isSuccess}) as succeeded,
        count(*) filter (where ${within(c.dateEnded)} and not ${e.isSuccess}) as failed
      from ${c} left join ${e} on ${e.id} = ${c.endingId}
      group by ${c.typeId}`),
    db.execute<{ ending_id: number | null; type_id: number; n: number }>(sql`
      select ${c.endingId} as ending_id, ${c.typeId} as type_id, count(*) as n from ${c}
      where ${within(c.dateEnded)} group by 1, 2`),
    db.execute<{ user_id: number | null; type_id: number; n: number; name: string | null }>(sql`
      select ${c.userId} as user_id, ${c.typeId} as type_id, count(*) as n,
        min(trim(${t.users.firstName} || ' ' || ${t.users.lastName})) as name
      from ${c} left join ${t.users} on ${t.users.id} = ${c.userId}
      where ${activeOn(c, to)} group by 1, 2`),
  ]);
  const byType = new Map(counts.rows.map((r) => [n(r.type_id), r]));
  const endingRows = await db.execute<{ id: number; names: LocalizedText; is_success: boolean }>(
    sql`select id, names, is_success from ${e} order by id`,
  );
  const endingOf = new Map(endingRows.rows.map((r) => [n(r.id), r]));
  const endingsById = new Map<number | null, EndingFigures>();
  for (const r of endings.rows) {
    const id = r.ending_id === null ? null : n(r.ending_id);
    const def = id === null ? undefined : endingOf.get(id);
    const f = endingsById.get(id) ?? {
      endingId: id,
      names: def?.names ?? null,
      isSuccess: def?.is_success ?? false,
      byType: {},
      total: 0,
    };
    f.byType[n(r.type_id)] = n(r.n);
    f.total += n(r.n);
    endingsById.set(id, f);
  }
  const usersById = new Map<number | null, KindFigures["byUser"][number]>();
  for (const r of users.rows) {
    const id = r.user_id === null ? null : n(r.user_id);
    const u = usersById.get(id) ?? { userId: id, name: r.name ?? "", byType: {}, total: 0 };
    u.byType[n(r.type_id)] = n(r.n);
    u.total += n(r.n);
    usersById.set(id, u);
  }
  return {
    kind,
    types: types.rows.map((ty) => {
      const r = byType.get(n(ty.id)) ?? {};
      return {
        typeId: n(ty.id),
        names: ty.names,
        active: n(r.active),
        started: n(r.started),
        ended: n(r.ended),
        decided: n(r.decided),
        issued: n(r.issued),
        activeAtStart: n(r.at_start),
        activeAtEnd: n(r.at_end),
        succeeded: n(r.succeeded),
        failed: n(r.failed),
      };
    }),
    // Endings in their configured order, contracts ended without an ending last.
    endings: [...endingsById.values()].sort(
      (a, b) => (a.endingId ?? Number.MAX_SAFE_INTEGER) - (b.endingId ?? Number.MAX_SAFE_INTEGER),
    ),
    byUser: [...usersById.values()].sort((a, b) => a.name.localeCompare(b.name) || (a.userId ?? 0) - (b.userId ?? 0)),
  };
}

/** The integration coachings (coaching type "does integration"), in the period and at its edges (§2.9). */
export interface CoachingFigures {
  started: number;
  active: number;
  ended: number;
  /** Distinct clients with an integration coaching on the period's first and last day. */
  clientsAtStart: number;
  clientsAtEnd: number;
  /** Integration coachings ended in the period, by ending and by coach. */
  endings: {
    endingId: number | null;
    names: LocalizedText | null;
    byUser: Record<number, number>;
    total: number;
  }[];
  coaches: { userId: number; name: string }[];
}

const integCoachings = (t: TenantTables) =>
  sql`${t.coachings} join ${t.coachingTypes} on ${t.coachingTypes.id} = ${t.coachings.coachingTypeId} and ${t.coachingTypes.doesIntegration}`;

export async function coachingFigures({ db, t }: Handle, { from, to }: Period): Promise<CoachingFigures> {
  const co = t.coachings;
  const activeIn = (a: string, b: string) =>
    sql`${co.startDate} <= ${b} and (${co.endDate} is null or ${co.endDate} >= ${a})`;
  const [counts, endings] = await Promise.all([
    db.execute<Record<string, unknown>>(sql`
      select count(*) filter (where ${co.startDate} between ${from} and ${to}) as started,
        count(*) filter (where ${activeIn(from, to)}) as active,
        count(*) filter (where ${co.endDate} between ${from} and ${to}) as ended,
        count(distinct ${co.clientId}) filter (where ${activeIn(from, from)}) as at_start,
        count(distinct ${co.clientId}) filter (where ${activeIn(to, to)}) as at_end
      from ${integCoachings(t)}`),
    db.execute<{ ending_id: number | null; names: LocalizedText | null; user_id: number; name: string; n: number }>(sql`
      select ${co.endingId} as ending_id, min(${t.coachingEndings.names}::text)::jsonb as names, ${co.userId} as user_id,
        min(trim(${t.users.firstName} || ' ' || ${t.users.lastName})) as name, count(*) as n
      from ${integCoachings(t)}
        join ${t.users} on ${t.users.id} = ${co.userId}
        left join ${t.coachingEndings} on ${t.coachingEndings.id} = ${co.endingId}
      where ${co.endDate} between ${from} and ${to}
      group by 1, 3 order by 1 nulls last, 4`),
  ]);
  const r = counts.rows[0] ?? {};
  const byEnding = new Map<number | null, CoachingFigures["endings"][number]>();
  const coaches = new Map<number, string>();
  for (const e of endings.rows) {
    const id = e.ending_id === null ? null : n(e.ending_id);
    const f = byEnding.get(id) ?? { endingId: id, names: e.names, byUser: {}, total: 0 };
    f.byUser[n(e.user_id)] = n(e.n);
    f.total += n(e.n);
    byEnding.set(id, f);
    coaches.set(n(e.user_id), e.name);
  }
  return {
    started: n(r.started),
    active: n(r.active),
    ended: n(r.ended),
    clientsAtStart: n(r.at_start),
    clientsAtEnd: n(r.at_end),
    endings: [...byEnding.values()],
    coaches: [...coaches].map(([userId, name]) => ({ userId, name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Clients created and modified in the period (§2.9 PeriodicNumbers), days as the client lists' filter reads them. */
export async function clientFigures({ db, t }: Handle, { from, to }: Period) {
  const p = t.partners;
  const rows = await db.execute<{ created: number; modified: number }>(sql`
    select count(*) filter (where ${p.createdAt}::date between ${from} and ${to}) as created,
      count(*) filter (where ${p.modifiedAt}::date between ${from} and ${to}) as modified
    from ${p} where ${p.isClient}`);
  return { created: n(rows.rows[0]?.created), modified: n(rows.rows[0]?.modified) };
}

/** One row of a kind's own table (`ContractKind.reportTables`): its contracts active in the period per type. */
export interface KindTableRow {
  key: number;
  /** A name, or a LocalizedText to show in the reader's language. */
  label: string | LocalizedText | null;
  byType: Record<number, number>;
  total: number;
  /** Of the row's contracts, those active on the period's first and last day (counted for `indicators` tables only; else 0). */
  atStart: number;
  atEnd: number;
}

export interface KindTableFigures {
  table: KindReportTable;
  /** The types shown as columns (all of the kind's, or those the table's `columns` selects). */
  typeIds: number[] | null;
  rows: KindTableRow[];
}

/** The kind's own tables of the activity report (§2.9): per row × type, contracts active in the period. */
export async function kindTableFigures(
  { db, t }: Handle,
  kind: ContractKind,
  { from, to }: Period,
): Promise<KindTableFigures[]> {
  const c = kind.contracts(t);
  return Promise.all(
    (kind.reportTables ?? []).map(async (table) => {
      // A key that is the contract's own column is read in the same scan of the contracts; a relation
      // of keys is joined to the contracts active in the period only, when rows without any are hidden
      // anyway (a contract listed twice under one key counts once).
      const active = contractActiveIn(c, from, to);
      const onlyActive = !!table.rows && table.hideZeroRows;
      const source = table.rows
        ? sql`(${table.rows(t)}) r join ${c} on ${c.id} = r.contract_id`
        : sql`${c} cross join lateral (select ${table.key!(t)} as key) r`;
      const counted = table.rows ? sql`distinct ${c.id}` : sql`*`;
      // On the period's first and last day: only for a table whose rows are general indicators.
      const edges = table.indicators
        ? sql`, count(${counted}) filter (where ${activeOn(c, from)}) as at_start,
              count(${counted}) filter (where ${activeOn(c, to)}) as at_end`
        : sql``;
      const [counts, columns] = await Promise.all([
        db.execute<{
          key: number;
          label: unknown;
          type_id: number | null;
          is_total: boolean;
          n: number;
          at_start?: number;
          at_end?: number;
        }>(sql`
          with g as (
            select r.key, ${c.typeId} as type_id, grouping(${c.typeId}) = 1 as is_total,
              count(${counted}) ${onlyActive ? sql`` : sql`filter (where ${active})`} as n${edges}
            from ${source}
            where r.key is not null ${onlyActive ? sql`and ${active}` : sql``}
            group by grouping sets ((r.key, ${c.typeId}), (r.key)))
          select g.*, ${table.label(t, sql`g.key`)} as label from g`),
        table.columns ? db.execute<{ id: number }>(table.columns(t)) : null,
      ]);
      const rows = new Map<number, KindTableRow>();
      for (const r of counts.rows) {
        const key = n(r.key);
        const row: KindTableRow = rows.get(key) ?? {
          key,
          label: r.label as KindTableRow["label"],
          byType: {},
          total: 0,
          atStart: 0,
          atEnd: 0,
        };
        if (r.is_total) Object.assign(row, { total: n(r.n), atStart: n(r.at_start), atEnd: n(r.at_end) });
        else if (r.type_id !== null) row.byType[n(r.type_id)] = n(r.n);
        rows.set(key, row);
      }
      return {
        table,
        typeIds: columns ? columns.rows.map((r) => n(r.id)) : null,
        rows: [...rows.values()].filter((r) => !table.hideZeroRows || r.total > 0),
      };
    }),
  );
}
