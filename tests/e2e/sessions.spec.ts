import { expect, test, type APIRequestContext, type BrowserContext } from "@playwright/test";
import { CHATELET, CONSOLE, DIRECT, direct, EUPEN, urlOf } from "./hosts";
import { msg, signIn, signInAt } from "./support";

// What a captured cookie is worth once its owner signed out, where sign-in and sign-out send the
// browser, and whether a sibling host can post forms into a centre.
test.use({ locale: "en-GB" });

const SESSION_COOKIE = "authjs.session-token";
const cookieOf = async (context: BrowserContext, base: string, name: string) =>
  (await context.cookies(base)).find((c) => c.name === name)?.value;

/** Who a request with this cookie header is on a centre: the user name, or null when anonymous. */
async function meOn(request: APIRequestContext, label: string, cookie: string) {
  const res = await request.get(`${DIRECT}/api/trpc/users.me`, direct(label, { cookie }));
  if (res.status() === 401) return null;
  expect(res.status()).toBe(200);
  return ((await res.json()) as { result: { data: { json: { username: string } } } }).result.data.json.username;
}

test("signing out of a centre ends the session on the server: a cookie captured before is worthless", async ({
  page,
  context,
  request,
}) => {
  await signInAt(page, EUPEN, "de", "wilfried");
  const captured = await cookieOf(context, EUPEN, SESSION_COOKIE);
  expect(captured).toBeTruthy();
  expect(await meOn(request, "eupen", `${SESSION_COOKIE}=${captured}`)).toBe("wilfried");
  await page.getByRole("button", { name: msg("de", "auth.signOut"), exact: true }).click();
  await expect(page).toHaveURL(`${EUPEN}/login`);
  expect(await meOn(request, "eupen", `${SESSION_COOKIE}=${captured}`)).toBeNull();
  // Signing in again gives a new session that works.
  await signInAt(page, EUPEN, "de", "wilfried");
  expect(await meOn(request, "eupen", `${SESSION_COOKIE}=${await cookieOf(context, EUPEN, SESSION_COOKIE)}`)).toBe(
    "wilfried",
  );
});

test("signing out of the console ends the operator session on the server", async ({ page, context, request }) => {
  await signIn(page);
  await expect(page).toHaveURL(`${CONSOLE}/`);
  const captured = await cookieOf(context, CONSOLE, "entraide_operator");
  expect(captured).toBeTruthy();
  const tenants = () =>
    request.get(
      `${DIRECT}/api/trpc/operator.tenants.list`,
      direct("console", { cookie: `entraide_operator=${captured}` }),
    );
  expect((await tenants()).status()).toBe(200);
  await page.getByRole("button", { name: msg("en", "operator.signOut") }).click();
  await expect(page).toHaveURL(`${CONSOLE}/login`);
  expect((await tenants()).status()).toBe(401);
});

test("Auth.js's own endpoints redirect to the centre's address, and show nothing for another centre's cookie", async ({
  page,
  context,
  request,
}) => {
  await signInAt(page, EUPEN, "de", "melanie");
  const cookie = `${SESSION_COOKIE}=${await cookieOf(context, EUPEN, SESSION_COOKIE)}`;
  // On its own centre the session endpoint knows the session; on another centre it shows nothing.
  const own = await request.get(`${DIRECT}/api/auth/session`, direct("eupen", { cookie }));
  expect(await own.json()).not.toBeNull();
  const foreign = await request.get(`${DIRECT}/api/auth/session`, direct("chatelet", { cookie }));
  expect(await foreign.json()).toBeNull();
  // Auth.js's sign-out endpoint (with its CSRF token) sends the browser back to the centre it is on.
  const csrfRes = await request.get(`${DIRECT}/api/auth/csrf`, direct("eupen", { cookie }));
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = csrfRes.headers()["set-cookie"]!.split(";")[0]!;
  const out = await request.post(`${DIRECT}/api/auth/signout`, {
    ...direct("eupen", { cookie: `${cookie}; ${csrfCookie}`, origin: EUPEN }),
    form: { csrfToken, callbackUrl: "/login" },
    maxRedirects: 0,
  });
  expect(out.status()).toBe(302);
  expect(new URL(out.headers().location!, EUPEN).origin).toBe(EUPEN);
  expect(await meOn(request, "eupen", cookie)).toBeNull();
  // Its sign-in endpoint too: a refused sign-in goes back to the centre's own sign-in page.
  const refused = await request.post(`${DIRECT}/api/auth/callback/credentials`, {
    ...direct("eupen", { cookie: csrfCookie, origin: EUPEN }),
    form: { csrfToken, username: "melanie", password: "not the password", callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(refused.status()).toBe(302);
  expect(new URL(refused.headers().location!, EUPEN).origin).toBe(EUPEN);
  // A page of Châtelet opened in the same browser stays on Châtelet.
  await page.goto(`${CHATELET}/login`);
  await expect(page).toHaveURL(`${CHATELET}/login`);
});

test("forms posted from a sibling host are refused; the eID helper's token address still takes posts from elsewhere", async ({
  page,
  context,
  request,
}) => {
  await signInAt(page, EUPEN, "de", "romain");
  const cookie = `${SESSION_COOKIE}=${await cookieOf(context, EUPEN, SESSION_COOKIE)}`;
  // What a page on evil.<base> makes the browser send: the victim's cookies (same site), its own Origin.
  const evil = urlOf("evil");
  const locale = await request.post(`${DIRECT}/api/locale`, {
    ...direct("eupen", { cookie, origin: evil }),
    form: { locale: "nl", back: "/" },
    maxRedirects: 0,
  });
  expect(locale.status()).toBe(403);
  expect(locale.headers()["set-cookie"] ?? "").not.toContain("entraide_locale");
  const actAs = await request.post(`${DIRECT}/api/act-as`, {
    ...direct("eupen", { cookie, origin: evil }),
    form: { userId: "1" },
    maxRedirects: 0,
  });
  expect(actAs.status()).toBe(403);
  expect(actAs.headers()["set-cookie"] ?? "").not.toContain("entraide_act_as");
  // A browser that sends no Origin but says the request is from another site is refused too.
  const fetchSite = await request.post(`${DIRECT}/api/locale`, {
    ...direct("eupen", { cookie, "sec-fetch-site": "same-site" }),
    form: { locale: "nl" },
    maxRedirects: 0,
  });
  expect(fetchSite.status()).toBe(403);
  // The same form from the centre's own pages works.
  const own = await request.post(`${DIRECT}/api/locale`, {
    ...direct("eupen", { cookie, origin: EUPEN }),
    form: { locale: "de", back: "/" },
    maxRedirects: 0,
  });
  expect(own.status()).toBe(303);
  // The eID reader helper's address is token-authenticated and takes posts from any origin: an unknown token is a 404, not a refusal.
  const helper = await request.post(`${DIRECT}/api/eid/card/00000000-0000-0000-0000-000000000000`, {
    ...direct("eupen", { origin: "null", "content-type": "application/json" }),
    data: "{}",
  });
  expect(helper.status()).not.toBe(403);
});
