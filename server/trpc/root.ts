import { consoleRouter } from "@/server/console/router";
import { centreRouter } from "@/server/centre/router";
import { checksRouter } from "@/server/checks/router";
import { eidRouter } from "@/server/clients/eid/router";
import { geoRouter } from "@/server/geo/router";
import { operatorRouter } from "@/server/operator/router";
import { preferencesRouter } from "@/server/preferences/router";
import { resourcesRouter } from "@/server/resources/router";
import { settingsRouter } from "@/server/settings/router";
import { supportRouter } from "@/server/support/router";
import { usersRouter } from "@/server/users/router";
import { createCallerFactory, router } from "./init";

export const appRouter = router({
  centre: centreRouter,
  geo: geoRouter,
  operator: operatorRouter,
  console: consoleRouter,
  users: usersRouter,
  resources: resourcesRouter,
  preferences: preferencesRouter,
  settings: settingsRouter,
  support: supportRouter,
  eid: eidRouter,
  checks: checksRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
