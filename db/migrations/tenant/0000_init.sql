CREATE SCHEMA "tenant_template";
--> statement-breakpoint
CREATE TABLE "tenant_template"."audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"acting_for" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."countries" (
	"iso_code" text PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."places" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"zip_code" text DEFAULT '' NOT NULL,
	"names" jsonb NOT NULL,
	"province" text DEFAULT '' NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"country_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."places" ADD CONSTRAINT "places_country_code_countries_iso_code_fk" FOREIGN KEY ("country_code") REFERENCES "tenant_template"."countries"("iso_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "tenant_template"."audit_log" USING btree ("entity","entity_id","at");--> statement-breakpoint
CREATE INDEX "places_zip_idx" ON "tenant_template"."places" USING btree ("zip_code");