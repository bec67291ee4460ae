// The integration agents' dashboard widgets (issue 17 item 9): my contracts ending soon, my
// evaluations this week, my clients without an active contract; each user's own rows, each centre's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WIDGETS } from "@/server/areas";
import { rolesOf, USER_TYPES } from "@/server/auth/user-types";
import { closePools } from "@/server/db/pool";
import { myContractsEndingSoon, myEvaluationsThisWeek, weekOf } from "@/server/integ/dashboard";
import { availableWidgets } from "@/server/shell/widgets";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient, newCoaching, newStaff } from "./factories";
import { newCentre } from "./helpers";

afterAll(closePools);

type Staff = Awaited<ReturnType<typeof newStaff>>;
// A Wednesday: its week runs from Monday 10 to Sunday 16 March 2031; "soon" is until 12 April.
const TODAY = "2031-03-12";

let centre: Tenant;
let other: Tenant;
let ann: Staff;
let ben: Staff;
const k: Record<string, number> = {};
let client: number;

beforeAll(async () => {
  [centre, other] = await Promise.all([newCentre("integ-dash"), newCentre("integ-dash-other")]);
  [ann, ben] = await Promise.all([newStaff(centre, "100"), newStaff(centre, "100")]);
  const h = tenantHandle(centre);
  client = await newClient(centre, { firstName: "Dora", lastName: "Dashboard" });
  const [type] = await h.db.select({ id: h.t.isipContractTypes.id }).from(h.t.isipContractTypes).limit(1);
  const contract = async (name: string, userId: number, until: string | null, ended: string | null = until) => {
    const [row] = await h.db
      .insert(h.t.isipContracts)
      .values({
        clientId: client,
        typeId: type!.id,
        userId,
        appliesFrom: "2030-01-01",
        appliesUntil: until,
        dateEnded: ended,
      })
      .returning({ id: h.t.isipContracts.id });
    k[name] = row!.id;
  };
  await contract("today", ann.id, "2031-03-12"); // ends today: shown
  await contract("monthEnd", ann.id, "2031-04-12"); // a month later: the last day shown
  await contract("after", ann.id, "2031-04-13"); // beyond the month
  await contract("past", ann.id, "2031-03-11"); // already ended
  await contract("early", ann.id, "2031-06-30", "2031-03-20"); // effectively ends on the 20th: shown then
  await contract("open", ann.id, null); // no end
  await contract("bens", ben.id, "2031-03-15"); // Ben's
  const entry = (startDate: string, userId: number, more: Record<string, unknown> = {}) =>
    h.db.insert(h.t.calendarEntries).values({
      startDate,
      userId,
      ownerType: "isipContract",
      ownerId: k.open!,
      clientId: client,
      summary: `Evaluation ${startDate}`,
      ...more,
    });
  await entry("2031-03-10", ann.id, { startTime: "14:00" }); // Monday: shown
  await entry("2031-03-10", ann.id, { startTime: "09:00" }); // earlier that day: shown first
  await entry("2031-03-16", ann.id); // Sunday: shown
  await entry("2031-03-09", ann.id); // the Sunday before
  await entry("2031-03-17", ann.id); // the Monday after
  await entry("2031-03-12", ann.id, { state: "cancelled" }); // cancelled
  await entry("2031-03-12", ann.id, { ownerType: null, ownerId: null, summary: "Other meeting" }); // no contract's
  await entry("2031-03-13", ben.id); // Ben's
});

describe("my contracts ending soon", () => {
  it("lists the user's contracts whose effective end falls in the coming month, soonest first", async () => {
    const { rows, total } = await myContractsEndingSoon(tenantHandle(centre), ann.id, TODAY);
    expect(rows.map((r) => [r.id, r.ends])).toEqual([
      [k.today, "2031-03-12"],
      [k.early, "2031-03-20"],
      [k.monthEnd, "2031-04-12"],
    ]);
    expect(total).toBe(3);
    expect(rows[0]).toMatchObject({ kind: "isip", resource: "isip.contracts", label: "isip.kind" });
    expect(rows[0]!.client).toBe(`DASHBOARD Dora (${client})`);
    expect((await myContractsEndingSoon(tenantHandle(centre), ben.id, TODAY)).rows.map((r) => r.id)).toEqual([k.bens]);
  });

  it("reads nothing of another centre", async () => {
    expect((await myContractsEndingSoon(tenantHandle(other), ann.id, TODAY)).rows).toEqual([]);
  });
});

describe("my evaluations this week", () => {
  it("computes the week from Monday to Sunday", () => {
    expect(weekOf("2031-03-12")).toEqual({ from: "2031-03-10", to: "2031-03-16" });
    expect(weekOf("2031-03-10")).toEqual({ from: "2031-03-10", to: "2031-03-16" });
    expect(weekOf("2031-03-16")).toEqual({ from: "2031-03-10", to: "2031-03-16" });
    // Across a year's end (1 January 2031 is a Wednesday).
    expect(weekOf("2031-01-01")).toEqual({ from: "2030-12-30", to: "2031-01-05" });
  });

  it("lists the evaluation meetings of contracts the user manages this week, cancelled ones aside", async () => {
    const { rows, total } = await myEvaluationsThisWeek(tenantHandle(centre), ann.id, TODAY);
    expect(rows.map((r) => [r.date, r.time])).toEqual([
      ["2031-03-10", "09:00"],
      ["2031-03-10", "14:00"],
      ["2031-03-16", ""],
    ]);
    expect(total).toBe(3);
    expect(rows[0]!.client).toBe(`DASHBOARD Dora (${client})`);
    expect((await myEvaluationsThisWeek(tenantHandle(centre), ben.id, TODAY)).rows.map((r) => r.date)).toEqual([
      "2031-03-13",
    ]);
    expect((await myEvaluationsThisWeek(tenantHandle(other), ann.id, TODAY)).rows).toEqual([]);
  });
});

describe("my clients without an active contract", () => {
  it("is the integration list of my clients today with the 'available' filter", async () => {
    const h = tenantHandle(centre);
    const [type] = await h.db.select({ id: h.t.isipContractTypes.id }).from(h.t.isipContractTypes).limit(1);
    const free = await newClient(centre, { firstName: "Frida", lastName: "Dashboard" });
    const bound = await newClient(centre, { firstName: "Gerd", lastName: "Dashboard" });
    const bens = await newClient(centre, { firstName: "Hanna", lastName: "Dashboard" });
    await newCoaching(centre, free, ann.id);
    await newCoaching(centre, bound, ann.id);
    await newCoaching(centre, bens, ben.id);
    await h.db
      .insert(h.t.isipContracts)
      .values({ clientId: bound, typeId: type!.id, userId: ann.id, appliesFrom: "2020-01-01" });
    const list = async (who: Staff) =>
      (
        await who.caller.resources.list({
          resource: "integ.clients",
          state: { page: 1, pageSize: 10, sort: [], filters: { available: true }, q: "" },
        })
      ).rows.map((r) => Number(r.id));
    expect(await list(ann)).toEqual([free]);
    expect(await list(ben)).toEqual([bens]);
  });
});

describe("the widgets", () => {
  it("are for integration users, shown by default to integration agents", () => {
    const ids = ["integ-contracts-ending", "integ-evaluations-week", "integ-without-contract"];
    for (const userType of USER_TYPES) {
      const available = availableWidgets({ roles: rolesOf(userType) }, WIDGETS).map((w) => w.id);
      const integ = rolesOf(userType).has("IntegUser");
      for (const id of ids) expect(available.includes(id), `${userType} ${id}`).toBe(integ);
    }
    for (const id of ids) expect(WIDGETS.find((w) => w.id === id)?.defaultFor).toEqual(["100", "120"]);
  });
});
