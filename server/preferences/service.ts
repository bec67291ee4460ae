import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/** What the desktop remembers per user; each key has its own shape, so nothing else can be stored. */
export const gridSettingsSchema = z.object({
  columns: z.array(z.string().max(64)).max(100),
  widths: z.record(z.string().max(64), z.number().int().min(30).max(2000)).default({}),
  pageSize: z.number().int().min(5).max(200).optional(),
});
export const dashboardSettingsSchema = z.object({ hidden: z.array(z.string().max(64)).max(50) });

export const preferenceKey = z.union([z.templateLiteral(["grid:", z.string().max(64)]), z.literal("dashboard")]);
export type PreferenceKey = z.infer<typeof preferenceKey>;
export const schemaOf = (key: PreferenceKey) => (key === "dashboard" ? dashboardSettingsSchema : gridSettingsSchema);

type Handle = Pick<TenantHandle, "db" | "t">;

export async function getPreference({ db, t }: Handle, userId: number, key: PreferenceKey): Promise<unknown> {
  const [row] = await db
    .select({ value: t.userPreferences.value })
    .from(t.userPreferences)
    .where(and(eq(t.userPreferences.userId, userId), eq(t.userPreferences.key, key)));
  const parsed = row ? schemaOf(key).safeParse(row.value) : undefined;
  return parsed?.success ? parsed.data : null;
}

/** Stores or (with `null`) forgets a preference. Layout choices are not audited: they change no data. */
export async function setPreference(
  { db, t }: Handle,
  userId: number,
  key: PreferenceKey,
  value: unknown,
): Promise<void> {
  if (value === null) {
    await db.delete(t.userPreferences).where(and(eq(t.userPreferences.userId, userId), eq(t.userPreferences.key, key)));
    return;
  }
  const parsed = schemaOf(key).parse(value);
  await db
    .insert(t.userPreferences)
    .values({ userId, key, value: parsed })
    .onConflictDoUpdate({
      target: [t.userPreferences.userId, t.userPreferences.key],
      set: { value: parsed, updatedAt: sql`now()` },
    });
}
