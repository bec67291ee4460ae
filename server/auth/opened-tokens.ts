import { LRUCache } from "lru-cache";
import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";

/** How long a session token lives at most since it was written (the session cookie's lifetime). */
const LONGEST_TOKEN_MS = 24 * 3600 * 1000;

/**
 * Session tokens already opened, by key, cookie name and token. A token is sealed and never
 * changes, so opening it again (two key derivations and a decryption, each a hop to libuv's thread
 * pool) would only repeat the same answer; what can change (signed out, epochs, the user) is
 * checked in the database on every request. Expiry is checked on every read, as decoding would.
 */
const openedTokens = new LRUCache<string, JWT>({ max: 10_000, ttl: LONGEST_TOKEN_MS });

/** Auth.js's `decode`, once per token: a token past its expiry opens nothing, cached or not. */
export async function decodeOnce(params: JWTDecodeParams): Promise<JWT | null> {
  const key = `${String(params.secret)}\0${params.salt}\0${params.token}`;
  let payload = openedTokens.get(key);
  if (!payload) {
    const opened = await decode(params);
    if (!opened) return null;
    openedTokens.set(key, (payload = opened));
  }
  return typeof payload.exp === "number" && payload.exp * 1000 > Date.now() ? payload : null;
}
