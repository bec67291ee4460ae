import { and, count, eq, sql } from "drizzle-orm";
import { v2 as webdav } from "webdav-server";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/** At most this many dead properties per node, each at most this long (as JSON): office programs set a few short ones. */
export const MAX_PROPERTIES = 200;
export const MAX_PROPERTY_CHARS = 64 * 1024;

/** Calls back with what `work` gives, its failure as the error webdav-server answers with. */
function answer<T>(callback: (e?: Error, value?: T, more?: unknown) => void, work: () => Promise<T>) {
  work().then(
    (value) => callback(undefined, value),
    (e: unknown) => callback(e instanceof Error ? e : new Error(String(e))),
  );
}

/**
 * The dead properties (RFC 4918 PROPPATCH) of one node of a printed document's WebDAV folder (the
 * folder `/dav/<token>/` or the document in it), kept in the centre's `dav_properties` table so that
 * every instance of the application answers PROPFIND with what another one was told. A value is
 * stored as webdav-server hands it over (text, or the XML elements as parsed, plain data once
 * through JSON: webdav-server's own in-memory manager copies them the same way).
 */
export class DbPropertyManager implements webdav.IPropertyManager {
  constructor(
    private readonly handle: Pick<TenantHandle, "db" | "t">,
    private readonly excerptId: number,
    private readonly onFile: boolean,
  ) {}

  private get here() {
    const { t } = this.handle;
    return and(eq(t.davProperties.excerptId, this.excerptId), eq(t.davProperties.onFile, this.onFile));
  }

  setProperty(
    name: string,
    value: webdav.ResourcePropertyValue,
    attributes: webdav.PropertyAttributes,
    callback: webdav.SimpleCallback,
  ) {
    answer(callback, async () => {
      const { db, t } = this.handle;
      const stored = JSON.parse(JSON.stringify(value ?? "")) as unknown;
      const attrs = JSON.parse(JSON.stringify(attributes ?? {})) as Record<string, string>;
      if (name.length > 1000 || JSON.stringify(stored).length + JSON.stringify(attrs).length > MAX_PROPERTY_CHARS)
        throw webdav.Errors.InsufficientStorage;
      await db.transaction(async (tx) => {
        // One writer of a document's properties at a time, so the count below holds (as the locks do).
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext('dav_properties'), ${this.excerptId})`);
        const [{ n } = { n: 0 }] = await tx
          .select({ n: count() })
          .from(t.davProperties)
          .where(and(this.here, sql`${t.davProperties.name} <> ${name}`));
        if (n >= MAX_PROPERTIES) throw webdav.Errors.InsufficientStorage;
        await tx
          .insert(t.davProperties)
          .values({ excerptId: this.excerptId, onFile: this.onFile, name, value: stored, attributes: attrs })
          .onConflictDoUpdate({
            target: [t.davProperties.excerptId, t.davProperties.onFile, t.davProperties.name],
            set: { value: stored, attributes: attrs, updatedAt: new Date() },
          });
      });
    });
  }

  getProperty(name: string, callback: webdav.Return2Callback<webdav.ResourcePropertyValue, webdav.PropertyAttributes>) {
    const { db, t } = this.handle;
    db.select({ value: t.davProperties.value, attributes: t.davProperties.attributes })
      .from(t.davProperties)
      .where(and(this.here, eq(t.davProperties.name, name)))
      .then(
        ([row]) =>
          row
            ? callback(undefined, row.value as webdav.ResourcePropertyValue, row.attributes)
            : callback(webdav.Errors.PropertyNotFound),
        (e: unknown) => callback(e instanceof Error ? e : new Error(String(e))),
      );
  }

  removeProperty(name: string, callback: webdav.SimpleCallback) {
    answer(callback, async () => {
      const { db, t } = this.handle;
      await db.delete(t.davProperties).where(and(this.here, eq(t.davProperties.name, name)));
    });
  }

  getProperties(callback: webdav.ReturnCallback<webdav.PropertyBag>) {
    answer(callback, async () => {
      const { db, t } = this.handle;
      const rows = await db
        .select({ name: t.davProperties.name, value: t.davProperties.value, attributes: t.davProperties.attributes })
        .from(t.davProperties)
        .where(this.here)
        .orderBy(t.davProperties.name);
      const bag: webdav.PropertyBag = {};
      for (const row of rows)
        bag[row.name] = { value: row.value as webdav.ResourcePropertyValue, attributes: row.attributes };
      return bag;
    });
  }
}
