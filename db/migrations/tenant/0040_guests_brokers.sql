CREATE TABLE "tenant_template"."brokers" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
-- hand-written
-- Lino's demo services: the general social service's and the integration service's coaches are invited
-- as colleagues to the evaluation meetings of their clients' contracts (domain-people §8, §10.3).
UPDATE "tenant_template"."coaching_types" SET "eval_guest_role_id" = (SELECT "id" FROM "tenant_template"."guest_roles" WHERE "ref" = 'colleague') WHERE ("does_gss" OR "does_integration") AND "eval_guest_role_id" IS NULL;
