import sanitizeHtml from "sanitize-html";

/**
 * The HTML a note's body may hold: paragraphs, line breaks, lists, bold, italic, underline,
 * strike-through, headings, quotes, code and links (what the browser's editor writes, Tiptap's
 * starter kit). Everything else goes: scripts and styles with their content, event handlers,
 * `style` and `class` attributes, and links other than http, https and mailto.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "strong",
    "em",
    "u",
    "s",
    "ul",
    "ol",
    "li",
    "a",
    "h2",
    "h3",
    "blockquote",
    "code",
    "pre",
    "hr",
  ],
  allowedAttributes: { a: ["href", "rel", "target"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  // Word's XML islands and document head are data, not text.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "xml", "title", "head", "template", "iframe"],
  transformTags: {
    b: "strong",
    i: "em",
    strike: "s",
    del: "s",
    h1: "h2",
    h4: "h3",
    h5: "h3",
    h6: "h3",
    // A link opens outside the application and tells the other site nothing; an anchor without a
    // target (Word's bookmarks) is no link.
    a: (tagName, attribs): sanitizeHtml.Tag =>
      attribs.href
        ? { tagName, attribs: { href: attribs.href, rel: "noopener noreferrer nofollow", target: "_blank" } }
        : { tagName: "span", attribs: {} },
  },
  // Word ends every paragraph with an empty one between them: blank paragraphs carry nothing.
  exclusiveFilter: (frame) => frame.tag === "p" && !frame.text.trim() && !frame.mediaChildren.length,
};

/** Word's list paragraphs: `class=MsoListParagraph…` or a `mso-list` style naming their list (`l0`, `l1`). */
const WORD_LIST_ITEM = /^<p\b[^>]*(?:MsoListParagraph|mso-list)[^>]*>/i;
const WORD_LIST_ID = /mso-list:\s*(l\d+)/i;
const WORD_LIST_FIRST = /^<p\b[^>]*MsoListParagraphCxSpFirst/i;
/** Word writes a list item's bullet or number between these markers, for readers that know no lists. */
const WORD_BULLET = /<!\[if !supportLists\]>([\s\S]*?)<!\[endif\]>/i;
const ORDERED_BULLET = /^\s*(?:\d+|[a-z]|[ivxlc]+)[.)]/i;
/** What marks clipboard HTML as Word's. */
const FROM_WORD = /urn:schemas-microsoft-com:office|class=["']?Mso/i;

const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .trim();

/**
 * Word's clipboard HTML writes lists as paragraphs whose bullet is text ("·", "1."): consecutive
 * paragraphs of one list become one `<ul>` or `<ol>` (numbered when the first bullet is a number
 * or a letter), without their bullets. Conditional comments (`<!--[if …]>…<![endif]-->`, Word's
 * hidden XML and VML) go with their content, and the line breaks Word puts inside its text are
 * spaces, as a browser reads them.
 */
export function unwordLists(html: string): string {
  if (!FROM_WORD.test(html)) return html;
  const source = html.replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, "").replace(/\s*\n\s*/g, " ");
  let out = "";
  let last = 0;
  let open: { tag: "ul" | "ol"; id: string } | null = null;
  const close = () => {
    if (open) out += `</${open.tag}>`;
    open = null;
  };
  for (const match of source.matchAll(/<p\b[^>]*>[\s\S]*?<\/p>/gi)) {
    const between = source.slice(last, match.index);
    last = match.index + match[0].length;
    if (!WORD_LIST_ITEM.test(match[0])) {
      close();
      out += between + match[0];
      continue;
    }
    const id = WORD_LIST_ID.exec(match[0])?.[1] ?? "";
    if (open && (between.trim() || open.id !== id || WORD_LIST_FIRST.test(match[0]))) close();
    if (!open) {
      const bullet = textOf(WORD_BULLET.exec(match[0])?.[1] ?? "");
      open = { tag: ORDERED_BULLET.test(bullet) ? "ol" : "ul", id };
      out += `${between}<${open.tag}>`;
    }
    const content = match[0]
      .replace(WORD_BULLET, "")
      .replace(/^<p\b[^>]*>/i, "")
      .replace(/<\/p>$/i, "");
    out += `<li>${content}</li>`;
  }
  close();
  out += source.slice(last);
  // Word's other downlevel-revealed markers (`<![if …]>`, `<![endif]>`) hold no content of their own.
  return out.replace(/<!\[(?:if [^\]]*|endif)\]>/gi, "");
}

/** Whitespace between blocks is not text: it goes, so that a stored body reads the same however it was written. */
const BETWEEN_BLOCKS = /(<\/(?:p|li|ul|ol|h2|h3|blockquote|pre)>|<(?:ul|ol|blockquote)>|<hr \/>|<br \/>)\s+(?=<|$)/g;

/**
 * A note's body as it is stored and shown: what an editor or a paste from Word produced, reduced
 * to the allowed HTML. Applied on every write and again on every read of the body.
 */
export function sanitizeNoteBody(html: string): string {
  return sanitizeHtml(unwordLists(html), OPTIONS).replace(BETWEEN_BLOCKS, "$1").trim();
}

/** The body as plain text (for a summary or a search excerpt). */
export function noteBodyText(html: string): string {
  const spaced = html.replace(/<\/(?:p|li|h2|h3|blockquote|pre)>|<br\s*\/?>/gi, "$& ");
  return sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {}, nonTextTags: OPTIONS.nonTextTags })
    .replace(/\s+/g, " ")
    .trim();
}
