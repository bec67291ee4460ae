import { asc, eq, isNull } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import type { Actor } from "@/server/audit";
import { createStaffPerson, updateStaffPerson, type StaffPersonFields } from "@/server/contacts/staff-persons";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

type Tx = Parameters<Parameters<TenantHandle["db"]["transaction"]>[0]>[0];

/** What of a user their own person record follows. */
type UserNames = {
  id: number;
  username: string;
  firstName: string;
  lastName: string;
  email: string;
  language: string;
  partnerId: number | null;
  partnerFromUser: boolean;
};

/** The person fields of a user; a user without any name is named by the username. */
export function personFieldsOf(u: Omit<UserNames, "id" | "partnerId" | "partnerFromUser">): StaffPersonFields {
  const named = u.firstName.trim() !== "" || u.lastName.trim() !== "";
  return {
    firstName: u.firstName.trim(),
    lastName: named ? u.lastName.trim() : u.username,
    email: u.email,
    language: u.language,
  };
}

/**
 * Every user has a person record (domain-people §1.1 `partner`): how a coach is invited as a guest
 * (§10.3). A user without one gets one made from their names, e-mail and language, marked as made
 * for the user (it then follows renames). In the caller's transaction; returns the person's id.
 */
export async function givePersonTo(tx: Tx, t: TenantTables, actor: Actor, user: UserNames): Promise<number> {
  if (user.partnerId !== null) return user.partnerId;
  const partnerId = await createStaffPerson(tx, t, actor, personFieldsOf(user));
  await tx.update(t.users).set({ partnerId, partnerFromUser: true }).where(eq(t.users.id, user.id));
  return partnerId;
}

/**
 * After an edit of a user: their person, when made for them, takes the new names, e-mail and
 * language; a user left without a person gets one. Returns the user's person's id.
 */
export async function keepPersonInStep(tx: Tx, t: TenantTables, actor: Actor, user: UserNames): Promise<number> {
  if (user.partnerId === null) return givePersonTo(tx, t, actor, user);
  if (user.partnerFromUser) await updateStaffPerson(tx, t, actor, user.partnerId, personFieldsOf(user));
  return user.partnerId;
}

/** Gives a person record to every user of the centre without one (the demo cast once seeded), each audited. */
export async function givePersonsToAll({ db, t }: Pick<TenantHandle, "db" | "t">, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const users = await tx.select().from(t.users).where(isNull(t.users.partnerId)).orderBy(asc(t.users.id));
    for (const user of users) await givePersonTo(tx, t, actor, user);
  });
}
