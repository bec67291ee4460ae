import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { projectPath } from "@/lib/project-path";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";

/** A file the storage holds for a centre. */
export interface StoredFile {
  key: string;
  size: number;
  modifiedAt: Date;
}

/** A stored file opened for reading: read it one way, stream or pieces. */
export interface OpenedFile {
  size: number;
  /** The content as a stream; the file closes at its end, or when the stream is destroyed. */
  stream: Readable;
  /**
   * The content read into `buffer` piece after piece, the same buffer each time: a piece is valid
   * until the next is asked for. A stream allocates every chunk anew, garbage that V8 collects only
   * after some 64 MB of it (a full collection each time). The file closes when the loop ends.
   */
  pieces(buffer: Uint8Array): AsyncGenerator<Uint8Array>;
}

/**
 * Where a centre's scanned documents are kept. Every method streams: a file is never held in
 * memory whole. `centre` is the centre's immutable id and `key` a name the storage gave
 * (`newKey`); neither ever comes from a user, so no request can name a path.
 */
export interface UploadStorage {
  /** A fresh key for a file about to be put. */
  newKey(): string;
  /**
   * Writes `body` under `key`: first into a temporary file, moved into place only once the whole
   * body arrived. If `body` fails (the client went away, the file was refused midway), nothing is
   * left behind.
   */
  put(centre: string, key: string, body: AsyncIterable<Uint8Array>): Promise<{ size: number }>;
  /** The file, opened; NOT_FOUND when it is not there. */
  get(centre: string, key: string): Promise<OpenedFile>;
  /** Whether the file is there. */
  exists(centre: string, key: string): Promise<boolean>;
  /** Removes the file; a file already gone is no error. */
  delete(centre: string, key: string): Promise<void>;
  /** Every file of the centre. */
  list(centre: string): AsyncIterable<StoredFile>;
}

const CENTRE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Two hex characters of sharding, then a uuid: a folder never holds more than a few thousand files. */
const KEY = /^[0-9a-f]{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INCOMING = ".incoming";

export const isStorageKey = (key: string) => KEY.test(key);

/** The local directory implementation: `<root>/<centre id>/<shard>/<uuid>`. */
export function localStorage(root: string): UploadStorage {
  const centreDir = (centre: string) => {
    if (!CENTRE.test(centre)) throw new Error(`not a centre id: ${centre}`);
    return path.join(root, centre);
  };
  const fileOf = (centre: string, key: string) => {
    if (!KEY.test(key)) throw new Error(`not a storage key: ${key}`);
    return path.join(centreDir(centre), key);
  };

  return {
    newKey() {
      const id = randomUUID();
      return `${id.slice(0, 2)}/${id}`;
    },

    async put(centre, key, body) {
      const target = fileOf(centre, key);
      const incoming = path.join(centreDir(centre), INCOMING);
      const temp = path.join(incoming, `${randomUUID()}.part`);
      await mkdir(incoming, { recursive: true });
      await mkdir(path.dirname(target), { recursive: true });
      try {
        await pipeline(Readable.from(body), createWriteStream(temp, { flags: "wx", mode: 0o600 }));
        const { size } = await stat(temp);
        await rename(temp, target);
        return { size };
      } catch (e) {
        await rm(temp, { force: true });
        throw e;
      }
    },

    async get(centre, key) {
      const file = fileOf(centre, key);
      let handle;
      try {
        handle = await open(file, "r");
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new AppError("NOT_FOUND");
        throw e;
      }
      const { size } = await handle.stat();
      // 1 MB reads: a large scan goes out in a few hundred chunks rather than thousands.
      const stream = handle.createReadStream({ highWaterMark: 1024 * 1024 });
      return {
        size,
        stream,
        async *pieces(buffer) {
          try {
            for (let position = 0; position < size;) {
              const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, position);
              if (bytesRead === 0) return;
              position += bytesRead;
              yield buffer.subarray(0, bytesRead);
            }
          } finally {
            stream.destroy(); // closes the file
          }
        },
      };
    },

    async exists(centre, key) {
      return (await stat(fileOf(centre, key)).catch(() => null))?.isFile() ?? false;
    },

    async delete(centre, key) {
      await rm(fileOf(centre, key), { force: true });
    },

    async *list(centre) {
      const dir = centreDir(centre);
      let shards: string[];
      try {
        shards = (await readdir(dir)).filter((s) => /^[0-9a-f]{2}$/.test(s)).sort();
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
        throw e;
      }
      for (const shard of shards) {
        for (const name of (await readdir(path.join(dir, shard))).sort()) {
          const key = `${shard}/${name}`;
          if (!KEY.test(key)) continue;
          const info = await stat(path.join(dir, key)).catch(() => null);
          if (info?.isFile()) yield { key, size: info.size, modifiedAt: info.mtime };
        }
      }
    },
  };
}

let configured: { root: string; storage: UploadStorage } | undefined;

/** The storage the environment configures (`UPLOADS_DIR`, relative to the project). */
export function uploadStorage(): UploadStorage {
  const root = projectPath(env().UPLOADS_DIR);
  if (configured?.root !== root) configured = { root, storage: localStorage(root) };
  return configured.storage;
}
