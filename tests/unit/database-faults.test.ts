import { describe, expect, it } from "vitest";
import { appErrorOfDatabase, databaseUnavailable } from "@/server/db/errors";

// What the app tells a user when the database is out of reach or busy: "temporarily unavailable,
// nothing was saved" (503), never "wrong password" or an internal error.
describe("database faults", () => {
  const pgError = (code: string, message = "") => Object.assign(new Error(message), { code });
  const wrapped = (cause: unknown) => Object.assign(new Error("Failed query: select 1"), { cause });

  it("reads a server going down, a broken connection, no connection slot and a timeout as unavailable", () => {
    for (const code of ["57P01", "57P03", "08006", "08001", "53300", "57014", "55P03"])
      expect(databaseUnavailable(wrapped(pgError(code))), code).toBe(true);
    for (const code of ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT"])
      expect(databaseUnavailable(pgError(code)), code).toBe(true);
    expect(databaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(databaseUnavailable(wrapped(new Error("Connection terminated unexpectedly")))).toBe(true);
    // Refused on every address of "localhost" (::1 and 127.0.0.1).
    expect(
      databaseUnavailable(new AggregateError([pgError("ECONNREFUSED"), pgError("ECONNREFUSED")], "connect failed")),
    ).toBe(true);
    expect(appErrorOfDatabase(wrapped(pgError("57P01")))?.code).toBe("DATABASE_UNAVAILABLE");
  });

  it("leaves what the user's input caused, and our own mistakes, as they are", () => {
    expect(databaseUnavailable(wrapped(pgError("23505")))).toBe(false);
    expect(appErrorOfDatabase(wrapped(pgError("23505")))?.code).toBe("DUPLICATE");
    expect(databaseUnavailable(wrapped(pgError("42P01", 'relation "x" does not exist')))).toBe(false);
    expect(databaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
  });
});
