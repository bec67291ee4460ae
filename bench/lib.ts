// Small helpers for bench/run.ts: output lines, timing, percentiles, a worker pool and heap readings.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** One `name: value` line on stdout; fractional numbers keep 4 significant digits. */
export function line(name: string, value: string | number) {
  const text =
    typeof value === "number" && !Number.isInteger(value) ? String(Number(value.toPrecision(4))) : String(value);
  console.log(`${name}: ${text}`);
}

/** Wall-clock seconds taken by `fn`, with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { seconds: (performance.now() - start) / 1000, result };
}

/** Nearest-rank percentile (p in 0..100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Runs `fn` over `items`, `concurrency` at a time, in order of the list (like migrateAll does). */
export async function eachConcurrently<T>(
  items: T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<void>,
) {
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** A random element of a non-empty list. */
export const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;

// global.gc exists with --expose-gc; otherwise the flag is switched on at run time.
function gcFunction(): () => void {
  if (globalThis.gc) return () => globalThis.gc!();
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}
let gc: (() => void) | undefined;

/** One full garbage collection, now. */
export function collectGarbage() {
  gc ??= gcFunction();
  gc();
}

/** Heap in use after full garbage collections, in bytes. */
export async function heapUsedAfterGc(): Promise<number> {
  gc ??= gcFunction();
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve)); // let finalisers and weak refs settle
  }
  return process.memoryUsage().heapUsed;
}

export const mb = (bytes: number) => bytes / 1024 / 1024;

/**
 * Times two ways of doing the same thing side by side (warm-up, then alternating batches so that
 * drift hits both alike) and prints `<name>_<a|b>_p50_ms`, `_p95_ms` and their ratios a / b.
 */
export async function sideBySide(
  name: string,
  a: [string, () => Promise<void>],
  b: [string, () => Promise<void>],
  { rounds = 20, batch = 10, warmup = 20 } = {},
) {
  const samples: [number[], number[]] = [[], []];
  const methods = [a[1], b[1]];
  for (let i = 0; i < warmup; i++) for (const m of methods) await m();
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < 2; k++) {
      const which = (round + k) % 2;
      for (let i = 0; i < batch; i++) {
        const start = performance.now();
        await methods[which]!();
        samples[which]!.push(performance.now() - start);
      }
    }
  }
  for (const [i, [label]] of [a, b].entries()) {
    line(`${name}_${label}_p50_ms`, percentile(samples[i]!, 50));
    line(`${name}_${label}_p95_ms`, percentile(samples[i]!, 95));
  }
  line(`${name}_ratio_p50`, percentile(samples[0], 50) / percentile(samples[1], 50));
  line(`${name}_ratio_p95`, percentile(samples[0], 95) / percentile(samples[1], 95));
  return { p95: percentile(samples[0], 95), ratioP95: percentile(samples[0], 95) / percentile(samples[1], 95) };
}
