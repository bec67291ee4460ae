import { defineArea } from "@/server/area";
import { defineRelations } from "@/server/resources/relations";
import { allProblemsResource, clientProblemsResource, myProblemsResource } from "./resources";
import { nightlyCheckersJob } from "./jobs";
import { checksRouter } from "./router";
import { dataProblemsWidget } from "./widget";
import { dataProblemsMerge } from "./merge";

/** What the data checkers of every area found (domain-people §18), and running them. */
export const checksArea = defineArea({
  id: "checks",
  resources: [myProblemsResource, allProblemsResource, clientProblemsResource],
  // Office → data problems assigned to me; Explorer → System → all data problems.
  menu: [
    { menu: "office", entries: [{ resource: "checks.myProblems" }] },
    { menu: "explorer", section: "menu.sections.system", entries: [{ resource: "checks.allProblems" }] },
  ],
  widgets: [dataProblemsWidget],
  router: checksRouter,
  jobs: [nightlyCheckersJob],
  // A problem is found again at the next run: it never keeps its row or its responsible user.
  relations: defineRelations([
    { from: "data_problems.responsible_user_id", to: "users", onDelete: "clear", label: "relations.dataProblems" },
    {
      from: "data_problems.owner_id",
      to: "partners",
      ownerType: "partner",
      onDelete: "volatile",
      label: "relations.dataProblems",
    },
  ]),
  clientMerge: [dataProblemsMerge],
});
