"use client";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { inputClass } from "./styles";

/** Search as you type: the grid follows a moment after the last key (or at once on Enter). */
export function QuickSearch({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const t = useTranslations("grid");
  const id = useId();
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  // The address changed by itself (back/forward): show its search text, unless it is what was typed.
  if (value !== shown) {
    setShown(value);
    if (value !== text.trim()) setText(value);
  }
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onSearch(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);

  return (
    <form
      role="search"
      className="flex items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text.trim());
      }}
    >
      <label htmlFor={id} className="text-sm font-medium">
        {t("search")}
      </label>
      <input
        id={id}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={100}
        className={`${inputClass} w-64`}
        data-testid="quick-search"
      />
    </form>
  );
}
