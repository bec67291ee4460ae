/**
 * The contracts' common base on the database (domain-integ-money §2.3): what ISIP/PIIS, Art. 60§7, Art. 61
 * and immersion contracts share. A contract kind is a small declaration (`ContractKind`) over tables built
 * with `contractColumns` / `contractTypeColumns` (db/tenant/isip.ts); its resource's `beforeSave` and
 * `afterSave` are `contractBeforeSave(kind)` and `contractAfterSave(kind)`. See docs/contracts.md.
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { LocalizedText } from "@/db/control/schema";
import type { TenantTables } from "@/db/tenant/tables";
import { belgianToday } from "@/lib/format";
import { actorOf, created, rowChange, writeAudit, type Actor } from "@/server/audit";
import { applyAutoTask } from "@/server/calendar/reminders";
import { reminderStep } from "@/server/calendar/rules/reminders";
import { generateSeries, type SeriesOwner, type SeriesOwnerKind } from "@/server/calendar/series/generate";
import { MAX_AUTO_EVENTS, numberedSummary, responsibleCoach } from "@/server/calendar/series/plan";
import { RECURRENCE_UNITS, type RecurrenceUnit } from "@/server/calendar/series/recurrence";
import { defaultSigners } from "@/server/documents/signers";
import { AppError } from "@/server/errors";
import { immersionKind } from "@/server/immersion/kind";
import { isLocale } from "@/server/i18n/locale";
import { partnerNameOf } from "@/server/contacts/refs";
import { translatorFor } from "@/server/i18n/translator";
import type { ResourceCtx } from "@/server/resources/define";
import { qualified as q } from "@/server/resources/query";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { art60Kind } from "@/server/jobs/kind";
import {
  defaultDateEnded,
  endsBeforeStart,
  evaluationRule,
  firstOverlap,
  responsibleAsd,
  type OtherContract,
} from "./rules";
import { art61Kind } from "@/server/art61/kind";

type Tx = TenantHandle["db"];

/** Tables of a contract kind: built from `contractColumns` and `contractTypeColumns` (db/tenant/isip.ts). */
type ContractTable = TenantTables["isipContracts"];
type ContractTypeTable = TenantTables["isipContractTypes"];

/** One kind of integration contract: ISIP here; Art. 60§7, Art. 61 and immersion add one each to `CONTRACT_KINDS`. */
export interface ContractKind {
  /** Short name, written in the overlap message's place ("ISIP #12") through `label`. */
  kind: string;
  /** The resource of its contracts: the audited entity. */
  resource: string;
  /** What its evaluation meetings and tasks name as their owner (a value of calendar's `entryOwnerTypes`). */
  ownerType: string;
  /** Message key of the kind's name within a sentence ("PIIS", "contrat art. 60§7"). */
  label: string;
  /** Message key of the kind's name standing alone, as a list's value or a choice ("Contrat art. 60§7"). */
  name: string;
  contracts: (t: TenantTables) => ContractTable;
  types: (t: TenantTables) => ContractTypeTable;
  /**
   * The name of the contract's company, read where the kind's contracts table is in scope (write its
   * columns with `qualified`): the integration client list's "company" column. ISIP has none (its
   * companies are on its partners); Art. 60§7, Art. 61 and immersion carry one on the contract.
   */
  companyName?: (t: TenantTables) => SQL;
  /**
   * A contract of this kind leaves its client "available" (the client list's filter, §2.2: only
   * ISIP, Art. 60§7 and immersion contracts make a client unavailable; Art. 61 sets this).
   */
  keepsAvailable?: boolean;
  /** The activity report's tables proper to this kind (§2.9), shown after the ones every kind has. */
  reportTables?: readonly KindReportTable[];
}

/**
 * A table of the activity report proper to one kind (§2.9, Lino's CompaniesAndContracts,
 * StudyTypesAndContracts, JobProvidersAndContracts): the kind's contracts active in the period by a
 * row (an external partner, a study type, a job provider) × type, and their total per row. A count
 * links to the kind's list with `filter` set to the row's key (and the type), so it lists the
 * contracts counted; a contract with two rows (two partners) is counted in both.
 */
export interface KindReportTable {
  id: string;
  /** Message key of the title; `{kind}` is the kind's name. */
  title: string;
  /** Message key of the rows' heading. */
  head: string;
  /** The kind's list filter that takes a row's key. */
  filter: string;
  /**
   * Each contract's rows: a column of the contract itself (`key`, e.g. its study type), or a relation
   * `select contract_id, key` (`rows`, e.g. its external partners; a pair listed twice counts once).
   * A row appears when it has a contract at all, whatever the period.
   */
  key?: (t: TenantTables) => SQL;
  rows?: (t: TenantTables) => SQL;
  /** A row's label from its key, as jsonb (a LocalizedText, or a string for a name): read once per row, not per contract. */
  label: (t: TenantTables, key: SQL) => SQL;
  /** Only the types where this holds are columns (`select id from types where …`); the total counts every type. */
  columns?: (t: TenantTables) => SQL;
  /**
   * Its rows with contracts active in the period are general indicators too: how many were active on
   * the period's first and last day (Lino's CompareRequestsTable, "active ISIPs per study type").
   */
  indicators?: boolean;
  /** Rows counting no contract active in the period are left out (Lino's hide_zero_rows). */
  hideZeroRows?: boolean;
}

export const isipKind: ContractKind = {
  kind: "isip",
  resource: "isip.contracts",
  ownerType: "isipContract",
  label: "isip.kind",
  name: "isip.kindName",
  contracts: (t) => t.isipContracts,
  types: (t) => t.isipContractTypes,
  reportTables: [
    // Lino's CompaniesAndContracts: by the contract's external partners (isip_partners).
    {
      id: "partners",
      title: "isip.report.byPartner",
      head: "isip.report.partner",
      filter: "partner",
      rows: (t) =>
        sql`select ${q(t.isipPartners.contractId)} as contract_id, ${q(t.isipPartners.companyId)} as key from ${t.isipPartners}`,
      label: (t, key) => sql`to_jsonb(${partnerNameOf(t, key)})`,
      hideZeroRows: true,
    },
    // Lino's StudyTypesAndContracts: study types × the types that need one.
    {
      id: "studyTypes",
      title: "isip.report.byStudyType",
      head: "isip.studyType",
      filter: "studyType",
      indicators: true,
      key: (t) => q(t.isipContracts.studyTypeId),
      label: (t, key) =>
        sql`(select ${q(t.cvStudyTypes.names)} from ${t.cvStudyTypes} where ${q(t.cvStudyTypes.id)} = ${key})`,
      columns: (t) =>
        sql`select ${q(t.isipContractTypes.id)} as id from ${t.isipContractTypes} where ${q(t.isipContractTypes.needsStudyType)}`,
    },
  ],
};

/** Every contract kind, for the rules that look across kinds (overlap, "available", the client's Contracts tab). */
export const CONTRACT_KINDS: readonly ContractKind[] = [isipKind, art60Kind, art61Kind, immersionKind];

/** The client's contracts of every kind whose type is in `group`, as the overlap rule reads them. */
async function contractsInGroup(tx: Tx, t: TenantTables, clientId: number, group: string): Promise<OtherContract[]> {
  const parts = CONTRACT_KINDS.map((k) => {
    const c = k.contracts(t);
    const ty = k.types(t);
    return sql`select ${k.kind}::text as kind, c.id, c.applies_from, c.applies_until, c.date_ended, ty.overlap_group
      from ${c} c join ${ty} ty on ty.id = c.type_id where c.client_id = ${clientId} and ty.overlap_group = ${group}`;
  });
  const rows = await tx.execute<{
    kind: string;
    id: number;
    applies_from: string;
    applies_until: string | null;
    date_ended: string | null;
    overlap_group: string;
  }>(sql`${sql.join(parts, sql` union all `)} order by applies_from, id`);
  return rows.rows.map((r) => ({
    kind: r.kind,
    id: Number(r.id),
    appliesFrom: String(r.applies_from),
    appliesUntil: r.applies_until && String(r.applies_until),
    dateEnded: r.date_ended && String(r.date_ended),
    overlapGroup: r.overlap_group,
  }));
}

type Values = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined || v === "" ? null : String(v));

/**
 * The shared save rules (§2.3), in the saving transaction before the row is written; `values` (the
 * form's fields) is completed in place: the effective end follows the planned end, the exam policy
 * comes from the type; a reversed period or an overlap in the type's group is refused, naming the
 * other contract. Nothing is written when it throws.
 */
export const contractBeforeSave =
  (kind: ContractKind) =>
  async (tx: Tx, ctx: ResourceCtx, id: string | number | undefined, values: Values): Promise<void> => {
    const t = ctx.handle.t;
    const c = kind.contracts(t);
    const [before] =
      id === undefined
        ? []
        : await tx
            .select()
            .from(c)
            .where(eq(c.id, Number(id)));
    const merged = {
      clientId: Number(values.client ?? before?.clientId),
      typeId: Number(values.type ?? before?.typeId),
      appliesFrom: str("appliesFrom" in values ? values.appliesFrom : before?.appliesFrom),
      appliesUntil: str("appliesUntil" in values ? values.appliesUntil : before?.appliesUntil),
      dateEnded: str("dateEnded" in values ? values.dateEnded : before?.dateEnded),
    };
    // The effective end: empty takes the planned end; an edited planned end is copied into it unless it was edited too.
    const previousUntil =
      before && !("dateEnded" in values && values.dateEnded !== before.dateEnded) ? before.appliesUntil : undefined;
    const dateEnded = defaultDateEnded(merged, previousUntil);
    if (dateEnded !== merged.dateEnded || (before && dateEnded !== before.dateEnded)) values.dateEnded = dateEnded;
    merged.dateEnded = dateEnded;
    if (endsBeforeStart(merged))
      throw new AppError("INVALID_INPUT", { field: "dateEnded", messageKey: "isip.endsBeforeStart" });
    const ty = kind.types(t);
    const [type] = await tx
      .select({ overlapGroup: ty.overlapGroup, examPolicyId: ty.examPolicyId })
      .from(ty)
      .where(eq(ty.id, merged.typeId));
    if (!type) throw new AppError("INVALID_INPUT", { field: "type" });
    if (id === undefined && (values.examPolicy === undefined || values.examPolicy === null) && type.examPolicyId)
      values.examPolicy = type.examPolicyId;
    // A new contract's responsible GSS agent: the coach of the one GSS coaching covering it.
    if (id === undefined && (values.userAsd === undefined || values.userAsd === null)) {
      const coachings = (await coachingsOf(tx, t, [merged.clientId])).get(merged.clientId) ?? [];
      const author = values.user === undefined || values.user === null ? null : Number(values.user);
      values.userAsd = responsibleAsd(author, merged, coachings);
    }
    // A new contract's signers (§2.3): the centre's secretary and president, unless the request names others.
    if (
      id === undefined &&
      (values.signer1 === undefined ||
        values.signer1 === null ||
        values.signer2 === undefined ||
        values.signer2 === null)
    ) {
      const signers = await defaultSigners(tx, t);
      if (values.signer1 === undefined || values.signer1 === null) values.signer1 = signers.signer1Id;
      if (values.signer2 === undefined || values.signer2 === null) values.signer2 = signers.signer2Id;
    }
    if (type.overlapGroup) {
      const others = await contractsInGroup(tx, t, merged.clientId, type.overlapGroup);
      const other = firstOverlap(
        { ...merged, kind: kind.kind, id: id === undefined ? null : Number(id), overlapGroup: type.overlapGroup },
        others,
      );
      if (other) {
        const otherKind = CONTRACT_KINDS.find((k) => k.kind === other.kind)!;
        const locale = isLocale(ctx.user.language) ? ctx.user.language : "fr";
        throw new AppError("INVALID_INPUT", {
          field: "appliesFrom",
          messageKey: "isip.overlap",
          kind: translatorFor(locale)(otherKind.label),
          id: other.id,
        });
      }
    }
  };

/** What a contract's series and reminder read about it. */
interface ContractForSeries {
  id: number;
  clientId: number;
  userId: number | null;
  appliesFrom: string;
  appliesUntil: string | null;
  dateEnded: string | null;
  authorLanguage: string | null;
  every: number | null;
  everyUnit: string | null;
  maxEvents: number | null;
  startTime: string | null;
  endTime: string | null;
  entryTypeId: number | null;
  eventLabel: LocalizedText | null;
}

async function loadForSeries(tx: Tx, t: TenantTables, kind: ContractKind, ids: readonly number[]) {
  if (!ids.length) return [];
  const c = kind.contracts(t);
  const p = t.examPolicies;
  return (await tx
    .select({
      id: c.id,
      clientId: c.clientId,
      userId: c.userId,
      appliesFrom: c.appliesFrom,
      appliesUntil: c.appliesUntil,
      dateEnded: c.dateEnded,
      authorLanguage: t.users.language,
      every: p.every,
      everyUnit: p.everyUnit,
      maxEvents: p.maxEvents,
      startTime: p.startTime,
      endTime: p.endTime,
      entryTypeId: p.entryTypeId,
      eventLabel: t.entryTypes.eventLabel,
    })
    .from(c)
    .leftJoin(t.users, eq(t.users.id, c.userId))
    .leftJoin(p, eq(p.id, c.examPolicyId))
    .leftJoin(t.entryTypes, eq(t.entryTypes.id, p.entryTypeId))
    .where(inArray(c.id, [...ids]))) as ContractForSeries[];
}

/** The clients' coachings, as rules 5 of §10.4 (integration coaches) and §2.3 (GSS coach) read them. */
async function coachingsOf(tx: Tx, t: TenantTables, clientIds: readonly number[]) {
  const byClient = new Map<
    number,
    { userId: number; startDate: string; endDate: string | null; integ: boolean; gss: boolean }[]
  >();
  if (!clientIds.length) return byClient;
  const rows = await tx
    .select({
      clientId: t.coachings.clientId,
      userId: t.coachings.userId,
      startDate: t.coachings.startDate,
      endDate: t.coachings.endDate,
      integ: sql<boolean>`coalesce(${t.coachingTypes.doesIntegration}, false)`,
      gss: sql<boolean>`coalesce(${t.coachingTypes.doesGss}, false)`,
    })
    .from(t.coachings)
    .leftJoin(t.coachingTypes, eq(t.coachingTypes.id, t.coachings.coachingTypeId))
    .where(inArray(t.coachings.clientId, [...new Set(clientIds)]));
  for (const r of rows) byClient.set(r.clientId, [...(byClient.get(r.clientId) ?? []), r]);
  return byClient;
}

/** The series of evaluation meetings of contracts (§2.3 algorithm), the responsible coach per date. */
export async function contractOwners(tx: Tx, t: TenantTables, kind: ContractKind, ids: readonly number[]) {
  const rows = await loadForSeries(tx, t, kind, ids);
  const coachings = await coachingsOf(
    tx,
    t,
    rows.map((r) => r.clientId),
  );
  return rows.map((r): SeriesOwner => {
    const unit = RECURRENCE_UNITS.find((u) => u === r.everyUnit) as RecurrenceUnit | undefined;
    const policy =
      r.every === null
        ? null
        : {
            every: r.every,
            everyUnit: unit ?? null,
            maxEvents: r.maxEvents,
            startTime: r.startTime,
            endTime: r.endTime,
            entryTypeId: r.entryTypeId,
          };
    const locale = isLocale(r.authorLanguage) ? r.authorLanguage : "fr";
    const clientCoachings = coachings.get(r.clientId) ?? [];
    return {
      ownerType: kind.ownerType,
      ownerId: r.id,
      rule: evaluationRule(r, policy, MAX_AUTO_EVENTS),
      typeId: r.entryTypeId,
      summary: (n) => numberedSummary(r.eventLabel, locale, n),
      responsible: (date) => responsibleCoach(r.userId, clientCoachings, date),
      clientId: r.clientId,
      roomId: null,
      resolveConflicts: true,
      invitesCoaches: true,
    };
  });
}

/** Regenerates the evaluation meetings of contracts of one kind, with their guests, audited as `who`. */
export async function regenerateEvaluations(
  tx: Tx,
  t: TenantTables,
  who: Actor,
  kind: ContractKind,
  ids: readonly number[],
) {
  // The series engine updates the entries' presences: the client and the client's other coaches (§10.3).
  return generateSeries(tx, t, who, await contractOwners(tx, t, kind, ids));
}

/** "Move to next" and other areas find a contract's series again (Area.seriesOwners). */
export const contractSeriesOwners = (kind: ContractKind): SeriesOwnerKind => ({
  ownerType: kind.ownerType,
  load: (tx, { t }, ids) => contractOwners(tx, t, kind, ids),
  invitesCoaches: true,
});

const END_REMINDER_SLOT = 1;

/**
 * After each save (§2.3), in the saving transaction: the evaluation meetings follow the contract, and
 * the author's task "Contract ends in a month" follows its end.
 */
export const contractAfterSave =
  (kind: ContractKind) =>
  async (tx: Tx, ctx: ResourceCtx, id: string | number): Promise<void> => {
    const t = ctx.handle.t;
    const c = kind.contracts(t);
    const [row] = await tx
      .select()
      .from(c)
      .where(eq(c.id, Number(id)));
    if (!row) return;
    const who = actorOf(ctx.user);
    await regenerateEvaluations(tx, t, who, kind, [row.id]);
    if (row.userId === null) return;
    const [existing] = await tx
      .select()
      .from(t.tasks)
      .where(
        and(
          eq(t.tasks.ownerType, kind.ownerType),
          eq(t.tasks.ownerId, row.id),
          eq(t.tasks.autoType, END_REMINDER_SLOT),
        ),
      );
    const [author] = await tx.select({ language: t.users.language }).from(t.users).where(eq(t.users.id, row.userId));
    const locale = isLocale(author?.language) ? author.language : "fr";
    await applyAutoTask(
      tx,
      t,
      who,
      existing ?? null,
      reminderStep(row.dateEnded ?? row.appliesUntil, 1, existing ?? null, belgianToday()),
      {
        userId: row.userId,
        summary: translatorFor(locale)("isip.endsInAMonth"),
        ownerType: kind.ownerType,
        ownerId: row.id,
        autoType: END_REMINDER_SLOT,
      },
    );
  };

/** A contract active in a period (§2.2): started by its end, neither planned nor effectively ended before its start. */
export const contractActiveIn = (c: ContractTable, start: string | SQL, end: string | SQL): SQL =>
  sql`${q(c.appliesFrom)} <= ${end} and (${q(c.appliesUntil)} is null or ${q(c.appliesUntil)} >= ${start}) and (${q(c.dateEnded)} is null or ${q(c.dateEnded)} >= ${start})`;

/**
 * Seeded contracts of a kind (the demo's), written as the app writes them: inserted in the caller's
 * transaction, each audited as created by `who`, their evaluation meetings generated. Their ids, in
 * the order of `rows`.
 */
export async function insertSeededContracts(
  tx: Tx,
  t: TenantTables,
  who: Actor,
  kind: ContractKind,
  rows: Record<string, unknown>[],
): Promise<number[]> {
  if (!rows.length) return [];
  const c = kind.contracts(t);
  // Signed for the centre by its secretary and president, as a contract created in the app.
  const signers = await defaultSigners(tx, t);
  const signed = rows.map((r) => ({ ...signers, ...r }));
  const inserted = await tx
    .insert(c)
    .values(signed as never)
    .returning({ id: c.id });
  await writeAudit(
    tx,
    t,
    who,
    ...inserted.map((r, i) => rowChange(kind.resource, "create", r.id, created(signed[i]!))),
  );
  const ids = inserted.map((r) => r.id);
  await regenerateEvaluations(tx, t, who, kind, ids);
  return ids;
}
