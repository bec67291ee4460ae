CREATE TABLE "tenant_template"."recurrent_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"type_id" integer NOT NULL,
	"start_date" date NOT NULL,
	"start_time" time,
	"end_time" time,
	"end_date" date,
	"every_unit" text DEFAULT 'yearly' NOT NULL,
	"every" integer DEFAULT 1 NOT NULL,
	"max_events" integer,
	"active" boolean DEFAULT true NOT NULL,
	"ref" text,
	"description" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "recurrent_events_every" CHECK ("tenant_template"."recurrent_events"."every" >= 1),
	CONSTRAINT "recurrent_events_max_events" CHECK ("tenant_template"."recurrent_events"."max_events" >= 1),
	CONSTRAINT "recurrent_events_end" CHECK ("tenant_template"."recurrent_events"."end_date" is null or "tenant_template"."recurrent_events"."end_date" >= "tenant_template"."recurrent_events"."start_date")
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."recurrent_events" ADD CONSTRAINT "recurrent_events_type_id_entry_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "tenant_template"."entry_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Absences block their user's planning (issue 15 §3): the seeded type becomes one that locks its user.
UPDATE "tenant_template"."entry_types" SET "locks_user" = true WHERE "ref" = 'absences';
