"use client";
import type {
  DateSelectArg,
  EventClickArg,
  EventContentArg,
  EventDropArg,
  EventInput,
  EventMountArg,
} from "@fullcalendar/core";
import allLocales from "@fullcalendar/core/locales-all";
import dayGridPlugin from "@fullcalendar/daygrid";
import interactionPlugin, { type EventResizeDoneArg } from "@fullcalendar/interaction";
import FullCalendar from "@fullcalendar/react";
import timeGridPlugin from "@fullcalendar/timegrid";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { OptionSelect } from "@/app/_components/calendar-options";
import { DateInput } from "@/app/_components/resource/date-input";
import { Modal } from "@/app/_components/resource/modal";
import { RefPicker } from "@/app/_components/resource/ref-picker";
import { alertClass, inputClass, primaryButton, toolButton } from "@/app/_components/resource/styles";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { belgianToday, brusselsWallClock, formatDate, isCalendarDate, type UiLocale } from "@/lib/format";
import { resourceHref } from "@/lib/resources";
import type { PlannerEntry } from "@/server/calendar/planner";
import { columnDate, columnsOf, plusDays, toWall, type PlannerMode, type Column } from "./columns";

type FcView = "timeGridDay" | "timeGridWeek" | "dayGridMonth";

/** Minutes a keyboard step moves or resizes an entry by. */
const KEY_STEP = 15;

/** The colour of an entry: by planner column, a holiday grey, a private one hatched grey. */
function colorsOf(e: PlannerEntry) {
  if (e.allRooms) return { backgroundColor: "#cbd5e1", borderColor: "#94a3b8", textColor: "#0f172a" };
  if (e.busyOnly) return { backgroundColor: "#e2e8f0", borderColor: "#64748b", textColor: "#0f172a" };
  if (e.plannerColumn === "external")
    return { backgroundColor: "#fef3c7", borderColor: "#b45309", textColor: "#451a03" };
  return { backgroundColor: "#dbeafe", borderColor: "#1d4ed8", textColor: "#172554" };
}

/**
 * The planners (issue 15 §4): my calendar or a colleague's by day, week or month, and one day of
 * several agents (internal and external columns each) or of the rooms side by side. An entry is
 * created by selecting a slot, moved and resized with the mouse or, once focused, with Alt+arrows
 * (Alt+Shift+↑/↓ resizes), and opened by a click or Enter.
 */
export function Planner({ mode }: { mode: PlannerMode }) {
  const t = useTranslations("planner");
  const tr = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const calendarRef = useRef<FullCalendar>(null);
  const options = useQuery(trpc.calendar.options.queryOptions());
  const [date, setDate] = useState(belgianToday());
  const [fcView, setFcView] = useState<FcView>("timeGridWeek");
  const [colleague, setColleague] = useState<number | null>(null);
  const [team, setTeam] = useState<number[] | null>(null);
  const [selecting, setSelecting] = useState<{ start: string; end: string; user: number; room: number | null } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);

  // The calendar follows the day chosen with the buttons or the date field.
  useEffect(() => {
    if (mode !== "team" && mode !== "rooms") calendarRef.current?.getApi().gotoDate(date);
  }, [date, mode]);

  const me = options.data?.me ?? 0;
  const agents = useMemo(() => options.data?.agents ?? [], [options.data]);
  const myTeam = agents.find((a) => a.id === me)?.team ?? null;
  const teamIds =
    team ??
    agents
      .filter((a) => myTeam !== null && a.team === myTeam)
      .map((a) => a.id)
      .slice(0, 10);
  const shownTeam = teamIds.length ? teamIds : agents.slice(0, 6).map((a) => a.id);
  const owner = mode === "colleague" ? (colleague ?? agents.find((a) => a.id !== me)?.id ?? me) : me;
  const sideBySide = mode === "team" || mode === "rooms";

  const rooms = options.data?.rooms;
  const shownKey = shownTeam.join(",");
  const columns: Column[] = useMemo(
    () =>
      columnsOf(
        mode,
        agents.filter((a) => shownKey.split(",").includes(String(a.id))),
        rooms ?? [],
        (key) => t(`columns.${key}`),
      ),
    [mode, agents, shownKey, rooms, t],
  );

  // The days the view shows: a side-by-side planner one day, else the week or month around `date`.
  const range = useMemo(() => {
    if (sideBySide || fcView === "timeGridDay") return { from: date, to: date };
    const d = new Date(`${date}T12:00:00Z`);
    const monday = plusDays(date, -((d.getUTCDay() + 6) % 7));
    if (fcView === "timeGridWeek") return { from: monday, to: plusDays(monday, 6) };
    const first = `${date.slice(0, 8)}01`;
    const start = plusDays(first, -((new Date(`${first}T12:00:00Z`).getUTCDay() + 6) % 7));
    return { from: start, to: plusDays(start, 41) };
  }, [date, fcView, sideBySide]);

  const input = {
    ...range,
    users: mode === "rooms" ? [] : mode === "team" ? shownTeam : [owner],
    rooms: mode === "rooms" ? (options.data?.rooms ?? []).map((r) => r.id) : [],
  };
  const entries = useQuery({
    ...trpc.calendar.range.queryOptions(input, { enabled: !!options.data }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.calendar.range.queryKey() });
  const move = useMutation(
    trpc.calendar.move.mutationOptions({
      onSuccess: () => setError(null),
      onError: (e) => setError(errorMessage(e)),
      onSettled: refresh,
    }),
  );

  const events: EventInput[] = (entries.data ?? []).flatMap((e) => {
    const base = {
      id: String(e.id),
      title: e.busyOnly ? t("busy") : [e.summary || e.type, e.clientName].filter(Boolean).join(" · "),
      allDay: !e.startTime,
      editable: e.editable,
      extendedProps: { entry: e },
      ...colorsOf(e),
    };
    const start = e.startTime ? `${e.startDate}T${e.startTime}` : e.startDate;
    const end = e.startTime
      ? `${e.endDate ?? e.startDate}T${e.endTime ?? e.startTime}`
      : e.endDate
        ? plusDays(e.endDate, 1)
        : undefined;
    if (!sideBySide) return [{ ...base, start, end }];
    // Side by side: each column is a "day" of the view; an entry goes to its agent's or room's column.
    return columns
      .filter((c) => c.matches(e))
      .map((c) => ({
        ...base,
        id: `${e.id}:${c.key}`,
        title: c.user !== null && c.user !== e.userId && !e.allRooms ? `${base.title} (${t("guestOf")})` : base.title,
        start: e.startTime ? `${columnDate(c.index)}T${e.startTime}` : columnDate(c.index),
        end: e.startTime ? `${columnDate(c.index)}T${e.endTime ?? e.startTime}` : undefined,
        // A holiday or a multi-day absence fills the column; the rest moves within it or, in the team
        // view, to another agent's column (reassigned); an entry shown in a guest's column stays put.
        editable:
          e.editable &&
          c.user === e.userId &&
          e.startDate === date &&
          (e.endDate === null || e.endDate === e.startDate),
      }));
  });

  /** Sends a move: the view's times are wall clock (the calendar runs in UTC), side by side on `date`. */
  const send = (entry: PlannerEntry, start: Date, end: Date | null, allDay: boolean) => {
    const s = toWall(start);
    const e = end ? toWall(end) : null;
    const startDate = sideBySide ? date : s.date;
    // Team view: the column it was dropped in names the agent it now belongs to.
    const target = mode === "team" ? columns.find((c) => columnDate(c.index) === s.date)?.user : undefined;
    move.mutate({
      id: entry.id,
      ...(target != null && target !== entry.userId ? { user: target } : {}),
      version: entry.version,
      startDate,
      startTime: allDay ? null : s.time,
      endDate: allDay
        ? e && plusDays(e.date, -1) !== s.date
          ? plusDays(e.date, -1)
          : null
        : e && e.date !== s.date && !sideBySide
          ? e.date
          : null,
      endTime: allDay ? null : (e?.time ?? null),
    });
  };
  const dropped = (info: EventDropArg | EventResizeDoneArg) =>
    send(info.event.extendedProps.entry as PlannerEntry, info.event.start!, info.event.end, info.event.allDay);

  /** Alt+arrows move the focused entry; Alt+Shift+↑/↓ makes it end earlier or later. */
  const keyboard = (info: EventMountArg) => {
    const entry = info.event.extendedProps.entry as PlannerEntry;
    if (!info.event.startEditable) return;
    info.el.setAttribute(
      "aria-keyshortcuts",
      "Alt+ArrowUp Alt+ArrowDown Alt+ArrowLeft Alt+ArrowRight Alt+Shift+ArrowUp Alt+Shift+ArrowDown",
    );
    info.el.addEventListener("keydown", (ev) => {
      if (!ev.altKey || !ev.key.startsWith("Arrow")) return;
      const start = info.event.start!;
      const end = info.event.end ?? new Date(start.getTime() + 30 * 60_000);
      const minutes = (n: number) => n * 60_000;
      const step = ev.key === "ArrowUp" ? -minutes(KEY_STEP) : ev.key === "ArrowDown" ? minutes(KEY_STEP) : 0;
      const days = ev.key === "ArrowLeft" ? -1 : ev.key === "ArrowRight" ? 1 : 0;
      if (days && sideBySide) return;
      ev.preventDefault();
      if (ev.shiftKey) {
        if (!step || info.event.allDay) return;
        const newEnd = new Date(end.getTime() + step);
        if (newEnd > start) send(entry, start, newEnd, false);
        return;
      }
      const shift = step + days * minutes(1440);
      send(entry, new Date(start.getTime() + shift), new Date(end.getTime() + shift), info.event.allDay);
    });
  };

  const select = (info: DateSelectArg) => {
    const s = toWall(info.start);
    const e = toWall(info.end);
    const column = sideBySide ? columns.find((c) => columnDate(c.index) === s.date) : undefined;
    if (info.allDay || (column && column.user === null && mode !== "rooms")) return;
    setSelecting({
      start: `${sideBySide ? date : s.date}T${s.time}`,
      end: `${sideBySide ? date : e.date}T${e.time}`,
      user: column?.user ?? owner,
      room: column?.room ?? null,
    });
    calendarRef.current?.getApi().unselect();
  };

  const mayCreate = (user: number) => user === me || !!options.data?.mayPlanForOthers;
  const open = (info: EventClickArg) => {
    const entry = info.event.extendedProps.entry as PlannerEntry;
    if (!entry.busyOnly) router.push(resourceHref("calendar.entries", entry.id));
  };

  const content = (arg: EventContentArg) => {
    const entry = arg.event.extendedProps.entry as PlannerEntry;
    return (
      <div className="overflow-hidden px-1 text-xs leading-tight" data-entry={entry.id}>
        {arg.timeText && <span className="font-semibold">{arg.timeText} </span>}
        <span>{arg.event.title}</span>
      </div>
    );
  };

  const header = (
    <div className="mb-3 flex flex-wrap items-end gap-3">
      <div className="flex gap-1" role="group" aria-label={t("navigation")}>
        <button type="button" className={toolButton} onClick={() => setDate(shift(date, fcView, sideBySide, -1))}>
          {t("previous")}
        </button>
        <button type="button" className={toolButton} onClick={() => setDate(belgianToday())}>
          {t("today")}
        </button>
        <button type="button" className={toolButton} onClick={() => setDate(shift(date, fcView, sideBySide, 1))}>
          {t("next")}
        </button>
      </div>
      <div className="flex flex-col text-sm">
        <span id="planner-date">{t("date")}</span>
        <DateInput value={date} labelledBy="planner-date" onChange={(v) => isCalendarDate(v) && setDate(v)} />
      </div>
      {!sideBySide && (
        <div className="flex gap-1" role="group" aria-label={t("views.label")}>
          {(["timeGridDay", "timeGridWeek", "dayGridMonth"] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={fcView === v}
              className={`${toolButton} aria-pressed:bg-brand-700 aria-pressed:text-white`}
              onClick={() => setFcView(v)}
            >
              {t(`views.${v}`)}
            </button>
          ))}
        </div>
      )}
      {mode === "colleague" && (
        <OptionSelect label={t("colleague")} value={owner} onChange={(v) => setColleague(Number(v))} options={agents} />
      )}
      {mode === "team" && (
        <details className="text-sm">
          <summary className="cursor-pointer">{t("chooseAgents", { count: shownTeam.length })}</summary>
          <fieldset className="mt-2 grid max-h-60 grid-cols-2 gap-1 overflow-auto rounded border border-slate-300 p-2">
            <legend className="sr-only">{t("chooseAgents", { count: shownTeam.length })}</legend>
            {agents.map((a) => (
              <label key={a.id} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={shownTeam.includes(a.id)}
                  onChange={(e) =>
                    setTeam(
                      e.target.checked ? [...shownTeam, a.id].slice(0, 15) : shownTeam.filter((id) => id !== a.id),
                    )
                  }
                />
                {a.name}
              </label>
            ))}
          </fieldset>
        </details>
      )}
    </div>
  );

  return (
    <div data-testid="planner" data-mode={mode}>
      {header}
      <p className="mb-2 text-xs text-slate-600">{t("keyboardHelp")}</p>
      {mode === "team" && <p className="mb-2 text-xs text-slate-600">{t("reassignHelp")}</p>}
      {error && (
        <p role="alert" className={`${alertClass} mb-2`}>
          {error}
        </p>
      )}
      {options.error && <p className={alertClass}>{errorMessage(options.error)}</p>}
      <FullCalendar
        key={`${mode}:${sideBySide ? columns.length : fcView}`}
        ref={calendarRef}
        plugins={[timeGridPlugin, dayGridPlugin, interactionPlugin]}
        // Entries are Brussels wall-clock values: the calendar shows them as they are, and "now" is Brussels' clock.
        timeZone="UTC"
        now={() => brusselsWallClock(new Date())}
        locales={allLocales}
        locale={locale}
        firstDay={1}
        headerToolbar={false}
        initialView={sideBySide ? "columns" : fcView}
        initialDate={sideBySide ? columnDate(0) : date}
        views={{ columns: { type: "timeGrid", duration: { days: Math.max(columns.length, 1) } } }}
        dayHeaderContent={
          sideBySide
            ? (arg) => {
                const c = columns.find((col) => columnDate(col.index) === toWall(arg.date).date);
                return c ? <span className="text-xs">{c.label}</span> : null;
              }
            : undefined
        }
        // Side by side, the columns stand for one day, not for weekdays: every column has working hours.
        businessHours={{
          daysOfWeek: sideBySide ? [0, 1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5],
          startTime: "08:30",
          endTime: "17:00",
        }}
        slotMinTime="07:00:00"
        slotMaxTime="20:00:00"
        scrollTime="08:00:00"
        allDaySlot
        nowIndicator={!sideBySide}
        height="auto"
        events={events}
        editable
        eventInteractive
        eventStartEditable
        eventDurationEditable
        selectable
        selectMirror
        // Side by side, an entry keeps its column, but for the team view, where another agent's column reassigns it.
        eventAllow={(drop, dragged) =>
          !sideBySide || mode === "team" || toWall(drop.start).date === toWall(dragged!.start!).date
        }
        selectAllow={(info) => {
          const c = sideBySide ? columns.find((col) => columnDate(col.index) === toWall(info.start).date) : undefined;
          return mayCreate(c?.user ?? (mode === "rooms" ? me : owner));
        }}
        select={select}
        eventDrop={dropped}
        eventResize={dropped}
        eventClick={open}
        eventDidMount={keyboard}
        eventContent={content}
      />
      {entries.isFetching && (
        <p className="sr-only" aria-live="polite">
          {tr("grid.loading")}
        </p>
      )}
      {selecting && (
        <CreateDialog
          slot={selecting}
          types={options.data?.types ?? []}
          onClose={() => setSelecting(null)}
          onCreated={() => {
            setSelecting(null);
            void refresh();
          }}
        />
      )}
    </div>
  );
}

/** The day a "previous"/"next" button goes to. */
function shift(date: string, view: FcView, sideBySide: boolean, sign: 1 | -1) {
  if (sideBySide || view === "timeGridDay") return plusDays(date, sign);
  if (view === "timeGridWeek") return plusDays(date, 7 * sign);
  const d = new Date(`${date.slice(0, 8)}01T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + sign);
  return d.toISOString().slice(0, 10);
}

/** The small form a selected slot opens: type, client (optional), summary. */
function CreateDialog({
  slot,
  types,
  onClose,
  onCreated,
}: {
  slot: { start: string; end: string; user: number; room: number | null };
  types: { id: number; name: string }[];
  onClose: () => void;
  onCreated: () => void;
}) {
  const t = useTranslations("planner");
  const tr = useTranslations();
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const [type, setType] = useState(String(types[0]?.id ?? ""));
  const [client, setClient] = useState("");
  const [summary, setSummary] = useState("");
  const create = useMutation(trpc.calendar.create.mutationOptions({ onSuccess: onCreated }));
  const locale = useLocale() as UiLocale;
  const sameDay = slot.start.slice(0, 10) === slot.end.slice(0, 10);
  // The slot's wall-clock times ("2026-12-07T10:00") as the reader writes dates.
  const wall = (iso: string) => `${formatDate(iso.slice(0, 10), locale)} ${iso.slice(11, 16)}`;
  return (
    <Modal title={t("newEntry")} onClose={onClose}>
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          e.stopPropagation();
          create.mutate({
            startDate: slot.start.slice(0, 10),
            startTime: slot.start.slice(11, 16),
            endDate: sameDay ? null : slot.end.slice(0, 10),
            endTime: slot.end.slice(11, 16),
            type: Number(type),
            summary,
            client: client ? Number(client) : null,
            user: slot.user,
            room: slot.room,
          });
        }}
      >
        <p className="text-sm text-slate-700">
          {t("slot", { start: wall(slot.start), end: sameDay ? slot.end.slice(11, 16) : wall(slot.end) })}
        </p>
        <OptionSelect
          label={tr("resources.calendarEntries.type")}
          value={type}
          onChange={setType}
          options={types}
          required
        />
        <div className="flex flex-col text-sm">
          <span id="planner-client">{tr("resources.calendarEntries.client")}</span>
          <RefPicker
            resource="calendar.entries"
            source={{ field: "client" }}
            value={client}
            onChange={setClient}
            emptyLabel={tr("detail.none")}
            searchLabel={tr("detail.searchIn", { field: tr("resources.calendarEntries.client") })}
            selectProps={{ "aria-describedby": "planner-client" }}
          />
        </div>
        <label className="flex flex-col text-sm">
          {tr("resources.calendarEntries.summary")}
          <input className={inputClass} value={summary} maxLength={200} onChange={(e) => setSummary(e.target.value)} />
        </label>
        {create.error && (
          <p role="alert" className={alertClass}>
            {errorMessage(create.error)}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" className={toolButton} onClick={onClose}>
            {tr("detail.cancel")}
          </button>
          <button type="submit" className={primaryButton} disabled={create.isPending}>
            {t("create")}
          </button>
        </div>
      </form>
    </Modal>
  );
}
