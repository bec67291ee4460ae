import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ERRORS, type AppErrorCode } from "@/server/errors";

/** The HTTP status of an application error, as the tRPC layer answers it; for routes outside tRPC. */
export const httpStatusOf = (code: AppErrorCode) => getHTTPStatusCodeFromError(new TRPCError({ code: ERRORS[code] }));
