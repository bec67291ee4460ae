import { bigserial, customType, index, integer, text, timestamp, type PgSchema } from "drizzle-orm/pg-core";
import type { contactTables } from "./contacts";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/** Who opened which client file (for the security advisor), and the photos read from eID cards. */
export function accountabilityTables(s: PgSchema, deps: Pick<ReturnType<typeof contactTables>, "partners">) {
  /** One row per opening of a client's file; written even when nothing is changed. */
  const accessLog = s.table(
    "access_log",
    {
      id: bigserial("id", { mode: "number" }).primaryKey(),
      at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
      /** The person at the keyboard, and the colleague they acted for (procuration). */
      userId: integer("user_id").notNull(),
      actingForId: integer("acting_for_id"),
      partnerId: integer("partner_id").notNull(),
      /** What was opened: "detail", "print", "export", … */
      what: text("what").notNull(),
    },
    (t) => [index("access_log_partner_idx").on(t.partnerId, t.at), index("access_log_user_idx").on(t.userId, t.at)],
  );

  const partnerPhotos = s.table("partner_photos", {
    partnerId: integer("partner_id")
      .primaryKey()
      .references(() => deps.partners.id),
    contentType: text("content_type").notNull(),
    content: bytea("content").notNull(),
    source: text("source").notNull().default("eid"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  });

  return { accessLog, partnerPhotos };
}
