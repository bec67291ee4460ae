import { defineChoiceList } from "@/server/resources/choices";

/** Choice lists of the CV (domain-integ-money §2.1); labels in messages under `choices.<id>`. */

/** Languages a client may know (Lino: languages.Language); a centre may add its own. */
export const cvLanguages = defineChoiceList(
  "cvLanguages",
  ["fr", "nl", "de", "en", "it", "es", "pt", "ar", "tr", "ru", "pl", "ro", "sq", "uk", "fa", "ln"],
  { extensible: true },
);
/** How well a language is known (Lino HowWell): 0 not at all … 4 very well. */
export const howWell = defineChoiceList("howWell", ["0", "1", "2", "3", "4"]);
/** Common European Framework of Reference levels, in rising order (the order the "at least" filter uses). */
export const CEF_LEVELS = ["A0", "A1", "A1+", "A2", "A2+", "B1", "B2", "B2+", "C1", "C2", "C2+"] as const;
export const cefLevels = defineChoiceList("cefLevels", CEF_LEVELS);
/** Outcome of a study or training (Lino EducationEntryStates). */
export const educationStates = defineChoiceList("educationStates", ["0", "1", "2"]);
