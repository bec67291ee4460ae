"use client";
import { useEffect, useId, useRef, useState } from "react";
import { toolButton } from "./styles";

/**
 * A button that shows a panel under it (disclosure pattern). It closes on Escape (focus returns to
 * the button), on a click elsewhere, when the keyboard focus leaves it, and when a choice that
 * settles the matter is made (an element of the panel marked `data-closes-menu`; focus returns to
 * the button), so the panel does not hide what the choice changed.
 */
export function Menu({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);

  return (
    <div
      ref={root}
      className="relative"
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
      onBlur={(e) => {
        if (e.relatedTarget && !root.current?.contains(e.relatedTarget as Node)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className={toolButton}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        data-testid={testId}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      <div
        id={panelId}
        hidden={!open}
        onClick={(e) => {
          if ((e.target as HTMLElement).closest("[data-closes-menu]")) {
            setOpen(false);
            button.current?.focus();
          }
        }}
        className="absolute right-0 z-20 mt-1 min-w-52 rounded border border-slate-300 bg-white py-1 text-sm shadow-lg"
      >
        {children}
      </div>
    </div>
  );
}
