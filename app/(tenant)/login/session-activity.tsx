"use client";
import { usePathname } from "next/navigation";
import { useEffect } from "react";

/** Pages cannot rewrite the session cookie: this reports each navigation, at most once a minute. */
const EVERY_MS = 60_000;
let lastReport = 0;

export function SessionActivity() {
  const pathname = usePathname();
  useEffect(() => {
    if (pathname === "/login" || Date.now() - lastReport < EVERY_MS) return;
    lastReport = Date.now();
    void fetch("/api/session/activity", { method: "POST" })
      .then((res) => res.json() as Promise<{ state: string }>)
      .then(
        ({ state }) => {
          // The session ended while the page was open: show the sign-in page with its explanation.
          if (state === "expired") window.location.assign("/login");
        },
        () => undefined,
      );
  }, [pathname]);
  return null;
}
