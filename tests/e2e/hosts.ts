// Addresses of the demo started by playwright.config.ts (`scripts/demo.ts --prod --port <PORT> --memory`; PORT is 3100 unless E2E_PORT).
// The browser reaches `<label>.localhost` through Chromium's --host-resolver-rules; Node's resolver may
// not know `*.localhost`, so requests made from the test process go to 127.0.0.1 with a Host header.

/** E2E_PORT lets two checkouts run their browser tests side by side. */
export const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_DOMAIN = "localhost";

/** The Host header of a centre (its slug) or of the operator console ("console"). */
export const hostOf = (label: string) => `${label}.${BASE_DOMAIN}:${PORT}`;
/** The browser address of a centre or of the console. */
export const urlOf = (label: string) => `http://${hostOf(label)}`;

export const EUPEN = urlOf("eupen");
export const CHATELET = urlOf("chatelet");
export const FORMATION = urlOf("formation");
export const CONSOLE = urlOf("console");

/** Where requests from the test process (not the browser) connect; pass `direct(label).headers` along. */
export const DIRECT = `http://127.0.0.1:${PORT}`;
export const direct = (label: string, extra: Record<string, string> = {}) => ({
  headers: { host: hostOf(label), ...extra },
});

export const OPERATOR = { email: "operator@entraide.test", password: "entraide-demo" };
