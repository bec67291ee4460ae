/**
 * Fields of the kept client filled from the merged one when empty; a group is filled only as a
 * whole (an address or a card is never mixed from two people).
 */
export const FILLABLE_GROUPS = [
  ["middleName"],
  ["gender"],
  ["birthDate"],
  ["nationalId"],
  ["email"],
  ["phone"],
  ["gsm"],
  ["title"],
  ["street", "streetNo", "streetBox", "addr1", "addr2", "zipCode", "placeId", "countryCode"],
  ["nationalityCode"],
  ["birthCountryCode"],
  ["birthPlace"],
  ["nationalityText"],
  ["civilState"],
  ["residenceType"],
  ["inBelgiumSince"],
  ["residenceUntil"],
  ["unemployedSince"],
  ["seekingSince"],
  ["workPermitSuspendedUntil"],
  ["unavailableUntil", "unavailableWhy"],
  ["obstacles"],
  ["skills"],
  ["groupId"],
  ["jobOfficeContactId"],
  ["remarks"],
  ["cardNumber", "cardType", "cardValidFrom", "cardValidUntil", "cardIssuer"],
  ["nobleCondition"],
] as const;
