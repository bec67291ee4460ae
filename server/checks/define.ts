import type { TenantHandle } from "@/server/tenancy/tenant-db";
import type { ResourceCtx } from "@/server/resources/define";

/**
 * Data checkers (domain-people §18): each one looks for one kind of quality problem and stores what
 * it finds in `data_problems`, with its message as a key and parameters,
 * so that every reader sees it in their own language.
 */

/** The centre a checker looks at: its tables, and its id for what is kept outside them (stored files). */
export type Handle = Pick<TenantHandle, "db" | "t" | "tenantId">;
export type Tx = TenantHandle["db"];

/**
 * What a checker's owners are: partners (clients included), `ownerId` being a partner id; or the
 * centre itself (`ownerId` 0) for what belongs to no row, e.g. a stored file no upload names.
 */
export type OwnerType = "partner" | "centre";

export interface Problem {
  ownerId: number;
  /** A message key, usually `checks.<checker>.<code>` (the national number's own messages are reused). */
  messageKey: string;
  params?: Record<string, string | number>;
  /** Who should look at it: the client's primary coach, or nobody. */
  responsibleUserId: number | null;
  fixable?: boolean;
}

export interface Checker {
  /** Stored in `data_problems.checker`. */
  id: string;
  /** Message key of its name: `checks.checkers.<id>`. */
  label: string;
  ownerType: OwnerType;
  /** Runs on a client when someone asks to "check again" this client. */
  forClients: boolean;
  /** The problems of every owner, or of `ownerId` only. */
  find: (handle: Handle, ownerId?: number) => Promise<Problem[]>;
  /** Repairs what the checker found on one owner, in the caller's transaction, audited there. */
  fix?: (tx: Tx, ctx: ResourceCtx, ownerId: number) => Promise<void>;
}

export const defineChecker = (checker: Checker): Checker => checker;
