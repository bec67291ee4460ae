import { beforeAll, describe, expect, it } from "vitest";
import type { ResourceMeta, Row } from "@/lib/resources";
import { registry } from "@/server/areas";
import type { AppErrorCode } from "@/server/errors";
import type { Tenant } from "@/server/tenancy/registry";
import type { SessionClaims } from "@/server/auth/session";
import { createWithFile, formFiller, useEveryFieldSet } from "./factories";
import { appCodeOf, callerOn, centreHost, errorAsSent, newCentre, newUser } from "./helpers";

/**
 * Issue 11 defect 2: every declared resource with an insert form must round-trip for an
 * administrator. For each one the test creates a row from values made out of the field
 * declarations (the choices the form offers, the rows its pickers offer), reads it back, finds it
 * in each master's list it is shown on, edits every editable field to another valid value (one at a
 * time, the others must keep theirs), reads it back again and deletes it. Every failing resource is
 * reported at once.
 */

type Caller = Awaited<ReturnType<typeof callerOn>>;
type Step = "create" | "read" | "edit" | "read after edit" | "master list" | "delete";
const STEPS: Step[] = ["create", "read", "edit", "read after edit", "master list", "delete"];

/** Steps a resource refuses by design: the refusal the test expects, and why. */
const REFUSED_BY_DESIGN: Record<string, Partial<Record<Step, { code: AppErrorCode; why: string }>>> = {
  "users.users": {
    delete: { code: "FORBIDDEN", why: "a user is deactivated, never deleted: their name stays on what they did" },
  },
  "contacts.addresses": {
    delete: {
      code: "PRIMARY_ADDRESS_REQUIRED",
      why: "a partner's primary address (the edit made it primary) goes only when another address replaces it",
    },
  },
};

/** Fields a rule derives from another one's edit: editing the key changes these too, by design. */
const DERIVED: Record<string, Record<string, { fields: string[]; why: string }>> = {
  "users.users": Object.fromEntries(
    ["firstName", "lastName"].map((name) => [
      name,
      {
        fields: ["partnerId"],
        why: "domain-people §1.1: the person record made for the user follows his names (the reference's label)",
      },
    ]),
  ),
  "isip.contracts": {
    appliesUntil: {
      fields: ["dateEnded"],
      why: "domain-integ-money §2.3: editing the planned end copies it into the effective end",
    },
  },
  "art61.contracts": {
    appliesUntil: {
      fields: ["dateEnded"],
      why: "domain-integ-money §2.3 (the contracts' common base): editing the planned end copies it into the effective end",
    },
  },
  "immersion.contracts": {
    appliesUntil: {
      fields: ["dateEnded"],
      why: "domain-integ-money §2.3 (the contracts' common base): editing the planned end copies it into the effective end",
    },
  },
  "jobs.contracts": {
    appliesUntil: {
      fields: ["dateEnded"],
      why: "domain-integ-money §2.3: editing the planned end copies it into the effective end",
    },
    job: {
      fields: ["type", "company", "hourlyRate"],
      why: "domain-integ-money §2.5: the job gives the contract its type, its provider and its hourly rate",
    },
  },
};

const state = (over: Record<string, unknown> = {}) => ({
  page: 1,
  pageSize: 200,
  sort: [],
  filters: {},
  q: "",
  ...over,
});

let centre: Tenant;
let admin: Caller;
let adminClaims: SessionClaims;
let form: Awaited<ReturnType<typeof formFiller>>;

beforeAll(async () => {
  centre = await newCentre("round-trip");
  await useEveryFieldSet(centre);
  ({ claims: adminClaims } = await newUser(centre, "900"));
  admin = await callerOn(centreHost(centre.slug), {}, adminClaims);
  form = await formFiller(centre, admin, adminClaims);
  // A response is given to an active poll only (its picker offers no other): one published poll.
  const poll = await admin.resources.create({ resource: "polls.polls", values: { title: "Round trip" } });
  await admin.resources.transition({ resource: "polls.polls", id: poll.id, version: 1, name: "publish" });
});

/** What differs between the values sent and the row read back. */
function differences(meta: ResourceMeta, sent: Record<string, unknown>, row: Row): string[] {
  return Object.entries(sent).flatMap(([name, value]) => {
    if (!(name in row)) return [`${name} is not read back`];
    const got = row[name];
    const field = meta.fields[name]!;
    const same =
      field.type === "ref"
        ? ((got as { id?: unknown } | null)?.id ?? null) === value
        : field.type === "localized"
          ? Object.entries(value as Record<string, string>).every(([l, s]) => (got as Record<string, string>)[l] === s)
          : JSON.stringify(got) === JSON.stringify(value);
    return same ? [] : [`${name}: sent ${JSON.stringify(value)}, read ${JSON.stringify(got)}`];
  });
}

/** An error as the browser gets it: the application code, its parameters and the fields zod named. */
function describeError(e: unknown): string {
  const data = errorAsSent(e);
  const fields = data.fieldErrors?.map((f) => `${f.path} (${f.code})`).join(", ");
  return `${data.appCode} ${JSON.stringify(data.params ?? {})}${fields ? ` fields: ${fields}` : ""}`;
}

/** The master lists a row of `resource` is shown on: every slave grid declaring it. */
const mastersOf = (resource: string) =>
  [...registry.resources.values()].flatMap((m) =>
    m.detail.flatMap((tab) =>
      (tab.slaves ?? []).filter((s) => s.resource === resource).map((s) => ({ master: m.id, field: s.masterField })),
    ),
  );

async function roundTrip(resource: string): Promise<{ done: Step[]; problems: string[] }> {
  const done: Step[] = [];
  const problems: string[] = [];
  let step: Step = "create";
  /** Runs one step, or checks that it is refused the way the resource declares. */
  const run = async (next: Step, body: () => Promise<void>) => {
    step = next;
    const refusal = REFUSED_BY_DESIGN[resource]?.[next];
    if (!refusal)
      return body().then(() => {
        done.push(next);
      });
    const code = await appCodeOf(body());
    if (code === refusal.code) done.push(next);
    else problems.push(`${next}: expected the refusal ${refusal.code} (${refusal.why}), got ${code}`);
  };
  try {
    const meta = await admin.resources.meta({ resource });
    const created = await form.values(meta, meta.insertFields, 0);
    let id: string | number = 0;
    let row: Row = {};
    await run("create", async () => {
      // A row that comes with a file is created as its form does: the file posted to its upload route.
      ({ id } = meta.insertUpload
        ? await createWithFile(centre, meta.insertUpload, created, adminClaims)
        : await admin.resources.create({ resource, values: created, confirmed: true }));
    });
    await run("read", async () => {
      row = await admin.resources.get({ resource, id });
      problems.push(...differences(meta, created, row).map((d) => `read: ${d}`));
    });
    const editable = Object.values(meta.fields)
      .filter((f) => f.editable)
      .map((f) => f.name);
    const patch = await form.values(meta, editable, 1);
    // One field at a time, as a user edits: the others keep their values.
    await run("edit", async () => {
      for (const name of editable) {
        const before = row;
        await admin.resources.update({
          resource,
          id,
          version: Number(before.__version),
          patch: { [name]: patch[name] },
        });
        row = await admin.resources.get({ resource, id });
        const others = editable.filter(
          (other) =>
            other !== name &&
            !DERIVED[resource]?.[name]?.fields.includes(other) &&
            JSON.stringify(row[other]) !== JSON.stringify(before[other]),
        );
        if (others.length)
          problems.push(
            `edit: editing ${name} also changed ${others.map((o) => `${o} (${JSON.stringify(before[o])} → ${JSON.stringify(row[o])})`).join(", ")}`,
          );
      }
    });
    await run("read after edit", async () => {
      row = await admin.resources.get({ resource, id });
      problems.push(...differences(meta, patch, row).map((d) => `read after edit: ${d}`));
    });
    // Each master's detail lists the row (default filters lifted: the edit made it obsolete); a row
    // without that master (no nationality) is on none.
    const lifted = Object.fromEntries(Object.keys(meta.defaultFilters).map((k) => [k, null]));
    await run("master list", async () => {
      for (const { master, field } of mastersOf(resource)) {
        const cell = row[field];
        const value = cell !== null && typeof cell === "object" && "id" in cell ? cell.id : cell;
        if (value === null || value === undefined || value === "") continue;
        const listed = await admin.resources.list({
          resource,
          state: state({ master: { field, value }, filters: lifted }),
        });
        if (!listed.rows.some((r) => r.__id === id))
          problems.push(`master list: not in the list on its ${master} (${field} = ${JSON.stringify(value)})`);
      }
    });
    await run("delete", async () => {
      await admin.resources.remove({ resource, id, version: Number(row.__version) });
      const after = await appCodeOf(admin.resources.get({ resource, id }));
      if (after !== "NOT_FOUND") problems.push(`delete: the row is still there (${after})`);
    });
  } catch (e) {
    problems.push(`${step} failed: ${describeError(e)}`);
  }
  return { done, problems };
}

describe("every resource with an insert form round-trips for an administrator", () => {
  it("creates, reads, edits every editable field one at a time, reads again, finds it on its masters' lists and deletes", async () => {
    const resources = [...registry.resources.values()].filter((def) => def.insert);
    const report: string[] = [];
    const notCreatable: string[] = [];
    let steps = 0;
    for (const def of resources) {
      if (!(await admin.resources.meta({ resource: def.id })).canCreate) {
        notCreatable.push(def.id);
        continue;
      }
      const { done, problems } = await roundTrip(def.id);
      steps += done.length;
      if (problems.length) report.push(`${def.id}:\n  ${problems.join("\n  ")}`);
    }
    const tried = resources.length - notCreatable.length;
    console.log(
      `round trip: ${tried} resources × ${STEPS.length} steps (${steps} done); not creatable by 900: ${notCreatable.join(", ") || "none"}`,
    );
    expect(report.join("\n")).toBe("");
    // Only resources whose access leaves 900 out of creation are left out (e.g. "my coachings").
    expect(notCreatable.every((id) => (registry.resources.get(id)!.access.create ?? ["x"]).length === 0)).toBe(true);
  }, 300_000);
});
