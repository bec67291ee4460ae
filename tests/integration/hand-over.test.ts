import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HandOverPanel } from "@/server/calendar/handover";
import { closePools } from "@/server/db/pool";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient, newCoaching, newStaff } from "./factories";
import { appCodeOf, newCentre } from "./helpers";

afterAll(closePools);

let eupen: Tenant;
let chatelet: Tenant;
let before: Awaited<ReturnType<typeof newStaff>>; // the coach whose coaching ended
let after: Awaited<ReturnType<typeof newStaff>>; // the coach who took the client over
let serviceId: number;

const day = (offset: number) => sql`(now() at time zone 'Europe/Brussels')::date + ${sql.raw(String(offset))}`;

/** A client coached by `before` until yesterday and by `after` from today, with entries and tasks of both kinds. */
async function handedOverClient() {
  const h = tenantHandle(eupen);
  const client = await newClient(eupen, { firstName: "Ida", lastName: "Ingels" });
  const ended = await newCoaching(eupen, client, before.id, {
    coachingTypeId: serviceId,
    startDate: "2024-01-01",
    endDate: sql`${day(-1)}` as never,
  });
  await newCoaching(eupen, client, after.id, { coachingTypeId: serviceId, startDate: sql`${day(0)}` as never });
  const entry = async (summary: string, offset: number, values: Record<string, unknown> = {}) => {
    const [row] = await h.db
      .insert(h.t.calendarEntries)
      .values({
        summary,
        clientId: client,
        userId: before.id,
        startDate: sql`${day(offset)}`,
        startTime: "09:00",
        autoType: 1,
        ownerType: "client",
        ownerId: client,
        state: "suggested",
        ...values,
      } as never)
      .returning({ id: h.t.calendarEntries.id });
    return row!.id;
  };
  const task = async (summary: string, values: Record<string, unknown> = {}) => {
    const [row] = await h.db
      .insert(h.t.tasks)
      .values({
        summary,
        userId: before.id,
        ownerType: "client",
        ownerId: client,
        startDate: sql`${day(3)}`,
        ...values,
      } as never)
      .returning({ id: h.t.tasks.id });
    return row!.id;
  };
  const moving = {
    entries: [await entry("Évaluation 4", 7, { autoType: 4 }), await entry("Évaluation 5", 37, { autoType: 5 })],
  };
  const staying = {
    entries: [
      await entry("Évaluation 3", -20, { autoType: 3 }),
      await entry("Entretien manuel", 8, { autoType: null }),
      await entry("Évaluation annulée", 9, { autoType: 6, state: "cancelled" }),
    ],
  };
  const movingTasks = [await task("La carte d'identité expire", { autoType: 1 })];
  const stayingTasks = [await task("Déjà faite", { autoType: 2, state: "done" }), await task("Tâche manuelle")];
  return { client, ended, moving: { ...moving, tasks: movingTasks }, staying: { ...staying, tasks: stayingTasks } };
}

const ownersOf = async (entries: number[], tasks: number[]) => {
  const h = tenantHandle(eupen);
  const e = await h.db
    .select({ userId: h.t.calendarEntries.userId })
    .from(h.t.calendarEntries)
    .where(inArray(h.t.calendarEntries.id, entries));
  const k = await h.db.select({ userId: h.t.tasks.userId }).from(h.t.tasks).where(inArray(h.t.tasks.id, tasks));
  return [...new Set([...e, ...k].map((r) => r.userId))];
};

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("ho-eupen", "production"), newCentre("ho-chat", "production")]);
  before = await newStaff(eupen, "100", { firstName: "Bea", lastName: "Before" });
  after = await newStaff(eupen, "100", { firstName: "Andi", lastName: "After", language: "de" });
  const h = tenantHandle(eupen);
  const [service] = await h.db
    .insert(h.t.coachingTypes)
    .values({ names: { fr: "Service social" } } as never)
    .returning({ id: h.t.coachingTypes.id });
  serviceId = service!.id;
}, 120_000);

describe("hand-over of an ended coaching", () => {
  it("lists what will move first, then moves exactly that to the new coach on confirmation, audited and told", async () => {
    const { client, ended, moving, staying } = await handedOverClient();
    const panel = (await before.caller.resources.panel({
      resource: "coachings.coachings",
      id: ended,
      key: "handOver",
    })) as HandOverPanel;
    expect(panel.reason).toBeNull();
    expect(panel.to).toMatch(/Andi/);
    expect(panel.entries.map((e) => e.summary)).toEqual(["Évaluation 4", "Évaluation 5"]);
    expect(panel.tasks.map((k) => k.summary)).toEqual(["La carte d'identité expire"]);
    // Listing moves nothing.
    expect(await ownersOf(moving.entries, moving.tasks)).toEqual([before.id]);

    await before.caller.resources.action({ resource: "coachings.coachings", id: ended, name: "handOver" });
    expect(await ownersOf(moving.entries, moving.tasks)).toEqual([after.id]);
    expect(await ownersOf(staying.entries, staying.tasks)).toEqual([before.id]);

    const h = tenantHandle(eupen);
    const audit = await h.db
      .select({ action: h.t.auditLog.action, entityId: h.t.auditLog.entityId })
      .from(h.t.auditLog)
      .where(inArray(h.t.auditLog.entityId, [...moving.entries, ...moving.tasks, ended].map(String)));
    expect(
      audit
        .filter((a) => a.action === "calendar.entries.update")
        .map((a) => Number(a.entityId))
        .sort(),
    ).toEqual([...moving.entries].sort());
    expect(audit.some((a) => a.action === "coachings.coachings.action.handOver")).toBe(true);
    const [notice] = await h.db.select().from(h.t.notifyMessages).where(eq(h.t.notifyMessages.userId, after.id));
    expect(notice).toMatchObject({ ownerType: "client", ownerId: client });
    expect(notice!.subject).toBe("Ida Ingels wurde Ihnen übergeben: 2 Termine und 1 Aufgabe");

    // Nothing left: a second hand-over is refused with a reason.
    expect(
      await appCodeOf(before.caller.resources.action({ resource: "coachings.coachings", id: ended, name: "handOver" })),
    ).toBe("INVALID_INPUT");
  });

  it("moves all or nothing", async () => {
    const { ended, moving } = await handedOverClient();
    const h = tenantHandle(eupen);
    // The database refuses the change of the last task: the entries moved before it must come back.
    const schema = sql.identifier(h.schema);
    await h.db.execute(sql`create function ${schema}.refuse_handover() returns trigger language plpgsql as
      $$ begin raise exception 'refused for the test'; end $$`);
    await h.db.execute(sql`create trigger refuse_handover before update on ${schema}.tasks for each row
      when (new.id = ${sql.raw(String(moving.tasks[0]))}) execute function ${schema}.refuse_handover()`);
    try {
      expect(
        await appCodeOf(
          before.caller.resources.action({ resource: "coachings.coachings", id: ended, name: "handOver" }),
        ),
      ).not.toBe("resolved");
    } finally {
      await h.db.execute(sql`drop trigger refuse_handover on ${schema}.tasks`);
    }
    expect(await ownersOf(moving.entries, moving.tasks)).toEqual([before.id]);
  });

  it("has nothing to hand over on a coaching still running or without a successor", async () => {
    const client = await newClient(eupen);
    const running = await newCoaching(eupen, client, before.id, { coachingTypeId: serviceId });
    const panel = (await before.caller.resources.panel({
      resource: "coachings.coachings",
      id: running,
      key: "handOver",
    })) as HandOverPanel;
    expect(panel.reason).toBe("notEnded");
    const alone = await newCoaching(eupen, await newClient(eupen), before.id, {
      coachingTypeId: serviceId,
      endDate: "2025-01-01",
    });
    expect(
      (
        (await before.caller.resources.panel({
          resource: "coachings.coachings",
          id: alone,
          key: "handOver",
        })) as HandOverPanel
      ).reason,
    ).toBe("noSuccessor");
  });

  it("is for coaching users (100, 210), not for 220 nor for another centre", async () => {
    const { ended, moving } = await handedOverClient();
    const reader = await newStaff(eupen, "220");
    expect(
      await appCodeOf(reader.caller.resources.action({ resource: "coachings.coachings", id: ended, name: "handOver" })),
    ).toBe("FORBIDDEN");
    const foreign = await newStaff(chatelet, "900");
    expect(
      await appCodeOf(
        foreign.caller.resources.action({ resource: "coachings.coachings", id: ended, name: "handOver" }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await appCodeOf(foreign.caller.resources.panel({ resource: "coachings.coachings", id: ended, key: "handOver" })),
    ).toBe("NOT_FOUND");
    expect(await ownersOf(moving.entries, moving.tasks)).toEqual([before.id]);
    const reception = await newStaff(eupen, "210");
    await reception.caller.resources.action({ resource: "coachings.coachings", id: ended, name: "handOver" });
    expect(await ownersOf(moving.entries, moving.tasks)).toEqual([after.id]);
  });
});
