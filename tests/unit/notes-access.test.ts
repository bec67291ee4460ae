import { describe, expect, it } from "vitest";
import { hasRole, USER_TYPES } from "@/server/auth/user-types";

describe("who reads notes", () => {
  it("reads Lino's 'ContactsUser and (OfficeUser or OfficeOperator)' as ContactsUser, since every contacts user holds one of the other two", () => {
    for (const type of USER_TYPES) {
      const lino = hasRole(type, "ContactsUser") && (hasRole(type, "OfficeUser") || hasRole(type, "OfficeOperator"));
      expect(hasRole(type, "ContactsUser"), type).toBe(lino);
    }
  });
});
