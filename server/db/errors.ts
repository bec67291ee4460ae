import { AppError } from "@/server/errors";

/** What PostgreSQL (through pg and drizzle, which wraps it as `cause`) says about a failed statement. */
export interface PgError {
  code: string;
  table?: string;
  column?: string;
  constraint?: string;
  detail?: string;
  message?: string;
}

export function pgErrorIn(e: unknown): PgError | null {
  for (
    let cur = e, depth = 0;
    cur && typeof cur === "object" && depth < 5;
    cur = (cur as { cause?: unknown }).cause, depth++
  ) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return cur as PgError;
  }
  return null;
}

/**
 * PostgreSQL's answers that say "not now" rather than "not this": the server is shutting down or
 * starting (57P0x), out of connections (53300), the connection broke (class 08), or the statement
 * waited longer than this request may (57014 statement timeout, 55P03 lock timeout).
 */
const UNAVAILABLE_CODES = /^(08\w{3}|57P0[1-4]|53300|57014|55P03)$/;
/** The same, said by the driver before any statement ran: no server there, the link cut, no free connection in time. */
const UNREACHABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN"]);
const DRIVER_WORDS =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection terminated unexpectedly)/;

/** Whether a failure is the database being out of reach or busy: nothing was saved, and trying again later may work. */
export function databaseUnavailable(e: unknown): boolean {
  for (
    let cur = e, depth = 0;
    cur && typeof cur === "object" && depth < 6;
    cur = (cur as { cause?: unknown }).cause, depth++
  ) {
    const { code, message, errors } = cur as { code?: unknown; message?: unknown; errors?: unknown };
    if (typeof code === "string" && (UNAVAILABLE_CODES.test(code) || UNREACHABLE.has(code))) return true;
    if (typeof message === "string" && DRIVER_WORDS.test(message)) return true;
    // Node reports a refused connection to a name with several addresses as an AggregateError.
    if (Array.isArray(errors) && errors.some((inner) => databaseUnavailable(inner))) return true;
  }
  return false;
}

/** `Key (place_id)=(999) is not present…` → `place_id`. */
const keyColumn = (detail: string | undefined) => /^Key \(([^)]+)\)/.exec(detail ?? "")?.[1] ?? "";

/**
 * The one mapping of database refusals to application errors: what a user's input can cause
 * becomes a clear, translated refusal (the transaction has rolled back, so nothing is half-saved);
 * anything else is left for the caller to treat as a failure of ours.
 */
export function appErrorOfDatabase(e: unknown): AppError | null {
  if (databaseUnavailable(e)) return new AppError("DATABASE_UNAVAILABLE");
  const pg = pgErrorIn(e);
  if (!pg) return null;
  switch (pg.code) {
    // A row other rows still refer to, or a reference to a row that does not exist.
    case "23503":
      return pg.message?.startsWith("update or delete on table")
        ? new AppError("ROW_IN_USE", { table: pg.table ?? "", messageKey: "deletion.inUseByTable" })
        : new AppError("INVALID_INPUT", { field: pg.column ?? keyColumn(pg.detail) });
    case "23505":
      return new AppError("DUPLICATE");
    // Not null, check constraints, exclusion constraints. The `<table>_dates` checks refuse an end
    // date before the start date: no one field is wrong, so the message says which rule is broken.
    case "23514":
      if (pg.constraint?.endsWith("_dates"))
        return new AppError("INVALID_INPUT", { field: pg.table ?? "", messageKey: "detail.endBeforeStart" });
      return new AppError("INVALID_INPUT", { field: pg.column ?? pg.table ?? "" });
    case "23502":
    case "23P01":
      return new AppError("INVALID_INPUT", { field: pg.column ?? pg.table ?? "" });
    // Values PostgreSQL cannot take: text that is no number, an impossible date, a number out of
    // range, a text too long, a NUL byte or bytes that are not UTF-8.
    case "22P02":
    case "22007":
    case "22008":
    case "22003":
    case "22001":
    case "22021":
    case "22P05":
    case "22023":
    case "22004":
      return new AppError("INVALID_INPUT", { field: pg.column ?? "" });
    // Two transactions wanted the same rows at once: the loser is told to reload, as after a stale edit.
    case "40001":
    case "40P01":
      return new AppError("STALE_EDIT");
    default:
      return null;
  }
}
