CREATE TABLE "tenant_template"."note_event_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"remark" text DEFAULT '' NOT NULL,
	"body" jsonb,
	"system" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."note_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"important" boolean DEFAULT false NOT NULL,
	"remark" text DEFAULT '' NOT NULL,
	"special_type" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."notes" (
	"id" serial PRIMARY KEY NOT NULL,
	"date" date NOT NULL,
	"time" time,
	"type_id" integer,
	"event_type_id" integer,
	"subject" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"client_id" integer,
	"owner_type" text,
	"owner_id" integer,
	"company_id" integer,
	"contact_person_id" integer,
	"user_id" integer NOT NULL,
	"language" text NOT NULL,
	"important" boolean DEFAULT false NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector(case language when 'fr' then 'french'::regconfig when 'nl' then 'dutch'::regconfig when 'de' then 'german'::regconfig else 'simple'::regconfig end, coalesce(subject, '') || ' ' || regexp_replace(regexp_replace(coalesce(body, ''), '<[^>]*>', ' ', 'g'), '&[#a-zA-Z0-9]+;', ' ', 'g'))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"modified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."notes" ADD CONSTRAINT "notes_type_id_note_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "tenant_template"."note_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."notes" ADD CONSTRAINT "notes_event_type_id_note_event_types_id_fk" FOREIGN KEY ("event_type_id") REFERENCES "tenant_template"."note_event_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."notes" ADD CONSTRAINT "notes_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."notes" ADD CONSTRAINT "notes_company_id_partners_id_fk" FOREIGN KEY ("company_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."notes" ADD CONSTRAINT "notes_contact_person_id_roles_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "tenant_template"."roles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."notes" ADD CONSTRAINT "notes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "note_event_types_one_system" ON "tenant_template"."note_event_types" USING btree ("system") WHERE "tenant_template"."note_event_types"."system";--> statement-breakpoint
CREATE INDEX "notes_client_idx" ON "tenant_template"."notes" USING btree ("client_id","date" DESC NULLS LAST,"time" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "notes_user_idx" ON "tenant_template"."notes" USING btree ("user_id","date" DESC NULLS LAST,"time" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "notes_date_idx" ON "tenant_template"."notes" USING btree ("date" DESC NULLS LAST,"time" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "notes_type_idx" ON "tenant_template"."notes" USING btree ("type_id","date");--> statement-breakpoint
CREATE INDEX "notes_event_type_idx" ON "tenant_template"."notes" USING btree ("event_type_id");--> statement-breakpoint
CREATE INDEX "notes_owner_idx" ON "tenant_template"."notes" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "notes_company_idx" ON "tenant_template"."notes" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "notes_contact_person_idx" ON "tenant_template"."notes" USING btree ("contact_person_id");--> statement-breakpoint
CREATE INDEX "notes_search_idx" ON "tenant_template"."notes" USING gin ("search");