import { describe, expect, it } from "vitest";
import { expiryReminderStep, unitsBefore } from "@/server/calendar/rules/reminders";
import { judgeFile, sanitizeFileName } from "@/server/uploads/rules/files";

describe("an upload's expiry reminder date", () => {
  it("goes back whole units, months clamped to the month's end", () => {
    expect(unitsBefore("2026-05-31", "monthly", 2)).toBe("2026-03-31");
    expect(unitsBefore("2026-04-30", "monthly", 2)).toBe("2026-02-28");
    expect(unitsBefore("2028-04-30", "monthly", 2)).toBe("2028-02-29");
    expect(unitsBefore("2026-03-31", "monthly", 1)).toBe("2026-02-28");
    expect(unitsBefore("2028-02-29", "yearly", 1)).toBe("2027-02-28");
    expect(unitsBefore("2026-01-10", "weekly", 2)).toBe("2025-12-27");
    expect(unitsBefore("2026-03-01", "daily", 1)).toBe("2026-02-28");
  });

  const upload = { endDate: "2026-12-31", needed: true, unit: "monthly", value: 2 };
  it("creates a task on the warning date for a needed upload whose type has an expiry unit", () => {
    expect(expiryReminderStep(upload, null, "2026-06-01")).toEqual({ do: "upsert", date: "2026-10-31" });
  });
  it("reminds today of a still valid document whose warning date has passed", () => {
    expect(expiryReminderStep({ ...upload, endDate: "2027-01-17" }, null, "2026-12-06")).toEqual({
      do: "upsert",
      date: "2026-12-06",
    });
  });
  it("has no task for an expired document, one not needed, one without end or without unit", () => {
    expect(expiryReminderStep({ ...upload, endDate: "2026-11-01" }, null, "2026-12-06")).toEqual({ do: "nothing" });
    expect(expiryReminderStep({ ...upload, needed: false }, { state: "todo" }, "2026-06-01")).toEqual({
      do: "delete",
    });
    expect(expiryReminderStep({ ...upload, endDate: null }, null, "2026-06-01")).toEqual({ do: "nothing" });
    expect(expiryReminderStep({ ...upload, unit: null }, null, "2026-06-01")).toEqual({ do: "nothing" });
  });
  it("never touches a task the user changed", () => {
    expect(expiryReminderStep({ ...upload, needed: false }, { state: "done" }, "2026-06-01")).toEqual({
      do: "nothing",
    });
  });
});

describe("which files are accepted", () => {
  const pdf = { mime: "application/pdf", ext: "pdf" };
  it("accepts a document whose content, name and declared type agree", () => {
    expect(judgeFile("permis.PDF", "application/pdf", pdf)).toEqual({ ok: true, mimeType: "application/pdf" });
    expect(judgeFile("scan.jpg", "image/jpeg", { mime: "image/jpeg", ext: "jpg" })).toMatchObject({ ok: true });
    expect(judgeFile("old.doc", "", { mime: "application/x-cfb", ext: "cfb" })).toEqual({
      ok: true,
      mimeType: "application/msword",
    });
  });
  it("refuses an executable called a PDF, and any mismatch", () => {
    expect(judgeFile("permis.pdf", "application/pdf", { mime: "application/x-elf", ext: "elf" })).toEqual({
      ok: false,
      code: "UPLOAD_TYPE_MISMATCH",
      actual: "elf",
      declared: "pdf",
    });
    expect(judgeFile("scan.pdf", "application/pdf", { mime: "image/png", ext: "png" })).toMatchObject({
      code: "UPLOAD_TYPE_MISMATCH",
    });
    expect(judgeFile("scan.png", "application/pdf", { mime: "image/png", ext: "png" })).toMatchObject({
      code: "UPLOAD_TYPE_MISMATCH",
    });
    expect(judgeFile("page.html", null, undefined)).toEqual({ ok: false, code: "UPLOAD_FILE_TYPE" });
  });
  it("keeps a file's name without folders, control or special characters", () => {
    expect(sanitizeFileName("C:\\Users\\x\\Titre de séjour.pdf")).toBe("Titre de séjour.pdf");
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName('a"b<c>\u0000\u202e.pdf')).toBe("abc.pdf");
    expect(sanitizeFileName("...")).toBe("document");
    expect(sanitizeFileName(`${"x".repeat(300)}.pdf`)).toHaveLength(120);
  });
});
