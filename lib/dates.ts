/** Today's date in Belgium (`YYYY-MM-DD`): the centres' day, whatever the server's time zone. */
export const belgianToday = (now = new Date()) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(now);
