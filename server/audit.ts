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

/** For changes made by the system itself (directory sync, seeds). */
export const systemActor = (name: string): Actor => ({ actor: name, actingFor: null });
