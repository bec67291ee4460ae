import { defineChoiceList } from "@/server/resources/choices";

/** Choice lists of postal addresses (domain-people §2.5); labels under `choices.<id>`. */
export const addressTypes = defineChoiceList("addressTypes", ["01", "02", "03", "04", "98", "99"]);
export const addressDataSources = defineChoiceList("addressDataSources", ["manual", "eid"]);

export const ADDRESS_TYPE = {
  official: "01",
  unverified: "02",
  declared: "03",
  reference: "04",
  obsolete: "98",
  other: "99",
} as const;
