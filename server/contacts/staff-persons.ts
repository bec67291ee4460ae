import { eq, sql } from "drizzle-orm";
import { changedFields, created, rowChange, writeAudit, type Actor } from "@/server/audit";
import type { TenantTables } from "@/db/tenant/tables";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { personPhoneticWords } from "@/server/clients/rules/phonetic";

type Tx = Parameters<Parameters<TenantHandle["db"]["transaction"]>[0]>[0];

/** What a user's own person record (domain-people §1.1 `partner`) takes from the user. */
export type StaffPersonFields = { firstName: string; lastName: string; email: string; language: string };

const entity = "contacts.persons";

/** The person's stored name, "last first", and its phonetic words, as the persons resource derives them. */
const personName = (f: StaffPersonFields) => ({
  name: `${f.lastName} ${f.firstName}`.trim(),
  phoneticWords: personPhoneticWords(f),
});

/**
 * Creates the person record of a centre user, in the caller's transaction, audited as a new person.
 * A user without any name is named by the username, so that the person is never nameless.
 */
export async function createStaffPerson(
  tx: Tx,
  t: TenantTables,
  actor: Actor,
  fields: StaffPersonFields,
): Promise<number> {
  const values = { kind: "person", ...fields, ...personName(fields) };
  const [person] = await tx.insert(t.partners).values(values).returning({ id: t.partners.id });
  const { phoneticWords: _words, ...shown } = values;
  await writeAudit(tx, t, actor, rowChange(entity, "create", person!.id, created(shown)));
  return person!.id;
}

/**
 * Brings a user's own person record in step with the user (names, e-mail, language), in the
 * caller's transaction; audited when something changed. A person gone or no longer a plain person
 * (it became a client) is left alone.
 */
export async function updateStaffPerson(
  tx: Tx,
  t: TenantTables,
  actor: Actor,
  id: number,
  fields: StaffPersonFields,
): Promise<void> {
  const [before] = await tx.select().from(t.partners).where(eq(t.partners.id, id)).for("update");
  if (!before || before.kind !== "person" || before.isClient) return;
  const wanted = { ...fields, name: personName(fields).name };
  const changes = changedFields(before, wanted);
  if (Object.keys(changes).length === 0) return;
  await tx
    .update(t.partners)
    .set({
      ...wanted,
      phoneticWords: personName(fields).phoneticWords,
      version: sql`${t.partners.version} + 1`,
      modifiedAt: sql`now()`,
    })
    .where(eq(t.partners.id, id));
  await writeAudit(tx, t, actor, rowChange(entity, "update", id, changes));
}
