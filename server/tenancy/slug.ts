import { AppError } from "@/server/errors";

/** Host labels that belong to the platform itself, never to a centre. */
export const RESERVED_SLUGS = new Set([
  "console",
  "www",
  "api",
  "admin",
  "app",
  "auth",
  "dav",
  "mail",
  "smtp",
  "imap",
  "ftp",
  "ns1",
  "ns2",
  "static",
  "assets",
  "cdn",
  "status",
  "help",
  "support",
  "docs",
  "operator",
  "localhost",
  "test",
]);

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Returns the normalised slug or throws a translated error saying what is wrong with it. */
export function validateSlug(raw: string): string {
  const slug = raw.trim().toLowerCase();
  if (slug.length < 2 || !DNS_LABEL.test(slug) || slug.slice(2, 4) === "--") {
    throw new AppError("SLUG_INVALID", { slug: raw });
  }
  if (RESERVED_SLUGS.has(slug)) throw new AppError("SLUG_RESERVED", { slug });
  return slug;
}
