import { defineChoiceList } from "@/server/resources/choices";
import { CANDIDATURE_STATE } from "./rules";

/** Lino's CandidatureStates (domain-integ-money §2.5); labels under `choices.candidatureStates`. */
export const candidatureStates = defineChoiceList("candidatureStates", Object.values(CANDIDATURE_STATE));
