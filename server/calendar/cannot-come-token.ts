import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/server/env";

/**
 * The "cannot come" link of a reminder (issue 15 §6): the reminder's number and a signature over the
 * centre, the reminder, its guest and the start it announced, under the master key. Another centre's
 * host, another guest or a moved entry make another signature; short enough for an SMS.
 */
const signature = (tenantId: string, reminderId: number, guestId: number, startsAt: Date) =>
  createHmac("sha256", env().MASTER_KEY)
    .update(`${tenantId}:calendar.cannotCome:${reminderId}:${guestId}:${startsAt.toISOString()}`)
    .digest()
    .subarray(0, 16)
    .toString("base64url");

export const cannotComeToken = (tenantId: string, reminderId: number, guestId: number, startsAt: Date) =>
  `${reminderId.toString(36)}.${signature(tenantId, reminderId, guestId, startsAt)}`;

/** The reminder a token names, before its signature is checked against the row; null for no token of ours. */
export function reminderIdOf(token: string): number | null {
  const match = /^([0-9a-z]{1,10})\.[A-Za-z0-9_-]{22}$/.exec(token);
  if (!match) return null;
  const id = parseInt(match[1]!, 36);
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647 ? id : null;
}

/** Whether the token was made for this reminder of this guest and start, in this centre. */
export function tokenMatches(token: string, tenantId: string, reminderId: number, guestId: number, startsAt: Date) {
  const given = Buffer.from(token);
  const expected = Buffer.from(cannotComeToken(tenantId, reminderId, guestId, startsAt));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
