// The workflow buttons of calendar entries and guests, per state, per condition of the row and per
// user type, written down from domain-people §10.2 (the rendering examples: suggested future
// "→ [☼] [☒]", suggested past "[☼] [☑] [☒]", draft "[☼] [☒]", published "[☑] [☒] [☐]", took
// place "[☐]", cancelled none) and §10.3 (the table of guest actions), and compared with what the
// declared resources offer.
import { describe, expect, it } from "vitest";
import { registry } from "@/server/areas";
import { rolesOf, USER_TYPES, type UserType } from "@/server/auth/user-types";
import { anyOf } from "@/server/resources/access";
import { ENTRY_STATES, GUEST_STATES } from "@/server/calendar/choices";

/** The buttons a user of `type` gets on a row (Lino's workflow buttons), by transition name. */
function buttons(resource: string, type: UserType, row: Record<string, unknown>): string[] {
  const def = registry.resources.get(resource)!;
  const user = { roles: rolesOf(type) };
  return def
    .workflow!.transitions.filter(
      (tr) =>
        tr.from.includes(String(row[def.workflow!.field])) &&
        anyOf(user, tr.roles) &&
        (!tr.onlyWhen || row[tr.onlyWhen] === true),
    )
    .map((tr) => tr.name);
}

// Agents (OfficeUser) and the reception (OfficeOperator) work with the calendar: every signed-in type.
const CALENDAR_TYPES: UserType[] = [
  "100",
  "110",
  "120",
  "200",
  "210",
  "220",
  "300",
  "400",
  "410",
  "420",
  "500",
  "510",
  "800",
  "900",
  "910",
];

// §10.2, state → buttons before the meeting's day and once it has come.
const ENTRY: Record<string, { future: string[]; past: string[] }> = {
  suggested: { future: ["publish", "cancel"], past: ["publish", "close", "cancel"] },
  draft: { future: ["publish", "cancel"], past: ["publish", "close", "cancel"] },
  published: { future: ["cancel", "reset"], past: ["close", "cancel", "reset"] },
  tookPlace: { future: ["reset"], past: ["reset"] },
  cancelled: { future: [], past: [] },
};

// §10.3, guest state → buttons when the entry is published, took place, or neither (e.g. a draft).
// Accept/reject need a published entry, "present" one that took place; absent and excused come from
// any other state; check-in from invited, accepted, present; receive from waiting; checkout from busy, waiting.
const GUEST: Record<string, { published: string[]; tookPlace: string[]; other: string[] }> = {
  invited: {
    published: ["accept", "reject", "absent", "excused", "checkin"],
    tookPlace: ["present", "absent", "excused", "checkin"],
    other: ["absent", "excused", "checkin"],
  },
  accepted: {
    published: ["reject", "absent", "excused", "checkin"],
    tookPlace: ["present", "absent", "excused", "checkin"],
    other: ["absent", "excused", "checkin"],
  },
  rejected: {
    published: ["accept", "absent", "excused"],
    tookPlace: ["present", "absent", "excused"],
    other: ["absent", "excused"],
  },
  present: {
    published: ["absent", "excused", "checkin"],
    tookPlace: ["absent", "excused", "checkin"],
    other: ["absent", "excused", "checkin"],
  },
  missing: { published: ["excused"], tookPlace: ["present", "excused"], other: ["excused"] },
  excused: { published: ["absent"], tookPlace: ["present", "absent"], other: ["absent"] },
  waiting: {
    published: ["absent", "excused", "receive", "checkout"],
    tookPlace: ["present", "absent", "excused", "receive", "checkout"],
    other: ["absent", "excused", "receive", "checkout"],
  },
  busy: {
    published: ["absent", "excused", "checkout"],
    tookPlace: ["present", "absent", "excused", "checkout"],
    other: ["absent", "excused", "checkout"],
  },
  gone: { published: ["absent", "excused"], tookPlace: ["present", "absent", "excused"], other: ["absent", "excused"] },
};

describe("calendar entry workflow (domain-people §10.2)", () => {
  it("covers every entry state", () => expect(Object.keys(ENTRY).sort()).toEqual([...ENTRY_STATES].sort()));
  for (const type of USER_TYPES)
    for (const [state, expected] of Object.entries(ENTRY))
      it(`user type ${type}, ${state}: the buttons of §10.2 before and on the meeting's day`, () => {
        const may = CALENDAR_TYPES.includes(type);
        expect(buttons("calendar.entries", type, { state, hasBegun: false })).toEqual(may ? expected.future : []);
        expect(buttons("calendar.entries", type, { state, hasBegun: true })).toEqual(may ? expected.past : []);
      });

  it("the lists of the day and the client's calendar offer the same buttons", () => {
    for (const id of ["calendar.myAppointments", "calendar.today", "calendar.byClient", "calendar.myOverdue"])
      expect(buttons(id, "100", { state: "published", hasBegun: true })).toEqual(ENTRY.published!.past);
  });

  it("asks before closing a meeting (it checks out the guests still there)", () => {
    const close = registry.resources.get("calendar.entries")!.workflow!.transitions.find((t) => t.name === "close");
    expect(close?.confirm).toBe(true);
  });
});

describe("guest (presence) workflow (domain-people §10.3)", () => {
  it("covers every guest state", () => expect(Object.keys(GUEST).sort()).toEqual([...GUEST_STATES].sort()));
  for (const type of USER_TYPES)
    for (const [state, expected] of Object.entries(GUEST))
      it(`user type ${type}, ${state}: the buttons of §10.3 by the entry's state`, () => {
        const may = CALENDAR_TYPES.includes(type);
        const row = (entry: "published" | "tookPlace" | "other") => ({
          state,
          entryPublished: entry === "published",
          entryTookPlace: entry === "tookPlace",
        });
        expect(buttons("calendar.guests", type, row("published"))).toEqual(may ? expected.published : []);
        expect(buttons("calendar.guests", type, row("tookPlace"))).toEqual(may ? expected.tookPlace : []);
        expect(buttons("calendar.guests", type, row("other"))).toEqual(may ? expected.other : []);
      });

  it("asks before receiving a guest and seeing them out", () => {
    const transitions = registry.resources.get("calendar.guests")!.workflow!.transitions;
    expect(transitions.filter((t) => t.confirm).map((t) => t.name)).toEqual(["receive", "checkout"]);
  });
});
