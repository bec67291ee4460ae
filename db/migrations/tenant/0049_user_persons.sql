ALTER TABLE "tenant_template"."users" ADD COLUMN "partner_from_user" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- hand-written
-- Every user has a person record (domain-people §1.1 `partner`; server/users/person.ts): each user
-- without one gets one made from the user's names (the username when the user has none), e-mail and
-- language, marked as made for the user. Idempotent: users with a person are left alone.
WITH todo AS (
  SELECT u."id" AS user_id,
    nextval(pg_get_serial_sequence('"tenant_template"."partners"', 'id'))::integer AS partner_id,
    trim(u."first_name") AS first_name,
    CASE WHEN trim(u."first_name") = '' AND trim(u."last_name") = '' THEN u."username" ELSE trim(u."last_name") END AS last_name,
    u."email", u."language"
  FROM "tenant_template"."users" u
  WHERE u."partner_id" IS NULL
),
made AS (
  INSERT INTO "tenant_template"."partners" ("id", "kind", "name", "first_name", "last_name", "email", "language")
  SELECT partner_id, 'person', trim(last_name || ' ' || first_name), first_name, last_name, "email", "language" FROM todo
  RETURNING "id"
)
UPDATE "tenant_template"."users" u SET "partner_id" = todo.partner_id, "partner_from_user" = true
FROM todo WHERE u."id" = todo.user_id AND todo.partner_id IN (SELECT "id" FROM made);
