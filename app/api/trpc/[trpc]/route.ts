import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/root";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContext({ req }),
    onError({ error, path, ctx }) {
      if (error.code === "INTERNAL_SERVER_ERROR") ctx?.log.error({ err: error.cause ?? error, path }, "procedure failed");
    },
  });
}

export { handler as GET, handler as POST };
