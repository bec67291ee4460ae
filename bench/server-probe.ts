// Loaded into the server that bench/http.ts starts (`node --import tsx --import ./bench/server-probe.ts`):
// records the SQL statements the server sends through `pg` while asked to (Next keeps `pg` external,
// so its bundles use this very module), and reports its memory, over the IPC channel. Only the
// benchmark loads it; the server itself knows nothing of it.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { writeHeapSnapshot } from "node:v8";
import pg from "pg";

let recording: { text: string; values: unknown[] }[] | null = null;

type Query = (this: pg.Client, ...args: unknown[]) => unknown;
const query = pg.Client.prototype.query as unknown as Query;
(pg.Client.prototype as unknown as { query: Query }).query = function (this: pg.Client, ...args: unknown[]) {
  if (recording) {
    // query(text | config, values?): drizzle passes its parameters as the second argument.
    const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown];
    const text = typeof first === "string" ? first : first.text;
    const values = (typeof first === "object" && first.values) || (Array.isArray(second) ? second : []);
    recording.push({ text, values });
  }
  return query.apply(this, args);
};

export type ProbeQuestion =
  | { ask: "record" }
  | { ask: "recorded" }
  | { ask: "memory"; gc?: boolean }
  | { ask: "cpu" }
  | { ask: "snapshot"; path: string }
  | { ask: "profile" }
  | { ask: "profiled"; path: string };

/** The V8 CPU profiler, on while asked (BENCH_CPU_PROFILES): a `.cpuprofile` per page, for DevTools. */
let profiler: Session | undefined;

process.on("message", (message: ProbeQuestion) => {
  if (message.ask === "record") {
    recording = [];
    process.send!({ ok: true });
  } else if (message.ask === "recorded") {
    process.send!({ recorded: recording ?? [] });
    recording = null;
  } else if (message.ask === "memory") {
    if (message.gc) globalThis.gc?.();
    process.send!({ memory: process.memoryUsage() });
  } else if (message.ask === "cpu") {
    process.send!({ cpu: process.cpuUsage() });
  } else if (message.ask === "snapshot") {
    process.send!({ path: writeHeapSnapshot(message.path) });
  } else if (message.ask === "profile") {
    profiler = new Session();
    profiler.connect();
    void (async () => {
      await profiler.post("Profiler.enable");
      await profiler.post("Profiler.setSamplingInterval", { interval: 100 });
      await profiler.post("Profiler.start");
      process.send!({ ok: true });
    })();
  } else if (message.ask === "profiled") {
    void (async () => {
      const { profile } = await profiler!.post("Profiler.stop");
      profiler!.disconnect();
      writeFileSync(message.path, JSON.stringify(profile));
      process.send!({ path: message.path });
    })();
  }
});
