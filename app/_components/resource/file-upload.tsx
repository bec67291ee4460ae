"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import type { FieldError } from "./drafts";
import { inputClass } from "./styles";

/** Kinds of files the picker offers; the server judges the content anyway (server/uploads/rules/files.ts). */
const ACCEPT = ".pdf,.jpg,.jpeg,.png,.tif,.tiff,.webp,.heic,.heif,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.ppt";

/** The server's refusal of a posted file, shaped like a tRPC error's data so the form marks the fields it names. */
export class UploadRefused extends Error {
  constructor(
    message: string,
    readonly data: { appCode?: string; params?: Record<string, unknown>; fieldErrors?: unknown },
  ) {
    super(message);
  }
}

/**
 * Posts a file with the form's values to a resource's upload route: the body is the file itself
 * (the server streams it), its name and the values travel in headers.
 */
export async function postWithFile(
  route: string,
  file: File,
  input: { values: Record<string, unknown>; confirmed: boolean },
): Promise<{ id: number }> {
  const res = await fetch(route, {
    method: "POST",
    body: file,
    headers: {
      "content-type": file.type || "application/octet-stream",
      "x-upload-name": encodeURIComponent(file.name),
      "x-upload-fields": encodeURIComponent(JSON.stringify(input)),
    },
  });
  const body = (await res.json().catch(() => ({}))) as { id?: number; message?: string; data?: UploadRefused["data"] };
  if (!res.ok || typeof body.id !== "number") throw new UploadRefused(body.message ?? res.statusText, body.data ?? {});
  return { id: body.id };
}

/** The file input of an insert form whose row comes with a file. */
export function FilePicker({ error, onChange }: { error?: FieldError; onChange: (file: File | null) => void }) {
  const t = useTranslations();
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {t("resources.uploads.file")}
        <span aria-hidden="true" className="text-red-800">
          {" "}
          *
        </span>
      </label>
      <input
        id={id}
        type="file"
        accept={ACCEPT}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help${error ? ` ${id}-error` : ""}`}
        className={inputClass}
        data-field="file"
        onChange={(e) => onChange(e.currentTarget.files?.[0] ?? null)}
      />
      <p id={`${id}-help`} className="text-xs text-slate-700">
        {t("resources.uploads.fileHelp")}
      </p>
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {t(`detail.fieldError.${error}`)}
        </p>
      )}
    </div>
  );
}
