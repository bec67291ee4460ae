import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { hasRole, USER_TYPES } from "@/server/auth/user-types";
import type { EidCardPanel } from "@/server/eid/panel";
import type { SimilarClientsPanel } from "@/server/clients/panels/similar";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import type { Tenant } from "@/server/tenancy/registry";
import { appCodeOf, newCentre, signedInCaller } from "./helpers";

type Caller = Awaited<ReturnType<typeof signedInCaller>>;
let eupen: Tenant;
let chatelet: Tenant;
let agent: Caller; // 100

/** A client created as a user would (so its phonetic words are computed), confirming similar ones. */
const newClient = async (firstName: string, lastName: string) =>
  Number(
    (
      await agent.resources.create({
        resource: "clients.clients",
        values: { firstName, lastName, language: "de" },
        confirmed: true,
      })
    ).id,
  );
const panel = (caller: Caller, id: number, key: string) =>
  caller.resources.panel({ resource: "clients.clients", id, key });

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("panels-eupen"), newCentre("panels-chatelet")]);
  agent = await signedInCaller(eupen, "100");
});

describe("detail panels", () => {
  it("declares the panels on the client's tabs: overview (on top) and eID card on Person, similar clients on Human links", async () => {
    const meta = await agent.resources.meta({ resource: "clients.clients" });
    expect(meta.detail.find((tab) => tab.key === "person")!.panels).toEqual([
      { key: "clientOverview", label: "panels.clientOverview.title", top: true },
      { key: "eidCard", label: "panels.eidCard.title" },
      // Find a date with the client's coaches (issue 15 §5).
      { key: "findDate", label: "planner.panel.title" },
      // The agents a visit can be created with, and their state today (§11 "Agents by client").
      { key: "agentsByClient", label: "reception.agents.title" },
    ]);
    expect(meta.detail.find((tab) => tab.key === "humanLinks")!.panels).toEqual([
      { key: "similarClients", label: "panels.similarClients.title" },
    ]);
  });

  it("lists the similar clients of each Dorothée of the demo trio, with the phonetic words", async () => {
    const demeulenaere = await newClient("Dorothée", "Demeulenaere");
    const both = await newClient("Dorothée", "Dobbelstein-Demeulenaere");
    const dobbelstein = await newClient("Dorothée", "Dobbelstein");
    const unrelated = await newClient("Daniel", "Emonts");
    const similarOf = async (id: number) => (await panel(agent, id, "similarClients")) as SimilarClientsPanel;

    const middle = await similarOf(both);
    expect(middle.similar.map((c) => c.id)).toEqual([demeulenaere, dobbelstein]);
    expect(middle.similar[0]!.displayName).toBe(`DEMEULENAERE Dorothée (${demeulenaere})`);
    expect(middle.phoneticWords).toEqual(["TPLSTN", "TMLNR", "TR0"]);
    expect((await similarOf(demeulenaere)).similar.map((c) => c.id)).toEqual([both]);
    expect((await similarOf(dobbelstein)).similar.map((c) => c.id)).toEqual([both]);
    expect(await similarOf(unrelated)).toEqual({ similar: [], phoneticWords: ["AMNTS", "TNL"] });
  });

  it("shows the eID card panel: photo, card lines, and the warning when a coached client's card is missing", async () => {
    const h = tenantHandle(eupen);
    const id = await newClient("Jeff", "Jeffin");
    await h.db
      .update(h.t.partners)
      .set({
        cardNumber: "591413288107",
        cardType: "1",
        cardValidFrom: "2020-01-01",
        cardValidUntil: "2099-12-31",
        cardIssuer: "Eupen",
        clientState: "30",
      })
      .where(eq(h.t.partners.id, id));
    await h.db
      .insert(h.t.partnerPhotos)
      .values({ partnerId: id, contentType: "image/jpeg", content: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) });
    const withCard = (await panel(agent, id, "eidCard")) as EidCardPanel;
    expect(withCard.photo).toBe("data:image/jpeg;base64,/9j/4A==");
    expect(withCard).toMatchObject({ cardNumber: "591413288107", mustRead: false, mustReadText: null });
    expect(withCard.lines.join(" ")).toContain("591413288107");

    const coached = await newClient("Karl", "Kartenlos");
    await h.db.update(h.t.partners).set({ clientState: "30" }).where(eq(h.t.partners.id, coached));
    const missing = (await panel(agent, coached, "eidCard")) as EidCardPanel;
    expect(missing).toMatchObject({ photo: null, lines: [], mustRead: true, mustReadText: expect.any(String) });
  });

  it("refuses panels a resource does not declare, another centre's clients, and users who may not see clients", async () => {
    const id = await newClient("Erna", "Emonts-Gast");
    await tenantHandle(eupen)
      .db.insert(tenantHandle(eupen).t.partnerPhotos)
      .values({ partnerId: id, contentType: "image/jpeg", content: Buffer.from([0xff, 0xd8]) });
    expect(await appCodeOf(panel(agent, id, "nonsense"))).toBe("INVALID_INPUT");
    expect(await appCodeOf(agent.resources.panel({ resource: "coachings.coachings", id, key: "similarClients" }))).toBe(
      "INVALID_INPUT",
    );
    // Another centre: the same number is not this client there (NOT_FOUND), whatever the user type.
    const foreign = await signedInCaller(chatelet, "910");
    const chateletMax = Number(
      (
        await foreign.resources.list({
          resource: "clients.clients",
          state: { page: 1, pageSize: 1, sort: [{ field: "id", dir: "desc" }], filters: { hideObsolete: null }, q: "" },
        })
      ).rows[0]?.id ?? 0,
    );
    expect(chateletMax).toBeLessThan(id);
    expect(await appCodeOf(panel(foreign, id, "eidCard"))).toBe("NOT_FOUND");
    expect(await appCodeOf(panel(foreign, id, "similarClients"))).toBe("NOT_FOUND");
    for (const userType of USER_TYPES) {
      const caller = await signedInCaller(eupen, userType);
      const viewer = hasRole(userType, "SimpleContactsUser");
      const refused = userType === "000" ? "UNAUTHORIZED" : "FORBIDDEN";
      expect(await appCodeOf(panel(caller, id, "eidCard")), userType).toBe(viewer ? "resolved" : refused);
      expect(await appCodeOf(panel(caller, id, "similarClients")), userType).toBe(viewer ? "resolved" : refused);
    }
  });
});
