"use client";
import { parseDate, type CalendarDate } from "@internationalized/date";
import { useLocale } from "next-intl";
import { useContext, useState } from "react";
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput as Segments,
  DatePicker,
  DatePickerStateContext,
  DateSegment,
  Dialog,
  Group,
  Heading,
  I18nProvider,
  Popover,
} from "react-aria-components";
import { formatDate, intlLocale, isCalendarDate, parseTypedDate, type UiLocale } from "@/lib/format";
import { inputClass } from "./styles";

/**
 * A date typed or picked as the reader's language writes it (31/07/2021, 31.07.2021 in German):
 * React Aria's date picker, whose segments follow the locale and can be typed or stepped with the
 * arrow keys, and whose calendar opens from the button. The value travels as `YYYY-MM-DD`.
 *
 * What is reported: the ISO date, "" when the field is empty, or PARTIAL_DATE while it holds a date
 * that is not whole (a segment left empty, a year of fewer than four digits), so that a form can
 * refuse it instead of saving nothing.
 */
export const PARTIAL_DATE = "partial";

type Props = {
  value: string;
  onChange: (value: string) => void;
  /** The element naming the field (its label), else `label`. */
  labelledBy?: string;
  label?: string;
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
  /** Marks the field's group for tests and styles (`data-field`, `data-filter`). */
  data?: Record<`data-${string}`, string>;
};

const toCalendarDate = (iso: string): CalendarDate | null => (isCalendarDate(iso) ? parseDate(iso) : null);
/** A year still being typed (fewer than four digits) is not a date yet. */
const isoOf = (d: CalendarDate | null) => (d === null ? "" : d.year < 1000 ? PARTIAL_DATE : d.toString());
/** Keys that end a segment when typed between day, month and year ("1.7.2021", "1/7/2021"). */
const SEPARATORS = new Set([".", "/", "-", ",", " "]);

export function DateInput({ value, onChange, labelledBy, label, describedBy, invalid, required, data }: Props) {
  const locale = useLocale() as UiLocale;
  // What React Aria shows. It follows `value` when the owner changes it (a form reset, "clear
  // filters"), not when `value` becomes what this field reported, nor when the owner ignores a report.
  const [shown, setShown] = useState<CalendarDate | null>(() => toCalendarDate(value));
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    setLastValue(value);
    if (value !== PARTIAL_DATE && value !== isoOf(shown)) setShown(toCalendarDate(value));
  }
  const report = (next: string) => {
    if (next !== value) onChange(next);
  };
  return (
    <I18nProvider locale={intlLocale(locale)}>
      <DatePicker
        value={shown}
        onChange={(d) => {
          setShown(d);
          report(isoOf(d));
        }}
        aria-labelledby={labelledBy}
        aria-label={labelledBy ? undefined : label}
        aria-describedby={describedBy}
        isInvalid={invalid}
        isRequired={required}
        validationBehavior="aria"
        // 01/07/2021 as everywhere else (lib/format.ts), not the locale's shorter 1/7/2021.
        shouldForceLeadingZeros
        className="w-full"
      >
        <Typing onLeave={report} data={data} />
        <Popover className="rounded border border-slate-300 bg-white p-3 shadow-lg">
          <Dialog className="outline-none">
            <Calendar className="text-sm">
              <header className="mb-2 flex items-center justify-between gap-2">
                <Button slot="previous" className="rounded px-2 py-1 hover:bg-slate-100">
                  ‹
                </Button>
                <Heading className="font-medium" />
                <Button slot="next" className="rounded px-2 py-1 hover:bg-slate-100">
                  ›
                </Button>
              </header>
              <CalendarGrid className="border-separate border-spacing-0.5">
                {(date) => (
                  <CalendarCell
                    date={date}
                    className="rounded px-2 py-1 text-center outline-none hover:bg-slate-100 data-[focus-visible]:ring-2 data-[focus-visible]:ring-brand-600 data-[outside-month]:text-slate-400 data-[selected]:bg-brand-700 data-[selected]:text-white"
                  />
                )}
              </CalendarGrid>
            </Calendar>
          </Dialog>
        </Popover>
      </DatePicker>
    </I18nProvider>
  );
}

/**
 * The segments and the calendar button. Typing a separator moves to the next segment, pasting a
 * whole date ("31.07.2021", "2021-07-31") fills every segment, and leaving the field reports what
 * its segments hold: React Aria reports only whole dates that differ from its value, so a date left
 * half-typed, or cleared and typed again, would otherwise go unnoticed.
 */
function Typing({ onLeave, data }: { onLeave: (value: string) => void; data?: Props["data"] }) {
  const state = useContext(DatePickerStateContext);
  const segmentsOf = (group: HTMLElement) => [...group.querySelectorAll<HTMLElement>("[role=spinbutton]")];
  return (
    <Group
      {...data}
      className="flex w-full items-center rounded border border-slate-500 bg-white text-sm focus-within:ring-2 focus-within:ring-brand-600 data-[invalid]:border-red-700"
      onKeyDown={(e) => {
        if (!SEPARATORS.has(e.key) || (e.target as HTMLElement).getAttribute("role") !== "spinbutton") return;
        e.preventDefault();
        const segments = segmentsOf(e.currentTarget);
        segments[segments.indexOf(e.target as HTMLElement) + 1]?.focus();
      }}
      onPaste={(e) => {
        const iso = parseTypedDate(e.clipboardData.getData("text"));
        if (!iso || !state) return;
        e.preventDefault();
        state.setValue(parseDate(iso));
      }}
      onBlur={(e) => {
        if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
        const segments = segmentsOf(e.currentTarget);
        const empty = segments.filter((s) => s.hasAttribute("data-placeholder")).length;
        if (empty === segments.length) return onLeave("");
        if (empty > 0) return onLeave(PARTIAL_DATE);
        const part = (type: string) =>
          segments.find((s) => s.dataset.type === type)?.getAttribute("aria-valuenow") ?? "";
        const typed = `${part("year").padStart(4, "0")}-${part("month").padStart(2, "0")}-${part("day").padStart(2, "0")}`;
        // A whole date that does not exist (30 February) is React Aria's to correct, and it reports the result itself.
        if (isCalendarDate(typed)) onLeave(Number(part("year")) < 1000 ? PARTIAL_DATE : typed);
      }}
    >
      <Segments className="flex flex-1 px-2 py-1.5">
        {(segment) => (
          <DateSegment
            segment={segment}
            className="rounded px-0.5 tabular-nums outline-none focus:bg-brand-700 focus:text-white data-[placeholder]:text-slate-500"
          />
        )}
      </Segments>
      <Button className="border-l border-slate-300 px-2 py-1.5 hover:bg-slate-100">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current">
          <path d="M6 2v2H4a2 2 0 0 0-2 2v10a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2h-2V2h-2v2H8V2zm-2 6h12v8H4z" />
        </svg>
      </Button>
    </Group>
  );
}

/**
 * A date whose day or month may be unknown (Lino's incomplete birth dates): typed as text in the
 * reader's order ("00/00/1995", "07/1995", "1995", "23.09.1986"), since no date picker holds a
 * day 00. Reports the ISO form ("1995-00-00"), "" when empty, or the text as typed when it is no
 * date (the form then refuses it).
 */
export function IncompleteDateInput({
  value,
  onChange,
  inputProps,
}: {
  value: string;
  onChange: (value: string) => void;
  inputProps: React.InputHTMLAttributes<HTMLInputElement> & Record<`data-${string}`, string>;
}) {
  const locale = useLocale() as UiLocale;
  const [text, setText] = useState(() => formatDate(value, locale));
  const [reported, setReported] = useState(value);
  if (value !== reported) {
    setReported(value);
    setText(formatDate(value, locale));
  }
  return (
    <input
      {...inputProps}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const typed = e.target.value.trim();
        const next = typed ? (parseTypedDate(typed, { incomplete: true }) ?? typed) : "";
        setReported(next);
        onChange(next);
      }}
      className={inputClass}
    />
  );
}
