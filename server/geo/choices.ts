import { defineChoiceList } from "@/server/resources/choices";

/** Kinds of places (Lino's `countries.PlaceTypes`); centres may add their own. */
export const placeKinds = defineChoiceList(
  "placeKinds",
  [
    "member_state",
    "division",
    "region",
    "community",
    "territory",
    "county",
    "province",
    "shire",
    "subregion",
    "department",
    "arrondissement",
    "prefecture",
    "district",
    "sector",
    "city",
    "town",
    "municipality",
    "parish",
    "township",
    "quarter",
    "borough",
    "small_borough",
    "village",
  ],
  { extensible: true },
);
