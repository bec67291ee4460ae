import { areaRouters } from "@/server/areas";
import { centreRouter } from "@/server/centre/router";
import { consoleRouter } from "@/server/console/router";
import { operatorRouter } from "@/server/operator/router";
import { preferencesRouter } from "@/server/preferences/router";
import { resourcesRouter } from "@/server/resources/router";
import { createCallerFactory, router } from "./init";

/** The platform's procedures, the generic resource procedures, and each area's own under its id. */
export const appRouter = router({
  centre: centreRouter,
  operator: operatorRouter,
  console: consoleRouter,
  resources: resourcesRouter,
  preferences: preferencesRouter,
  ...areaRouters,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
