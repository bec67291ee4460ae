import { AppError } from "@/server/errors";
import { countriesResource, placesResource } from "@/server/geo/resources";
import { usersResource } from "@/server/users/resource";
import { clientsResource } from "@/server/clients/resource";
import { CLIENT_TABLES } from "@/server/clients/tables";
import { clientMergesResource } from "@/server/clients/merge/resource";
import { coachingsResource, coachingTypesResource, myCoachingsResource } from "@/server/coachings/resource";
import { coachingEndingsResource } from "@/server/coachings/endings";
import { accessLogResource, clientChangesResource } from "@/server/history/resources";
import { householdMembersResource, householdsResource, householdTypesResource, humanLinksAsChildResource, humanLinksResource } from "@/server/households/resources";
import { contactsResources } from "@/server/contacts/resources";
import { CLIENT_FILE_RESOURCES } from "@/server/clients/subentities";
import { myTasksResource } from "@/server/clients/my-tasks";
import { allProblemsResource, clientProblemsResource, myProblemsResource } from "@/server/checks/resources";
import { choiceExtrasResource } from "./choice-extras";
import type { ResourceDef } from "./define";

/** Every declared resource. An area adds its declarations here. */
const ALL: ResourceDef[] = [countriesResource, placesResource, usersResource, choiceExtrasResource, clientsResource, ...CLIENT_TABLES, coachingsResource, coachingTypesResource, coachingEndingsResource, myCoachingsResource, clientChangesResource, accessLogResource, householdsResource, householdMembersResource, householdTypesResource, humanLinksResource, humanLinksAsChildResource, clientMergesResource, ...contactsResources, ...CLIENT_FILE_RESOURCES, myTasksResource, myProblemsResource, allProblemsResource, clientProblemsResource];

export const RESOURCES: ReadonlyMap<string, ResourceDef> = new Map(ALL.map((def) => [def.id, def]));
export const RESOURCE_IDS = ALL.map((def) => def.id) as [string, ...string[]];

export function resourceById(id: string): ResourceDef {
  const def = RESOURCES.get(id);
  if (!def) throw new AppError("NOT_FOUND");
  return def;
}
