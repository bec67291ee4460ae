import { describe, expect, it } from "vitest";
import { formatGsm, parseGsm } from "@/server/integrations/sms/gsm";
import { MAX_SEGMENTS, smsLength } from "@/server/integrations/sms/segments";

// Cases written from the numbering plans, not from the code's output:
// - Belgium (BIPT): mobile numbers are 04XX XX XX XX (nine digits after the trunk 0, ranges
//   460–499); geographic numbers have an area code (2 Brussels, 87 Verviers/Eupen, 71 Charleroi…)
//   and eight digits in all; 0800 is freephone, 070/078 are special-rate numbers.
//   International prefix 00, country code 32.
// - Germany (BNetzA): mobiles 015x/016x/017x; 030 is Berlin. France (ARCEP): mobiles 06/07, 01 Paris.
// - The Netherlands: mobiles 06; Luxembourg: mobiles 621, 661, 691…; the UK: mobiles 07.

describe("a GSM number written the Belgian way or with a country code", () => {
  it.each([
    ["0475 12 34 56", "+32475123456"],
    ["0475/12.34.56", "+32475123456"],
    ["0475123456", "+32475123456"],
    ["+32 475 12 34 56", "+32475123456"],
    ["0032 475 12 34 56", "+32475123456"],
    ["  0498-76-54-32 ", "+32498765432"],
    ["0460 12 34 56", "+32460123456"],
    ["+49 151 23456789", "+4915123456789"],
    ["0049 170 1234567", "+491701234567"],
    ["+33 6 12 34 56 78", "+33612345678"],
    // 07 mobile blocks were opened from 073 on.
    ["0033 7 81 23 45 67", "+33781234567"],
    ["+31 6 12345678", "+31612345678"],
    ["+352 621 123 456", "+352621123456"],
    ["+44 7911 123456", "+447911123456"],
  ])("%s is the mobile number %s", (typed, e164) => {
    expect(parseGsm(typed)).toEqual({ ok: true, e164 });
  });

  it.each([
    ["02 511 22 33", "a Brussels landline"],
    ["02/548.22.11", "a Brussels landline written with a slash and dots"],
    ["+32 87 59 35 00", "an Eupen landline"],
    ["071 23 45 67", "a Charleroi landline"],
    ["0800 12 345", "a freephone number"],
    ["070 23 45 67", "a special-rate number"],
    ["+49 30 12345678", "a Berlin landline"],
    ["+33 1 23 45 67 89", "a Paris landline"],
  ])("%s is refused as not mobile (%s)", (typed) => {
    expect(parseGsm(typed)).toEqual({ ok: false, reason: "notMobile" });
  });

  it.each([
    ["0475 12 34", "a mobile number two digits short"],
    ["0475 12 34 56 78", "a mobile number two digits too long"],
    ["02 123 45 67", "no Brussels subscriber number starts with 1"],
    ["+32 4 1234 5678", "04 followed by nine digits is too long"],
    ["Marie", "no number at all"],
    ["+999 123 456 789", "no such country code"],
  ])("%s is refused as invalid (%s)", (typed) => {
    expect(parseGsm(typed)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses an empty number as empty", () => {
    expect(parseGsm("   ")).toEqual({ ok: false, reason: "empty" });
  });

  it("shows a Belgian number the national way and a foreign one with its country code", () => {
    expect(formatGsm("+32475123456")).toBe("0475 12 34 56");
    expect(formatGsm("+33612345678")).toBe("+33 6 12 34 56 78");
    expect(formatGsm("+31612345678")).toBe("+31 6 12345678");
    expect(formatGsm("not a number")).toBe("not a number");
  });
});

// 3GPP TS 23.038 (the GSM 7-bit default alphabet and its extension table) and TS 23.040
// (concatenation): 160 septets in one SMS, 153 per part once split; UCS-2: 70, then 67.
describe("the length of an SMS text", () => {
  it("counts GSM-7 texts in 160-character parts, then 153", () => {
    expect(smsLength("Rendez-vous le 12/05 à 10h au CPAS.")).toMatchObject({ encoding: "GSM-7", segments: 1 });
    expect(smsLength("a".repeat(160))).toMatchObject({ encoding: "GSM-7", segments: 1, characters: 160 });
    expect(smsLength("a".repeat(161)).segments).toBe(2);
    expect(smsLength("a".repeat(306)).segments).toBe(2);
    expect(smsLength("a".repeat(307)).segments).toBe(3);
  });

  it("counts the extension table's characters (€, [, {) twice", () => {
    expect(smsLength("€".repeat(80))).toMatchObject({ encoding: "GSM-7", segments: 1, characters: 160 });
    expect(smsLength("€".repeat(81)).segments).toBe(2);
  });

  it("keeps the accented letters of the GSM alphabet (é, è, ä, ö, ü, Ç) in GSM-7", () => {
    expect(smsLength("Déjà vu: élève, Größe, Ärger, Öl, Ü, Ç").encoding).toBe("GSM-7");
  });

  it("sends a text with a character outside the GSM alphabet in UCS-2, 70 then 67 per part, naming it", () => {
    // ç (small c cedilla), ê and ł are not in the default alphabet; nor are emoji.
    expect(smsLength("Reçu")).toMatchObject({ encoding: "UCS-2", segments: 1, nonGsm: ["ç"] });
    expect(smsLength("ê".repeat(70)).segments).toBe(1);
    expect(smsLength("ê".repeat(71)).segments).toBe(2);
    expect(smsLength("ê".repeat(134)).segments).toBe(2);
    expect(smsLength("ê".repeat(135)).segments).toBe(3);
  });

  it("allows 6 parts: 918 GSM-7 characters, 402 UCS-2", () => {
    expect(MAX_SEGMENTS).toBe(6);
    expect(smsLength("a".repeat(918)).segments).toBe(6);
    expect(smsLength("a".repeat(919)).segments).toBe(7);
    expect(smsLength("ł".repeat(402)).segments).toBe(6);
    expect(smsLength("ł".repeat(403)).segments).toBe(7);
  });

  it("counts an empty text as no SMS", () => {
    expect(smsLength("").segments).toBe(0);
  });
});
