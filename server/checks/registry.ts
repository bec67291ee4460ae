import { registryChoiceList } from "@/server/resources/choices";

/** Every area's data checkers as a choice list, for the grid's column and filter: labels `checks.checkers.<id>`. */
export const dataCheckers = registryChoiceList("dataCheckers", (registry) => registry.checkers.map((c) => c.id), {
  namespace: "checks.checkers",
});
