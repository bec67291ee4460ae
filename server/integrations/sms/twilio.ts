import { PermanentSmsError, type OutgoingSms, type SmsProvider } from "./provider";

/** Where and as whom a centre sends SMS: Twilio's API (or one speaking it), its account and token. */
export interface TwilioAccount {
  /** `https://api.twilio.com` for Twilio itself. */
  baseUrl: string;
  accountSid: string;
  authToken: string;
}

const TIMEOUT_MS = 15_000;

/**
 * Twilio's Programmable Messaging REST API: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`,
 * form-encoded `To`, `From`, `Body`, HTTP basic authentication with the account SID and its auth
 * token; `201 Created` with the Message resource (its `sid`, `SM…`), or an error object
 * `{ code, message, more_info, status }`. A 4xx other than 408/429 is a refusal that will be given
 * again (21211 invalid 'To' number, 20003 authentication…); a 429, a 5xx or no answer is transient.
 */
export function twilioProvider(account: TwilioAccount): SmsProvider {
  const url = `${account.baseUrl.replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(account.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString("base64")}`;
  return {
    async send(msg: OutgoingSms) {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          authorization,
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json",
        },
        body: new URLSearchParams({ To: msg.to, From: msg.from, Body: msg.body }),
        // The address is the administrator's: the request goes there and nowhere it is sent on to.
        redirect: "error",
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const answer = (await response.json().catch(() => ({}))) as { sid?: unknown; code?: unknown; message?: unknown };
      if (response.status === 201 || response.status === 200) {
        if (typeof answer.sid !== "string") throw new Error(`${response.status}: no message sid in the answer`);
        return { providerId: answer.sid };
      }
      const said = [answer.code, answer.message].filter((x) => x !== undefined).join(" ");
      const error = `${response.status}${said ? ` ${said}` : ""}`;
      const permanent = response.status >= 400 && response.status < 500 && ![408, 429].includes(response.status);
      throw permanent ? new PermanentSmsError(error) : new Error(error);
    },
  };
}
