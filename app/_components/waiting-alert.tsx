"use client";
import { useTranslations } from "next-intl";
import { useEffect, useSyncExternalStore } from "react";
import { followTopic } from "./live-topic";

/** Whether this browser alerts its agent (desktop notification and a short sound): a choice per browser. */
const KEY = "entraide.waitingAlert";

const choiceListeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  choiceListeners.add(listener);
  return () => void choiceListeners.delete(listener);
};

/** A short two-tone chime, made by the browser (no sound file to serve). */
function chime() {
  const audio = new AudioContext();
  [660, 880].forEach((frequency, i) => {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.15, audio.currentTime + i * 0.18);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + i * 0.18 + 0.16);
    tone.connect(gain).connect(audio.destination);
    tone.start(audio.currentTime + i * 0.18);
    tone.stop(audio.currentTime + i * 0.18 + 0.17);
  });
  setTimeout(() => void audio.close(), 600);
}

/**
 * "Alert me": once allowed, a visitor starting to wait for this agent (a check-in or a visit made
 * for them, announced by the server) brings a desktop notification and a chime.
 */
export function WaitingAlert() {
  const t = useTranslations("reception.alert");
  // Stored in the browser: the server renders it off, the browser then shows the choice made.
  const on = useSyncExternalStore(
    subscribe,
    () => localStorage.getItem(KEY) === "on",
    () => false,
  );
  useEffect(() => {
    if (!on) return;
    return followTopic("reception", (data, initial) => {
      if (initial || !data.forMe) return;
      chime();
      if (typeof Notification !== "undefined" && Notification.permission === "granted")
        new Notification(t("title"), { body: t("body"), tag: "entraide-waiting" });
    });
  }, [on, t]);
  const toggle = async () => {
    if (!on && typeof Notification !== "undefined" && Notification.permission === "default")
      await Notification.requestPermission();
    localStorage.setItem(KEY, on ? "off" : "on");
    for (const l of choiceListeners) l();
  };
  return (
    <label className="mb-2 flex items-center gap-2 text-xs text-slate-700">
      <input type="checkbox" checked={on} onChange={() => void toggle()} data-testid="waiting-alert" />
      {t("allow")}
    </label>
  );
}
