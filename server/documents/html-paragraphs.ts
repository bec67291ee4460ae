/**
 * Rich text (the sanitised HTML of server/notes/sanitize.ts: paragraphs, line breaks, lists,
 * headings, quotes, inline marks, links) as the paragraphs of a Word document: each block is one
 * paragraph, a line break stays a line break ("\n", which docxtemplater's `linebreaks` writes as
 * one), list items start with their bullet or number, marks and links keep their text. A template
 * prints them with a paragraph loop: `{#goals}{text}{/goals}`.
 *
 * The input is what the sanitiser let through (known tags, escaped text), so a tag is always
 * `<name …>` and text holds no raw `<`; anything else is still read as text, never as markup.
 */
export interface Paragraph {
  [tag: string]: string;
  text: string;
}

const BLOCKS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "div", "hr"]);
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** The text of HTML character references (`&amp;`, `&#39;`, `&#x2019;`); an unknown one stays as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** The paragraphs of a rich text, blank ones left out; none for an empty text. */
export function htmlParagraphs(html: string): Paragraph[] {
  const out: Paragraph[] = [];
  const lists: { ordered: boolean; n: number }[] = [];
  let current = "";
  const flush = () => {
    const text = current
      .replace(/[ \t\r\n]+/g, " ")
      .replace(/ ?\u2028 ?/g, "\n")
      .trim();
    if (text.replace(/\s/g, "")) out.push({ text });
    current = "";
  };
  for (const token of html.split(/(<\/?[a-zA-Z][a-zA-Z0-9]*\b[^>]*>)/)) {
    const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)/.exec(token);
    if (!tag) {
      current += decodeEntities(token).replace(/\u00a0/g, " ");
      continue;
    }
    const closing = tag[1] === "/";
    const name = tag[2]!.toLowerCase();
    if (name === "br") current += "\u2028";
    else if (name === "ul" || name === "ol") {
      flush();
      if (closing) lists.pop();
      else lists.push({ ordered: name === "ol", n: 0 });
    } else if (BLOCKS.has(name)) {
      flush();
      if (name === "li" && !closing) {
        // A nested list's items take a dash, so that they read as under the item above.
        const list = lists.at(-1);
        if (list) list.n += 1;
        current = `${list?.ordered ? `${list.n}.` : lists.length > 1 ? "–" : "•"} `;
      }
    }
  }
  flush();
  // A list item's bullet alone (an empty item) is no paragraph.
  return out.filter((p) => !/^(?:•|–|\d+\.)$/.test(p.text));
}

/** Whether a rich text says anything: text once its markup is gone. */
export const hasText = (html: string) => htmlParagraphs(html).length > 0;
