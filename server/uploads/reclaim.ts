/**
 * Node keeps each chunk a socket receives in a buffer outside V8's heap until the garbage collector
 * frees it, and V8 collects for such memory only after about 64 MB of it has piled up: a large upload
 * would hold that much whatever its size. A young-generation collection (about a millisecond) every
 * 16 MB received frees the chunks already written to disk. It needs `--expose-gc`, which the start
 * scripts pass; without it nothing is done and memory stays bounded by V8's own limit.
 */
type MinorGc = (options: { type: "minor"; execution: "sync" | "async" }) => void;

const STEP_BYTES = 16 * 1024 * 1024;

/** A counter of received bytes that asks for a young-generation collection every `step` bytes. */
export function reclaimer(step = STEP_BYTES) {
  const gc = globalThis.gc as MinorGc | undefined;
  let since = 0;
  return (bytes: number) => {
    since += bytes;
    if (since < step || !gc) return;
    since = 0;
    gc({ type: "minor", execution: "sync" });
  };
}
