import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionClaims } from "@/server/auth/session";
import { hasRole, USER_TYPES } from "@/server/auth/user-types";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient } from "./factories";
import { appCodeOf, callerOn, centreHost, errorAsSent, newCentre, newUser } from "./helpers";

let eupen: Tenant;
let chatelet: Tenant;
let worker: { user: { id: number }; claims: SessionClaims };
let fileSheetType: number;
let letterType: number;

const caller = (tenant: Tenant, claims: SessionClaims) => callerOn(centreHost(tenant.slug), {}, claims);

async function act(tenant: Tenant, claims: SessionClaims, client: number, name: string, params = {}) {
  const c = await caller(tenant, claims);
  return c.resources.action({ resource: "clients.clients", id: client, name, params });
}

async function clientRow(c: Awaited<ReturnType<typeof caller>>, id: number) {
  return (await c.resources.get({ resource: "clients.clients", id })) as { __version: number; lastName: string };
}

async function excerptsOf(client: number) {
  const h = tenantHandle(eupen);
  return h.db
    .select({ id: h.t.excerpts.id, clearedAt: h.t.excerpts.clearedAt })
    .from(h.t.excerpts)
    .where(and(eq(h.t.excerpts.ownerType, "client"), eq(h.t.excerpts.ownerId, client)))
    .orderBy(h.t.excerpts.id);
}

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("cert-eupen", "production"), newCentre("cert-chat", "production")]);
  worker = await newUser(eupen, "100");
  const h = tenantHandle(eupen);
  // The file sheet certifies who the client is (as Lino's certifying excerpt types do for their objects).
  await h.db.update(h.t.excerptTypes).set({ certifying: true }).where(eq(h.t.excerptTypes.template, "fileSheet"));
  const types = await h.db.select().from(h.t.excerptTypes);
  fileSheetType = types.find((t) => t.template === "fileSheet")!.id;
  letterType = types.find((t) => t.template === "letter")!.id;
});

describe("certifying prints (§14.1)", () => {
  it("reuse the same document until 'Clear printed', and lock the client's certified fields meanwhile", async () => {
    const client = await newClient(eupen, { firstName: "Anna", lastName: "Müller", language: "de" });
    const c = await caller(eupen, worker.claims);
    const first = await act(eupen, worker.claims, client, "print");
    const again = await act(eupen, worker.claims, client, "print");
    expect(again!.open!.id).toBe(first!.open!.id);
    expect(await excerptsOf(client)).toHaveLength(1);

    // The certified name is locked, with a sentence saying how to unlock it; the phone is not.
    let row = await clientRow(c, client);
    // The form is told so: it shows the certified fields read-only.
    expect((row as { __certified?: boolean }).__certified).toBe(true);
    const refused = await c.resources
      .update({ resource: "clients.clients", id: client, version: row.__version, patch: { lastName: "Meyer" } })
      .catch((e) => e);
    expect(errorAsSent(refused)).toMatchObject({
      httpStatus: 400,
      params: { field: "lastName", messageKey: "documents.certified.locked" },
    });
    expect((await clientRow(c, client)).lastName).toBe("Müller");
    await c.resources.update({
      resource: "clients.clients",
      id: client,
      version: row.__version,
      patch: { phone: "087 55 66 77" },
    });

    await act(eupen, worker.claims, client, "clearPrinted");
    const [cleared] = await excerptsOf(client);
    expect(cleared!.clearedAt).not.toBeNull();
    row = await clientRow(c, client);
    expect((row as { __certified?: boolean }).__certified).toBe(false);
    await c.resources.update({
      resource: "clients.clients",
      id: client,
      version: row.__version,
      patch: { lastName: "Meyer" },
    });
    expect((await clientRow(c, client)).lastName).toBe("Meyer");
    const fresh = await act(eupen, worker.claims, client, "print");
    expect(fresh!.open!.id).not.toBe(first!.open!.id);
    expect(await excerptsOf(client)).toHaveLength(2);

    const h = tenantHandle(eupen);
    const audit = await h.db
      .select({ action: h.t.auditLog.action })
      .from(h.t.auditLog)
      .where(eq(h.t.auditLog.entityId, String(first!.open!.id)));
    expect(audit.map((a) => a.action)).toContain("documents.mine.clearPrinted");
  });

  it("refuses 'Clear printed' with nothing to clear, and a non-certifying type never locks", async () => {
    const client = await newClient(eupen, { firstName: "Marie", lastName: "Dubois", language: "fr" });
    const err = await act(eupen, worker.claims, client, "clearPrinted").catch((e) => e);
    expect(errorAsSent(err)).toMatchObject({
      httpStatus: 400,
      params: { messageKey: "documents.certified.nothingToClear" },
    });
    const letter1 = await act(eupen, worker.claims, client, "printOther", { type: letterType });
    const letter2 = await act(eupen, worker.claims, client, "printOther", { type: letterType });
    expect(letter2!.open!.id).not.toBe(letter1!.open!.id);
    const c = await caller(eupen, worker.claims);
    const row = await clientRow(c, client);
    await c.resources.update({
      resource: "clients.clients",
      id: client,
      version: row.__version,
      patch: { lastName: "X" },
    });
  });

  it("prints another document type with 'Print…', refusing a type that is not the client's", async () => {
    const client = await newClient(eupen, { firstName: "Paul", lastName: "Kohn", language: "de" });
    const result = await act(eupen, worker.claims, client, "printOther", { type: letterType });
    const h = tenantHandle(eupen);
    const [excerpt] = await h.db
      .select()
      .from(h.t.excerpts)
      .where(eq(h.t.excerpts.id, Number(result!.open!.id)));
    expect(excerpt!.typeId).toBe(letterType);
    expect(excerpt!.fileName).toMatch(/^brief-/);
    const err = await act(eupen, worker.claims, client, "printOther", { type: 999_999 }).catch((e) => e);
    expect(errorAsSent(err)).toMatchObject({
      httpStatus: 400,
      params: { field: "type", messageKey: "documents.errors.notForClients" },
    });
    const malformed = await act(eupen, worker.claims, client, "printOther", { type: "x" }).catch((e) => e);
    expect(errorAsSent(malformed).httpStatus).toBe(400);
  });

  it("keeps another centre out: its users reach neither the client nor its prints", async () => {
    const client = await newClient(eupen, { firstName: "Lea", lastName: "Schmitz", language: "de" });
    await act(eupen, worker.claims, client, "print");
    const other = await newUser(chatelet, "100");
    for (const [name, params] of [
      ["clearPrinted", {}],
      ["printOther", { type: fileSheetType }],
    ] as const)
      expect(await appCodeOf(act(chatelet, other.claims, client, name, params)), name).toBe("NOT_FOUND");
    expect((await excerptsOf(client)).every((e) => e.clearedAt === null)).toBe(true);
    const h = tenantHandle(chatelet);
    expect(await h.db.select().from(h.t.excerpts)).toEqual([]);
  });

  it("lets every user type that prints use 'Print…' and 'Clear printed', and refuses the others", async () => {
    for (const type of USER_TYPES.filter((t) => t !== "000")) {
      const { claims } = await newUser(eupen, type);
      const client = await newClient(eupen, { firstName: "T", lastName: `Type ${type}`, language: "fr" });
      const prints = hasRole(type, "OfficeUser") || hasRole(type, "OfficeOperator");
      const printed = act(eupen, claims, client, "printOther", { type: fileSheetType });
      expect(await appCodeOf(printed), `print by ${type}`).toBe(prints ? "resolved" : "FORBIDDEN");
      if (!prints) await act(eupen, worker.claims, client, "print");
      expect(await appCodeOf(act(eupen, claims, client, "clearPrinted")), `clear by ${type}`).toBe(
        prints ? "resolved" : "FORBIDDEN",
      );
    }
  });
});
