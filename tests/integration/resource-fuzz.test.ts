import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import { belgianToday } from "@/lib/format";
import type { FieldMeta, Row } from "@/lib/resources";
import { registry } from "@/server/areas";
import { rolesOf, USER_TYPES, type UserType } from "@/server/auth/user-types";
import { can } from "@/server/resources/access";
import type { ResourceDef } from "@/server/resources/define";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { createWithFile, formFiller, newClient, newStaff, useEveryFieldSet } from "./factories";
import { errorAsSent, newCentre } from "./helpers";

/**
 * Issue 11 defect 3, "no input can produce a 500": every resource's create and update, for every
 * field it lets a user write, and its row actions, for every parameter, are sent values of the
 * wrong type, a 1 MB string, NUL bytes, numbers out of range, impossible dates and unknown fields;
 * every procedure on a row is sent malformed ids, every list malformed searches and filters. Each
 * must be refused with a 4xx whose code has a message in the four languages, naming the field when
 * a declared field was wrong, and must leave nothing saved (a list may also answer). Tried as an
 * administrator, and as the first other user type that may write the resource.
 */

type Case = { label: string; value: unknown };

const MEGABYTE = "x".repeat(1 << 20);
const NUL = "a\u0000b";
const SQL_TEXT = "1'; drop table partners; --";

/** What every field must refuse. */
const ANY_FIELD: Case[] = [
  { label: "a 1 MB string", value: MEGABYTE },
  { label: "a NUL byte", value: NUL },
  { label: "an object", value: { a: 1 } },
  { label: "an array", value: ["a"] },
];
/** What a field that holds no free text (a number, a date, a choice, a reference, a yes/no) must refuse too. */
const NOT_TEXT: Case[] = [
  { label: "SQL text", value: SQL_TEXT },
  { label: "NaN as text", value: "NaN" },
];
const NUMBERS: Case[] = [
  { label: "2147483648", value: 2_147_483_648 },
  { label: "-2147483649", value: -2_147_483_649 },
  { label: "1e308", value: 1e308 },
  { label: "1.5", value: 1.5 },
  { label: "a number as text", value: "12" },
];
const IMPOSSIBLE_DATES: Case[] = [
  { label: "30 February", value: "2026-02-30" },
  { label: "month 13", value: "2026-13-01" },
  { label: "0000-00-00", value: "0000-00-00" },
  { label: "a date and time", value: "2026-01-01T00:00:00Z" },
];
const LOCALIZED: Case[] = [
  { label: "a NUL byte in one language", value: { fr: NUL } },
  { label: "1 MB in one language", value: { fr: MEGABYTE } },
  { label: "an unknown language", value: { fr: "Nom", xx: "Name" } },
  { label: "a number in one language", value: { fr: 12 } },
];
/** Keys no form has: an unknown one, inherited object properties, SQL. */
const UNKNOWN_KEYS = ["notAField", "__proto__", "constructor", "name = 'x'; --"];
/** Ids of no row: SQL, out of range, not integers, NUL bytes. */
const BAD_IDS: unknown[] = [
  "1 OR 1=1",
  "-1",
  "99999999999",
  "1.5",
  " 1",
  "1e3",
  "0x10",
  NUL,
  "x".repeat(100),
  1.5,
  2_147_483_648,
  -2_147_483_649,
  1e308,
];

/** The cases of one writable field (or parameter, whose declaration `input` is), chosen by what it holds. */
function casesOf(def: ResourceDef, field: FieldMeta, input = def.fields[field.name]!.input!): Case[] {
  const cases = [...ANY_FIELD];
  const isText =
    field.type === "text" || field.type === "longtext" || field.type === "html" || field.type === "password";
  if (!isText) cases.push(...NOT_TEXT);
  const holdsNumbers = field.type === "integer" || field.type === "money" || field.type === "ref";
  if (!holdsNumbers) cases.push({ label: "a number", value: 42 });
  if (field.type !== "boolean") cases.push({ label: "a boolean", value: true });
  if (holdsNumbers) cases.push(...NUMBERS);
  if (field.type === "ref") cases.push({ label: "a row that does not exist", value: 2_000_000_000 });
  if (field.type === "choice") cases.push({ label: "an undeclared choice", value: "zz" });
  if (field.type === "localized") cases.push(...LOCALIZED);
  // Dates, and text fields holding a date in a format of their own (Lino's incomplete birth dates).
  const holdsDates =
    field.type === "date" || (isText && input.safeParse("1980-05-04").success && !input.safeParse("Alpha").success);
  if (holdsDates) cases.push(...IMPOSSIBLE_DATES);
  return cases;
}

const MESSAGES = { fr, nl, de, en } as Record<string, { errors: Record<string, string> }>;
const untranslated = (code: string) =>
  Object.entries(MESSAGES)
    .filter(([, m]) => !m.errors[code]?.trim())
    .map(([l]) => l);

/** Why a refusal does not meet the rule, or null: a 4xx, translated, naming the field it was about. */
function wrongRefusal(e: unknown, field: string | null): string | null {
  const sent = errorAsSent(e);
  if (sent.httpStatus < 400 || sent.httpStatus >= 500) return `answered ${sent.httpStatus} ${sent.appCode}`;
  const missing = untranslated(sent.appCode);
  if (missing.length) return `${sent.appCode} has no message in ${missing.join(", ")}`;
  if (field && sent.appCode === "INVALID_INPUT") {
    const named = sent.fieldErrors?.some((f) => f.path.split(".")[0] === field) || sent.params.field === field;
    if (!named) return `INVALID_INPUT without naming the field (${JSON.stringify(sent.fieldErrors ?? sent.params)})`;
  }
  return null;
}

let centre: Tenant;
const staff = new Map<UserType, Awaited<ReturnType<typeof newStaff>>>();
let adminForm: Awaited<ReturnType<typeof formFiller>>;

beforeAll(async () => {
  centre = await newCentre("fuzz");
  await useEveryFieldSet(centre);
  for (const type of USER_TYPES) staff.set(type, await newStaff(centre, type));
  adminForm = await formFiller(centre, staff.get("900")!.caller);
  // A response is given to an active poll only (its picker offers no other): one published poll.
  const admin = staff.get("900")!.caller;
  const poll = await admin.resources.create({ resource: "polls.polls", values: { title: "Fuzz" } });
  await admin.resources.transition({ resource: "polls.polls", id: poll.id, version: 1, name: "publish" });
  // ESF summaries are computed, never entered: one of a client, for the edits.
  const h = tenantHandle(centre);
  await h.db.insert(h.t.esfSummaries).values({ clientId: await newClient(centre), year: 2030, minutes: { "10": 120 } });
}, 120_000);

/** 900, and the first other user type that may create or edit the resource. */
function writersOf(def: ResourceDef): UserType[] {
  const mayWrite = (type: UserType) =>
    can(def, "create", { roles: rolesOf(type) }) || can(def, "edit", { roles: rolesOf(type) });
  const other = USER_TYPES.find((type) => type !== "900" && mayWrite(type));
  return mayWrite("900") ? ["900", ...(other ? [other] : [])] : other ? [other] : [];
}

/** Runs calls a few at a time: the cases of one resource share its rows and the pool. */
async function inBatches<T>(items: T[], run: (item: T) => Promise<void>, size = 16) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

const rowCount = async (def: ResourceDef) => {
  const h = tenantHandle(centre);
  return Number((await h.db.select({ n: count() }).from(def.table(h.t)))[0]!.n);
};
/** The rows of the resource's table and of the audit trail: a refused call adds to neither. */
const saved = async (def: ResourceDef) => {
  const h = tenantHandle(centre);
  return `${await rowCount(def)} rows, ${Number((await h.db.select({ n: count() }).from(h.t.auditLog))[0]!.n)} audit rows`;
};

/** Expects the call to be refused the right way; returns the problem, or null. */
async function refused(call: Promise<unknown>, field: string | null): Promise<string | null> {
  try {
    await call;
    return "accepted";
  } catch (e) {
    return wrongRefusal(e, field);
  }
}

async function fuzzWrites(def: ResourceDef, type: UserType, problems: string[]): Promise<number> {
  const { caller, claims } = staff.get(type)!;
  const meta = await caller.resources.meta({ resource: def.id });
  const form = await formFiller(centre, caller, claims);
  // A row that comes with a file is created through its upload route, as its form does.
  const create = (values: Record<string, unknown>) =>
    meta.insertUpload
      ? createWithFile(centre, meta.insertUpload, values, claims)
      : caller.resources.create({ resource: def.id, values, confirmed: true });
  const problem = (what: string, field: string, label: string, p: string | null) => {
    if (p) problems.push(`${def.id} as ${type}, ${what} ${field} = ${label}: ${p}`);
  };
  let tried = 0;

  if (meta.canCreate) {
    const valid = await form.values(meta, meta.insertFields, 0);
    const cases = meta.insertFields
      .flatMap((name) =>
        casesOf(def, meta.fields[name]!).map((c) => ({ field: name, ...c, values: { ...valid, [name]: c.value } })),
      )
      .concat(
        UNKNOWN_KEYS.map((key) => ({
          field: key,
          label: "an unknown field",
          value: 1,
          values: { ...valid, ...Object.fromEntries([[key, 1]]) },
        })),
      );
    const before = await saved(def);
    await inBatches(cases, async (c) =>
      problem(
        "create",
        c.field,
        c.label,
        await refused(create(c.values), Object.hasOwn(meta.fields, c.field) ? c.field : null),
      ),
    );
    const after = await saved(def);
    if (after !== before)
      problems.push(`${def.id} as ${type}: refused creates saved something (${before} before, ${after} after)`);
    tried += cases.length;
  }

  if (meta.canEdit) {
    const id = meta.canCreate ? (await form.create(def.id)).id : await rowWithoutForm(def, type);
    if (id === null) {
      problems.push(`${def.id} as ${type}: no row to try the edits on`);
      return tried;
    }
    const row = await caller.resources.get({ resource: def.id, id });
    const before = await saved(def);
    const writable = Object.values(meta.fields)
      .filter((f) => f.editable)
      .map((f) => f.name);
    const readOnly = Object.values(meta.fields).find((f) => !f.editable)?.name;
    const cases = writable
      .flatMap((name) =>
        casesOf(def, meta.fields[name]!).map((c) => ({
          field: name,
          ...c,
          patch: { [name]: c.value } as Record<string, unknown>,
        })),
      )
      .concat(
        [...UNKNOWN_KEYS, ...(readOnly ? [readOnly] : [])].map((key) => ({
          field: key,
          label: "a field no form writes",
          value: 1,
          patch: Object.fromEntries([[key, 1]]),
        })),
      );
    await inBatches(cases, async (c) =>
      problem(
        "update",
        c.field,
        c.label,
        await refused(
          caller.resources.update({ resource: def.id, id, version: Number(row.__version), patch: c.patch }),
          Object.hasOwn(meta.fields, c.field) && meta.fields[c.field]!.editable ? c.field : null,
        ),
      ),
    );
    const after = await caller.resources.get({ resource: def.id, id }).catch((e: unknown) => errorAsSent(e));
    if (JSON.stringify(after) !== JSON.stringify(row))
      problems.push(
        `${def.id} as ${type}: update changed the row: ${"appCode" in after ? `it cannot be read any more (${after.appCode})` : changedCells(row, after)}`,
      );
    if ((await saved(def)) !== before)
      problems.push(
        `${def.id} as ${type}: refused updates saved something (${before} before, ${await saved(def)} after)`,
      );
    tried += cases.length;
    tried += await fuzzActionParams(def, type, id, Number(row.__version), problems);
  }
  return tried;
}

/** Each parameter of the row's actions, alone with a bad value: refused, naming it, and the row unchanged. */
async function fuzzActionParams(
  def: ResourceDef,
  type: UserType,
  id: string | number,
  version: number,
  problems: string[],
): Promise<number> {
  const caller = staff.get(type)!.caller;
  const meta = await caller.resources.meta({ resource: def.id });
  const form = await formFiller(centre, caller);
  const cases = [];
  for (const action of meta.actions) {
    // The other parameters valid (the required ones), so that only the one tried can be wrong.
    const params = Object.fromEntries(action.params.map((p) => [p.name, p]));
    const valid = await form.values(
      { id: def.id, fields: params },
      action.params.filter((p) => p.required).map((p) => p.name),
      0,
      action.name,
    );
    for (const param of action.params) {
      const input = def.actions!.find((a) => a.name === action.name)!.params![param.name]!.input!;
      cases.push(
        ...casesOf(def, param, input).map((c) => ({
          action: action.name,
          param: param.name,
          ...c,
          params: { ...valid, [param.name]: c.value },
        })),
      );
    }
  }
  const before = await saved(def);
  await inBatches(cases, async (c) => {
    const p = await refused(
      caller.resources.action({ resource: def.id, id, name: c.action, params: c.params, version }),
      c.param,
    );
    if (p) problems.push(`${def.id} as ${type}, action ${c.action} ${c.param} = ${c.label}: ${p}`);
  });
  if ((await saved(def)) !== before) problems.push(`${def.id} as ${type}: refused actions saved something`);
  return cases.length;
}

const changedCells = (a: Row, b: Row) =>
  Object.keys({ ...a, ...b })
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => `${k}: ${JSON.stringify(a[k])} → ${JSON.stringify(b[k])}`)
    .join("; ");

/**
 * The rows a variant without an insert form shows, made through its base resource by an
 * administrator: "my coachings" are the user's own open ones.
 */
const VARIANT_ROWS: Record<string, (userId: number) => Promise<Record<string, unknown>>> = {
  "coachings.mine": async (userId) => ({ user: userId, endDate: null }),
  // The user's own ISIP, of a client of its own (another ISIP of the same client could overlap it).
  "isip.mine": async (userId) => ({ user: userId, client: await newClient(centre) }),
  "art61.mine": async (userId) => ({ user: userId, client: await newClient(centre) }),
  "jobs.myContracts": async (userId) => ({ user: userId, client: await newClient(centre) }),
  "immersion.mine": async (userId) => ({ user: userId, client: await newClient(centre) }),
  // The calendar's lists of the day: the user's appointment of today, one left open yesterday.
  "calendar.myAppointments": (userId) => appointment(userId, 0),
  "calendar.today": (userId) => appointment(userId, 0),
  "calendar.myUnconfirmed": (userId) => appointment(userId, 0),
  "calendar.myOverdue": (userId) => appointment(userId, -1),
};

/** An appointment of the user's (a draft of the type "internal meetings with client"), `days` from today. */
async function appointment(userId: number, days: number) {
  const h = tenantHandle(centre);
  const [type] = await h.db
    .select({ id: h.t.entryTypes.id })
    .from(h.t.entryTypes)
    .where(eq(h.t.entryTypes.ref, "client"));
  const day = new Date(`${belgianToday()}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  const startDate = day.toISOString().slice(0, 10);
  return { user: userId, type: type!.id, startDate, endDate: null };
}

const RECEPTION_STAGES: Record<string, string> = {
  "reception.waiting": "waiting",
  "reception.busy": "busy",
  "reception.gone": "gone",
  "reception.waitingForMe": "waiting",
  "reception.busyWithMe": "busy",
  "reception.myGone": "gone",
  "reception.expected": "invited",
};

/** A row `type` may edit in a resource they cannot create rows of. */
async function rowWithoutForm(def: ResourceDef, type: UserType): Promise<string | number | null> {
  const own = VARIANT_ROWS[def.id];
  if (def.variantOf && own) return (await adminForm.create(def.variantOf, await own(staff.get(type)!.id))).id;
  // My guests, and the reception's visitors (in the stage their list shows): a guest of the user's own entry of today.
  if (def.id === "calendar.myGuests" || def.id in RECEPTION_STAGES) {
    const entry = await adminForm.create("calendar.entries", await appointment(staff.get(type)!.id, 0));
    // A client of its own: the form's pick could be a guest the entry already has.
    const guest = (await adminForm.create("calendar.guests", { entry: entry.id, partner: await newClient(centre) })).id;
    const h = tenantHandle(centre);
    const state = RECEPTION_STAGES[def.id];
    if (state)
      await h.db
        .update(h.t.calendarGuests)
        .set({ state })
        .where(eq(h.t.calendarGuests.id, Number(guest)));
    return guest;
  }
  const rows = (
    await staff
      .get("900")!
      .caller.resources.list({ resource: def.id, state: { page: 1, pageSize: 1, sort: [], filters: {}, q: "" } })
  ).rows;
  return (rows[0]?.__id as string | number | undefined) ?? null;
}

/** Every procedure on a row, with ids of no row: each must be refused the right way. */
async function fuzzIds(def: ResourceDef, problems: string[]): Promise<number> {
  const admin = staff.get("900")!.caller;
  const resource = def.id;
  const name = def.workflow?.transitions[0]?.name ?? "none";
  const action = def.actions?.[0]?.name ?? "none";
  const panel = def.detail.flatMap((tab) => tab.panels ?? [])[0]?.key ?? "none";
  const calls = BAD_IDS.flatMap((id) => {
    const rowId = id as string | number;
    const procedures: Record<string, () => Promise<unknown>> = {
      get: () => admin.resources.get({ resource, id: rowId }),
      update: () => admin.resources.update({ resource, id: rowId, version: 1, patch: {} }),
      remove: () => admin.resources.remove({ resource, id: rowId, version: 1 }),
      transition: () => admin.resources.transition({ resource, id: rowId, version: 1, name }),
      action: () => admin.resources.action({ resource, id: rowId, name: action }),
      panel: () => admin.resources.panel({ resource, id: rowId, key: panel }),
    };
    return Object.entries(procedures).map(([what, call]) => ({ what, id, call }));
  });
  const before = await rowCount(def);
  await inBatches(calls, async (c) => {
    const p = await refused(c.call(), null);
    if (p) problems.push(`${resource}: ${c.what} with id ${JSON.stringify(c.id).slice(0, 40)}: ${p}`);
  });
  if ((await rowCount(def)) !== before) problems.push(`${resource}: a call with a malformed id changed the rows`);
  return calls.length;
}

/** What a list, a picker and the quick search are sent: a list may answer, or refuse the right way, never fail. */
const BAD_FILTER_VALUES: unknown[] = [
  NUL,
  SQL_TEXT,
  { a: 1 },
  [1],
  true,
  2_147_483_648,
  1e308,
  "2026-02-30",
  { from: "2026-02-30", to: NUL },
  MEGABYTE.slice(0, 1000),
];

async function fuzzReads(def: ResourceDef, problems: string[]): Promise<number> {
  const admin = staff.get("900")!.caller;
  const resource = def.id;
  const list = (over: Record<string, unknown>) => () =>
    admin.resources.list({ resource, state: { page: 1, pageSize: 5, sort: [], filters: {}, q: "", ...over } as never });
  const masters = [...registry.resources.values()].flatMap((m) =>
    m.detail.flatMap((tab) => (tab.slaves ?? []).filter((sl) => sl.resource === resource).map((sl) => sl.masterField)),
  );
  const refFields = Object.keys(def.fields).filter((name) => def.fields[name]!.ref && def.fields[name]!.input);
  const calls: { what: string; call: () => Promise<unknown> }[] = [
    ...[NUL, SQL_TEXT, "%_\\", "#99999999999"].map((q) => ({ what: `q ${JSON.stringify(q)}`, call: list({ q }) })),
    ...Object.keys(def.filters ?? {}).flatMap((name) =>
      BAD_FILTER_VALUES.map((value) => ({
        what: `filter ${name} = ${JSON.stringify(value).slice(0, 30)}`,
        call: list({ filters: { [name]: value } }),
      })),
    ),
    ...masters.flatMap((field) =>
      [NUL, "1 OR 1=1", 2_147_483_648, -1].map((value) => ({
        what: `master ${field} = ${JSON.stringify(value)}`,
        call: list({ master: { field, value } }),
      })),
    ),
    { what: "sort on an undeclared field", call: list({ sort: [{ field: "password_hash", dir: "asc" }] }) },
    ...refFields.flatMap((field) => [
      {
        what: `picker ${field} searching a NUL byte`,
        call: () => admin.resources.refOptions({ resource, source: { field }, q: NUL }),
      },
      {
        what: `picker ${field} naming malformed ids`,
        call: () =>
          admin.resources.refOptions({ resource, source: { field }, ids: [NUL, "1 OR 1=1", 2_147_483_648, -1] }),
      },
    ]),
  ];
  await inBatches(calls, async (c) => {
    const p = await c.call().then(
      () => null,
      (e: unknown) => wrongRefusal(e, null),
    );
    if (p) problems.push(`${resource}: ${c.what}: ${p}`);
  });
  return calls.length;
}

describe("no input produces a server error", () => {
  it("refuses bad values in every writable field of every resource's create and update, and every parameter of its row actions, and saves nothing", async () => {
    const problems: string[] = [];
    let cases = 0;
    let resources = 0;
    for (const def of registry.resources.values()) {
      const writers = writersOf(def);
      if (writers.length) resources++;
      for (const type of writers) {
        cases += await fuzzWrites(def, type, problems).catch((e: unknown) => {
          problems.push(`${def.id} as ${type}: the fuzz itself failed: ${e instanceof Error ? e.message : String(e)}`);
          return 0;
        });
      }
    }
    console.log(`fuzz of writes: ${resources} resources × their fields' and parameters' cases = ${cases} calls`);
    expect(problems.join("\n")).toBe("");
  }, 600_000);

  it("answers or refuses malformed searches, filters, masters, sorts and picker requests on every list", async () => {
    const problems: string[] = [];
    let cases = 0;
    for (const def of registry.resources.values()) cases += await fuzzReads(def, problems);
    const search = await staff
      .get("900")!
      .caller.resources.search({ q: NUL })
      .then(
        () => null,
        (e: unknown) => wrongRefusal(e, null),
      );
    if (search) problems.push(`quick search for a NUL byte: ${search}`);
    console.log(`fuzz of reads: ${registry.resources.size} resources, ${cases + 1} calls`);
    expect(problems.join("\n")).toBe("");
  }, 600_000);

  it("refuses malformed ids on every procedure on a row of every resource", async () => {
    const problems: string[] = [];
    let cases = 0;
    for (const def of registry.resources.values()) cases += await fuzzIds(def, problems);
    console.log(
      `fuzz of ids: ${registry.resources.size} resources × ${cases / registry.resources.size} calls = ${cases}`,
    );
    expect(problems.join("\n")).toBe("");
  }, 600_000);
});
