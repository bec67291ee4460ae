/** The optional field sets of the client file (domain-people §3.1); no imports, so the settings page can use it too. */
export const CLIENT_FIELD_SETS = ["eupen", "chatelet"] as const;
export type ClientFieldSet = (typeof CLIENT_FIELD_SETS)[number];
