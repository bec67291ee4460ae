import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { sessionClaims } from "@/server/auth/nextauth";
import { databaseUnavailable } from "@/server/db/errors";
import { AppError } from "@/server/errors";
import { rootLogger } from "@/server/logger";
import { createContext } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/root";

/** The context, or "temporarily unavailable" when the database that says which centre this is cannot be reached. */
async function contextOf(req: Request, claims: Awaited<ReturnType<typeof sessionClaims>>) {
  try {
    return await createContext({ req, claims, perProcedureAudit: true });
  } catch (e) {
    if (!databaseUnavailable(e)) throw e;
    const cause = new AppError("DATABASE_UNAVAILABLE");
    throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: cause.code, cause });
  }
}

async function handler(req: Request) {
  const claims = await sessionClaims();
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => contextOf(req, claims),
    onError({ error, path, ctx }) {
      const log = ctx?.log ?? rootLogger;
      // Each failure once, with the request's id: ours in full, the database's absence as a warning.
      if (error.code === "INTERNAL_SERVER_ERROR") log.error({ err: error.cause ?? error, path }, "procedure failed");
      else if (error.code === "SERVICE_UNAVAILABLE")
        log.warn({ path, cause: error.cause?.message }, "service unavailable");
    },
  });
}

export { handler as GET, handler as POST };
