import { describe, expect, it } from "vitest";
import { mailsFor } from "@/server/notify/mail";

// Mail modes (domain-people §16): "often" mails each message, a digest groups a user's unsent
// messages into one mail "N notifications"; written in the user's language, times in Brussels time.
const at = (iso: string, id: number, subject: string, body = "") => ({
  id,
  userId: 7,
  subject,
  body,
  createdAt: new Date(iso),
});

describe("notification mails by mail mode", () => {
  const messages = [
    at("2026-03-29T00:30:00Z", 1, "Rolf Rompen hat EVERS Eberhart (127) geändert", "Geänderte Felder: Handy"),
    at("2026-03-29T09:15:00Z", 2, "Die Datenbank wurde initialisiert."),
  ];

  it("'often' sends each message on its own, its subject as the mail's", () => {
    const mails = mailsFor("often", messages, "de");
    expect(mails.map((m) => [m.ids, m.subject])).toEqual([
      [[1], "Rolf Rompen hat EVERS Eberhart (127) geändert"],
      [[2], "Die Datenbank wurde initialisiert."],
    ]);
    expect(mails[0]!.body.startsWith("Geänderte Felder: Handy")).toBe(true);
  });

  it("a digest is one mail listing every message with its Brussels time, counted in the reader's language", () => {
    const [digest, ...more] = mailsFor("daily", messages, "de");
    expect(more).toEqual([]);
    expect(digest!.ids).toEqual([1, 2]);
    expect(digest!.subject).toBe("2 Benachrichtigungen");
    // 00:30 UTC on the night summer time begins is 01:30 in Brussels (still winter time), 09:15 UTC is 11:15.
    expect(digest!.body).toContain(
      "29.03.2026, 01:30 — Rolf Rompen hat EVERS Eberhart (127) geändert\nGeänderte Felder: Handy",
    );
    expect(digest!.body).toContain("29.03.2026, 11:15 — Die Datenbank wurde initialisiert.");
    expect(mailsFor("weekly", messages.slice(0, 1), "fr")[0]!.subject).toBe("1 notification");
  });

  it("nothing unsent, nothing sent", () => {
    expect(mailsFor("daily", [], "fr")).toEqual([]);
    expect(mailsFor("often", [], "fr")).toEqual([]);
  });
});
