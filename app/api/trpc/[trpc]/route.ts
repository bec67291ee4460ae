import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { sessionClaims } from "@/server/auth/nextauth";
import { createContext } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/root";

async function handler(req: Request) {
  const claims = await sessionClaims();
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContext({ req, claims, perProcedureAudit: true }),
    onError({ error, path, ctx }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        ctx?.log.error({ err: error.cause ?? error, path }, "procedure failed");
    },
  });
}

export { handler as GET, handler as POST };
