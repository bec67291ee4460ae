import { defineChoiceList } from "@/server/resources/choices";

/** Choice lists of the client file (domain-people §3.2); labels in messages under `choices.<id>`. */
export const clientStates = defineChoiceList("clientStates", ["10", "20", "30", "50"]);
export const refusalReasons = defineChoiceList("refusalReasons", ["10", "20", "30"], { extensible: true });
export const civilStates = defineChoiceList("civilStates", ["10", "20", "30", "40", "50", "51", "60"]);
export const residenceTypes = defineChoiceList("residenceTypes", ["1", "2", "3"]);
export const genders = defineChoiceList("genders", ["M", "F"]);
export const cardTypes = defineChoiceList("cardTypes", [
  "01",
  "06",
  "11",
  "12",
  "13",
  "14",
  "15",
  "16",
  "17",
  "18",
  "99",
]);

export const CLIENT_STATE = { newcomer: "10", refused: "20", coached: "30", former: "50" } as const;
