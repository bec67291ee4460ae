import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACT_AS_COOKIE } from "@/server/auth/session";
import { closePools } from "@/server/db/pool";
import { feedGet } from "@/server/feeds/route";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient, newStaff } from "./factories";
import { appCodeOf, callerOn, centreHost, newCentre } from "./helpers";

afterAll(closePools);

let eupen: Tenant;
let chatelet: Tenant;
let agent: Awaited<ReturnType<typeof newStaff>>;
let colleague: Awaited<ReturnType<typeof newStaff>>;

/** Fetches a feed address as a calendar application would: no cookie, the centre's host. */
const fetchFeed = async (tenant: Tenant, path: string) => {
  const file = path.replace(/^\/api\/feeds\//, "");
  const res = await feedGet(
    new Request(`http://${tenant.slug}.localhost${path}`, { headers: { host: `${tenant.slug}.localhost` } }),
    file,
  );
  return { status: res.status, type: res.headers.get("content-type"), body: await res.text() };
};

async function entry(userId: number, values: Record<string, unknown>) {
  const h = tenantHandle(eupen);
  await h.db.insert(h.t.calendarEntries).values({
    startDate: sql`current_date + 1`,
    startTime: "10:00",
    endTime: "11:00",
    state: "published",
    userId,
    ...values,
  } as never);
}

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("feed-eupen", "production"), newCentre("feed-chat", "production")]);
  agent = await newStaff(eupen, "100", { language: "de" });
  colleague = await newStaff(eupen, "100");
  const client = await newClient(eupen, { firstName: "Hanna", lastName: "Hilger" });
  await entry(agent.id, { summary: "Beratung", clientId: client, description: "Schulden" });
  await entry(agent.id, { summary: "Teamsitzung" });
  await entry(agent.id, { summary: "Abgesagt", state: "cancelled" });
  await entry(colleague.id, { summary: "Fremder Termin" });
}, 120_000);

describe("a user's calendar feed", () => {
  it("holds only the user's own entries, in Brussels time, without client names unless the centre allows them", async () => {
    expect(await agent.caller.feeds.status()).toEqual({ active: false, createdAt: null });
    const { path } = await agent.caller.feeds.renew();
    expect(await agent.caller.feeds.status()).toMatchObject({ active: true });
    const feed = await fetchFeed(eupen, path);
    expect(feed.status).toBe(200);
    expect(feed.type).toMatch(/^text\/calendar/);
    expect(feed.body).toContain("BEGIN:VTIMEZONE");
    expect(feed.body).toMatch(/DTSTART;TZID=Europe\/Brussels:\d{8}T100000/);
    expect(feed.body).toContain("SUMMARY:Teamsitzung");
    // The client's entry reads "Termin" (the user's language), with neither name nor description.
    expect(feed.body).toContain("SUMMARY:Termin");
    expect(feed.body).not.toContain("Hilger");
    expect(feed.body).not.toContain("Schulden");
    expect(feed.body).not.toContain("Beratung");
    expect(feed.body).not.toContain("Abgesagt");
    expect(feed.body).not.toContain("Fremder Termin");

    const h = tenantHandle(eupen);
    await h.db.update(h.t.calendarSettings).set({ feedClientNames: true }).where(eq(h.t.calendarSettings.id, 1));
    const named = await fetchFeed(eupen, path);
    expect(named.body).toMatch(/SUMMARY:Beratung — HILGER Hanna \(\d+\)/);
    expect(named.body).toContain("DESCRIPTION:Schulden");
    await h.db.update(h.t.calendarSettings).set({ feedClientNames: false }).where(eq(h.t.calendarSettings.id, 1));
  });

  it("is refused on another centre's host, after revocation, and once replaced by a new address", async () => {
    const { path } = await colleague.caller.feeds.renew();
    expect((await fetchFeed(eupen, path)).status).toBe(200);
    expect((await fetchFeed(chatelet, path)).status).toBe(404);
    expect((await fetchFeed(eupen, "/api/feeds/nonsense.ics")).status).toBe(404);

    const { path: renewed } = await colleague.caller.feeds.renew();
    expect((await fetchFeed(eupen, path)).status).toBe(404);
    expect((await fetchFeed(eupen, renewed)).status).toBe(200);

    expect(await colleague.caller.feeds.revoke()).toEqual({ active: false, createdAt: null });
    expect((await fetchFeed(eupen, renewed)).status).toBe(404);
    // Making and revoking are audited.
    const h = tenantHandle(eupen);
    const actions = await h.db
      .select({ action: h.t.auditLog.action })
      .from(h.t.auditLog)
      .where(sql`${h.t.auditLog.entity} = 'feeds.feed' and ${h.t.auditLog.entityId} = ${String(colleague.id)}`);
    expect(actions.map((a) => a.action)).toEqual(["feeds.feed.create", "feeds.feed.renew", "feeds.feed.revoke"]);
  });

  it("is any calendar user's own: agents (100), reception (210), administrators (900); not while signed out", async () => {
    for (const type of ["100", "210", "900"] as const) {
      const user = await newStaff(chatelet, type);
      const { path } = await user.caller.feeds.renew();
      expect((await fetchFeed(chatelet, path)).status).toBe(200);
      // Châtelet's address means nothing on Eupen's host.
      expect((await fetchFeed(eupen, path)).status).toBe(404);
    }
    const anonymous = await callerOn(centreHost(eupen.slug));
    expect(await appCodeOf(anonymous.feeds.renew())).toBe("UNAUTHORIZED");
    // While acting for a colleague, the feed made is one's own.
    const clerk = await newStaff(eupen, "210");
    await agent.caller.users.authorities.give({ authorizedId: clerk.id });
    const acting = await callerOn(centreHost(eupen.slug), { [ACT_AS_COOKIE]: String(agent.id) }, clerk.claims);
    expect((await acting.users.me()).id).toBe(agent.id);
    const { path } = await acting.feeds.renew();
    const h = tenantHandle(eupen);
    const [row] = await h.db.select().from(h.t.calendarFeeds).where(eq(h.t.calendarFeeds.userId, clerk.id));
    expect(row).toBeDefined();
    expect((await fetchFeed(eupen, path)).body).not.toContain("Teamsitzung");
  });
});
