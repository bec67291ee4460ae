import { describe, expect, it } from "vitest";
import { queuePosition, type Waiting } from "@/server/reception/queue";
import { GUEST_STEPS } from "@/server/calendar/workflow";
import { rolesOf, USER_TYPES } from "@/server/auth/user-types";

const at = (hhmm: string) => new Date(`2026-12-07T${hhmm}:00+01:00`);

describe("a visitor's position in the queue (domain-people §11)", () => {
  const waiting: Waiting[] = [
    { id: 1, agentId: 10, waitingSince: at("09:00") },
    { id: 2, agentId: 20, waitingSince: at("09:05") },
    { id: 3, agentId: 10, waitingSince: at("09:10") },
    { id: 4, agentId: 10, waitingSince: at("09:10") },
    { id: 5, agentId: null, waitingSince: at("08:00") },
  ];
  const of = (id: number) =>
    queuePosition(
      waiting.find((w) => w.id === id)!,
      waiting,
    );

  it("counts only those waiting for the same agent who came earlier", () => {
    expect(of(1)).toBe(1);
    expect(of(2)).toBe(1); // another agent's visitor before them does not count
    expect(of(3)).toBe(2);
  });

  it("puts the one registered first ahead when two arrive at the same instant", () => {
    expect(of(4)).toBe(3);
  });

  it("keeps a queue for visitors without an agent apart", () => {
    expect(of(5)).toBe(1);
  });

  it("moves everybody up when the first one is received", () => {
    const rest = waiting.filter((w) => w.id !== 1);
    expect(rest.filter((w) => w.agentId === 10).map((w) => queuePosition(w, rest))).toEqual([1, 2]);
  });
});

describe("who may check in, receive and see out a visitor (§10.3)", () => {
  const allowed = (name: string) =>
    USER_TYPES.filter((type) => GUEST_STEPS.find((s) => s.name === name)!.roles.some((r) => rolesOf(type).has(r)));
  // OfficeUser (agents) or OfficeOperator (reception): everyone signed in; the effects then keep
  // agents to their own visitors (tests/integration/reception.test.ts).
  const SIGNED_IN = [
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
  for (const name of ["checkin", "receive", "checkout"])
    it(`${name}: every user type but anonymous`, () => expect(allowed(name)).toEqual(SIGNED_IN));

  it("follows the guest states: check in from invited/accepted/present, receive a waiting one, see out a waiting or busy one", () => {
    const from = (name: string) => GUEST_STEPS.find((s) => s.name === name)!;
    expect(from("checkin")).toMatchObject({ from: ["invited", "accepted", "present"], to: "waiting" });
    expect(from("receive")).toMatchObject({ from: ["waiting"], to: "busy" });
    expect(from("checkout")).toMatchObject({ from: ["busy", "waiting"], to: "gone" });
  });
});
