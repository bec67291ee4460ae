import { defineChoiceList } from "@/server/resources/choices";
import { addressesChecker } from "./checkers/addresses";
import { coachingsChecker, eidCardChecker, nissChecker, phoneticWordsChecker } from "./checkers/clients";
import { similarClientsChecker } from "./checkers/similar";
import type { Checker } from "./define";

/** Every data checker, in the order "run all" runs them. A new checker is added here (one line). */
export const CHECKERS: readonly Checker[] = [addressesChecker, nissChecker, coachingsChecker, similarClientsChecker, phoneticWordsChecker, eidCardChecker];

/** The checkers as a choice list, for the grid's column and filter: labels `checks.checkers.<id>`. */
export const dataCheckers = defineChoiceList("dataCheckers", CHECKERS.map((c) => c.id), { namespace: "checks.checkers" });

export const checkerById = (id: string): Checker | undefined => CHECKERS.find((c) => c.id === id);
