import { and, eq, gt, lte, sql } from "drizzle-orm";
import { v2 as webdav } from "webdav-server";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

type LockRow = TenantHandle["t"]["davLocks"]["$inferSelect"];

/** A lock as webdav-server knows it, made again from its row (its expiry to the millisecond, as `isSame` compares it). */
function lockOf(row: LockRow): webdav.Lock {
  const lock = Object.create(webdav.Lock.prototype) as webdav.Lock;
  Object.assign(lock, {
    uuid: row.token,
    lockKind: new webdav.LockKind(
      new webdav.LockScope(row.scope),
      new webdav.LockType(row.lockType),
      row.timeoutSeconds,
    ),
    depth: row.depth,
    userUid: row.userUid,
    owner: row.owner ?? null,
    expirationDate: row.expiresAt.getTime(),
  });
  return lock;
}

/** Calls back with what `work` gives, its failure as the error webdav-server answers with (Locked: 423). */
function answer<T>(callback: (e?: Error, value?: T) => void, work: () => Promise<T>) {
  work().then(
    (value) => callback(undefined, value),
    (e: unknown) => callback(e instanceof Error ? e : new Error(String(e))),
  );
}

/**
 * The locks of one node of a printed document's WebDAV folder (the folder `/dav/<token>/` or the
 * document in it), kept in the centre's `dav_locks` table so that every instance of the application
 * sees the same locks (docs/documents.md). It behaves as webdav-server's LocalLockManager: expired
 * locks are no locks, a refresh gives a lock a new expiry from now. Taking a lock is one transaction
 * holding the document's advisory lock, and refuses (423) a lock that conflicts with one another
 * instance took meanwhile: an exclusive lock beside any other on the same node, or on the folder
 * with depth infinity and the document.
 */
export class DbLockManager implements webdav.ILockManager {
  constructor(
    private readonly handle: Pick<TenantHandle, "db" | "t">,
    private readonly excerptId: number,
    private readonly onFile: boolean,
  ) {}

  private get here() {
    const { t } = this.handle;
    return and(eq(t.davLocks.excerptId, this.excerptId), eq(t.davLocks.onFile, this.onFile));
  }

  private async live(now = new Date()): Promise<LockRow[]> {
    const { db, t } = this.handle;
    await db.delete(t.davLocks).where(and(eq(t.davLocks.excerptId, this.excerptId), lte(t.davLocks.expiresAt, now)));
    return db
      .select()
      .from(t.davLocks)
      .where(and(this.here, gt(t.davLocks.expiresAt, now)));
  }

  getLocks(callback: webdav.ReturnCallback<webdav.Lock[]>) {
    answer(callback, async () => (await this.live()).map(lockOf));
  }

  setLock(lock: webdav.Lock, callback: webdav.SimpleCallback) {
    answer(callback, async () => {
      const { db, t } = this.handle;
      const exclusive = (scope: string) => scope.toLowerCase() === "exclusive";
      // A Depth header that is no number parses as NaN: taken as infinity (RFC 4918's default for LOCK).
      if (!Number.isInteger(lock.depth)) lock.depth = -1;
      await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext('dav_locks'), ${this.excerptId})`);
        const now = new Date();
        const others = await tx
          .select({ scope: t.davLocks.scope, onFile: t.davLocks.onFile, depth: t.davLocks.depth })
          .from(t.davLocks)
          .where(and(eq(t.davLocks.excerptId, this.excerptId), gt(t.davLocks.expiresAt, now)));
        // The same node, or the folder above the document locked with depth infinity (either way round).
        const covering = others.filter(
          (o) => o.onFile === this.onFile || (o.onFile ? lock.depth === -1 : o.depth === -1),
        );
        if (covering.some((o) => exclusive(o.scope)) || (covering.length > 0 && exclusive(lock.lockKind.scope.value)))
          throw webdav.Errors.Locked;
        await tx.insert(t.davLocks).values({
          token: lock.uuid,
          excerptId: this.excerptId,
          onFile: this.onFile,
          scope: lock.lockKind.scope.value,
          lockType: lock.lockKind.type.value,
          depth: lock.depth,
          userUid: lock.userUid ?? null,
          // The owner element as parsed (plain objects: its helper functions are left out).
          owner: lock.owner === null || lock.owner === undefined ? null : JSON.parse(JSON.stringify(lock.owner)),
          timeoutSeconds: lock.lockKind.timeout,
          expiresAt: new Date(lock.expirationDate),
        });
      });
    });
  }

  removeLock(uuid: string, callback: webdav.ReturnCallback<boolean>) {
    answer(callback, async () => {
      const { db, t } = this.handle;
      const gone = await db
        .delete(t.davLocks)
        .where(and(this.here, eq(t.davLocks.token, uuid)))
        .returning({ token: t.davLocks.token });
      return gone.length > 0;
    });
  }

  getLock(uuid: string, callback: webdav.ReturnCallback<webdav.Lock>) {
    answer(callback, async () => {
      const found = (await this.live()).find((row) => row.token === uuid);
      return found ? lockOf(found) : (undefined as unknown as webdav.Lock);
    });
  }

  refresh(uuid: string, timeoutSeconds: number, callback: webdav.ReturnCallback<webdav.Lock>) {
    answer(callback, async () => {
      const { db, t } = this.handle;
      const now = new Date();
      const [row] = await db
        .update(t.davLocks)
        .set({
          // As Lock.refresh: the timeout asked for, else the lock's own.
          expiresAt: timeoutSeconds
            ? new Date(now.getTime() + timeoutSeconds * 1000)
            : sql`${now}::timestamptz + ${t.davLocks.timeoutSeconds} * interval '1 second'`,
        })
        .where(and(this.here, eq(t.davLocks.token, uuid), gt(t.davLocks.expiresAt, now)))
        .returning();
      return row ? lockOf(row) : (undefined as unknown as webdav.Lock);
    });
  }
}
