import type { PlannerEntry } from "@/server/calendar/planner";

/** Which planner a page shows: my calendar, a colleague's, several agents or the rooms side by side. */
export type PlannerMode = "mine" | "colleague" | "team" | "rooms";

/**
 * A column of a side-by-side planner. FullCalendar's MIT packages have no resource columns, so a
 * one-day planner of several agents is a time grid of several "days", one per column: column `index`
 * is shown on the stand-in day `columnDate(index)`, and entries are placed there by `matches`.
 */
export interface Column {
  key: string;
  index: number;
  label: string;
  user: number | null;
  room: number | null;
  matches: (e: PlannerEntry) => boolean;
}

/** A fixed Monday far from any real date, the first stand-in day. */
const BASE = "2001-01-01";
export const plusDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
export const columnDate = (index: number) => plusDays(BASE, index);

/** A calendar date (the calendar runs in UTC with wall-clock values) as the wall-clock day and "HH:MM". */
export const toWall = (d: Date) => ({ date: d.toISOString().slice(0, 10), time: d.toISOString().slice(11, 16) });

/**
 * The columns: per agent an internal and an external one (the entry type's planner column, §10.1;
 * entries of a type without one, and holidays, go in the internal one), or one per room.
 */
export function columnsOf(
  mode: PlannerMode,
  agents: { id: number; name: string }[],
  rooms: { id: number; name: string }[],
  label: (key: "internal" | "external") => string,
): Column[] {
  const columns: Omit<Column, "index">[] =
    mode === "rooms"
      ? rooms.map((r) => ({
          key: `room${r.id}`,
          label: r.name,
          user: null,
          room: r.id,
          matches: (e) => e.roomId === r.id || e.allRooms,
        }))
      : agents.flatMap((a) =>
          (["internal", "external"] as const).map((side) => ({
            key: `${a.id}-${side}`,
            label: `${a.name} · ${label(side)}`,
            user: a.id,
            room: null,
            // An agent's entries, those he is a guest of (§10.3), and the holidays.
            matches: (e: PlannerEntry) =>
              (e.userId === a.id || e.guestOf.includes(a.id) || e.allRooms) &&
              (side === "external" ? e.plannerColumn === "external" : e.plannerColumn !== "external"),
          })),
        );
  return columns.map((c, index) => ({ ...c, index }));
}
