/** One text message to hand to a provider: to a number in E.164, from the centre's sender id. */
export interface OutgoingSms {
  to: string;
  from: string;
  body: string;
}

/** A service that delivers text messages; `providerId` is its reference of the message. */
export interface SmsProvider {
  send(msg: OutgoingSms): Promise<{ providerId: string }>;
}

/**
 * A refusal the provider will give again (a bad number, refused credentials, a text too long):
 * retrying cannot help. Any other error (no answer, 429, 5xx) is worth another try.
 */
export class PermanentSmsError extends Error {}
