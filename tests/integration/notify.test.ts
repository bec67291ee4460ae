import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePools } from "@/server/db/pool";
import { unseenSummary } from "@/server/notify/emit";
import { liveResponse } from "@/server/notify/stream";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient, newCoaching, newStaff } from "./factories";
import { appCodeOf, callerOn, centreHost, newCentre } from "./helpers";

afterAll(closePools);

let a: Tenant;
let b: Tenant;
beforeAll(async () => {
  a = await newCentre("notify-a", "production");
  b = await newCentre("notify-b", "production");
});

const summaryOf = (tenant: Tenant, userId: number) => unseenSummary(tenantHandle(tenant), userId);

async function editPhone(caller: Awaited<ReturnType<typeof newStaff>>["caller"], client: number, phone: string) {
  const row = await caller.resources.get({ resource: "clients.clients", id: client });
  await caller.resources.update({
    resource: "clients.clients",
    id: client,
    version: row.__version as number,
    patch: { phone },
  });
}

describe("notifications about a client (domain-people §16)", () => {
  it("tell the client's observers what changed, each in their language, once while unseen", async () => {
    const coach = await newStaff(a, "100", { language: "de", firstName: "Hubert", lastName: "Huppertz" });
    const supervisor = await newStaff(a, "110", { language: "fr", coachingSupervisor: true });
    const editor = await newStaff(a, "900", { language: "fr", firstName: "Romain", lastName: "Raffault" });
    const bystander = await newStaff(a, "100");
    const client = await newClient(a, { firstName: "Marie", lastName: "Dubois" });
    await newCoaching(a, client, coach.id);

    await editPhone(editor.caller, client, "087 55 44 33");
    const german = await summaryOf(a, coach.id);
    expect(german.count).toBe(1);
    expect(german.latest[0]).toMatchObject({
      type: "change",
      subject: `Romain Raffault hat DUBOIS Marie (${client}) geändert`,
      body: "Geänderte Felder: Telefon",
    });
    expect((await summaryOf(a, supervisor.id)).latest[0]?.subject).toBe(
      `Romain Raffault a modifié DUBOIS Marie (${client})`,
    );
    // Neither the one who made the change nor someone who does not follow the client.
    expect((await summaryOf(a, editor.id)).count).toBe(0);
    expect((await summaryOf(a, bystander.id)).count).toBe(0);

    // A second change while the first message is unseen makes no second message…
    await editPhone(editor.caller, client, "087 55 44 34");
    expect((await summaryOf(a, coach.id)).count).toBe(1);
    // …once it is seen, the next change makes a new one.
    expect(await coach.caller.notify.markSeen({})).toEqual({ changed: 1 });
    await editPhone(editor.caller, client, "087 55 44 35");
    expect((await summaryOf(a, coach.id)).count).toBe(1);
    expect((await coach.caller.notify.unseen()).latest).toHaveLength(1);
  });

  it("skip silent users and user types that mask changes; tell users their own changes only if they asked", async () => {
    const silent = await newStaff(a, "100", { mailMode: "silent" });
    const masked = await newStaff(a, "420", { coachingSupervisor: true });
    const self = await newStaff(a, "100", { notifyMyself: true });
    const client = await newClient(a);
    await newCoaching(a, client, silent.id);
    await newCoaching(a, client, self.id);
    await editPhone(self.caller, client, "04 222 33 44");
    expect((await summaryOf(a, silent.id)).count).toBe(0);
    expect((await summaryOf(a, masked.id)).count).toBe(0);
    expect((await summaryOf(a, self.id)).count).toBe(1);
    // The 420 profile still hears about coachings (only "change" is masked for it).
    await self.caller.resources.create({
      resource: "coachings.coachings",
      values: { client, startDate: "2026-01-05", user: self.id },
    });
    expect((await summaryOf(a, masked.id)).latest.map((m) => m.type)).toEqual(["coachings"]);
  });

  it("tell the observers about a note written on the client (as coaching news, §12)", async () => {
    const coach = await newStaff(a, "100", { language: "fr" });
    const writer = await newStaff(a, "100", { firstName: "Alicia", lastName: "Allmanns" });
    const client = await newClient(a, { firstName: "Jean", lastName: "Dubois" });
    await newCoaching(a, client, coach.id);
    await writer.caller.resources.create({ resource: "notes.notes", values: { client, subject: "Visite à domicile" } });
    expect((await summaryOf(a, coach.id)).latest[0]).toMatchObject({
      type: "coachings",
      subject: `Alicia Allmanns a créé une note sur DUBOIS Jean (${client})`,
    });
  });

  it("are each user's own: another user or another centre neither reads nor marks them", async () => {
    const coach = await newStaff(a, "100");
    const colleague = await newStaff(a, "100");
    const editor = await newStaff(a, "900");
    const client = await newClient(a);
    await newCoaching(a, client, coach.id);
    await editPhone(editor.caller, client, "02 555 66 77");
    const [message] = (await coach.caller.notify.unseen()).latest;
    expect(message).toBeDefined();

    expect(await colleague.caller.notify.markSeen({ ids: [message!.id] })).toEqual({ changed: 0 });
    expect((await colleague.caller.notify.unseen()).count).toBe(0);
    expect(await appCodeOf(colleague.caller.resources.get({ resource: "notify.messages", id: message!.id }))).toBe(
      "NOT_FOUND",
    );
    const other = await newStaff(b, "900");
    expect(await other.caller.notify.markSeen({ ids: [message!.id] })).toEqual({ changed: 0 });
    expect(await appCodeOf(other.caller.resources.get({ resource: "notify.messages", id: message!.id }))).toBe(
      "NOT_FOUND",
    );
    // A session of the other centre on this centre's host is nobody here.
    const crossed = await callerOn(centreHost(a.slug), {}, other.claims);
    expect(await appCodeOf(crossed.notify.unseen())).toBe("UNAUTHORIZED");
    expect((await coach.caller.notify.unseen()).count).toBe(1);
  });

  it("are offered to every user type that can sign in, and to nobody signed out", async () => {
    const anonymous = await callerOn(centreHost(a.slug));
    expect(await appCodeOf(anonymous.notify.unseen())).toBe("UNAUTHORIZED");
    for (const userType of ["100", "210", "220", "420", "500", "800", "900"] as const) {
      const { caller } = await newStaff(a, userType);
      expect(await caller.notify.unseen(), userType).toEqual({ count: 0, latest: [] });
    }
  });
});

/** Reads server-sent events from a stream, one `unseen` count at a time. */
function eventsOf(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  return async function nextCount(): Promise<number> {
    for (;;) {
      const match = /event: unseen\ndata: (.*)\n\n/.exec(buffer);
      if (match) {
        buffer = buffer.slice(match.index + match[0].length);
        return (JSON.parse(match[1]!) as { count: number }).count;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error("stream ended");
      buffer += value;
    }
  };
}

const liveRequest = (tenant: Tenant, signal?: AbortSignal) =>
  new Request(`http://${tenant.slug}.localhost/api/notify/live`, {
    headers: { host: `${tenant.slug}.localhost` },
    signal,
  });

/** Another app instance: a separate Node process that makes a notification through the database. */
function notifyFromAnotherProcess(tenant: Tenant, userId: number) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "tests/integration/setup/notify-elsewhere.ts", tenant.id, String(userId)],
      { env: process.env, stdio: ["ignore", "inherit", "inherit"] },
    );
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
  });
}

describe("the live channel (GET /api/notify/live)", () => {
  it("pushes the unseen count when another server process makes a notification", async () => {
    const reader = await newStaff(a, "100");
    const stop = new AbortController();
    const response = await liveResponse(liveRequest(a, stop.signal), reader.claims);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const nextCount = eventsOf(response);
    expect(await nextCount()).toBe(0);
    await notifyFromAnotherProcess(a, reader.id);
    expect(await nextCount()).toBe(1);
    await reader.caller.notify.markSeen({});
    expect(await nextCount()).toBe(0);
    stop.abort();
  }, 30_000);

  it("refuses nobody signed in, and a session of another centre", async () => {
    const other = await newStaff(b, "100");
    expect((await liveResponse(liveRequest(a), null)).status).toBe(401);
    expect((await liveResponse(liveRequest(a), other.claims)).status).toBe(401);
  });
});
