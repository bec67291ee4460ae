import Docxtemplater from "docxtemplater";
import PizZip from "pizzip";
import { AppError } from "@/server/errors";
import { fillPictures, type TemplatePictures } from "./pictures";

/** The key of a document's data under which its pictures are given (./pictures.ts): not a tag. */
export const PICTURES = Symbol("pictures");

/**
 * What a template's tags are filled with: text, yes/no for conditions, lists of the same for loops;
 * under `PICTURES`, the images of the template's named placeholder pictures (null: take it out).
 */
export type TemplateData = { [tag: string]: string | boolean | TemplateData[]; [PICTURES]?: TemplatePictures };

/** Options shared by rendering and checking: a loop repeats its paragraph, "\n" becomes a line break. */
const OPTIONS = { paragraphLoop: true, linebreaks: true, nullGetter: () => "" } as const;

/** One thing wrong with a template, named so that its author finds it: the tag and what is wrong. */
export interface TemplateProblem {
  /** docxtemplater's error id (`unopened_tag`, `unclosed_loop`, `unknown_tag`…). */
  id: string;
  tag: string;
}

/** The problems docxtemplater reports while compiling, one per misplaced or unbalanced tag. */
function problemsOf(e: unknown): TemplateProblem[] | null {
  const props = (e as { properties?: { id?: string; errors?: unknown[]; xtag?: string } } | null)?.properties;
  if (!props) return null;
  const list = (props.errors ?? [e]) as { properties?: { id?: string; xtag?: string } }[];
  return list.map((err) => ({ id: err.properties?.id ?? "template_error", tag: err.properties?.xtag ?? "" }));
}

/** Compiles a template; `parser` sees each tag's name as it is compiled. */
function compile(template: Buffer, parser?: (tag: string) => { get: (scope: unknown) => unknown }) {
  let zip: PizZip;
  try {
    zip = new PizZip(template);
  } catch {
    throw new AppError("INVALID_INPUT", { messageKey: "documents.errors.notDocx" });
  }
  if (!zip.file("word/document.xml")) throw new AppError("INVALID_INPUT", { messageKey: "documents.errors.notDocx" });
  return new Docxtemplater(zip, { ...OPTIONS, errorLogging: false, ...(parser ? { parser } : {}) });
}

/**
 * Fills a .docx template (docxtemplater tags) with `data` and returns the document. A tag without
 * a value prints nothing rather than "undefined"; the templates this renders were checked first.
 * The pictures given under `PICTURES` replace the template's placeholders of those names.
 */
export function renderDocx(template: Buffer, data: TemplateData): Buffer {
  const doc = compile(template);
  doc.render(data);
  const pictures = data[PICTURES];
  if (pictures) fillPictures(doc.getZip(), pictures);
  return doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * What is wrong with a template written for tags `known` (a tag is a value's name, or a loop's or
 * condition's name): broken syntax (an unclosed tag or loop), then tags that no data would fill.
 * Empty when it renders as it should.
 */
export function templateProblems(template: Buffer, known: ReadonlySet<string>): TemplateProblem[] {
  const used = new Set<string>();
  try {
    compile(template, (tag) => {
      used.add(tag.trim());
      return { get: () => "" };
    });
  } catch (e) {
    const problems = problemsOf(e);
    if (problems) return problems;
    throw e;
  }
  return [...used].filter((tag) => !known.has(tag)).map((tag) => ({ id: "unknown_tag", tag }));
}
