"use client";

/**
 * One EventSource per live topic and browser tab, shared by every component following it (the
 * dashboard's widgets, a grid): `/api/<topic>/live` sends `changed` at once, then on each change.
 * The browser reopens it by itself after a cut, and the first event then makes the page catch up.
 */
type Listener = (data: { forMe?: boolean }, initial: boolean) => void;
const sources = new Map<string, { source: EventSource; listeners: Set<Listener> }>();

export function followTopic(topic: string, listener: Listener): () => void {
  let entry = sources.get(topic);
  if (!entry) {
    const source = new EventSource(`/api/${encodeURIComponent(topic)}/live`);
    const listeners = new Set<Listener>();
    // The stream's very first event finds the page just drawn; after a cut, its first event is a catch-up.
    let initial = true;
    source.addEventListener("changed", (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { forMe?: boolean };
      for (const l of listeners) l(data, initial);
      initial = false;
    });
    entry = { source, listeners };
    sources.set(topic, entry);
  }
  entry.listeners.add(listener);
  return () => {
    entry.listeners.delete(listener);
    if (entry.listeners.size === 0) {
      entry.source.close();
      sources.delete(topic);
    }
  };
}
