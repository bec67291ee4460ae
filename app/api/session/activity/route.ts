import { touchSession } from "@/server/auth/current";

/**
 * The pages' report of activity (app/(tenant)/login/session-activity.tsx): keeps an active session
 * alive by rewriting its last-activity claim when due, and says whether it is "active", "expired"
 * (ended by inactivity) or "none". A route rather than a server action: Next renders the page
 * again after a server action that writes a cookie, which cost a second rendering of the page
 * (and a second access-log row on a client's file) once a minute.
 */
export async function POST() {
  return Response.json({ state: await touchSession() });
}
