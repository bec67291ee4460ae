/** A question as the "questions to add" text describes it, before it is stored. */
export interface ParsedQuestion {
  title: string;
  number: string;
  isHeading: boolean;
  details: string;
}

/**
 * Lino's `Poll.questions_to_add` (domain-integ-money §2.11): every non-empty line is a question,
 * numbered 1, 2…; a line starting with "=" is a heading and restarts the numbering; a line starting
 * with "#" gives the details of the line before it (ignored when nothing comes before it, where
 * Lino failed). Titles are cut to what a question holds.
 */
export function parseQuestions(text: string): ParsedQuestion[] {
  const questions: ParsedQuestion[] = [];
  let number = 1;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith("#")) {
      const last = questions.at(-1);
      if (last) last.details = line.slice(1).trim();
      continue;
    }
    if (line.startsWith("=")) {
      questions.push({
        title: line.slice(1).trim().slice(0, QUESTION_TITLE_MAX),
        number: "",
        isHeading: true,
        details: "",
      });
      number = 1;
      continue;
    }
    questions.push({
      title: line.slice(0, QUESTION_TITLE_MAX),
      number: String(number++),
      isHeading: false,
      details: "",
    });
  }
  return questions.filter((q) => q.title);
}

export const QUESTION_TITLE_MAX = 200;

/** "3) Réaliser mon curriculum vitae", or the title alone for a heading (Lino's NUMBERED_TITLE_FORMAT). */
export const numberedTitle = (q: { number: string; title: string }) => (q.number ? `${q.number}) ${q.title}` : q.title);
