import { and, eq, ne, sql } from "drizzle-orm";
import { writeAudit, type Actor } from "@/server/audit";
import type { Locale } from "@/server/i18n/locale";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { keepPersonInStep } from "@/server/users/person";

/**
 * Remembers a user's UI language in their profile, so that it follows them to any device; audited
 * like every change of a user record. Choosing the language already stored changes nothing.
 */
export async function saveUserLanguage(
  { db, t }: Pick<TenantHandle, "db" | "t">,
  who: Actor,
  userId: number,
  language: Locale,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ language: t.users.language })
      .from(t.users)
      .where(eq(t.users.id, userId))
      .for("update");
    if (!before || before.language === language) return false;
    const [after] = await tx
      .update(t.users)
      .set({ language, version: sql`${t.users.version} + 1`, modifiedAt: sql`now()` })
      .where(and(eq(t.users.id, userId), ne(t.users.language, language)))
      .returning();
    // A person record made for the user speaks the user's language (letters to a colleague invited as a guest).
    if (after) await keepPersonInStep(tx, t, who, after);
    await writeAudit(tx, t, who, {
      action: "user.language",
      entity: "users.users",
      id: userId,
      changes: { language: { from: before.language, to: language } },
    });
    return true;
  });
}
