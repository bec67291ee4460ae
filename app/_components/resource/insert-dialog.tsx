"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ResourceMeta } from "@/lib/resources";
import { TRPCClientError } from "@trpc/client";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { fromDraft, serverFieldErrors, toDraft, type Drafts, type FieldError } from "./drafts";
import { FieldInput } from "./field-input";
import { FilePicker, postWithFile, UploadRefused } from "./file-upload";
import { Modal } from "./modal";
import { alertClass, primaryButton, toolButton } from "./styles";

type Props = {
  meta: ResourceMeta;
  onClose: () => void;
  onCreated: (id: string | number) => void;
  /** Values fixed by the context, e.g. the master row of a slave grid; their inputs are not shown. */
  preset?: Record<string, string | number>;
};

/** The insert form of a resource (its declared insert fields) in a dialog. */
export function InsertDialog({ meta, onClose, onCreated, preset = {} }: Props) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const fields = meta.insertFields.filter((n) => !(n in preset)).map((n) => meta.fields[n]!);
  // The declared defaults show prefilled, so the user sees what a new row gets unless they change it.
  const [drafts, setDrafts] = useState<Drafts>(() =>
    Object.fromEntries(fields.map((f) => [f.name, toDraft(f, meta.insertDefaults?.[f.name] ?? null)])),
  );
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [file, setFile] = useState<File | null>(null);
  const created = async ({ id }: { id: string | number }) => {
    // A new row may change the row whose detail is open (a client's primary coach after a
    // coaching is added on it, which also makes the client no longer deletable), not only the lists.
    await Promise.all(
      [trpc.resources.list, trpc.resources.get, trpc.resources.panel, trpc.resources.deletePreview].map((p) =>
        queryClient.invalidateQueries({ queryKey: p.queryKey() }),
      ),
    );
    onCreated(id);
    onClose();
  };
  const createRow = useMutation(
    trpc.resources.create.mutationOptions({
      onSuccess: created,
      onError: (e) => setErrors(serverFieldErrors(e)),
    }),
  );
  // A row that comes with a file (a scanned document) is posted with it to the route the resource names.
  const upload = useMutation({
    mutationFn: (input: { values: Record<string, unknown>; confirmed: boolean }) =>
      postWithFile(meta.insertUpload!, file!, input),
    onSuccess: created,
    onError: (e) => setErrors(serverFieldErrors(e)),
  });
  const create = meta.insertUpload ? upload : createRow;

  // The server may ask a question first (e.g. similar clients exist); the user answers by creating anyway.
  const question = create.error && appCodeOf(create.error) === "CONFIRMATION_REQUIRED";
  const submit = (confirmed = false) => {
    // Empty fields are left out, so that the declaration's defaults apply; the server names what is missing.
    const values: Record<string, unknown> = { ...preset };
    const found: Record<string, FieldError> = {};
    for (const field of fields) {
      const parsed = fromDraft(field, drafts[field.name]);
      if ("error" in parsed) {
        if (parsed.error !== "required") found[field.name] = parsed.error;
      } else if (
        parsed.value !== null &&
        parsed.value !== "" &&
        !(field.type === "boolean" && parsed.value === false)
      ) {
        values[field.name] = parsed.value;
      }
    }
    if (meta.insertUpload && !file) found.file = "required";
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (meta.insertUpload) upload.mutate({ values, confirmed });
    else createRow.mutate({ resource: meta.id, values, confirmed });
  };

  return (
    <Modal title={t("grid.newTitle", { resource: t(meta.title) })} onClose={onClose} wide>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          e.stopPropagation();
          submit();
        }}
        className="flex flex-col gap-3"
        data-testid="insert-form"
      >
        {meta.insertUpload && <FilePicker error={errors.file} onChange={setFile} />}
        {fields.map((f) => (
          <FieldInput
            key={f.name}
            field={f}
            owner={{ resource: meta.id }}
            draft={drafts[f.name]}
            error={errors[f.name]}
            onChange={(d) => setDrafts((s) => ({ ...s, [f.name]: d }))}
          />
        ))}
        {create.error && (
          <p role="alert" className={alertClass}>
            {create.error instanceof UploadRefused ? create.error.message : errorMessage(create.error)}
          </p>
        )}
        {question && (
          <button type="button" className={primaryButton} onClick={() => submit(true)} disabled={create.isPending}>
            {t("detail.createAnyway")}
          </button>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" className={toolButton} onClick={onClose}>
            {t("detail.cancel")}
          </button>
          <button className={primaryButton} disabled={create.isPending}>
            {t("detail.create")}
          </button>
        </div>
      </form>
    </Modal>
  );
}

const appCodeOf = (error: unknown) =>
  error instanceof TRPCClientError || error instanceof UploadRefused
    ? (error.data as { appCode?: string } | undefined)?.appCode
    : undefined;
