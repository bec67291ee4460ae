import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { projectPath } from "@/lib/project-path";
import { env } from "@/server/env";
import { rootLogger } from "@/server/logger";

/** Debian's LibreOffice (libreoffice-writer-nogui) and the Python that has its UNO bridge (python3-uno). */
const SOFFICE = "/usr/lib/libreoffice/program/soffice";
const PYTHON = "/usr/bin/python3";
const HELPER = () => projectPath("server/documents/pdf/uno-convert.py");

let available: boolean | undefined;

/**
 * Whether this server can make PDFs: LibreOffice and its Python bridge are installed, and
 * PDF_CONVERTER is not "off". Without them documents are offered as Word files only.
 */
export function pdfAvailable(): boolean {
  if (env().PDF_CONVERTER === "off") return false;
  available ??= existsSync(SOFFICE) && spawnSync(PYTHON, ["-c", "import uno"], { stdio: "ignore" }).status === 0;
  return available;
}

export class ConversionError extends Error {}

/**
 * A warm LibreOffice: one `soffice --headless --accept=pipe…` listener with a private profile,
 * started on first use and reused for every document, driven by a small Python helper over UNO
 * (uno-convert.py: load hidden, store as PDF, close). One conversion at a time; a conversion that
 * takes longer than `timeoutMs` kills the listener and its helper, and the next one starts them
 * again; so does a listener that died. See docs/documents.md for why not `soffice --convert-to`.
 */
export class WarmConverter {
  private dir: Promise<string> | undefined;
  private office: ChildProcess | undefined;
  private helper: ChildProcess | undefined;
  private answers: AsyncIterator<string> | undefined;
  private starting: Promise<void> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private count = 0;
  private generation = 0;

  constructor(private readonly opts: { timeoutMs: number } = { timeoutMs: 30_000 }) {}

  /** The listener's process id while it runs (tests stop it to make a conversion hang). */
  get listenerPid(): number | undefined {
    return this.office?.pid;
  }

  /** The PDF of a .docx; refused with a ConversionError when LibreOffice cannot read it or takes too long. */
  convert(docx: Buffer): Promise<Buffer> {
    const run = this.queue.then(() => this.convertNow(docx));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async convertNow(docx: Buffer): Promise<Buffer> {
    const dir = await (this.dir ??= mkdtemp(path.join(os.tmpdir(), "entraide-pdf-")));
    await (this.starting ??= this.start(dir).catch((e) => {
      this.kill();
      throw e;
    }));
    const n = ++this.count;
    const input = path.join(dir, `${n}.docx`);
    const output = path.join(dir, `${n}.pdf`);
    await writeFile(input, docx);
    try {
      this.helper!.stdin!.write(`${JSON.stringify({ input, output })}\n`);
      const answer = JSON.parse(await this.nextAnswer(this.opts.timeoutMs)) as { ok?: true; error?: string };
      if (!answer.ok) throw new ConversionError(answer.error ?? "conversion failed");
      return await readFile(output);
    } finally {
      await rm(input, { force: true });
      await rm(output, { force: true });
    }
  }

  private async start(dir: string) {
    const generation = ++this.generation;
    const pipe = `entraide-${process.pid}-${generation}-${path.basename(dir)}`;
    const profile = pathToFileURL(path.join(dir, "profile")).href;
    // Own process groups, so that a kill reaches soffice.bin behind the wrapper script.
    this.office = spawn(
      SOFFICE,
      [
        `-env:UserInstallation=${profile}`,
        ...["--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck"],
        `--accept=pipe,name=${pipe};urp;`,
      ],
      { detached: true, stdio: "ignore" },
    );
    this.office.once("exit", (code, signal) => {
      if (this.generation !== generation) return;
      rootLogger.warn({ code, signal }, "LibreOffice listener ended; the next document starts it again");
      this.kill();
    });
    this.helper = spawn(PYTHON, [HELPER(), pipe], { detached: true, stdio: ["pipe", "pipe", "inherit"] });
    this.answers = createInterface({ input: this.helper.stdout! })[Symbol.asyncIterator]();
    // The first start also creates the profile: slower than a conversion.
    const ready = JSON.parse(await this.nextAnswer(Math.max(this.opts.timeoutMs, 60_000))) as { ready?: boolean };
    if (!ready.ready) throw new ConversionError("LibreOffice did not start");
  }

  /** The helper's next line, or the listener and helper killed when it does not come in time. */
  private async nextAnswer(timeoutMs: number): Promise<string> {
    const answers = this.answers!;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ConversionError(`no answer after ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const line = await Promise.race([answers.next(), timeout]);
      if (line.done) throw new ConversionError("LibreOffice ended during the conversion");
      return line.value;
    } catch (e) {
      this.kill();
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  private kill() {
    for (const child of [this.helper, this.office])
      if (child?.pid && child.exitCode === null && child.signalCode === null)
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // Already gone.
        }
    this.helper = this.office = this.answers = this.starting = undefined;
    this.generation++;
  }

  /** Stops the listener and forgets its profile. */
  async stop() {
    this.kill();
    const dir = this.dir;
    this.dir = undefined;
    if (dir) await rm(await dir, { recursive: true, force: true });
  }
}

// One warm listener per process (Next loads separate copies of this module for pages and routes).
const g = globalThis as unknown as { __entraidePdf?: WarmConverter };

/** The process's warm converter; it is stopped when the process exits. */
export function pdfConverter(): WarmConverter {
  if (!g.__entraidePdf) {
    const converter = new WarmConverter({ timeoutMs: env().PDF_TIMEOUT_MS });
    g.__entraidePdf = converter;
    process.once("exit", () => void converter.stop());
  }
  return g.__entraidePdf;
}
