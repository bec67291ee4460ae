CREATE TABLE "tenant_template"."brokers" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."coaching_types" ADD COLUMN "eval_guest_role_id" integer;--> statement-breakpoint
ALTER TABLE "tenant_template"."partners" ADD COLUMN "broker_id" integer;--> statement-breakpoint
ALTER TABLE "tenant_template"."users" ADD COLUMN "partner_id" integer;--> statement-breakpoint
ALTER TABLE "tenant_template"."coaching_types" ADD CONSTRAINT "coaching_types_eval_guest_role_id_guest_roles_id_fk" FOREIGN KEY ("eval_guest_role_id") REFERENCES "tenant_template"."guest_roles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."partners" ADD CONSTRAINT "partners_broker_id_brokers_id_fk" FOREIGN KEY ("broker_id") REFERENCES "tenant_template"."brokers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."users" ADD CONSTRAINT "users_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "tenant_template"."partners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partners_broker_idx" ON "tenant_template"."partners" USING btree ("broker_id") WHERE "tenant_template"."partners"."broker_id" is not null;--> statement-breakpoint
-- hand-written
-- Lino's demo services: the general social service's and the integration service's coaches are invited
-- as colleagues to the evaluation meetings of their clients' contracts (domain-people §8, §10.3).
UPDATE "tenant_template"."coaching_types" SET "eval_guest_role_id" = (SELECT "id" FROM "tenant_template"."guest_roles" WHERE "ref" = 'colleague') WHERE ("does_gss" OR "does_integration") AND "eval_guest_role_id" IS NULL;
