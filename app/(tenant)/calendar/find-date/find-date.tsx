"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { OptionSelect } from "@/app/_components/calendar-options";
import { Link } from "@/app/_components/link";
import { RefPicker } from "@/app/_components/resource/ref-picker";
import { alertClass, inputClass, primaryButton, toolButton } from "@/app/_components/resource/styles";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { formatDate, type UiLocale } from "@/lib/format";
import { resourceHref } from "@/lib/resources";

/** "Mon" … in the reader's language, for a Brussels day "YYYY-MM-DD". */
const weekdayOf = (date: string, locale: string) =>
  new Intl.DateTimeFormat(`${locale}-BE`, { weekday: "short", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));

/**
 * Finding a date (issue 15 §5): for a client, the next free slots of one agent or of any of the
 * client's coaches; a click books the slot with the client invited.
 */
export function FindDate({ initialClient, initialUser }: { initialClient: string; initialUser: string }) {
  const t = useTranslations("planner.find");
  const tr = useTranslations();
  const locale = useLocale() as UiLocale;
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const options = useQuery(trpc.calendar.options.queryOptions());
  const types = (options.data?.types ?? []).filter((ty) => ty.bookable);
  const [client, setClient] = useState(initialClient);
  const [user, setUser] = useState(initialUser);
  const [type, setType] = useState("");
  const [room, setRoom] = useState("");
  const [duration, setDuration] = useState("");
  const [summary, setSummary] = useState("");
  const [asked, setAsked] = useState<Parameters<typeof trpc.calendar.findSlots.queryOptions>[0] | null>(null);
  const typeId = Number(type || types[0]?.id || 0);
  const coaches = useQuery(trpc.calendar.coaches.queryOptions({ client: Number(client) }, { enabled: !!client }));
  const slots = useQuery(trpc.calendar.findSlots.queryOptions(asked!, { enabled: asked !== null }));
  const book = useMutation(trpc.calendar.book.mutationOptions({ onSuccess: () => void slots.refetch() }));

  return (
    <div className="flex flex-col gap-4" data-testid="find-date">
      <form
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          book.reset();
          if (!client || !typeId) return;
          setAsked({
            client: Number(client),
            ...(user ? { user: Number(user) } : {}),
            type: typeId,
            room: room ? Number(room) : null,
            ...(duration ? { duration: Number(duration) } : {}),
            weeks: 4,
            limit: 12,
          });
        }}
      >
        <div className="flex flex-col text-sm sm:col-span-2">
          <span id="find-client">{tr("resources.calendarEntries.client")}</span>
          <RefPicker
            resource="calendar.entries"
            source={{ field: "client" }}
            value={client}
            onChange={(v) => {
              setClient(v);
              setAsked(null);
            }}
            emptyLabel={client ? null : tr("detail.none")}
            searchLabel={tr("detail.searchIn", { field: tr("resources.calendarEntries.client") })}
            selectProps={{ "aria-labelledby": "find-client", "data-field": "client" } as never}
          />
        </div>
        <OptionSelect
          label={t("agent")}
          name="agent"
          value={user}
          onChange={setUser}
          empty={t("anyCoach", { names: (coaches.data ?? []).map((c) => c.name).join(", ") || "—" })}
          options={options.data?.agents ?? []}
        />
        <OptionSelect
          label={tr("resources.calendarEntries.type")}
          value={String(typeId || "")}
          onChange={setType}
          options={types}
        />
        <OptionSelect
          label={tr("resources.calendarEntries.room")}
          value={room}
          onChange={setRoom}
          empty={tr("detail.none")}
          options={options.data?.rooms ?? []}
        />
        <label className="flex flex-col text-sm">
          {t("duration")}
          <input
            className={inputClass}
            type="number"
            min={5}
            max={600}
            step={5}
            value={duration}
            placeholder={String(types.find((ty) => ty.id === typeId)?.defaultDuration ?? 30)}
            onChange={(e) => setDuration(e.target.value)}
          />
        </label>
        <label className="flex flex-col text-sm sm:col-span-2">
          {tr("resources.calendarEntries.summary")}
          <input className={inputClass} value={summary} maxLength={200} onChange={(e) => setSummary(e.target.value)} />
        </label>
        <div className="sm:col-span-2">
          <button type="submit" className={primaryButton} disabled={!client || !typeId}>
            {t("search")}
          </button>
        </div>
      </form>
      {slots.error && (
        <p role="alert" className={alertClass}>
          {errorMessage(slots.error)}
        </p>
      )}
      {book.error && (
        <p role="alert" className={alertClass}>
          {errorMessage(book.error)}
        </p>
      )}
      {book.data && (
        <p role="status" className="rounded bg-green-50 p-3 text-sm text-green-900">
          {t("booked")}{" "}
          <Link className="underline" href={resourceHref("calendar.entries", book.data.id)}>
            {t("openEntry")}
          </Link>
        </p>
      )}
      {slots.data && (
        <section aria-labelledby="find-slots">
          <h2 id="find-slots" className="mb-2 font-semibold">
            {t("slots")}
          </h2>
          {slots.data.length === 0 ? (
            <p className="text-sm text-slate-700">{t("none")}</p>
          ) : (
            <ul className="flex flex-col gap-1">
              {slots.data.map((s) => (
                <li key={`${s.user}-${s.startsAt}`}>
                  <button
                    type="button"
                    className={toolButton}
                    disabled={book.isPending}
                    onClick={() =>
                      book.mutate({
                        client: Number(client),
                        user: s.user,
                        type: typeId,
                        room: room ? Number(room) : null,
                        date: s.date,
                        start: s.start,
                        end: s.end,
                        summary,
                      })
                    }
                  >
                    {t("slot", {
                      day: weekdayOf(s.date, locale),
                      date: formatDate(s.date, locale),
                      start: s.start,
                      end: s.end,
                      agent: s.userName,
                    })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
