import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { v2 as webdav } from "webdav-server";
import { tenantTables } from "@/db/tenant/tables";
import { DbLockManager } from "@/server/documents/dav/locks";
import { DbPropertyManager } from "@/server/documents/dav/properties";
import { clusterUrl } from "@/server/db/pool";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionClaims } from "@/server/auth/session";
import { USER_TYPES, hasRole } from "@/server/auth/user-types";
import { answerDavRoute } from "@/server/documents/dav/server";
import { canEditInPlace, hashToken } from "@/server/documents/dav/tokens";
import { documentStorage } from "@/server/documents/storage";
import { requestListener } from "@/server/main";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { officeEditLink } from "@/lib/office-link";
import { versionDownload } from "@/server/documents/dav/download";
import type { EditPanel } from "@/server/documents/dav/panel";
import { newClient } from "./factories";
import { appCodeOf, callerOn, centreHost, newCentre, newUser } from "./helpers";

let eupen: Tenant;
let chatelet: Tenant;
let clientId: number;
let worker: { user: { id: number }; claims: SessionClaims };
let colleague: { user: { id: number }; claims: SessionClaims };
let server: http.Server;
let port: number;

const caller = (tenant: Tenant, claims: SessionClaims) => callerOn(centreHost(tenant.slug), {}, claims);

/** A request as an office program sends it: to 127.0.0.1, naming the centre's host. */
function dav(
  method: string,
  path: string,
  opts: { host?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method,
        path,
        headers: { host: opts.host ?? `${eupen.slug}.localhost`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}

async function printed(tenant = eupen, who = worker) {
  const c = await caller(tenant, who.claims);
  const result = await c.resources.action({ resource: "clients.clients", id: clientId, name: "print" });
  return Number(result!.open!.id);
}

async function editLink(excerptId: number, who = worker, program?: "libreoffice" | "word") {
  return (await caller(eupen, who.claims)).documents.openForEdit({ id: excerptId, program });
}

const versionGet = (tenant: Tenant, href: string) =>
  new Request(`http://${tenant.slug}.localhost${href}`, { headers: { host: `${tenant.slug}.localhost` } });

const LOCK_BODY = `<?xml version="1.0" encoding="utf-8"?><D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype><D:owner>someone</D:owner></D:lockinfo>`;
const lockTokenOf = (headers: http.IncomingHttpHeaders) => String(headers["lock-token"]).replace(/^<|>$/g, "");

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("dav-eupen", "production"), newCentre("dav-chat", "production")]);
  clientId = await newClient(eupen, { firstName: "Anna", lastName: "Müller", language: "de" });
  worker = await newUser(eupen, "100", { firstName: "Hubert", lastName: "Huppertz", language: "fr" });
  colleague = await newUser(eupen, "100", { firstName: "Caroline", lastName: "Carnol", language: "fr" });
  server = http.createServer(
    requestListener(
      (_req, res) => res.writeHead(418).end(),
      () => false,
      answerDavRoute,
    ),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("editing a printed document over WebDAV", () => {
  it("opens, locks, saves a new version audited under the user, and unlocks", async () => {
    const id = await printed();
    const link = await editLink(id, worker, "word");
    expect(link.path).toMatch(/^\/dav\/[A-Za-z0-9_-]{43}\/.+\.docx$/);
    expect(link.program).toBe("word");
    expect(officeEditLink(link.program, `http://eupen.localhost${link.path}`)).toMatch(/^ms-word:ofe\|u\|http:/);
    // The preference is remembered: the next link, without a program, is for Word again.
    expect((await editLink(id)).program).toBe("word");

    const options = await dav("OPTIONS", link.path);
    expect(options.status).toBe(200);
    expect(options.headers["dav"]).toContain("2");
    expect(String(options.headers["allow"])).toContain("LOCK");

    const folder = link.path.slice(0, link.path.lastIndexOf("/") + 1);
    const listing = await dav("PROPFIND", folder, { headers: { depth: "1" } });
    expect(listing.status).toBe(207);
    expect(listing.body.toString()).toContain(link.path.slice(link.path.lastIndexOf("/") + 1));

    const original = await dav("GET", link.path);
    expect(original.status).toBe(200);
    expect(original.body.subarray(0, 2).toString()).toBe("PK");
    const head = await dav("HEAD", link.path);
    expect(head.status).toBe(200);
    expect(Number(head.headers["content-length"])).toBe(original.body.length);

    const lock = await dav("LOCK", link.path, {
      headers: { "content-type": "application/xml", timeout: "Second-600" },
      body: LOCK_BODY,
    });
    expect(lock.status).toBe(200);
    // In angle brackets, as RFC 4918 says (webdav-server 2.6.3 left them out; patched).
    expect(lock.headers["lock-token"]).toMatch(/^<urn:uuid:[^>]+>$/);
    const token = lockTokenOf(lock.headers);

    // The untagged If header office programs send after LOCK (it crashed webdav-server 2.6.3 unpatched).
    const edited = Buffer.concat([original.body, Buffer.from("edited")]);
    const put = await dav("PUT", link.path, { headers: { if: `(<${token}>)` }, body: edited });
    expect(put.status).toBe(200);
    expect((await dav("GET", link.path)).body.equals(edited)).toBe(true);

    const h = tenantHandle(eupen);
    const versions = await h.db
      .select()
      .from(h.t.excerptVersions)
      .where(eq(h.t.excerptVersions.excerptId, id))
      .orderBy(h.t.excerptVersions.number);
    expect(versions.map((v) => [v.number, v.userId, v.fileSize])).toEqual([
      [1, worker.user.id, original.body.length],
      [2, worker.user.id, edited.length],
    ]);
    // The print itself is kept, as it was.
    const first = await documentStorage().get(eupen.id, versions[0]!.storageKey);
    const chunks: Buffer[] = [];
    for await (const c of file(first.stream)) chunks.push(c);
    expect(Buffer.concat(chunks).equals(original.body)).toBe(true);
    const [audit] = await h.db
      .select()
      .from(h.t.auditLog)
      .where(
        and(
          eq(h.t.auditLog.entity, "documents.mine"),
          eq(h.t.auditLog.entityId, String(id)),
          eq(h.t.auditLog.action, "documents.mine.update"),
        ),
      );
    expect(audit).toMatchObject({ actor: `user:${worker.user.id}` });
    expect(audit!.changes).toMatchObject({ version: { from: 1, to: 2 } });
    const [linked] = await h.db
      .select()
      .from(h.t.auditLog)
      .where(and(eq(h.t.auditLog.entityId, String(id)), eq(h.t.auditLog.action, "documents.mine.editLink")));
    expect(linked).toMatchObject({ actor: `user:${worker.user.id}` });

    const unlock = await dav("UNLOCK", link.path, { headers: { "lock-token": `<${token}>` } });
    expect(unlock.status).toBe(204);

    // The document's detail lists both versions, each downloadable: the print as it was, the save.
    const panel = (await (
      await caller(eupen, worker.claims)
    ).resources.panel({ resource: "documents.mine", id, key: "documentEdit" })) as EditPanel;
    expect(panel).toMatchObject({ id, editable: true, program: "word" });
    expect(panel.versions.map((v) => [v.number, v.user, v.fileSize])).toEqual([
      [1, "Hubert Huppertz", original.body.length],
      [2, "Hubert Huppertz", edited.length],
    ]);
    const v1 = await versionDownload(versionGet(eupen, panel.versions[0]!.href), worker.claims, String(id), "1");
    expect(v1.status).toBe(200);
    expect(Buffer.from(await v1.arrayBuffer()).equals(original.body)).toBe(true);
    const v2 = await versionDownload(versionGet(eupen, panel.versions[1]!.href), worker.claims, String(id), "2");
    expect(Buffer.from(await v2.arrayBuffer()).equals(edited)).toBe(true);
    expect((await versionDownload(versionGet(eupen, "/x"), worker.claims, String(id), "3")).status).toBe(404);
    // Not on another centre's host, not for a user type that does not read printed documents.
    const foreign = await newUser(chatelet, "100");
    expect((await versionDownload(versionGet(chatelet, "/x"), foreign.claims, String(id), "1")).status).toBe(404);
    const reception = await newUser(eupen, "210");
    const refused = await versionDownload(versionGet(eupen, "/x"), reception.claims, String(id), "1");
    expect(hasRole("210", "OfficeUser") || hasRole("210", "OfficeOperator") ? 200 : 403).toBe(refused.status);
  });

  it("gives a second editor 423 while the first holds the lock, and lets them in after UNLOCK", async () => {
    const id = await printed();
    const mine = await editLink(id);
    const theirs = await editLink(id, colleague);
    const lock = await dav("LOCK", mine.path, { headers: { "content-type": "application/xml" }, body: LOCK_BODY });
    expect(lock.status).toBe(200);
    expect(
      (await dav("LOCK", theirs.path, { headers: { "content-type": "application/xml" }, body: LOCK_BODY })).status,
    ).toBe(423);
    expect((await dav("PUT", theirs.path, { body: "theirs" })).status).toBe(423);
    await dav("UNLOCK", mine.path, { headers: { "lock-token": `<${lockTokenOf(lock.headers)}>` } });
    expect((await dav("PUT", theirs.path, { body: "theirs" })).status).toBe(200);
  });

  it("refuses an expired link, a revoked link, a made-up token and another file name", async () => {
    const id = await printed();
    const h = tenantHandle(eupen);
    const expired = await editLink(id);
    const revoked = await editLink(id);
    const tokenOf = (path: string) => path.split("/")[2]!;
    await h.db
      .update(h.t.davTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(h.t.davTokens.tokenHash, hashToken(tokenOf(expired.path))));
    await h.db
      .update(h.t.davTokens)
      .set({ revoked: true })
      .where(eq(h.t.davTokens.tokenHash, hashToken(tokenOf(revoked.path))));
    for (const path of [expired.path, revoked.path, `/dav/${"A".repeat(43)}/x.docx`]) {
      const res = await dav("GET", path);
      expect(res.status).toBe(404);
      expect(res.body.toString()).toContain("lien de modification");
      expect((await dav("PUT", path, { body: "x" })).status).toBe(404);
    }
    const valid = await editLink(id);
    expect((await dav("GET", valid.path.replace(/\/[^/]+$/, "/other.docx"))).status).toBe(404);
    expect((await dav("PUT", valid.path.replace(/\/[^/]+$/, "/other.docx"), { body: "x" })).status).not.toBe(200);
  });

  it("makes a link of one centre worthless on another centre's host", async () => {
    const link = await editLink(await printed());
    const res = await dav("GET", link.path, { host: `${chatelet.slug}.localhost` });
    expect(res.status).toBe(404);
    expect((await dav("PUT", link.path, { host: `${chatelet.slug}.localhost`, body: "x" })).status).toBe(404);
    expect((await dav("GET", link.path, { host: "localhost" })).status).toBe(404);
  });

  it("refuses to edit a certifying document: no link, and an earlier link stops working", async () => {
    const id = await printed();
    const link = await editLink(id);
    const h = tenantHandle(eupen);
    const [excerpt] = await h.db.select().from(h.t.excerpts).where(eq(h.t.excerpts.id, id));
    await h.db.update(h.t.excerptTypes).set({ certifying: true }).where(eq(h.t.excerptTypes.id, excerpt!.typeId));
    try {
      expect(await appCodeOf(editLink(id))).toBe("INVALID_INPUT");
      const panel = await (
        await caller(eupen, worker.claims)
      ).resources.panel({ resource: "documents.mine", id, key: "documentEdit" });
      expect(panel).toMatchObject({ editable: false });
      expect((await dav("GET", link.path)).status).toBe(404);
      expect((await dav("PUT", link.path, { body: "x" })).status).toBe(404);
    } finally {
      await h.db.update(h.t.excerptTypes).set({ certifying: false }).where(eq(h.t.excerptTypes.id, excerpt!.typeId));
    }
    expect(canEditInPlace({ certifying: true, fileName: "a.docx" })).toBe(false);
    expect(canEditInPlace({ certifying: false, fileName: "a.pdf" })).toBe(false);
    expect(canEditInPlace({ certifying: false, fileName: "a.docx" })).toBe(true);
  });
});

describe("the Edit action's permissions", () => {
  it("gives an edit link to each user type that reads printed documents, and to no other", async () => {
    const id = await printed();
    // 000 cannot sign in at all (UNAUTHORIZED), which the sign-in tests cover.
    for (const type of USER_TYPES.filter((type) => type !== "000")) {
      const who = await newUser(eupen, type);
      const allowed = hasRole(type, "OfficeUser") || hasRole(type, "OfficeOperator");
      const result = editLink(id, who);
      if (allowed) await expect(result, type).resolves.toMatchObject({ path: expect.stringMatching(/^\/dav\//) });
      else expect(await appCodeOf(result), type).toBe("FORBIDDEN");
    }
  });

  it("never gives a link to another centre's document", async () => {
    const id = await printed();
    const foreign = await newUser(chatelet, "100");
    // Châtelet has no excerpt with this id, or has one of its own: either way not Eupen's document.
    const c = await caller(chatelet, foreign.claims);
    expect(await appCodeOf(c.documents.openForEdit({ id }))).toBe("NOT_FOUND");
    // Eupen's worker on Châtelet's host is not signed in there.
    expect(await appCodeOf((await caller(chatelet, worker.claims)).documents.openForEdit({ id }))).toBe("UNAUTHORIZED");
  });
});

async function* file(stream: NodeJS.ReadableStream) {
  for await (const c of stream) yield c as Buffer;
}

describe("WebDAV locks shared by two instances through the database", () => {
  /** A second instance of the application: its own pool of connections to the same database, its own lock managers. */
  let secondPool: pg.Pool;
  const second = (tenant: Tenant) => ({
    db: drizzle(secondPool) as ReturnType<typeof tenantHandle>["db"],
    t: tenantTables(tenantHandle(tenant).schema),
  });
  beforeAll(() => {
    secondPool = new pg.Pool({ connectionString: clusterUrl(eupen.clusterId), max: 2 });
  });
  afterAll(() => secondPool.end());

  const call = <T>(f: (cb: (e?: Error | null, v?: T) => void) => void) =>
    new Promise<T>((resolve, reject) => f((e, v) => (e ? reject(e) : resolve(v as T))));
  const newLock = (scope: "exclusive" | "shared", user: string, depth = 0, timeout = 3600) =>
    new webdav.Lock(
      new webdav.LockKind(new webdav.LockScope(scope), webdav.LockType.Write, timeout),
      user,
      // The owner element's content as xml-js-builder parses it (a text node).
      [{ type: "text", text: user }] as never,
      depth,
    );

  it("sees on the second instance the lock an editor took over HTTP on the first, and refuses it another lock", async () => {
    const id = await printed();
    const link = await editLink(id);
    const lock = await dav("LOCK", link.path, { headers: { "content-type": "application/xml" }, body: LOCK_BODY });
    expect(lock.status).toBe(200);
    const token = lockTokenOf(lock.headers);
    const other = new DbLockManager(second(eupen), id, true);
    const seen = await call<webdav.Lock[]>((cb) => other.getLocks(cb));
    // No Depth header: infinity (-1), as webdav-server reads it.
    expect(seen.map((l) => [l.uuid, l.lockKind.scope.value, l.depth])).toEqual([[token, "exclusive", -1]]);
    await expect(call((cb) => other.setLock(newLock("exclusive", "colleague"), cb))).rejects.toBe(webdav.Errors.Locked);
    await expect(call((cb) => other.setLock(newLock("shared", "colleague"), cb))).rejects.toBe(webdav.Errors.Locked);
    // The first instance answers UNLOCK; the second then lets the colleague lock.
    expect((await dav("UNLOCK", link.path, { headers: { "lock-token": `<${token}>` } })).status).toBe(204);
    expect(await call<webdav.Lock[]>((cb) => other.getLocks(cb))).toEqual([]);
    await call((cb) => other.setLock(newLock("exclusive", "colleague"), cb));
    // …and the first instance now answers 423 to the editor.
    expect(
      (await dav("LOCK", link.path, { headers: { "content-type": "application/xml" }, body: LOCK_BODY })).status,
    ).toBe(423);
  });

  it("takes a Depth header that is no number as infinity rather than failing", async () => {
    const link = await editLink(await printed());
    const lock = await dav("LOCK", link.path, {
      headers: { "content-type": "application/xml", depth: "deep" },
      body: LOCK_BODY,
    });
    expect(lock.status).toBe(200);
    const h = tenantHandle(eupen);
    const [row] = await h.db
      .select()
      .from(h.t.davLocks)
      .where(eq(h.t.davLocks.token, lockTokenOf(lock.headers)));
    expect(row?.depth).toBe(-1);
  });

  it("gives either instance the same lock (token, user, owner, depth, expiry), refreshed and removed by the other", async () => {
    const id = await printed();
    const one = new DbLockManager(tenantHandle(eupen), id, true);
    const two = new DbLockManager(second(eupen), id, true);
    const taken = newLock("exclusive", "hubert", -1, 600);
    await call((cb) => one.setLock(taken, cb));
    const found = await call<webdav.Lock>((cb) => two.getLock(taken.uuid, cb));
    expect(found.isSame(taken)).toBe(true);
    expect(found).toMatchObject({ userUid: "hubert", depth: -1, owner: [{ type: "text", text: "hubert" }] });
    expect(found.expired()).toBe(false);

    const refreshed = await call<webdav.Lock>((cb) => two.refresh(taken.uuid, 7200, cb));
    expect(refreshed.expirationDate).toBeGreaterThan(taken.expirationDate);
    expect((await call<webdav.Lock>((cb) => one.getLock(taken.uuid, cb))).expirationDate).toBe(
      refreshed.expirationDate,
    );
    expect(await call<boolean>((cb) => two.removeLock(taken.uuid, cb))).toBe(true);
    expect(await call<boolean>((cb) => one.removeLock(taken.uuid, cb))).toBe(false);
    expect(await call<webdav.Lock | undefined>((cb) => one.getLock(taken.uuid, cb))).toBeUndefined();
  });

  it("lets shared locks stand together, and the folder's infinite lock cover the document", async () => {
    const id = await printed();
    const fileOne = new DbLockManager(tenantHandle(eupen), id, true);
    const fileTwo = new DbLockManager(second(eupen), id, true);
    const folderTwo = new DbLockManager(second(eupen), id, false);
    await call((cb) => fileOne.setLock(newLock("shared", "a"), cb));
    await call((cb) => fileTwo.setLock(newLock("shared", "b"), cb));
    expect(await call<webdav.Lock[]>((cb) => fileOne.getLocks(cb))).toHaveLength(2);
    // A folder lock of depth 0 does not reach the document; one of depth infinity does.
    await call((cb) => folderTwo.setLock(newLock("exclusive", "c", 0), cb));
    await expect(call((cb) => folderTwo.setLock(newLock("exclusive", "c", -1), cb))).rejects.toBe(webdav.Errors.Locked);
    expect(await call<webdav.Lock[]>((cb) => folderTwo.getLocks(cb))).toHaveLength(1);
  });

  it("grants only one of two exclusive locks asked at once on the two instances", async () => {
    const id = await printed();
    const one = new DbLockManager(tenantHandle(eupen), id, true);
    const two = new DbLockManager(second(eupen), id, true);
    const results = await Promise.allSettled([
      call((cb) => one.setLock(newLock("exclusive", "a"), cb)),
      call((cb) => two.setLock(newLock("exclusive", "b"), cb)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await call<webdav.Lock[]>((cb) => one.getLocks(cb))).toHaveLength(1);
  });

  it("forgets an expired lock (and deletes its row), and keeps each centre's locks to itself", async () => {
    const id = await printed();
    const one = new DbLockManager(tenantHandle(eupen), id, true);
    const old = newLock("exclusive", "a");
    old.expirationDate = Date.now() - 1000;
    await call((cb) => one.setLock(old, cb));
    const two = new DbLockManager(second(eupen), id, true);
    expect(await call<webdav.Lock[]>((cb) => two.getLocks(cb))).toEqual([]);
    const h = tenantHandle(eupen);
    expect(await h.db.select().from(h.t.davLocks).where(eq(h.t.davLocks.token, old.uuid))).toEqual([]);
    // An expired lock is no lock: a new one is granted.
    const fresh = newLock("exclusive", "b");
    await call((cb) => two.setLock(fresh, cb));
    // Another centre's document of the same id has no lock: the table is the centre's own.
    const foreign = new DbLockManager(second(chatelet), id, true);
    expect(await call<webdav.Lock[]>((cb) => foreign.getLocks(cb))).toEqual([]);
    expect(await call<webdav.Lock | undefined>((cb) => foreign.getLock(fresh.uuid, cb))).toBeUndefined();
    expect(await call<boolean>((cb) => foreign.removeLock(fresh.uuid, cb))).toBe(false);
    expect(await call<webdav.Lock[]>((cb) => one.getLocks(cb))).toHaveLength(1);
  });
});

describe("WebDAV dead properties shared by two instances through the database", () => {
  let secondPool: pg.Pool;
  const second = (tenant: Tenant) => ({
    db: drizzle(secondPool) as ReturnType<typeof tenantHandle>["db"],
    t: tenantTables(tenantHandle(tenant).schema),
  });
  beforeAll(() => {
    secondPool = new pg.Pool({ connectionString: clusterUrl(eupen.clusterId), max: 2 });
  });
  afterAll(() => secondPool.end());

  const call = <T>(f: (cb: (e?: Error | null, v?: T) => void) => void) =>
    new Promise<T>((resolve, reject) => f((e, v) => (e ? reject(e) : resolve(v as T))));
  const MS = "urn:schemas-microsoft-com:";
  const proppatch = (inner: string) =>
    `<?xml version="1.0" encoding="utf-8"?><D:propertyupdate xmlns:D="DAV:" xmlns:Z="${MS}">${inner}</D:propertyupdate>`;
  const propfind = (name: string) =>
    `<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:"><D:prop><Z:${name} xmlns:Z="${MS}"/></D:prop></D:propfind>`;
  const set = (name: string, value: string) => `<D:set><D:prop><Z:${name}>${value}</Z:${name}></D:prop></D:set>`;

  it("answers PROPFIND on one instance with what PROPPATCH told the other, both ways, and forgets a removed one", async () => {
    const id = await printed();
    const link = await editLink(id);
    const patched = await dav("PROPPATCH", link.path, {
      headers: { "content-type": "application/xml" },
      body: proppatch(set("Win32LastModifiedTime", "Mon, 07 Dec 2026 03:00:00 GMT")),
    });
    expect(patched.status).toBe(207);
    expect(patched.body.toString()).toContain("200 OK");

    // The second instance reads it from the database: the name as webdav-server spells it, the text as sent.
    const two = new DbPropertyManager(second(eupen), id, true);
    const bag = await call<webdav.PropertyBag>((cb) => two.getProperties(cb));
    expect(Object.keys(bag)).toEqual([`${MS}Win32LastModifiedTime`]);
    expect(JSON.stringify(bag[`${MS}Win32LastModifiedTime`]!.value)).toContain("Mon, 07 Dec 2026 03:00:00 GMT");
    // The folder of the link has none of the document's.
    expect(
      await call<webdav.PropertyBag>((cb) => new DbPropertyManager(second(eupen), id, false).getProperties(cb)),
    ).toEqual({});

    // Set on the second instance, it is answered over HTTP by the first.
    await call((cb) =>
      two.setProperty(`${MS}Win32FileAttributes`, [{ type: "text", text: "00000020" }] as never, {}, cb),
    );
    const found = await dav("PROPFIND", link.path, {
      headers: { "content-type": "application/xml", depth: "0" },
      body: propfind("Win32FileAttributes"),
    });
    expect(found.status).toBe(207);
    expect(found.body.toString()).toMatch(/Win32FileAttributes[^>]*>00000020</);

    // A second PROPPATCH replaces the value; a remove takes it away on every instance.
    await dav("PROPPATCH", link.path, {
      headers: { "content-type": "application/xml" },
      body: proppatch(set("Win32LastModifiedTime", "Tue, 08 Dec 2026 09:00:00 GMT")),
    });
    const [value] = await call<[webdav.ResourcePropertyValue]>((cb) =>
      two.getProperty(`${MS}Win32LastModifiedTime`, (e, v) => cb(e, [v!])),
    );
    expect(JSON.stringify(value)).toContain("Tue, 08 Dec 2026");
    const removed = await dav("PROPPATCH", link.path, {
      headers: { "content-type": "application/xml" },
      body: proppatch(`<D:remove><D:prop><Z:Win32LastModifiedTime/></D:prop></D:remove>`),
    });
    expect(removed.status).toBe(207);
    await expect(call((cb) => two.getProperty(`${MS}Win32LastModifiedTime`, (e, v) => cb(e, v)))).rejects.toBe(
      webdav.Errors.PropertyNotFound,
    );
    expect(Object.keys(await call<webdav.PropertyBag>((cb) => two.getProperties(cb)))).toEqual([
      `${MS}Win32FileAttributes`,
    ]);
  });

  it("refuses (423) a PROPPATCH on a document another instance's editor has locked, setting nothing", async () => {
    const id = await printed();
    const link = await editLink(id);
    await call((cb) =>
      new DbLockManager(second(eupen), id, true).setLock(
        new webdav.Lock(
          new webdav.LockKind(new webdav.LockScope("exclusive"), webdav.LockType.Write, 600),
          `${eupen.id}:${colleague.user.id}`,
          null as never,
          0,
        ),
        cb,
      ),
    );
    const refused = await dav("PROPPATCH", link.path, {
      headers: { "content-type": "application/xml" },
      body: proppatch(set("Win32FileAttributes", "00000020")),
    });
    expect(refused.status).toBe(423);
    const h = tenantHandle(eupen);
    expect(await h.db.select().from(h.t.davProperties).where(eq(h.t.davProperties.excerptId, id))).toEqual([]);
  });

  it("keeps each centre's properties to itself, refuses DAV: properties and oversized values", async () => {
    const id = await printed();
    const one = new DbPropertyManager(tenantHandle(eupen), id, true);
    await call((cb) => one.setProperty("urn:x:secret", "eupen's", {}, cb));
    // Châtelet's table has no such row, whatever its document of the same id.
    const foreign = new DbPropertyManager(second(chatelet), id, true);
    expect(await call<webdav.PropertyBag>((cb) => foreign.getProperties(cb))).toEqual({});
    await expect(call((cb) => foreign.getProperty("urn:x:secret", (e, v) => cb(e, v)))).rejects.toBe(
      webdav.Errors.PropertyNotFound,
    );
    // webdav-server itself refuses to set a live (DAV:) property: 403 inside the 207.
    const link = await editLink(id);
    const live = await dav("PROPPATCH", link.path, {
      headers: { "content-type": "application/xml" },
      body: proppatch(`<D:set><D:prop><D:getcontentlength>1</D:getcontentlength></D:prop></D:set>`),
    });
    expect(live.body.toString()).toContain("403");
    await expect(call((cb) => one.setProperty("urn:x:big", "x".repeat(70_000), {}, cb))).rejects.toBe(
      webdav.Errors.InsufficientStorage,
    );
    // The link on another centre's host is unknown there: 404, nothing set.
    const elsewhere = await dav("PROPPATCH", link.path, {
      host: `${chatelet.slug}.localhost`,
      headers: { "content-type": "application/xml" },
      body: proppatch(set("Win32FileAttributes", "00000020")),
    });
    expect(elsewhere.status).toBe(404);
    const h = tenantHandle(eupen);
    const rows = await h.db.select().from(h.t.davProperties).where(eq(h.t.davProperties.excerptId, id));
    expect(rows.map((r) => r.name)).toEqual(["urn:x:secret"]);
    expect(await tenantHandle(chatelet).db.select().from(tenantHandle(chatelet).t.davProperties)).toEqual([]);
  });

  it("goes with the document when its client is deleted", async () => {
    const other = await newClient(eupen, { firstName: "Paul", lastName: "Pesch", language: "fr" });
    const c = await caller(eupen, worker.claims);
    const id = Number((await c.resources.action({ resource: "clients.clients", id: other, name: "print" }))!.open!.id);
    await call((cb) => new DbPropertyManager(second(eupen), id, true).setProperty("urn:x:p", "v", {}, cb));
    const h = tenantHandle(eupen);
    const [{ version } = { version: 0 }] = await h.db
      .select({ version: h.t.partners.version })
      .from(h.t.partners)
      .where(eq(h.t.partners.id, other));
    await c.resources.remove({ resource: "clients.clients", id: other, version });
    expect(await h.db.select().from(h.t.excerpts).where(eq(h.t.excerpts.id, id))).toEqual([]);
    expect(await h.db.select().from(h.t.davProperties).where(eq(h.t.davProperties.excerptId, id))).toEqual([]);
  });
});
