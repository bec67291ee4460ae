import { DOMParser, XMLSerializer, type Document, type Element } from "@xmldom/xmldom";
import type PizZip from "pizzip";

/**
 * Pictures in a template filled without docxtemplater's (paid) image module: the template carries a
 * placeholder picture whose alternative text (description), title or name is the picture's name
 * (e.g. `eidPhoto`), and rendering points that picture at a new media part holding the image,
 * keeping the frame the template gave it. A name given `null`, or an image that is neither JPEG nor
 * PNG, takes the placeholder out of the document (never a broken picture).
 */
export type TemplatePictures = Record<string, Buffer | null>;

const NS = {
  wp: "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  w: "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  types: "http://schemas.openxmlformats.org/package/2006/content-types",
};
const IMAGE_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

/** The image's kind from its first bytes (what a card or a file says it is is not trusted). */
export function imageKind(bytes: Buffer): { ext: "jpeg" | "png"; mime: string } | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return { ext: "jpeg", mime: "image/jpeg" };
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return { ext: "png", mime: "image/png" };
  return null;
}

const parse = (xml: string) => new DOMParser().parseFromString(xml, "text/xml");
const serialize = (doc: Document) => new XMLSerializer().serializeToString(doc);
const elements = (root: Document | Element, ns: string, local: string) =>
  Array.from(root.getElementsByTagNameNS(ns, local)) as Element[];

/** The picture's name: its description (alternative text), else its title, else its object name. */
function namesOf(drawing: Element): string[] {
  const docPr = elements(drawing, NS.wp, "docPr")[0];
  if (!docPr) return [];
  return ["descr", "title", "name"].map((a) => (docPr.getAttribute(a) ?? "").trim()).filter(Boolean);
}

/** The element to take out with a picture: its mc:AlternateContent when it is one of its choices. */
function outermost(drawing: Element): Element {
  for (let node = drawing.parentNode; node; node = node.parentNode) {
    const el = node as Element;
    if (el.namespaceURI === NS.mc && el.localName === "AlternateContent") return el;
    if (el.namespaceURI === NS.w && el.localName === "body") break;
  }
  return drawing;
}

/** Where a part's relationships are: `word/document.xml` → `word/_rels/document.xml.rels`. */
const relsPathOf = (part: string) => {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
};

/** Registers the image kind in `[Content_Types].xml` when the template had no picture of it. */
function ensureContentType(zip: PizZip, ext: string, mime: string) {
  const file = zip.file("[Content_Types].xml");
  if (!file) return;
  const doc = parse(file.asText());
  const known = elements(doc, NS.types, "Default").some(
    (d) => (d.getAttribute("Extension") ?? "").toLowerCase() === ext,
  );
  if (known) return;
  const def = doc.createElementNS(NS.types, "Default");
  def.setAttribute("Extension", ext);
  def.setAttribute("ContentType", mime);
  doc.documentElement!.appendChild(def);
  zip.file("[Content_Types].xml", serialize(doc));
}

/**
 * Fills the named placeholder pictures of a rendered document (its body, headers and footers): each
 * picture named in `pictures` shows the image given (a new media part and relationship; the
 * placeholder's own image stays in the package, unused), or goes when it is given `null`.
 */
export function fillPictures(zip: PizZip, pictures: TemplatePictures): void {
  const wanted = new Map(Object.entries(pictures));
  if (wanted.size === 0) return;
  let added = 0;
  for (const part of Object.keys(zip.files).filter((n) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(n))) {
    const text = zip.file(part)!.asText();
    if (!text.includes("<w:drawing") && !text.includes(":drawing")) continue;
    const doc = parse(text);
    let rels: Document | null = null;
    let changed = false;
    for (const drawing of elements(doc, NS.w, "drawing")) {
      const name = namesOf(drawing).find((n) => wanted.has(n));
      if (name === undefined) continue;
      const image = wanted.get(name)!;
      const kind = image ? imageKind(image) : null;
      const blip = elements(drawing, NS.a, "blip")[0];
      changed = true;
      if (!image || !kind || !blip) {
        const gone = outermost(drawing);
        gone.parentNode?.removeChild(gone);
        continue;
      }
      const relsPath = relsPathOf(part);
      rels ??= parse(
        zip.file(relsPath)?.asText() ??
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${NS.rels}"/>`,
      );
      const ids = new Set(elements(rels, NS.rels, "Relationship").map((r) => r.getAttribute("Id")));
      let n = ++added;
      while (ids.has(`rIdPicture${n}`) || zip.file(`word/media/picture-${n}.${kind.ext}`)) n = ++added;
      zip.file(`word/media/picture-${n}.${kind.ext}`, image);
      const rel = rels.createElementNS(NS.rels, "Relationship");
      rel.setAttribute("Id", `rIdPicture${n}`);
      rel.setAttribute("Type", IMAGE_RELATIONSHIP);
      rel.setAttribute("Target", `media/picture-${n}.${kind.ext}`);
      rels.documentElement!.appendChild(rel);
      // The placeholder's own SVG (Word keeps it in the blip's extensions) and cropping are not the photo's.
      for (const ext of elements(blip, NS.a, "extLst")) blip.removeChild(ext);
      const blipFill = blip.parentNode as Element | null;
      for (const crop of blipFill ? elements(blipFill, NS.a, "srcRect") : []) crop.parentNode?.removeChild(crop);
      blip.setAttributeNS(
        NS.r,
        blip.lookupPrefix(NS.r) ? `${blip.lookupPrefix(NS.r)}:embed` : "r:embed",
        `rIdPicture${n}`,
      );
      ensureContentType(zip, kind.ext, kind.mime);
    }
    if (!changed) continue;
    zip.file(part, serialize(doc));
    if (rels) zip.file(relsPathOf(part), serialize(rels));
  }
}
