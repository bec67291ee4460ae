"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

interface Line {
  label: string;
  state: "waiting" | "busy";
  agent: string;
  position: number | null;
}

/** The board's lines as the server pushes them; the browser reconnects by itself and then catches up. */
export function Board({ token }: { token: string }) {
  const t = useTranslations("reception.board");
  const [board, setBoard] = useState<{ name: string; lines: Line[] } | null>(null);
  const [status, setStatus] = useState<"connecting" | "live" | "refused">("connecting");
  useEffect(() => {
    const source = new EventSource(`/api/reception/board?token=${encodeURIComponent(token)}`);
    source.addEventListener("board", (event) => {
      setBoard(JSON.parse((event as MessageEvent<string>).data));
      setStatus("live");
    });
    // Before anything arrived, an error is a refused token (404); after, a cut the browser retries.
    source.onerror = () => setStatus((s) => (s === "live" ? "connecting" : "refused"));
    return () => source.close();
  }, [token]);

  if (status === "refused" && !board)
    return (
      <main className="p-10 text-2xl" data-testid="board-refused">
        {t("refused")}
      </main>
    );
  const waiting = board?.lines.filter((l) => l.state === "waiting") ?? [];
  const busy = board?.lines.filter((l) => l.state === "busy") ?? [];
  return (
    <main className="min-h-screen bg-slate-900 p-8 text-white" data-testid="board">
      <h1 className="mb-6 text-4xl font-semibold">{board?.name ?? t("title")}</h1>
      <div className="grid gap-8 md:grid-cols-2">
        <section>
          <h2 className="mb-3 text-2xl text-amber-300">{t("waiting")}</h2>
          <ul className="space-y-2 text-3xl" data-testid="board-waiting">
            {waiting.map((l) => (
              <li key={`w${l.label}${l.agent}`}>
                <span className="font-bold">{l.label}</span>
                <span className="text-slate-300">
                  {" "}
                  · {l.agent}
                  {l.position !== null && ` · ${t("position", { position: l.position })}`}
                </span>
              </li>
            ))}
            {waiting.length === 0 && <li className="text-slate-400">{t("nobody")}</li>}
          </ul>
        </section>
        <section>
          <h2 className="mb-3 text-2xl text-emerald-300">{t("busy")}</h2>
          <ul className="space-y-2 text-3xl" data-testid="board-busy">
            {busy.map((l) => (
              <li key={`b${l.label}${l.agent}`}>
                <span className="font-bold">{l.label}</span>
                <span className="text-slate-300"> → {l.agent}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
      {status === "connecting" && board && <p className="mt-6 text-amber-300">{t("reconnecting")}</p>}
    </main>
  );
}
