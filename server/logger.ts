import pino, { type Logger } from "pino";

export const rootLogger: Logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "entraide" },
  redact: ["password", "*.password", "req.headers.cookie", "req.headers.authorization"],
});

/** A child logger per request, so every line says which centre and which request it belongs to. */
export function requestLogger(fields: {
  requestId: string;
  tenantId?: string;
  host?: string;
  operatorId?: string;
  userId?: number;
}) {
  return rootLogger.child(fields);
}
