import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { sortKeySchema } from "@/lib/resources";
import type { Registry } from "@/server/area";
import type { SessionUser } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { assertCan } from "@/server/resources/access";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/**
 * Saved searches (beyond Lino): a user's named filters, sort, quick search and columns of one grid,
 * kept with the grid's layout in the user's preferences (key `searches:<resource>`) of the user's
 * centre, so that they are the user's own and the centre's own. Not audited: like layouts, they
 * change no data. Filter values are checked by the list when the search is opened, as any address's.
 */
export const MAX_SAVED_SEARCHES = 50;

export const searchNameSchema = z.string().trim().min(1).max(80);
/** A grid's state worth keeping: filters, sort, quick search (not the page). */
export const savedStateSchema = z.object({
  filters: z.record(z.string().max(64), z.unknown()).default({}),
  sort: z.array(sortKeySchema).max(5).default([]),
  q: z.string().trim().max(100).default(""),
});
export const savedSearchSchema = z.object({
  name: searchNameSchema,
  state: savedStateSchema,
  /** The columns shown, in their order; absent: the grid's layout as it is. */
  columns: z.array(z.string().max(64)).max(100).optional(),
});
export type SavedSearch = z.infer<typeof savedSearchSchema>;
export const savedSearchesSchema = z.object({ items: z.array(savedSearchSchema).max(MAX_SAVED_SEARCHES) });

/** The stored value's size cap (filters are free-form JSON until the list reads them). */
const MAX_BYTES = 64_000;

type Handle = Pick<TenantHandle, "db" | "t">;
type Ctx = { handle: Handle; registry: Registry; user: Pick<SessionUser, "roles">; ownerId: number };

const keyOf = (resource: string) => `searches:${resource}`;

/** The grid must exist and be one the user may list. */
function checkResource(ctx: Ctx, resource: string) {
  const def = ctx.registry.resources.get(resource);
  if (!def) throw new AppError("INVALID_INPUT", { field: "resource" });
  assertCan(def, "view", ctx.user);
}

async function read({ db, t }: Handle, ownerId: number, resource: string): Promise<SavedSearch[]> {
  const [row] = await db
    .select({ value: t.userPreferences.value })
    .from(t.userPreferences)
    .where(and(eq(t.userPreferences.userId, ownerId), eq(t.userPreferences.key, keyOf(resource))));
  const parsed = row ? savedSearchesSchema.safeParse(row.value) : undefined;
  return parsed?.success ? parsed.data.items : [];
}

async function write({ db, t }: Handle, ownerId: number, resource: string, items: SavedSearch[]) {
  const key = keyOf(resource);
  if (items.length === 0) {
    await db
      .delete(t.userPreferences)
      .where(and(eq(t.userPreferences.userId, ownerId), eq(t.userPreferences.key, key)));
    return;
  }
  const value = { items };
  if (JSON.stringify(value).length > MAX_BYTES) throw new AppError("INVALID_INPUT", { field: "state" });
  await db
    .insert(t.userPreferences)
    .values({ userId: ownerId, key, value })
    .onConflictDoUpdate({
      target: [t.userPreferences.userId, t.userPreferences.key],
      set: { value, updatedAt: sql`now()` },
    });
}

/** The user's saved searches of a grid, by name. */
export async function listSearches(ctx: Ctx, resource: string): Promise<SavedSearch[]> {
  checkResource(ctx, resource);
  return (await read(ctx.handle, ctx.ownerId, resource)).sort((a, b) => a.name.localeCompare(b.name));
}

/** Saves the search under its name, replacing the user's search of that name if any. */
export async function saveSearch(ctx: Ctx, resource: string, search: SavedSearch): Promise<void> {
  checkResource(ctx, resource);
  const items = (await read(ctx.handle, ctx.ownerId, resource)).filter((s) => s.name !== search.name);
  if (items.length >= MAX_SAVED_SEARCHES)
    throw new AppError("INVALID_INPUT", { field: "name", messageKey: "grid.saved.tooMany" });
  await write(ctx.handle, ctx.ownerId, resource, [...items, search]);
}

export async function renameSearch(ctx: Ctx, resource: string, name: string, to: string): Promise<void> {
  checkResource(ctx, resource);
  const items = await read(ctx.handle, ctx.ownerId, resource);
  const found = items.find((s) => s.name === name);
  if (!found) throw new AppError("NOT_FOUND");
  if (to !== name && items.some((s) => s.name === to))
    throw new AppError("INVALID_INPUT", { field: "to", messageKey: "grid.saved.nameTaken" });
  await write(
    ctx.handle,
    ctx.ownerId,
    resource,
    items.map((s) => (s === found ? { ...s, name: to } : s)),
  );
}

export async function deleteSearch(ctx: Ctx, resource: string, name: string): Promise<void> {
  checkResource(ctx, resource);
  const items = await read(ctx.handle, ctx.ownerId, resource);
  if (!items.some((s) => s.name === name)) throw new AppError("NOT_FOUND");
  await write(
    ctx.handle,
    ctx.ownerId,
    resource,
    items.filter((s) => s.name !== name),
  );
}
