import { readdir } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { projectPath } from "@/lib/project-path";
import { registry } from "@/server/areas";
import { resolveSessionUser, type SessionClaims } from "@/server/auth/session";
import { sessionSecretFor } from "@/server/auth/session-cookie";
import { USER_TYPES, hasRole, type UserType } from "@/server/auth/user-types";
import { runChecker } from "@/server/checks/run";
import { env } from "@/server/env";
import { requestListener } from "@/server/main";
import type { ResourceCtx } from "@/server/resources/define";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { addDays, addMonths } from "@/server/calendar/rules/reminders";
import { belgianToday } from "@/lib/format";
import { missingFileChecker, orphanFileChecker } from "@/server/uploads/checkers";
import { answerUploadRoute } from "@/server/uploads/direct";
import { downloadGet, uploadPost } from "@/server/uploads/routes";
import { demoPdf, demoPng } from "@/server/uploads/seed";
import { uploadStorage } from "@/server/uploads/storage";
import { myExpiringUploads, uploadsSummaryPanel } from "@/server/uploads/summary";
import { newClient, newCoaching } from "./factories";
import { appCodeOf, callerOn, centreHost, newCentre, newUser } from "./helpers";

let eupen: Tenant;
let chatelet: Tenant;
let clientId: number;
let clerk: { user: { id: number }; claims: SessionClaims };
let typeIds: Record<string, number>;

const today = belgianToday();
const sixWeeks = addDays(today, 42);

/** The bytes of a Linux executable's start (ELF header), as a file a user might call "permit.pdf". */
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096, 1)]);

function stream(...chunks: (Buffer | Error)[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      const next = chunks[i++];
      if (next === undefined) controller.close();
      else if (next instanceof Error) controller.error(next);
      else controller.enqueue(new Uint8Array(next));
    },
  });
}

/** A POST of the upload route as the browser's insert form sends it on that centre's host. */
function post(
  tenant: Tenant,
  body: ReadableStream<Uint8Array> | Buffer,
  values: Record<string, unknown>,
  opts: { name?: string; type?: string; origin?: string } = {},
) {
  return new Request(`http://${tenant.slug}.localhost/api/uploads`, {
    method: "POST",
    body: body instanceof Buffer ? new Uint8Array(body) : body,
    duplex: "half",
    headers: {
      host: `${tenant.slug}.localhost`,
      origin: opts.origin ?? `http://${tenant.slug}.localhost`,
      "content-type": opts.type ?? "application/pdf",
      "x-upload-name": encodeURIComponent(opts.name ?? "permit.pdf"),
      "x-upload-fields": encodeURIComponent(JSON.stringify({ values })),
    },
  } as RequestInit);
}

const get = (tenant: Tenant, id: number | string) =>
  new Request(`http://${tenant.slug}.localhost/api/uploads/${id}/file.pdf`, {
    headers: { host: `${tenant.slug}.localhost` },
  });

/** Every file the storage holds for the centre, and whatever is left in its folder for incoming files. */
async function filesOf(tenant: Tenant) {
  const stored: string[] = [];
  for await (const f of uploadStorage().list(tenant.id)) stored.push(f.key);
  const incoming = await readdir(path.join(projectPath(env().UPLOADS_DIR), tenant.id, ".incoming")).catch(() => []);
  return { stored, incoming };
}

const rowsOf = async (tenant: Tenant) => {
  const h = tenantHandle(tenant);
  return h.db.select().from(h.t.uploads);
};

async function ctxOf(tenant: Tenant, claims: SessionClaims): Promise<ResourceCtx> {
  const handle = tenantHandle(tenant);
  return { handle, user: (await resolveSessionUser(handle, tenant, claims))!, locale: "fr", registry };
}

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("upl-eupen", "production"), newCentre("upl-chat", "production")]);
  clientId = await newClient(eupen);
  clerk = await newUser(eupen, "210", { language: "de", firstName: "Theresia", lastName: "Thelen" });
  const h = tenantHandle(eupen);
  const types = await h.db.select().from(h.t.uploadTypes);
  typeIds = Object.fromEntries(types.map((t) => [t.names.en!, t.id]));
});

describe("uploading a scanned document", () => {
  it("stores the file, creates the row and gives the uploader the expiry reminder in her language", async () => {
    const pdf = demoPdf("Residence permit");
    const res = await uploadPost(
      post(eupen, pdf, { client: clientId, type: typeIds["Residence permit"], endDate: sixWeeks }),
      clerk.claims,
    );
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };
    const h = tenantHandle(eupen);
    const [row] = await h.db.select().from(h.t.uploads).where(eq(h.t.uploads.id, id));
    expect(row).toMatchObject({
      fileName: "permit.pdf",
      mimeType: "application/pdf",
      fileSize: pdf.length,
      userId: clerk.user.id,
      needed: true,
    });
    expect((await filesOf(eupen)).stored).toContain(row!.storageKey);
    const tasks = await h.db
      .select()
      .from(h.t.tasks)
      .where(and(eq(h.t.tasks.ownerType, "upload"), eq(h.t.tasks.ownerId, id)));
    // Residence permit: warned two months before the end of validity, already past: today, for the uploader, in German.
    expect(tasks).toMatchObject([
      { userId: clerk.user.id, summary: "Aufenthaltserlaubnis läuft ab", startDate: today },
    ]);
    // Edited to end in a year, the reminder moves to two months before.
    const caller = await callerOn(centreHost(eupen.slug), {}, clerk.claims);
    await caller.resources.update({
      resource: "uploads.uploads",
      id,
      version: 1,
      patch: { endDate: addDays(today, 365) },
    });
    const [moved] = await h.db
      .select()
      .from(h.t.tasks)
      .where(and(eq(h.t.tasks.ownerType, "upload"), eq(h.t.tasks.ownerId, id)));
    expect(moved?.startDate).toBe(addMonths(addDays(today, 365), -2));
    const [audit] = await h.db
      .select()
      .from(h.t.auditLog)
      .where(and(eq(h.t.auditLog.entity, "uploads.uploads"), eq(h.t.auditLog.entityId, String(id))));
    expect(audit?.action).toBe("uploads.uploads.create");
  });

  it("refuses an executable declared as a PDF with a translated 400, keeping no row and no file", async () => {
    const before = { rows: (await rowsOf(eupen)).length, files: await filesOf(eupen) };
    const res = await uploadPost(
      post(eupen, ELF, { client: clientId, type: typeIds["Residence permit"] }, { name: "permis.pdf" }),
      clerk.claims,
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe("UPLOAD_TYPE_MISMATCH");
    expect(body.message).toBe(
      "Der Inhalt der Datei (elf) passt nicht zu ihrem Namen oder Typ (pdf). Sie wurde nicht gespeichert.",
    );
    expect((await rowsOf(eupen)).length).toBe(before.rows);
    expect(await filesOf(eupen)).toEqual(before.files);
  });

  it("refuses a PNG named .pdf, HTML, and an empty file", async () => {
    const values = { client: clientId, type: typeIds["Diploma"] };
    const png = await uploadPost(post(eupen, demoPng(), values, { name: "scan.pdf" }), clerk.claims);
    expect((await png.json()).error).toBe("UPLOAD_TYPE_MISMATCH");
    const html = await uploadPost(
      post(eupen, Buffer.from("<html><script>alert(1)</script></html>"), values, { name: "a.html", type: "text/html" }),
      clerk.claims,
    );
    expect(html.status).toBe(400);
    const empty = await uploadPost(post(eupen, Buffer.alloc(0), values), clerk.claims);
    expect((await empty.json()).error).toBe("UPLOAD_EMPTY");
  });

  it("leaves no row and no file when the client goes away midway", async () => {
    const before = { rows: (await rowsOf(eupen)).length, files: await filesOf(eupen) };
    const pdf = demoPdf("Interrupted");
    const body = stream(pdf, Buffer.alloc(256 * 1024, 32), new Error("aborted"));
    const res = await uploadPost(post(eupen, body, { client: clientId, type: typeIds["Diploma"] }), clerk.claims);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe("UPLOAD_INTERRUPTED");
    expect((await rowsOf(eupen)).length).toBe(before.rows);
    expect(await filesOf(eupen)).toEqual(before.files);
  });

  it("refuses a file above the centre's limit, and bad form values, keeping nothing", async () => {
    const h = tenantHandle(eupen);
    await h.db.update(h.t.siteSettings).set({ uploadMaxMegabytes: 1 }).where(eq(h.t.siteSettings.id, 1));
    const before = { rows: (await rowsOf(eupen)).length, files: await filesOf(eupen) };
    try {
      const big = stream(demoPdf("Big"), Buffer.alloc(1024 * 1024, 32), Buffer.alloc(1024 * 1024, 32));
      const res = await uploadPost(post(eupen, big, { client: clientId, type: typeIds["Diploma"] }), clerk.claims);
      expect(res.status).toBe(413);
      expect((await res.json()).error).toBe("UPLOAD_TOO_LARGE");
    } finally {
      await h.db.update(h.t.siteSettings).set({ uploadMaxMegabytes: 50 }).where(eq(h.t.siteSettings.id, 1));
    }
    // The form's values are checked like the generic form's: a type that does not exist names its field.
    const bad = await uploadPost(post(eupen, demoPdf("x"), { client: clientId, type: 999_999 }), clerk.claims);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { data: { params: { field: string } } }).data.params.field).toBe("type");
    const notClient = await uploadPost(post(eupen, demoPdf("x"), { client: "x", type: 1 }), clerk.claims);
    expect(notClient.status).toBe(400);
    expect((await rowsOf(eupen)).length).toBe(before.rows);
    expect(await filesOf(eupen)).toEqual(before.files);
  });

  it("refuses a cross-site post and a visitor without a session", async () => {
    const values = { client: clientId, type: typeIds["Diploma"] };
    const forged = await uploadPost(
      post(eupen, demoPdf("x"), values, { origin: "http://evil.localhost" }),
      clerk.claims,
    );
    expect(forged.status).toBe(403);
    expect((await forged.json()).error).toBe("FORGED_REQUEST");
    const anonymous = await uploadPost(post(eupen, demoPdf("x"), values), null);
    expect(anonymous.status).toBe(401);
  });

  it("is never created without its file through the generic procedure", async () => {
    const caller = await callerOn(centreHost(eupen.slug), {}, clerk.claims);
    expect(
      await appCodeOf(
        caller.resources.create({
          resource: "uploads.uploads",
          values: { client: clientId, type: typeIds["Diploma"] },
        }),
      ),
    ).toBe("INVALID_INPUT");
  });
});

describe("downloading", () => {
  let uploadId: number;
  const pdf = demoPdf("Work permit");
  beforeAll(async () => {
    const res = await uploadPost(
      post(eupen, pdf, { client: clientId, type: typeIds["Work permit"] }, { name: "Arbeitserlaubnis März.pdf" }),
      clerk.claims,
    );
    uploadId = ((await res.json()) as { id: number }).id;
  });

  it("streams the file with safe headers and writes the access log", async () => {
    const reader = await newUser(eupen, "100");
    const res = await downloadGet(get(eupen, uploadId), reader.claims, String(uploadId));
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^inline; filename="Arbeitserlaubnis Marz.pdf"/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const h = tenantHandle(eupen);
    const log = await h.db.select().from(h.t.accessLog).where(eq(h.t.accessLog.userId, reader.user.id));
    expect(log).toMatchObject([{ partnerId: clientId, what: "download" }]);
  });

  it("saves anything that is not a PDF or an image as an attachment", async () => {
    const h = tenantHandle(eupen);
    await h.db.update(h.t.uploads).set({ mimeType: "application/msword" }).where(eq(h.t.uploads.id, uploadId));
    try {
      const res = await downloadGet(get(eupen, uploadId), clerk.claims, String(uploadId));
      expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
      expect(res.headers.get("content-security-policy")).toContain("sandbox");
      await res.body?.cancel();
    } finally {
      await h.db.update(h.t.uploads).set({ mimeType: "application/pdf" }).where(eq(h.t.uploads.id, uploadId));
    }
  });

  it("reveals nothing of another centre's upload, even with a valid session there", async () => {
    const other = await newUser(chatelet, "900");
    // Châtelet has no upload with Eupen's id: the answer is the one for an id that exists nowhere.
    const foreign = await downloadGet(get(chatelet, uploadId), other.claims, String(uploadId));
    const nowhere = await downloadGet(get(chatelet, 2_000_000_000), other.claims, "2000000000");
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toBe(await nowhere.text());
    // Châtelet's session on Eupen's host is no session there.
    const crossed = await downloadGet(get(eupen, uploadId), other.claims, String(uploadId));
    expect(crossed.status).toBe(401);
    expect(await crossed.text()).not.toContain("Arbeitserlaubnis");
  });

  it("follows the user types: those who handle documents read them, others get 403", async () => {
    const caller = (claims: SessionClaims) => callerOn(centreHost(eupen.slug), {}, claims);
    const state = { page: 1, pageSize: 25, sort: [], filters: {}, q: "", master: { field: "client", value: clientId } };
    for (const type of USER_TYPES.filter((t) => t !== "000") as UserType[]) {
      const { claims } = await newUser(eupen, type);
      const handles = hasRole(type, "OfficeUser") || hasRole(type, "OfficeOperator");
      const res = await downloadGet(get(eupen, uploadId), claims, String(uploadId));
      expect(res.status, `download by ${type}`).toBe(handles ? 200 : 403);
      await res.body?.cancel();
      const c = await caller(claims);
      const listed = c.resources.list({ resource: "uploads.uploads", state });
      const got = c.resources.get({ resource: "uploads.uploads", id: uploadId });
      if (handles) {
        expect(
          (await listed).rows.map((r) => r.__id),
          `list by ${type}`,
        ).toContain(uploadId);
        expect((await got).fileName, `get by ${type}`).toBe("Arbeitserlaubnis März.pdf");
      } else {
        expect(await appCodeOf(listed), `list by ${type}`).toBe("FORBIDDEN");
        expect(await appCodeOf(got), `get by ${type}`).toBe("FORBIDDEN");
      }
      // The list of every upload without a client is office staff's (Explorer).
      const all = c.resources.list({ resource: "uploads.uploads", state: { ...state, master: undefined } });
      if (hasRole(type, "OfficeStaff")) expect((await all).total).toBeGreaterThan(0);
      else expect(await appCodeOf(all), `global list by ${type}`).toBe("FORBIDDEN");
    }
  });

  it("lists my uploads only to their uploader", async () => {
    const mine = await (
      await callerOn(centreHost(eupen.slug), {}, clerk.claims)
    ).resources.list({
      resource: "uploads.mine",
      state: { page: 1, pageSize: 50, sort: [], filters: {}, q: "" },
    });
    expect(mine.rows.length).toBeGreaterThan(0);
    const other = await newUser(eupen, "100");
    const theirs = await (
      await callerOn(centreHost(eupen.slug), {}, other.claims)
    ).resources.list({
      resource: "uploads.mine",
      state: { page: 1, pageSize: 50, sort: [], filters: {}, q: "" },
    });
    expect(theirs.rows).toEqual([]);
  });
});

describe("deleting an upload", () => {
  it("removes its file once the deletion is committed, with its reminder", async () => {
    const res = await uploadPost(
      post(eupen, demoPdf("Driving licence"), {
        client: clientId,
        type: typeIds["Driving licence"],
        endDate: sixWeeks,
      }),
      clerk.claims,
    );
    const { id } = (await res.json()) as { id: number };
    const h = tenantHandle(eupen);
    const [row] = await h.db.select().from(h.t.uploads).where(eq(h.t.uploads.id, id));
    const caller = await callerOn(centreHost(eupen.slug), {}, clerk.claims);
    const preview = await caller.resources.deletePreview({ resource: "uploads.uploads", id });
    expect(preview.blockers).toEqual([]);
    await caller.resources.remove({ resource: "uploads.uploads", id, version: 1 });
    expect(await uploadStorage().exists(eupen.id, row!.storageKey)).toBe(false);
    const tasks = await h.db
      .select()
      .from(h.t.tasks)
      .where(and(eq(h.t.tasks.ownerType, "upload"), eq(h.t.tasks.ownerId, id)));
    expect(tasks).toEqual([]);
  });
});

describe("the client's documents and the dashboard", () => {
  it("summarises by type with a + while a wanted type is missing, and the identifying document", async () => {
    const client = await newClient(eupen);
    const ctx = await ctxOf(eupen, clerk.claims);
    const empty = await uploadsSummaryPanel(ctx, client);
    expect(empty.idDocument).toMatchObject({ latest: null, count: 0 });
    expect(empty.types.find((t) => t.id === typeIds["Residence permit"])).toMatchObject({ files: [], canAdd: true });
    // Contracts keep their documents on the contract, not in the client's summary.
    expect(empty.types.some((t) => t.id === typeIds["Contract"])).toBe(false);
    for (const type of ["Residence permit", "Identifying document"])
      await uploadPost(post(eupen, demoPdf(type), { client, type: typeIds[type] }), clerk.claims);
    const after = await uploadsSummaryPanel(ctx, client);
    expect(after.types.find((t) => t.id === typeIds["Residence permit"])).toMatchObject({
      files: [{ label: "permit.pdf" }],
      canAdd: false, // at most one
    });
    expect(after.idDocument).toMatchObject({ count: 1, latest: { label: "permit.pdf" } });
  });

  it("shows my coached clients' needed uploads that end within a year, soonest first", async () => {
    const coach = await newUser(eupen, "100");
    const client = await newClient(eupen);
    await newCoaching(eupen, client, coach.user.id);
    for (const endDate of [addDays(today, 300), sixWeeks, addDays(today, 400), addDays(today, -1)])
      await uploadPost(post(eupen, demoPdf("x"), { client, type: typeIds["Residence permit"], endDate }), clerk.claims);
    const rows = await myExpiringUploads(tenantHandle(eupen), coach.user.id, today, addDays(today, 365));
    expect(rows.map((r) => r.endDate)).toEqual([sixWeeks, addDays(today, 300)]);
    expect(await myExpiringUploads(tenantHandle(chatelet), coach.user.id, today, addDays(today, 365))).toEqual([]);
  });
});

describe("data checkers", () => {
  it("find an upload whose file is gone and an orphan file, which the fix removes", async () => {
    const centre = await newCentre("upl-checks", "production");
    const client = await newClient(centre);
    const user = await newUser(centre, "900");
    const h = tenantHandle(centre);
    const [type] = await h.db.select().from(h.t.uploadTypes).limit(1);
    const first = await uploadPost(post(centre, demoPdf("a"), { client, type: type!.id }), user.claims);
    const { id } = (await first.json()) as { id: number };
    const [row] = await h.db.select().from(h.t.uploads).where(eq(h.t.uploads.id, id));
    await uploadStorage().delete(centre.id, row!.storageKey);
    expect(await runChecker(h, missingFileChecker)).toBe(1);

    const storage = uploadStorage();
    const orphan = storage.newKey();
    await storage.put(
      centre.id,
      orphan,
      (async function* () {
        yield demoPdf("orphan");
      })(),
    );
    // A file younger than an hour may be an upload being saved: not yet an orphan.
    expect(await runChecker(h, orphanFileChecker)).toBe(0);
    const { utimes } = await import("node:fs/promises");
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(path.join(projectPath(env().UPLOADS_DIR), centre.id, orphan), old, old);
    expect(await runChecker(h, orphanFileChecker)).toBe(1);
    const [problem] = await h.db
      .select()
      .from(h.t.dataProblems)
      .where(eq(h.t.dataProblems.checker, "uploadOrphanFiles"));
    const admin = await callerOn(centreHost(centre.slug), {}, user.claims);
    await admin.resources.action({ resource: "checks.allProblems", id: problem!.id, name: "fix" });
    expect(await storage.exists(centre.id, orphan)).toBe(false);
    expect(await h.db.select().from(h.t.dataProblems).where(eq(h.t.dataProblems.checker, "uploadOrphanFiles"))).toEqual(
      [],
    );
  });
});

describe("the upload routes served by the app's own server (not through Next)", () => {
  let server: http.Server;
  let port: number;
  const nextAnswered: string[] = [];
  beforeAll(async () => {
    // Next's part stands aside: whatever reaches it is noted and answered 418.
    server = http.createServer(
      requestListener(
        (req, res) => {
          nextAnswered.push(`${req.method} ${req.url}`);
          res.writeHead(418).end();
        },
        () => false, // no proxy is trusted
        answerUploadRoute,
      ),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
    return () => new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** The session cookie Auth.js would have set on the centre's host for these claims. */
  const cookieOf = async (tenant: Tenant, claims: SessionClaims) => {
    const name = "authjs.session-token";
    const secret = await sessionSecretFor({ kind: "tenant", slug: tenant.slug });
    return `${name}=${await encode({ token: { ...claims }, secret, salt: name })}`;
  };
  const send = (
    tenant: Tenant,
    method: string,
    pathname: string,
    headers: Record<string, string>,
    body?: Buffer,
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const req = http.request(
        { host: "127.0.0.1", port, method, path: pathname, headers: { host: `${tenant.slug}.localhost`, ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });

  it("takes a file in and gives it back byte for byte, with the route's checks, headers and refusals", async () => {
    const cookie = await cookieOf(eupen, clerk.claims);
    const pdf = Buffer.concat([demoPdf("Diploma"), Buffer.alloc(3 * 1024 * 1024, 0x20)]);
    const fields = encodeURIComponent(JSON.stringify({ values: { client: clientId, type: typeIds["Diploma"] } }));
    const upload = (headers: Record<string, string>) =>
      send(
        eupen,
        "POST",
        "/api/uploads",
        {
          cookie,
          origin: `http://${eupen.slug}.localhost`,
          "content-type": "application/pdf",
          "content-length": String(pdf.length),
          "x-upload-name": "bail.pdf",
          "x-upload-fields": fields,
          ...headers,
        },
        pdf,
      );
    const created = await upload({});
    expect(created.status, created.body.toString()).toBe(201);
    const { id } = JSON.parse(created.body.toString()) as { id: number };

    const got = await send(eupen, "GET", `/api/uploads/${id}/bail.pdf`, { cookie });
    expect(got.status).toBe(200);
    expect(got.body.equals(pdf)).toBe(true);
    expect(got.headers).toMatchObject({
      "content-type": "application/pdf",
      "content-length": String(pdf.length),
      "x-content-type-options": "nosniff",
    });

    // The refusals are the route's own, in the reader's language (the clerk reads German).
    const forged = await upload({ origin: "http://evil.localhost" });
    expect(forged.status).toBe(403);
    expect(JSON.parse(forged.body.toString())).toMatchObject({ error: "FORGED_REQUEST" });
    const anonymous = await send(eupen, "GET", `/api/uploads/${id}`, {});
    expect(anonymous.status).toBe(401);
    const other = await newUser(chatelet, "900");
    const foreign = await send(chatelet, "GET", `/api/uploads/${id}`, {
      cookie: await cookieOf(chatelet, other.claims),
    });
    expect(foreign.status).toBe(404);
    const crossed = await send(eupen, "GET", `/api/uploads/${id}`, { cookie: await cookieOf(chatelet, other.claims) });
    expect(crossed.status).toBe(401);
    expect(nextAnswered).toEqual([]);

    // Other methods and paths are Next's.
    expect((await send(eupen, "HEAD", `/api/uploads/${id}`, { cookie })).status).toBe(418);
    expect((await send(eupen, "GET", "/api/uploads", { cookie })).status).toBe(418);
    expect(nextAnswered).toEqual([`HEAD /api/uploads/${id}`, "GET /api/uploads"]);
  });
});
