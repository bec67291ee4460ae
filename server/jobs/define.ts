import type { Logger } from "pino";
import type { Registry } from "@/server/area";
import type { z } from "zod";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/** What a running job is told besides its payload. */
export interface JobRun {
  /** 0 on the first attempt, then 1, 2… on retries. */
  attempt: number;
  log: Logger;
  /** Every area's declarations (the data checkers, for one). */
  registry: Registry;
}

/**
 * A kind of background job, declared by its area (`jobs` of server/<area>/area.ts). Each job runs
 * for one centre, against that centre's schema only: the queue carries the centre's id beside the
 * payload and hands `run` that centre's handle, never another.
 */
export interface JobDef<P extends z.ZodType = z.ZodType> {
  /** `<area>.<job>`, also the queue's name. */
  name: string;
  /** Message key naming the job for administrators (a failed job's row). */
  label: string;
  payload: P;
  run: (handle: TenantHandle, payload: z.infer<P>, job: JobRun) => Promise<void>;
  /** Attempts after the first, spaced by an exponential backoff from `delaySeconds`. */
  retry?: { limit: number; delaySeconds: number };
  /** A cron expression in Brussels time: the job then runs on that schedule for every served centre. */
  schedule?: string;
}

export const DEFAULT_RETRY = { limit: 3, delaySeconds: 30 };

export const defineJob = <P extends z.ZodType>(job: JobDef<P>): JobDef => job as unknown as JobDef;
