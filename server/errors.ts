import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";

/**
 * The one catalogue of application errors. Each code has a translated message under
 * `errors.<code>` in messages/*.json, and a tRPC code that decides the HTTP status.
 */
export const ERRORS = {
  INVALID_INPUT: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  STALE_EDIT: "CONFLICT",
  TENANT_NOT_FOUND: "NOT_FOUND",
  TENANT_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  SLUG_INVALID: "BAD_REQUEST",
  SLUG_RESERVED: "BAD_REQUEST",
  SLUG_TAKEN: "CONFLICT",
  TENANT_KIND_NOT_RESETTABLE: "BAD_REQUEST",
  TENANT_STATE_CONFLICT: "CONFLICT",
  MIGRATION_FAILED: "INTERNAL_SERVER_ERROR",
  EXPORT_FAILED: "INTERNAL_SERVER_ERROR",
  INVALID_CREDENTIALS: "UNAUTHORIZED",
  ACCOUNT_LOCKED: "TOO_MANY_REQUESTS",
  ACCOUNT_INACTIVE: "FORBIDDEN",
  PASSWORD_POLICY: "BAD_REQUEST",
  USERNAME_TAKEN: "CONFLICT",
  DIRECTORY_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  LDAP_NOT_CONFIGURED: "BAD_REQUEST",
  TOTP_REQUIRED: "UNAUTHORIZED",
  TOTP_INVALID: "UNAUTHORIZED",
  TOTP_ENROLLMENT_REQUIRED: "FORBIDDEN",
  TOTP_ENROLL_FIRST: "PRECONDITION_FAILED",
  FORGED_REQUEST: "FORBIDDEN",
  ROW_IN_USE: "CONFLICT",
  RESTORE_EXPIRED: "CONFLICT",
  RESTORE_CONFLICT: "CONFLICT",
  CONFIRMATION_REQUIRED: "PRECONDITION_FAILED",
  NISS_INVALID: "BAD_REQUEST",
  DUPLICATE: "CONFLICT",
  PRIMARY_ADDRESS_REQUIRED: "CONFLICT",
  TRANSITION_NOT_ALLOWED: "CONFLICT",
  CIRCULAR_REFERENCE: "BAD_REQUEST",
  EXPORT_TOO_LARGE: "BAD_REQUEST",
  SUPPORT_NOT_GRANTED: "FORBIDDEN",
  SUPPORT_TOKEN_INVALID: "UNAUTHORIZED",
  SUPPORT_READ_ONLY: "FORBIDDEN",
  NOT_FIXABLE: "BAD_REQUEST",
  COACHING_ENDING_OF_OTHER_SERVICE: "BAD_REQUEST",
  EID_READ_CLOSED: "NOT_FOUND",
  INTERNAL: "INTERNAL_SERVER_ERROR",
} as const satisfies Record<string, TRPC_ERROR_CODE_KEY>;

export type AppErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    /** Values interpolated into the translated message, e.g. `{ slug }`. */
    readonly params: Record<string, string | number> = {},
    /** For logs only; never shown to a user. */
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = "AppError";
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
