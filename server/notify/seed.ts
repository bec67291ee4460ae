import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Seed } from "@/server/area";
import { clientDisplayName } from "@/server/clients/sql";
import { clientObservers } from "@/server/coachings/observers";
import { notify } from "./emit";

/**
 * Demo notifications shaped like Lino's (domain-people §20, 13 messages): "the database has been
 * initialized" for the administrators, and changes of a few coached clients told to their
 * observers, each written in the recipient's language. Seeded once per centre.
 */
export const seedNotifications: Seed = async (handle) => {
  const { db, t } = handle;
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(t.notifyMessages);
  if (n > 0) return;
  const users = await db
    .select({ id: t.users.id, username: t.users.username, firstName: t.users.firstName, lastName: t.users.lastName })
    .from(t.users)
    .where(inArray(t.users.username, ["romain", "robin", "rolf", "theresia"]));
  const admins = await db
    .select({ id: t.users.id })
    .from(t.users)
    .where(inArray(t.users.userType, ["900", "910"]));
  const clients = await db
    .select({ id: t.partners.id, name: clientDisplayName(t.partners) })
    .from(t.partners)
    .where(and(eq(t.partners.isClient, true), eq(t.partners.clientState, "30")))
    .orderBy(asc(t.partners.id))
    .limit(6);
  await db.transaction(async (tx) => {
    await notify(
      tx,
      handle,
      null,
      admins.map((a) => a.id),
      { type: "system", owner: null, compose: (tr) => ({ subject: tr("notify.demo.initialized") }) },
    );
    for (const [i, client] of clients.entries()) {
      const actor = users[i % Math.max(users.length, 1)];
      if (!actor) break;
      const observers = await clientObservers({ db: tx, t }, client.id);
      const who = `${actor.firstName} ${actor.lastName}`;
      await notify(
        tx,
        handle,
        actor.id,
        observers.map((o) => o.id),
        {
          type: "change",
          owner: { type: "client", id: client.id },
          compose: (tr) => ({
            subject: tr("notify.subjects.modified", {
              user: who,
              what: tr("notify.what.client", { client: client.name }),
            }),
            body: tr("notify.changedFields", { fields: [tr("fields.phone"), tr("fields.gsm")].join(", ") }),
          }),
        },
      );
    }
  });
};
