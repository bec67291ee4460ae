"use client";
import { useLocale, useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useId } from "react";
import { choiceLabel, type UiLocale } from "@/lib/format";
import type { FieldMeta, Row } from "@/lib/resources";
import { DateInput, IncompleteDateInput } from "./date-input";
import type { Draft, FieldError } from "./drafts";
import { RefInput, type FieldOwner } from "./ref-input";
import { inputClass } from "./styles";

type Props = {
  field: FieldMeta;
  owner: FieldOwner;
  draft: Draft | undefined;
  onChange: (d: Draft) => void;
  error?: FieldError;
  cell?: Row[string];
};

const LANGS = ["fr", "nl", "de", "en"] as const;

// The editor's code is loaded only by forms that have a rich-text field.
const RichTextInput = dynamic(() => import("./rich-text-input"), { ssr: false });

/** The input for one field, by type, with its label, help and error tied to it. */
export function FieldInput({ field, owner, draft, onChange, error, cell }: Props) {
  const t = useTranslations();
  const locale = useLocale() as UiLocale;
  const id = useId();
  const label = t(field.label);
  const describedBy = [error && `${id}-error`, field.help && `${id}-help`].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    "aria-required": field.required || undefined,
    "data-field": field.name,
  };
  const text = typeof draft === "string" ? draft : "";
  const notes = (
    <>
      {field.help && (
        <p id={`${id}-help`} className="text-xs text-slate-700">
          {t(field.help)}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {t(`detail.fieldError.${error}`)}
        </p>
      )}
    </>
  );
  const caption = (
    <>
      {label}
      {field.required && (
        <span aria-hidden="true" className="text-red-800">
          {" "}
          *
        </span>
      )}
    </>
  );

  if (field.type === "boolean") {
    return (
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="flex items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            {...common}
            checked={draft === true}
            onChange={(e) => onChange(e.target.checked)}
            className="h-4 w-4"
          />
          {label}
        </label>
        {notes}
      </div>
    );
  }
  if (field.type === "localized") {
    const values = (typeof draft === "object" ? draft : {}) as Record<string, string>;
    return (
      <fieldset className="flex flex-col gap-1" aria-describedby={describedBy} data-field={field.name}>
        <legend className="text-sm font-medium">{caption}</legend>
        {LANGS.map((l) => (
          <label key={l} className="flex items-center gap-2 text-sm">
            <span className="w-20 shrink-0" lang={l}>
              {t(`languages.${l}`)}
            </span>
            <input
              value={values[l] ?? ""}
              onChange={(e) => onChange({ ...values, [l]: e.target.value })}
              maxLength={200}
              aria-invalid={error && l === "fr" ? true : undefined}
              aria-required={(field.required && l === "fr") || undefined}
              className={inputClass}
              data-lang={l}
            />
          </label>
        ))}
        {notes}
      </fieldset>
    );
  }

  if (field.type === "html") {
    return (
      <div className="flex flex-col gap-1">
        <span id={`${id}-label`} className="text-sm font-medium">
          {caption}
        </span>
        <RichTextInput
          value={text}
          onChange={onChange}
          labelledBy={`${id}-label`}
          describedBy={describedBy}
          invalid={!!error}
          required={field.required}
          name={field.name}
        />
        {notes}
      </div>
    );
  }

  if (field.type === "date" && !field.incomplete) {
    return (
      <div className="flex flex-col gap-1">
        <span id={`${id}-label`} className="text-sm font-medium">
          {caption}
        </span>
        <DateInput
          value={text}
          onChange={onChange}
          labelledBy={`${id}-label`}
          describedBy={describedBy}
          invalid={!!error}
          required={field.required}
          data={{ "data-field": field.name }}
        />
        {notes}
      </div>
    );
  }

  let control: React.ReactNode;
  switch (field.type) {
    case "longtext":
      control = (
        <textarea {...common} rows={4} value={text} onChange={(e) => onChange(e.target.value)} className={inputClass} />
      );
      break;
    case "choice":
      control = (
        <select {...common} value={text} onChange={(e) => onChange(e.target.value)} className={inputClass}>
          {(!field.required || !text) && <option value="">{t("detail.none")}</option>}
          {(field.choices ?? []).map((c) => (
            <option key={c.value} value={c.value}>
              {choiceLabel([c], c.value, locale, t)}
            </option>
          ))}
        </select>
      );
      break;
    case "ref":
      control = <RefInput {...common} field={field} owner={owner} value={text} cell={cell} onChange={onChange} />;
      break;
    case "date":
      control = (
        <IncompleteDateInput
          value={text}
          onChange={onChange}
          inputProps={{ ...common, placeholder: t("format.datePlaceholder") }}
        />
      );
      break;
    default: {
      const type = field.type === "password" ? "password" : "text";
      const inputMode = field.type === "integer" ? "numeric" : field.type === "money" ? "decimal" : undefined;
      control = (
        <input
          {...common}
          type={type}
          inputMode={inputMode}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          autoComplete={field.type === "password" ? "new-password" : "off"}
          className={inputClass}
        />
      );
    }
  }
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {caption}
      </label>
      {control}
      {notes}
    </div>
  );
}
