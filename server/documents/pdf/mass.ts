import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { WarmConverter } from "./converter";

const run = promisify(execFile);

/**
 * Converts documents one after the other with the warm converter and joins their PDFs into one
 * file at `target` (poppler's pdfunite), telling `onProgress` how many are done. One document at a
 * time is in memory: each PDF waits on disk until the join.
 */
export async function joinIntoOnePdf(
  converter: WarmConverter,
  documents: AsyncIterable<Buffer>,
  target: string,
  onProgress: (done: number) => void = () => undefined,
): Promise<{ count: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "entraide-mass-"));
  try {
    const parts: string[] = [];
    for await (const docx of documents) {
      const part = path.join(dir, `${String(parts.length).padStart(6, "0")}.pdf`);
      await writeFile(part, await converter.convert(docx));
      parts.push(part);
      onProgress(parts.length);
    }
    if (parts.length === 1) await run("cp", [parts[0]!, target]);
    else if (parts.length > 1) await run("pdfunite", [...parts, target], { maxBuffer: 1024 * 1024 });
    return { count: parts.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
