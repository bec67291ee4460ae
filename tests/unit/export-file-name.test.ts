import { describe, expect, it } from "vitest";
import { attachmentHeader, exportFileName } from "@/server/resources/export/rows";

// An export's file is named like the list's heading; the name must be valid on every system.
const day = new Date("2026-12-06T10:00:00Z");

describe("export file names", () => {
  it("are the list's title and the day in Belgium", () => {
    expect(exportFileName("Bénéficiaires (Accompagnés)", "pdf", day)).toBe(
      "Bénéficiaires (Accompagnés) 2026-12-06.pdf",
    );
    // Late evening in UTC is already the next day in Brussels.
    expect(exportFileName("Orte", "csv", new Date("2026-12-06T23:30:00Z"))).toBe("Orte 2026-12-07.csv");
  });

  it('leave out what some file system refuses: \\ / : * ? " < > |, control characters, a trailing dot', () => {
    expect(exportFileName('Clients (Nationalité : BE/FR) * "x" <y> | z?', "csv", day)).toBe(
      "Clients (Nationalité BE FR) x y z 2026-12-06.csv",
    );
    expect(exportFileName("Liste\u0000\n\t.", "csv", day)).toBe("Liste 2026-12-06.csv");
    expect(exportFileName(":/", "xlsx", day)).toBe("export 2026-12-06.xlsx");
    expect(exportFileName("x".repeat(400), "pdf", day)).toHaveLength(150 + " 2026-12-06.pdf".length);
  });
});

describe("the download header", () => {
  it("gives the UTF-8 name in filename* and an ASCII look-alike in filename", () => {
    const header = attachmentHeader("Bénéficiaires (Accompagnés) 2026-12-06.pdf");
    expect(header).toBe(
      `attachment; filename="Beneficiaires (Accompagnes) 2026-12-06.pdf"; filename*=UTF-8''B%C3%A9n%C3%A9ficiaires%20%28Accompagn%C3%A9s%29%202026-12-06.pdf`,
    );
    expect(decodeURIComponent(/filename\*=UTF-8''(.*)$/.exec(header)![1]!)).toBe(
      "Bénéficiaires (Accompagnés) 2026-12-06.pdf",
    );
  });

  it("cannot be broken out of by a quote, a backslash or a name in another script", () => {
    expect(attachmentHeader('a"b\\c%d.csv')).toBe(
      `attachment; filename="a_b_c_d.csv"; filename*=UTF-8''a%22b%5Cc%25d.csv`,
    );
    expect(attachmentHeader("Клиенты ÖSHZ.csv")).toMatch(/^attachment; filename="_+ OSHZ\.csv"; filename\*=UTF-8''%D0/);
  });
});
