import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

/** The country whose way of writing numbers is assumed when a number has no country code. */
const HOME: CountryCode = "BE";

/** Why a typed number cannot receive an SMS; each has a message under `outbox.sms.gsm.<reason>`. */
export type GsmRefusal = "empty" | "invalid" | "notMobile";

export type GsmCheck = { ok: true; e164: string } | { ok: false; reason: GsmRefusal };

/**
 * Reads a mobile number as people write it in Belgium (`0475 12 34 56`, `0475/12.34.56`, `+32 475…`,
 * `0032 475…`) or abroad (`+49 151 …`, `0033 6 …`), checked against each country's numbering plan
 * (Google's libphonenumber metadata, the full set, which knows which ranges are mobile). Only a
 * number that can receive an SMS passes: a mobile number, or one of a plan that does not tell
 * mobiles from landlines (the USA, Canada), where refusing would refuse every number.
 */
export function parseGsm(input: string): GsmCheck {
  const typed = input.trim();
  if (!typed) return { ok: false, reason: "empty" };
  const number = parsePhoneNumberFromString(typed, HOME);
  if (!number?.isValid()) return { ok: false, reason: "invalid" };
  const type = number.getType();
  if (type !== "MOBILE" && type !== "FIXED_LINE_OR_MOBILE") return { ok: false, reason: "notMobile" };
  return { ok: true, e164: number.number };
}

/**
 * A stored number (E.164) as a reader in Belgium writes it: a Belgian number the national way
 * (`0475 12 34 56`), any other with its country code (`+49 151 23456789`). What cannot be read is
 * shown as stored.
 */
export function formatGsm(e164: string): string {
  const number = parsePhoneNumberFromString(e164);
  if (!number) return e164;
  return number.country === HOME ? number.formatNational() : number.formatInternational();
}
