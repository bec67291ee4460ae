import type { Role } from "@/server/auth/user-types";
import type { EntryState, GuestState } from "./choices";

/**
 * The workflows of calendar entries and guests as data (domain-people §10.2–10.3): which button
 * leads from which states to which, for whom, and under which condition of the row. The resources
 * (entries.ts, guests.ts) declare them with their effects; the unit tests read them against the domain.
 */
export interface Step<S extends string> {
  name: string;
  from: readonly S[];
  to: S;
  roles: Role[];
  confirm?: boolean;
  /** A boolean field of the row that must be true (see TransitionDef.onlyWhen). */
  onlyWhen?: string;
}

/** Who works with calendar entries: the agents (OfficeUser) and the reception (OfficeOperator). */
export const CALENDAR_ROLES: Role[] = ["OfficeUser", "OfficeOperator"];

export const ENTRY_STEPS: Step<EntryState>[] = [
  { name: "publish", from: ["suggested", "draft"], to: "published", roles: CALENDAR_ROLES },
  // Only once the meeting's (end or start) date has come; checks out the guests still there.
  {
    name: "close",
    from: ["suggested", "published", "draft"],
    to: "tookPlace",
    roles: CALENDAR_ROLES,
    confirm: true,
    onlyWhen: "hasBegun",
  },
  { name: "cancel", from: ["suggested", "published", "draft"], to: "cancelled", roles: CALENDAR_ROLES },
  { name: "reset", from: ["published", "tookPlace"], to: "draft", roles: CALENDAR_ROLES },
];

const others = (state: GuestState): GuestState[] =>
  (["invited", "accepted", "rejected", "present", "missing", "excused", "waiting", "busy", "gone"] as const).filter(
    (s) => s !== state,
  );

export const GUEST_STEPS: Step<GuestState>[] = [
  { name: "accept", from: ["invited", "rejected"], to: "accepted", roles: CALENDAR_ROLES, onlyWhen: "entryPublished" },
  { name: "reject", from: ["invited", "accepted"], to: "rejected", roles: CALENDAR_ROLES, onlyWhen: "entryPublished" },
  { name: "present", from: others("present"), to: "present", roles: CALENDAR_ROLES, onlyWhen: "entryTookPlace" },
  { name: "absent", from: others("missing"), to: "missing", roles: CALENDAR_ROLES },
  { name: "excused", from: others("excused"), to: "excused", roles: CALENDAR_ROLES },
  // Reception: the guest arrives, is received by the agent, leaves.
  { name: "checkin", from: ["invited", "accepted", "present"], to: "waiting", roles: CALENDAR_ROLES },
  // Receive and checkout: on one's own entry, or any entry for the reception (checked by their effects).
  { name: "receive", from: ["waiting"], to: "busy", roles: CALENDAR_ROLES, confirm: true },
  { name: "checkout", from: ["busy", "waiting"], to: "gone", roles: CALENDAR_ROLES, confirm: true },
];

/** Guests a "close meeting" checks out: those still waiting or with the agent. */
export const GUESTS_STILL_THERE: GuestState[] = ["waiting", "busy"];
/** States in which the guest was there (§10.3 "present states"). */
export const PRESENT_STATES: GuestState[] = ["present", "waiting", "busy", "gone"];
