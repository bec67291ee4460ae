"use client";
import { QueryClientContext } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useContext, useEffect } from "react";
import { followTopic } from "./live-topic";

/**
 * Reloads what the page shows when the server announces a change of `topic` (the waiting room by
 * default): a grid's queries inside a query client, else the server-rendered page (dashboard widgets).
 * Several on one page share one connection and one reload.
 */
export function LiveRefresh({ topic = "reception" }: { topic?: string }) {
  const router = useRouter();
  const queries = useContext(QueryClientContext);
  useEffect(
    () =>
      followTopic(topic, (_data, initial) => {
        if (initial) return;
        if (queries) void queries.invalidateQueries();
        else scheduleRefresh(() => router.refresh());
      }),
    [topic, queries, router],
  );
  return null;
}

// Widgets on one dashboard each follow the topic: one server render serves them all.
let refreshing: ReturnType<typeof setTimeout> | null = null;
function scheduleRefresh(refresh: () => void) {
  if (refreshing) return;
  refreshing = setTimeout(() => {
    refreshing = null;
    refresh();
  }, 50);
}
