/**
 * What can go wrong when a centre's users sign in through its directory. The login flow maps
 * these codes to the application's errors; `message` is for logs and never holds a password.
 *
 * - LDAP_UNAVAILABLE: no usable directory — cannot connect, timeout, TLS failure, or the
 *   centre's service account is refused (a configuration problem, not the user's fault).
 * - INVALID_CREDENTIALS: unknown user or wrong password; deliberately one code for both so a
 *   caller cannot probe which user names exist.
 * - LDAP_NO_ACCESS: the password is right but the user is in none of the mapped groups.
 * - LDAP_INVALID_USERNAME: the user name is empty, too long or contains control characters.
 */
export type LdapErrorCode = "LDAP_UNAVAILABLE" | "INVALID_CREDENTIALS" | "LDAP_NO_ACCESS" | "LDAP_INVALID_USERNAME";

export class LdapError extends Error {
  constructor(
    readonly code: LdapErrorCode,
    /** For logs only; never shown to a user. */
    detail?: string,
    options?: { cause?: unknown },
  ) {
    super(detail ? `${code}: ${detail}` : code, options);
    this.name = "LdapError";
  }
}

export function isLdapError(e: unknown): e is LdapError {
  return e instanceof LdapError;
}

/** A log-safe description of any error, with the given secrets blanked out just in case. */
export function describeError(e: unknown, secrets: readonly string[] = []): string {
  // ldapts result errors carry only the server's (often empty) diagnostic; their name says what happened.
  let text =
    e instanceof Error
      ? `${["Error", "LdapError"].includes(e.name) ? "" : `${e.name}: `}${e.message.trim()}`
      : String(e);
  for (const secret of secrets) if (secret) text = text.split(secret).join("***");
  return text;
}
