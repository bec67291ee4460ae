"use client";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";
import { createPortal } from "react-dom";
import { primaryButton, toolButton } from "./styles";

/**
 * A modal dialog on the native <dialog>: the browser traps focus, closes it on Escape and gives
 * focus back afterwards. Mounted = open. It lives under <body>, so that a form inside it is never
 * nested in a form of the page (React events still bubble to the page: forms stop their submit).
 */
export function Modal({
  title,
  onClose,
  children,
  wide = false,
}: {
  title: string;
  onClose: () => void;
  children: React.ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);
  return createPortal(
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className={`m-auto w-full ${wide ? "max-w-2xl" : "max-w-md"} rounded-lg border border-slate-300 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/40`}
    >
      <h2 id={titleId} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </dialog>,
    document.body,
  );
}

/** "Are you sure?" with the action's own name on the confirming button. */
export function ConfirmDialog({
  title,
  text,
  confirmLabel,
  onConfirm,
  onClose,
  busy,
  error,
}: {
  title: string;
  text: string;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  busy?: boolean;
  error?: string | null;
}) {
  const t = useTranslations("detail");
  return (
    <Modal title={title} onClose={onClose}>
      <p className="mb-4 text-sm text-slate-800">{text}</p>
      {error && (
        <p role="alert" className="mb-3 rounded bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <button type="button" className={toolButton} onClick={onClose} autoFocus>
          {t("cancel")}
        </button>
        <button type="button" className={primaryButton} onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
