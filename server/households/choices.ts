import { LINK_TYPES, MEMBER_ROLE } from "@/server/households/rules";
import { defineChoiceList } from "@/server/resources/choices";

/** Choice lists of households and human links (domain-people §4); labels under `choices.<id>`. */
export const householdRoles = defineChoiceList("householdRoles", Object.values(MEMBER_ROLE));
export const memberDependencies = defineChoiceList("memberDependencies", ["01", "02", "03"]);
export const linkTypes = defineChoiceList("linkTypes", Object.keys(LINK_TYPES) as (keyof typeof LINK_TYPES)[]);
