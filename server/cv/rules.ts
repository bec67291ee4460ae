/** The CV's rules that need no database (domain-integ-money §2.1), unit-tested from the domain text. */

export interface KnowledgeForText {
  native: boolean;
  cefLevel: string | null;
  spoken: string | null;
  written: string | null;
}

/** The words of the text form, in the reader's language ("MT" is "LM" in French). */
export interface KnowledgeWords {
  motherTongue: string;
  spokenAndWritten: string;
  spoken: string;
  written: string;
}

/**
 * A language knowledge as one text (Lino's LanguageKnowledge.__str__): "German (MT)" for a mother
 * tongue, else "German (B1)" with a CEF level, else "(s/w)", "(s)" or "(w)" for whichever of spoken
 * and written is given (any value, even "not at all", as in Lino), else the language alone.
 */
export function languageKnowledgeText(language: string, k: KnowledgeForText, words: KnowledgeWords): string {
  const suffix = k.native
    ? words.motherTongue
    : k.cefLevel
      ? k.cefLevel
      : k.spoken && k.written
        ? words.spokenAndWritten
        : k.spoken
          ? words.spoken
          : k.written
            ? words.written
            : null;
  return suffix ? `${language} (${suffix})` : language;
}

export interface DatedEntry {
  startDate: string | null;
  endDate: string | null;
}

/**
 * The start date a new study, training or experience of a person gets (Lino's on_create): the end
 * date, else the start date, of that person's latest entry (the one starting last); none without entries.
 */
export function defaultStartDate(entries: readonly DatedEntry[]): string | null {
  let latest: DatedEntry | undefined;
  for (const e of entries) {
    if (!latest || (e.startDate ?? "") >= (latest.startDate ?? "")) latest = e;
  }
  return latest ? (latest.endDate ?? latest.startDate) : null;
}
