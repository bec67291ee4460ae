import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
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
        : error.code === "UNAUTHORIZED" ? "UNAUTHORIZED"
        : error.code === "FORBIDDEN" ? "FORBIDDEN"
        : error.code === "NOT_FOUND" ? "NOT_FOUND"
        : "INTERNAL";
    return {
      // The client shows the translation of `appCode`; the raw message never reaches a user.
      message: appCode,
      code: shape.code,
      data: {
        httpStatus: shape.data.httpStatus,
        appCode,
        params: isAppError(cause) ? cause.params : {},
        fieldErrors: cause instanceof ZodError ? cause.issues.map((i) => ({ path: i.path.join("."), code: i.code })) : undefined,
      },
    };
  },
});

/** Turns an AppError (or a ZodError) thrown by a service into the tRPC error its catalogue entry names. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isAppError(result.error.cause)) {
    const cause = result.error.cause;
    return { ...result, error: new TRPCError({ code: ERRORS[cause.code], message: cause.code, cause }) };
  }
  // A service's own validation failed: bad input, not a server error.
  if (!result.ok && result.error.cause instanceof ZodError && result.error.code === "INTERNAL_SERVER_ERROR") {
    return { ...result, error: new TRPCError({ code: "BAD_REQUEST", message: "INVALID_INPUT", cause: result.error.cause }) };
  }
  return result;
});

export const router = t.router;
export const baseProcedure = t.procedure.use(appErrors);
export const createCallerFactory = t.createCallerFactory;
