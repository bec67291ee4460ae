import type { IncomingMessage, ServerResponse } from "node:http";
import { Writable, Readable } from "node:stream";
import { v2 as webdav } from "webdav-server";
import { env } from "@/server/env";
import { rootLogger } from "@/server/logger";
import { classifyHost } from "@/server/tenancy/host";
import { availability, findTenantBySlug } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { translatorFor } from "@/server/i18n/translator";
import { isLocale } from "@/server/i18n/locale";
import { documentStorage } from "../storage";
import { DOCX } from "../resources";
import { grantOf, type DavGrant } from "./tokens";
import { saveNewVersion } from "./versions";
import { DbLockManager } from "./locks";
import { DbPropertyManager } from "./properties";

const DAV = /^\/dav\/([^/]+)(\/.*)?$/;

/** The grant each request's edit link gave (and the link's token), read by the file system and the authentication below. */
const grants = new WeakMap<IncomingMessage, { grant: DavGrant; token: string }>();
const grantOfContext = (ctx: webdav.RequestContext) => {
  const granted = grants.get((ctx as webdav.HTTPRequestContext).request);
  if (!granted) throw webdav.Errors.Forbidden;
  return granted;
};

const serializer: webdav.FileSystemSerializer = {
  uid: () => "entraide-printed-document",
  serialize: (_fs, callback) => callback(undefined, {}),
  unserialize: (_data, callback) => callback(undefined, new PrintedDocumentFileSystem()),
};

/**
 * `/dav/<token>/` is a folder holding exactly one file: the printed document the edit link names,
 * under its file name (the folders above it show nothing). Reading streams the newest version from
 * the centre's storage; writing saves a new version. Its locks (./locks.ts) and dead properties
 * (./properties.ts) are in the centre's database, per document, so that every instance shares them.
 */
class PrintedDocumentFileSystem extends webdav.FileSystem {
  constructor() {
    super(serializer);
  }

  /** The document's facts, or the error webdav-server turns into 404 for any other path. */
  private theFile(path: webdav.Path, ctx: webdav.RequestContext) {
    const { grant, token } = grantOfContext(ctx);
    const [dav, pathToken, name, ...more] = path.paths;
    if (dav !== undefined && dav !== "dav") throw webdav.Errors.ResourceNotFound;
    if (pathToken !== undefined && pathToken !== token) throw webdav.Errors.ResourceNotFound;
    if (name === undefined) return { grant, root: true as const, link: pathToken !== undefined };
    if (name !== grant.fileName || more.length > 0) throw webdav.Errors.ResourceNotFound;
    return { grant, root: false as const, link: true };
  }

  private async facts(grant: DavGrant) {
    const { db, t } = grant.handle;
    const { eq } = await import("drizzle-orm");
    const [row] = await db
      .select({ key: t.excerpts.storageKey, size: t.excerpts.fileSize, time: t.excerpts.buildTime })
      .from(t.excerpts)
      .where(eq(t.excerpts.id, grant.excerptId));
    if (!row) throw webdav.Errors.ResourceNotFound;
    return row;
  }

  /** Calls back with what `work` gives, its failure as the error webdav-server answers with. */
  private answer<T>(
    path: webdav.Path,
    ctx: webdav.RequestContext,
    callback: webdav.ReturnCallback<T>,
    work: (file: ReturnType<PrintedDocumentFileSystem["theFile"]>) => T | Promise<T>,
  ) {
    Promise.resolve()
      .then(() => work(this.theFile(path, ctx)))
      .then(
        (value) => callback(undefined, value),
        (e: unknown) => callback(e instanceof Error ? e : new Error(String(e))),
      );
  }

  protected _type(path: webdav.Path, info: webdav.TypeInfo, callback: webdav.ReturnCallback<webdav.ResourceType>) {
    this.answer(path, info.context, callback, (f) =>
      f.root ? webdav.ResourceType.Directory : webdav.ResourceType.File,
    );
  }

  protected _fastExistCheck(ctx: webdav.RequestContext, path: webdav.Path, callback: (exists: boolean) => void) {
    try {
      this.theFile(path, ctx);
      callback(true);
    } catch {
      callback(false);
    }
  }

  protected _readDir(path: webdav.Path, info: webdav.ReadDirInfo, callback: webdav.ReturnCallback<string[]>) {
    this.answer(path, info.context, callback, (f) => (f.root && f.link ? [f.grant.fileName] : []));
  }

  protected _size(path: webdav.Path, info: webdav.SizeInfo, callback: webdav.ReturnCallback<number>) {
    this.answer(path, info.context, callback, async (f) => (f.root ? 0 : (await this.facts(f.grant)).size));
  }

  protected _mimeType(path: webdav.Path, info: webdav.MimeTypeInfo, callback: webdav.ReturnCallback<string>) {
    this.answer(path, info.context, callback, () => DOCX);
  }

  protected _lastModifiedDate(
    path: webdav.Path,
    info: webdav.LastModifiedDateInfo,
    callback: webdav.ReturnCallback<number>,
  ) {
    this.answer(path, info.context, callback, async (f) => (await this.facts(f.grant)).time.getTime());
  }

  protected _creationDate(path: webdav.Path, info: webdav.CreationDateInfo, callback: webdav.ReturnCallback<number>) {
    this._lastModifiedDate(path, info, callback);
  }

  protected _etag(path: webdav.Path, info: webdav.ETagInfo, callback: webdav.ReturnCallback<string>) {
    this.answer(path, info.context, callback, async (f) => `"${(await this.facts(f.grant)).key.replace("/", "-")}"`);
  }

  protected _openReadStream(
    path: webdav.Path,
    info: webdav.OpenReadStreamInfo,
    callback: webdav.ReturnCallback<Readable>,
  ) {
    this.answer(path, info.context, callback, async (f) => {
      if (f.root) throw webdav.Errors.InvalidOperation;
      const file = await documentStorage().get(f.grant.tenantId, (await this.facts(f.grant)).key);
      return file.stream as Readable;
    });
  }

  /** A save: the body goes to the storage as it arrives; 'finish' (and so the answer) waits for the version to be recorded. */
  protected _openWriteStream(
    path: webdav.Path,
    info: webdav.OpenWriteStreamInfo,
    callback: webdav.ReturnCallback<Writable>,
  ) {
    this.answer(path, info.context, callback, (f) => {
      if (f.root) throw webdav.Errors.InvalidOperation;
      const body = new Readable({ read() {} });
      const saved = saveNewVersion(f.grant, body);
      saved.catch(() => {}); // awaited in final(); this only keeps an early failure from being unhandled
      return new Writable({
        write(chunk: Buffer, _encoding, done) {
          body.push(chunk);
          done();
        },
        final(done) {
          body.push(null);
          saved.then(
            () => done(),
            (e: unknown) => done(e instanceof Error ? e : new Error(String(e))),
          );
        },
      });
    });
  }

  protected _lockManager(
    path: webdav.Path,
    info: webdav.LockManagerInfo,
    callback: webdav.ReturnCallback<webdav.ILockManager>,
  ) {
    this.answer(path, info.context, callback, (f) => new DbLockManager(f.grant.handle, f.grant.excerptId, !f.root));
  }

  protected _propertyManager(
    path: webdav.Path,
    info: webdav.PropertyManagerInfo,
    callback: webdav.ReturnCallback<webdav.IPropertyManager>,
  ) {
    this.answer(path, info.context, callback, (f) => new DbPropertyManager(f.grant.handle, f.grant.excerptId, !f.root));
  }
}

/** The link's user is the WebDAV user: a lock belongs to whoever took it. */
const linkUser: webdav.HTTPAuthentication = {
  askForAuthentication: () => ({}),
  getUser: (ctx, callback) => {
    const grant = grants.get(ctx.request)?.grant;
    if (!grant) return callback(webdav.Errors.Forbidden);
    callback(undefined as unknown as Error, {
      uid: `${grant.tenantId}:${grant.user.id}`,
      username: grant.user.username,
    });
  },
};

let davServer: webdav.WebDAVServer | undefined;
function server() {
  if (!davServer) {
    davServer = new webdav.WebDAVServer({
      httpAuthentication: linkUser,
      rootFileSystem: new PrintedDocumentFileSystem(),
      serverName: "Entraide",
      respondWithPaths: true,
    });
  }
  return davServer;
}

/** A refusal before WebDAV is reached: a sentence in the centre's language, nothing about why. */
function refuse(res: ServerResponse, locale: string | undefined) {
  const tr = translatorFor(isLocale(locale) ? locale : "fr");
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  res.end(tr("documents.dav.linkInvalid"));
}

/**
 * `/dav/<token>/<file name>`: the printed document an edit link names, served over WebDAV to the
 * office program (server/main.ts sends these requests here before Next, which cannot answer
 * PROPFIND or LOCK). The host must be the link's centre: the token is looked up in the host's
 * centre only, so another centre's token is unknown there.
 */
export function answerDavRoute(req: IncomingMessage, res: ServerResponse): boolean {
  const pathname = (req.url ?? "").split("?")[0]!;
  const match = DAV.exec(pathname);
  if (!match) return false;
  const token = match[1]!;
  void (async () => {
    const host = classifyHost(req.headers.host, env().BASE_DOMAIN);
    const tenant = host.kind === "tenant" ? await findTenantBySlug(host.slug) : null;
    if (!tenant || availability(tenant) !== "served") return refuse(res, tenant?.defaultLocale);
    const grant = await grantOf(tenantHandle(tenant), token);
    if (!grant) return refuse(res, tenant.defaultLocale);
    grants.set(req, { grant, token });
    server().executeRequest(req, res);
  })().catch((err: unknown) => {
    rootLogger.error({ err }, "WebDAV request failed");
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end();
  });
  return true;
}

/**
 * webdav-server answers in callbacks, where an exception of its own (like the `If` header crash
 * patched in patches/webdav-server+2.6.3.patch) would end the whole process. Such an exception is
 * logged and the process goes on; any other one still ends it, as Node would.
 */
export function guardAgainstWebdavCrashes() {
  process.on("uncaughtException", (err) => {
    if (err instanceof Error && err.stack?.includes("/webdav-server/")) {
      rootLogger.error({ err }, "webdav-server failed on a request; the server goes on");
      return;
    }
    rootLogger.fatal({ err }, "uncaught exception");
    process.exit(1);
  });
}
