import { TRPCError } from "@trpc/server";
import { eq, isNull } from "drizzle-orm";
import type { FieldMeta, ResourceMeta } from "@/lib/resources";
import type { SessionClaims } from "@/server/auth/session";
import type { UserType } from "@/server/auth/user-types";
import { AppError, ERRORS, type AppErrorCode } from "@/server/errors";
import { uploadPost } from "@/server/uploads/routes";
import { demoPdf } from "@/server/uploads/seed";
import type { RefSource } from "@/server/resources/ref-options";
import { generateNiss } from "@/server/clients/rules/niss";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle, type TenantHandle } from "@/server/tenancy/tenant-db";
import { callerOn, centreHost, newUser, uniqueSlug } from "./helpers";

/**
 * Test data. Rows straight in the database, for tests whose subject is something else (a list, a
 * checker, an export): the rules of saving a client or a coaching through the app are tested where
 * they live. And `formFiller`, which fills in the form of any declared resource through the procedures.
 */

type Tables = TenantHandle["t"];
export type PartnerValues = Partial<Tables["partners"]["$inferInsert"]>;

async function partner(tenant: Tenant, values: PartnerValues & { firstName?: string; lastName?: string }) {
  const h = tenantHandle(tenant);
  const firstName = values.firstName ?? "Test";
  const lastName = values.lastName ?? "Person";
  const [row] = await h.db
    .insert(h.t.partners)
    .values({ kind: "person", name: `${lastName} ${firstName}`, ...values, firstName, lastName })
    .returning({ id: h.t.partners.id });
  return row!.id;
}

/** A client ("Test Client", coached — state 30 — unless `clientState` says otherwise). */
export const newClient = (tenant: Tenant, values: PartnerValues = {}) =>
  partner(tenant, { lastName: "Client", clientState: "30", ...values, isClient: true });

/** A person who is not a client ("Test Person"). */
export const newPerson = (tenant: Tenant, values: PartnerValues = {}) =>
  partner(tenant, { ...values, isClient: false });

/** A coaching of `clientId` by `userId`, from 1 January 2020, open and not primary unless said otherwise. */
export async function newCoaching(
  tenant: Tenant,
  clientId: number,
  userId: number,
  values: Partial<Tables["coachings"]["$inferInsert"]> = {},
) {
  const h = tenantHandle(tenant);
  const [row] = await h.db
    .insert(h.t.coachings)
    .values({ clientId, userId, startDate: "2020-01-01", ...values })
    .returning({ id: h.t.coachings.id });
  return row!.id;
}

/** Makes the centre use every optional client field set (Eupen's and Châtelet's), so that every declared field can be tried. */
export async function useEveryFieldSet(tenant: Tenant) {
  const h = tenantHandle(tenant);
  await h.db
    .update(h.t.siteSettings)
    .set({ clientFieldSets: ["eupen", "chatelet"] })
    .where(eq(h.t.siteSettings.id, 1));
}

/** A user of that type and a caller signed in as them, for tests that need both the id and the calls. */
export async function newStaff(tenant: Tenant, userType: UserType, fields: Parameters<typeof newUser>[2] = {}) {
  const { user, claims } = await newUser(tenant, userType, fields);
  return { user, id: user.id, claims, caller: await callerOn(centreHost(tenant.slug), {}, claims) };
}

type Caller = Awaited<ReturnType<typeof callerOn>>;

/** `iso` moved on by `days` days. */
const dayAfter = (iso: string, days: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * Values whose format a field's type does not tell, or that depend on the row's other values, by
 * `<resource>.<field>` or field name; `v` is 0 on insert and 1 on edit, `n` a number unique in the run.
 */
const FORMATTED: Record<string, (v: 0 | 1, n: number, centre: { generalEndings: number[] }) => unknown> = {
  email: (v, n) => `form.${n}.${v}@example.org`,
  url: (v, n) => `https://example.org/form/${n}/${v}`,
  // A national number is unique in the centre: a sequence number of its own for each row, and the
  // next birth day once the 400 sequence numbers of a day are used (a run fills many forms).
  nationalId: (v, n) =>
    generateNiss(dayAfter(v ? "1981-07-14" : "1980-05-04", Math.floor(n / 400)), "M", 2 * (n % 400) + 1),
  birthDate: (v) => (v ? "1981-07-00" : "1980-05-04"),
  username: () => uniqueSlug("form"),
  "settings.choices.value": (_v, n) => `form_${n}`,
  // An ending reason is one of the coaching's service or of none (domain-people §8): one of none.
  "coachings.coachings.ending": (v, _n, { generalEndings }) => generalEndings[v],
  // A note's time of day, typed as "14:30".
  time: (v) => (v ? "14:30" : "09:15"),
  startTime: (v) => (v ? "14:30" : "09:15"),
  // A weekday of the working hours: 1 (Monday) to 7.
  "calendar.workingHours.weekday": (v) => (v ? 3 : 2),
  // Its times, edited one at a time, must keep the end after the start (a check refuses the rest).
  "calendar.workingHours.startTime": (v) => (v ? "08:30" : "08:00"),
  "calendar.workingHours.endTime": (v) => (v ? "17:00" : "12:00"),
  "calendar.myWorkingHours.weekday": (v) => (v ? 3 : 2),
  "calendar.myWorkingHours.startTime": (v) => (v ? "08:30" : "08:00"),
  "calendar.myWorkingHours.endTime": (v) => (v ? "17:00" : "12:00"),
  endTime: (v) => (v ? "15:30" : "10:15"),
  // The type picked for a calendar entry may allow one day only, which keeps no end date.
  ...Object.fromEntries(["entries", "byClient"].map((list) => [`calendar.${list}.endDate`, () => null])),
  // An SMS goes to a mobile number; its provider is a web address and its sender a number or a short name.
  "outbox.mySms.to": (v) => (v ? "0475 12 34 56" : "+33 6 12 34 56 78"),
  "outbox.smsByClient.to": (v) => (v ? "0475 12 34 56" : "+33 6 12 34 56 78"),
  baseUrl: (v, n) => `https://sms${n}.example.org/${v}`,
  senderId: (v) => (v ? "CPAS" : "+32475000000"),
  // A client knows a language once: languages the demo CVs never hold, another one for each form.
  "cv.languageKnowledge.language": (v, n) => ["sq", "uk", "fa", "ln", "pl", "ro", "pt"][(n + v) % 7],
  // Each client list is fed by one group, the seeded one: a new group feeds none.
  "cv.propGroups.kind": () => null,
};

/** References that must differ from one form to the next (a pair the table holds once). */
const SPREAD = new Set(["calendar.guests.partner", "cv.languageKnowledge.client"]);
/**
 * References that must name a row no other row pairs with yet, the demo's included (an agent's
 * competence for a faculty is unique): a new row each time, so that what other forms filled in
 * before cannot make the pick land on an existing pair.
 */
const FRESH: Record<string, (tenant: Tenant) => Promise<number>> = {
  "newcomers.competences.user": async (tenant) => (await newUser(tenant, "100")).user.id,
  // A client answers a poll once a day.
  ...Object.fromEntries(
    ["responses", "myResponses"].map((list) => [`polls.${list}.client`, (tenant: Tenant) => newClient(tenant)]),
  ),
  // A partner's first address becomes its primary one: each form gives a partner that has one already.
  "contacts.addresses.partner": async (tenant) => {
    const client = await newClient(tenant);
    const h = tenantHandle(tenant);
    await h.db.insert(h.t.addresses).values({ partnerId: client, street: "Rue Première", primary: true });
    return client;
  },
  // An entry type counts in one ESF field: each form maps a new one.
  "integ.esfEntryTypes.entryType": async (tenant) => {
    const h = tenantHandle(tenant);
    const [row] = await h.db
      .insert(h.t.entryTypes)
      .values({ names: { fr: `ESF ${counter++}` } })
      .returning({ id: h.t.entryTypes.id });
    return row!.id;
  },
};

/** Numbers values apart across every form filled in by this test file (names, national numbers). */
let counter = 0;

/**
 * Fills in the forms of any declared resource as `caller` could: from each field's declaration,
 * the choices its form offers and the rows its pickers offer (creating a few rows of the picked
 * resource when it offers too few). `v` 0 gives the values of an insert, 1 other values for an edit.
 * A row that comes with a file is posted to its upload route with the session `claims`.
 */
export async function formFiller(tenant: Tenant, caller: Caller, claims: SessionClaims | null = null) {
  const h = tenantHandle(tenant);
  const generalEndings = (
    await h.db
      .select({ id: h.t.coachingEndings.id })
      .from(h.t.coachingEndings)
      .where(isNull(h.t.coachingEndings.coachingTypeId))
      .orderBy(h.t.coachingEndings.id)
  ).map((r) => r.id);

  async function valueOf(
    resource: string,
    field: FieldMeta,
    v: 0 | 1,
    refsUsed: Map<string, number>,
    source: RefSource,
  ): Promise<unknown> {
    const n = counter++;
    const formatted = FORMATTED[`${resource}.${field.name}`] ?? FORMATTED[field.name];
    if (formatted) return formatted(v, n, { generalEndings });
    const word = `${v ? "Bravo" : "Alpha"} ${n}`;
    switch (field.type) {
      case "text":
      case "password":
        return word;
      case "longtext":
        return `${word}\nsecond line`;
      case "html":
        return `<p>${word} <strong>bold</strong></p>`;
      case "integer":
      case "money":
        return v + 1;
      // Earlier on edit: a start date moved first stays before the end date, which follows it.
      case "date":
        return v ? "2019-06-30" : "2020-01-15";
      case "boolean":
        return v === 1;
      case "localized":
        return { fr: word, nl: `NL ${n}`, de: `DE ${n}`, en: `EN ${n}` };
      case "choice":
        return field.choices?.[Math.min(v, field.choices.length - 1)]?.value ?? null;
      case "ref": {
        const fresh = FRESH[`${resource}.${field.name}`];
        if (fresh) return fresh(tenant);
        // Two references to the same resource (a parent and a child) get different rows.
        const used = refsUsed.get(field.ref!) ?? 0;
        refsUsed.set(field.ref!, used + 1);
        const options = async () => (await caller.resources.refOptions({ resource, source })).options;
        // A partner is a guest of an entry once: each form invites another one.
        const spread = SPREAD.has(`${resource}.${field.name}`) ? n : 0;
        let offered = await options();
        if (offered.length <= used + 2 * v) {
          for (let i = 0; i < 3; i++) await create(field.ref!);
          offered = await options();
        }
        return offered[(used + 2 * v + spread) % offered.length]?.id ?? null;
      }
      default:
        return null;
    }
  }

  /** Values of a form's fields, or of a row action's parameters when `action` names it. */
  async function values(meta: Pick<ResourceMeta, "id" | "fields">, names: string[], v: 0 | 1, action?: string) {
    const refsUsed = new Map<string, number>();
    const out: Record<string, unknown> = {};
    for (const name of names)
      out[name] = await valueOf(
        meta.id,
        meta.fields[name]!,
        v,
        refsUsed,
        action ? { action, param: name } : { field: name },
      );
    return out;
  }

  /** A new row of the resource, through its insert form; `over` replaces some of the values. */
  async function create(resource: string, over: Record<string, unknown> = {}) {
    const meta = await caller.resources.meta({ resource });
    const filled = { ...(await values(meta, meta.insertFields, 0)), ...over };
    const id = meta.insertUpload
      ? (await createWithFile(tenant, meta.insertUpload, filled, claims)).id
      : (await caller.resources.create({ resource, values: filled, confirmed: true })).id;
    return { id, values: filled };
  }

  return { values, create };
}

/** The routes that create rows coming with a file (`insert.upload`), by the path the resource names. */
const UPLOAD_ROUTES: Record<string, (req: Request, claims: SessionClaims | null) => Promise<Response>> = {
  "/api/uploads": uploadPost,
};

/**
 * Creates a row that comes with a file as its insert form does: a one-page PDF and the form's values
 * posted to the resource's upload route. A refusal is thrown as the tRPC error it stands for, so
 * that tests read it like any procedure's.
 */
export async function createWithFile(
  tenant: Tenant,
  route: string,
  values: Record<string, unknown>,
  claims: SessionClaims | null,
): Promise<{ id: number }> {
  const res = await UPLOAD_ROUTES[route]!(
    new Request(`http://${tenant.slug}.localhost${route}`, {
      method: "POST",
      body: new Uint8Array(demoPdf("Test document")),
      duplex: "half",
      headers: {
        host: `${tenant.slug}.localhost`,
        "content-type": "application/pdf",
        "x-upload-name": "document.pdf",
        "x-upload-fields": encodeURIComponent(JSON.stringify({ values, confirmed: true })),
      },
    } as RequestInit),
    claims,
  );
  const body = (await res.json()) as {
    id?: number;
    error?: AppErrorCode;
    data?: { params?: Record<string, string | number>; fieldErrors?: { path: string; code: string }[] };
  };
  if (res.ok && body.id) return { id: body.id };
  const code = body.error ?? "INTERNAL";
  // A value the form's schema refused is named as the procedure's refusal of one field names it.
  const named = body.data?.fieldErrors?.[0]?.path.split(".")[0];
  const cause = new AppError(code, named ? { field: named } : (body.data?.params ?? {}));
  throw new TRPCError({ code: ERRORS[code], message: code, cause });
}
