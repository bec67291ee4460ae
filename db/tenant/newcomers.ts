import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, serial, text, uniqueIndex, type PgSchema } from "drizzle-orm/pg-core";
import type { LocalizedText } from "@/db/control/schema";
import { type userTables } from "./users";

/** Newcomers (domain-people §9): faculties and which agent is competent for which faculty. */
export function newcomerTables(s: PgSchema, deps: { users: ReturnType<typeof userTables>["users"] }) {
  /** A faculty ("Fachbereich"): the kind of help a newcomer needs, with its typical work effort (0..10). */
  const faculties = s.table(
    "faculties",
    {
      id: serial("id").primaryKey(),
      names: jsonb("names").$type<LocalizedText>().notNull(),
      weight: integer("weight").notNull().default(10),
      version: integer("version").notNull().default(1),
    },
    (t) => [check("faculties_weight", sql`${t.weight} between 0 and 10`)],
  );

  /** An agent competent for a faculty, with their own work effort for it (the faculty's when not given). */
  const competences = s.table(
    "competences",
    {
      id: serial("id").primaryKey(),
      userId: integer("user_id")
        .notNull()
        .references(() => deps.users.id),
      facultyId: integer("faculty_id")
        .notNull()
        .references(() => faculties.id),
      weight: integer("weight").notNull(),
      seqno: integer("seqno").notNull().default(1),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      // One competence per agent and faculty: the scoring reads "U's competence weight for X's faculty".
      uniqueIndex("competences_user_faculty_key").on(t.userId, t.facultyId),
      index("competences_faculty_idx").on(t.facultyId, t.userId),
      check("competences_weight", sql`${t.weight} between 0 and 10`),
    ],
  );

  /** A broker (§9): the institution that sent a newcomer (police, another centre…). */
  const brokers = s.table("brokers", {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    version: integer("version").notNull().default(1),
  });

  return { faculties, competences, brokers };
}
