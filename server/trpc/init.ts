import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { appErrorOfDatabase } from "@/server/db/errors";
import { ERRORS, isAppError, type AppErrorCode } from "@/server/errors";
import type { Context } from "./context";

export const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const appCode: AppErrorCode = isAppError(cause)
      ? cause.code
      : cause instanceof ZodError || error.code === "BAD_REQUEST"
        ? "INVALID_INPUT"
        : error.code === "UNAUTHORIZED"
          ? "UNAUTHORIZED"
          : error.code === "FORBIDDEN"
            ? "FORBIDDEN"
            : error.code === "NOT_FOUND"
              ? "NOT_FOUND"
              : "INTERNAL";
    return {
      // The client shows the translation of `appCode`; the raw message never reaches a user.
      message: appCode,
      code: shape.code,
      data: {
        httpStatus: shape.data.httpStatus,
        appCode,
        params: isAppError(cause) ? cause.params : {},
        fieldErrors:
          cause instanceof ZodError ? cause.issues.map((i) => ({ path: i.path.join("."), code: i.code })) : undefined,
      },
    };
  },
});

/**
 * Turns an AppError thrown by a service, a database refusal of what the user sent (server/db/errors.ts)
 * or a ZodError into the tRPC error its catalogue entry names.
 */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  const cause = result.ok
    ? null
    : isAppError(result.error.cause)
      ? result.error.cause
      : appErrorOfDatabase(result.error.cause);
  if (!result.ok && cause) {
    return { ...result, error: new TRPCError({ code: ERRORS[cause.code], message: cause.code, cause }) };
  }
  // A service's own validation failed: bad input, not a server error.
  if (!result.ok && result.error.cause instanceof ZodError && result.error.code === "INTERNAL_SERVER_ERROR") {
    return {
      ...result,
      error: new TRPCError({ code: "BAD_REQUEST", message: "INVALID_INPUT", cause: result.error.cause }),
    };
  }
  return result;
});

export const router = t.router;
export const baseProcedure = t.procedure.use(appErrors);
export const createCallerFactory = t.createCallerFactory;
