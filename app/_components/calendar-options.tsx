"use client";
import { inputClass } from "@/app/_components/resource/styles";

/**
 * A labelled choice among the calendar's options (agents, entry types, rooms), as the planner and
 * "Find a date" offer them; `empty` adds a first choice with no value.
 */
export function OptionSelect({
  label,
  value,
  onChange,
  options,
  empty,
  name,
  required,
}: {
  label: string;
  value: string | number;
  onChange: (value: string) => void;
  options: readonly { id: number; name: string }[];
  empty?: string;
  name?: string;
  required?: boolean;
}) {
  return (
    <label className="flex flex-col text-sm">
      {label}
      <select
        className={inputClass}
        value={value}
        name={name}
        required={required}
        onChange={(e) => onChange(e.target.value)}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
