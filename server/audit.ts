import type { SessionUser } from "@/server/auth/session";

/** Who made a change: the real user, and the user they acted for when acting under procuration. */
export interface Actor {
  actor: string;
  actingFor: string | null;
}

export function actorOf(user: SessionUser): Actor {
  return user.realUser
    ? { actor: `user:${user.realUser.id}`, actingFor: `user:${user.id}` }
    : { actor: `user:${user.id}`, actingFor: null };
}

/** The audit entry of an edit: each field of `patch` whose value differs from `before`. */
export function changedFields<T extends object>(before: T, patch: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  return Object.fromEntries(
    Object.entries(patch)
      .filter(([k, v]) => before[k as keyof T] !== v)
      .map(([k, v]) => [k, { from: before[k as keyof T], to: v }]),
  );
}

/** For changes made by the system itself (directory sync, seeds). */
export const systemActor = (name: string): Actor => ({ actor: name, actingFor: null });
