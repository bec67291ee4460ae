import { uploadStorage } from "@/server/uploads/storage";

/*
 * A centre's scanned documents in its backup file (after the tables, before the trailer): per
 * file a line `{file, size, chunks}` then `chunks` lines of base64, each at most CHUNK bytes of the
 * file. Everything streams: one chunk is in memory at a time, whatever the file's size.
 */

const CHUNK = 768 * 1024; // 1 MB of base64 per line

export interface FileLine {
  file: string;
  size: number;
  chunks: number;
}

export const isFileLine = (line: object): line is FileLine => "file" in line;

/** Writes every stored file of the centre through `write`; returns how many. */
export async function writeCentreFiles(centre: string, write: (line: string) => Promise<void>) {
  const storage = uploadStorage();
  const buffer = new Uint8Array(CHUNK);
  let files = 0;
  for await (const stored of storage.list(centre)) {
    const opened = await storage.get(centre, stored.key);
    const chunks = Math.ceil(opened.size / CHUNK);
    await write(JSON.stringify({ file: stored.key, size: opened.size, chunks } satisfies FileLine));
    let written = 0;
    for await (const piece of opened.pieces(buffer)) {
      if (written === chunks) break; // grew while read: the size announced is what the file holds
      await write(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).toString("base64"));
      written++;
    }
    if (written !== chunks) throw new Error(`${stored.key} changed while it was read`);
    files++;
  }
  return files;
}

/**
 * Puts the files that follow `first` (a file line) in `lines` into the centre's storage. Returns the
 * keys written, so that a failed import can remove them again.
 */
export async function restoreCentreFiles(
  centre: string,
  first: FileLine,
  lines: AsyncIterator<string>,
  written: string[],
): Promise<void> {
  const storage = uploadStorage();
  let next: FileLine | undefined = first;
  while (next) {
    const { file, size, chunks } = next;
    async function* body() {
      for (let i = 0; i < chunks; i++) {
        const line = await lines.next();
        if (line.done) throw new Error(`${file} is cut short`);
        yield Buffer.from(line.value, "base64");
      }
    }
    written.push(file);
    const put = await storage.put(centre, file, body());
    if (put.size !== size) throw new Error(`${file}: ${put.size} bytes instead of ${size}`);
    const line = await lines.next();
    if (line.done) throw new Error("no trailer: the file is cut short");
    const parsed = JSON.parse(line.value) as object;
    next = isFileLine(parsed) ? parsed : undefined;
  }
}

/** Removes the files a failed import had written. */
export async function removeCentreFiles(centre: string, keys: string[]) {
  const storage = uploadStorage();
  for (const key of keys) await storage.delete(centre, key);
}
