"use client";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useTranslations } from "next-intl";
import { unwordLists } from "@/lib/word-html";

type Props = {
  value: string;
  onChange: (html: string) => void;
  labelledBy: string;
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
  name: string;
};

/**
 * The rich-text editor of an `html` field (a note's body): Tiptap's starter kit, whose schema
 * already reduces what is pasted (from Word, a web page) to paragraphs, lists, bold, italic and
 * links; the server sanitises whatever it receives again (server/notes/sanitize.ts).
 */
export default function RichTextInput({ value, onChange, labelledBy, describedBy, invalid, required, name }: Props) {
  const t = useTranslations("detail.richText");
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: { openOnClick: false, autolink: true } })],
    content: value,
    immediatelyRender: false,
    onUpdate: ({ editor }) => onChange(editor.isEmpty ? "" : editor.getHTML()),
    editorProps: {
      // Word writes its lists as paragraphs with a bullet of text: they become lists here too.
      transformPastedHTML: unwordLists,
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelledBy,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(invalid ? { "aria-invalid": "true" } : {}),
        ...(required ? { "aria-required": "true" } : {}),
        "data-field": name,
        class: "min-h-32 rounded-b border border-slate-400 bg-white px-2 py-1 text-sm focus:outline-none",
      },
    },
  });
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive("bold") ?? false,
      italic: e?.isActive("italic") ?? false,
      underline: e?.isActive("underline") ?? false,
      bulletList: e?.isActive("bulletList") ?? false,
      orderedList: e?.isActive("orderedList") ?? false,
    }),
  });
  const buttons = [
    { key: "bold", run: () => editor?.chain().focus().toggleBold().run(), label: <strong>B</strong> },
    { key: "italic", run: () => editor?.chain().focus().toggleItalic().run(), label: <em>I</em> },
    { key: "underline", run: () => editor?.chain().focus().toggleUnderline().run(), label: <u>U</u> },
    { key: "bulletList", run: () => editor?.chain().focus().toggleBulletList().run(), label: "•" },
    { key: "orderedList", run: () => editor?.chain().focus().toggleOrderedList().run(), label: "1." },
  ] as const;
  return (
    <div className="rich-text-editor">
      <div
        role="toolbar"
        aria-label={t("toolbar")}
        className="flex gap-1 rounded-t border border-b-0 border-slate-400 bg-slate-50 px-1 py-1"
      >
        {buttons.map((b) => (
          <button
            key={b.key}
            type="button"
            onClick={b.run}
            aria-pressed={active?.[b.key] ?? false}
            aria-label={t(b.key)}
            title={t(b.key)}
            className="min-w-8 rounded border border-transparent px-2 text-sm hover:border-slate-400 aria-pressed:bg-slate-200"
          >
            {b.label}
          </button>
        ))}
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}
