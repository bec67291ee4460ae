import { and, eq, ne, sql } from "drizzle-orm";
import { writeAudit, type Actor } from "@/server/audit";
import type { Locale } from "@/server/i18n/locale";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

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
    await tx
      .update(t.users)
      .set({ language, version: sql`${t.users.version} + 1`, modifiedAt: sql`now()` })
      .where(and(eq(t.users.id, userId), ne(t.users.language, language)));
    await writeAudit(tx, t, who, {
      action: "user.language",
      entity: "users.users",
      id: userId,
      changes: { language: { from: before.language, to: language } },
    });
    return true;
  });
}
