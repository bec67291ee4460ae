CREATE TABLE "tenant_template"."addresses" (
	"id" serial PRIMARY KEY NOT NULL,
	"partner_id" integer NOT NULL,
	"address_type" text DEFAULT '01' NOT NULL,
	"data_source" text DEFAULT 'manual' NOT NULL,
	"country_code" text,
	"place_id" integer,
	"zip_code" text DEFAULT '' NOT NULL,
	"street" text DEFAULT '' NOT NULL,
	"street_no" text DEFAULT '' NOT NULL,
	"street_box" text DEFAULT '' NOT NULL,
	"addr1" text DEFAULT '' NOT NULL,
	"addr2" text DEFAULT '' NOT NULL,
	"remark" text DEFAULT '' NOT NULL,
	"primary" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."coaching_endings" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"coaching_type_id" integer,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."coaching_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"does_integration" boolean DEFAULT false NOT NULL,
	"does_gss" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."coachings" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"coaching_type_id" integer,
	"start_date" date NOT NULL,
	"end_date" date,
	"primary" boolean DEFAULT false NOT NULL,
	"ending_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "coachings_dates" CHECK ("tenant_template"."coachings"."end_date" is null or "tenant_template"."coachings"."end_date" >= "tenant_template"."coachings"."start_date")
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."company_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"abbreviation" jsonb DEFAULT '{"fr":""}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."partners" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"prefix" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'fr' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"gsm" text DEFAULT '' NOT NULL,
	"fax" text DEFAULT '' NOT NULL,
	"country_code" text,
	"place_id" integer,
	"zip_code" text DEFAULT '' NOT NULL,
	"street" text DEFAULT '' NOT NULL,
	"street_no" text DEFAULT '' NOT NULL,
	"street_box" text DEFAULT '' NOT NULL,
	"addr1" text DEFAULT '' NOT NULL,
	"addr2" text DEFAULT '' NOT NULL,
	"remarks" text DEFAULT '' NOT NULL,
	"is_obsolete" boolean DEFAULT false NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"first_name" text DEFAULT '' NOT NULL,
	"middle_name" text DEFAULT '' NOT NULL,
	"last_name" text DEFAULT '' NOT NULL,
	"gender" text,
	"birth_date" text,
	"company_type_id" integer,
	"vat_id" text DEFAULT '' NOT NULL,
	"is_client" boolean DEFAULT false NOT NULL,
	"client_state" text,
	"national_id" text,
	"nationality_code" text,
	"birth_country_code" text,
	"birth_place" text DEFAULT '' NOT NULL,
	"nationality_text" text DEFAULT '' NOT NULL,
	"civil_state" text,
	"residence_type" text,
	"in_belgium_since" date,
	"residence_until" date,
	"declared_name" boolean DEFAULT false NOT NULL,
	"needs_residence_permit" boolean DEFAULT false NOT NULL,
	"needs_work_permit" boolean DEFAULT false NOT NULL,
	"unemployed_since" date,
	"seeking_since" date,
	"work_permit_suspended_until" date,
	"unavailable_until" date,
	"unavailable_why" text DEFAULT '' NOT NULL,
	"obstacles" text DEFAULT '' NOT NULL,
	"skills" text DEFAULT '' NOT NULL,
	"refusal_reason" text,
	"card_number" text DEFAULT '' NOT NULL,
	"card_type" text,
	"card_valid_from" date,
	"card_valid_until" date,
	"card_issuer" text DEFAULT '' NOT NULL,
	"noble_condition" text DEFAULT '' NOT NULL,
	"phonetic_words" text[] DEFAULT '{}'::text[] NOT NULL,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"modified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "partners_kind" CHECK ("tenant_template"."partners"."kind" in ('person', 'organisation', 'household')),
	CONSTRAINT "partners_client_is_person" CHECK (not "tenant_template"."partners"."is_client" or "tenant_template"."partners"."kind" = 'person')
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."addresses" ADD CONSTRAINT "addresses_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "tenant_template"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."addresses" ADD CONSTRAINT "addresses_country_code_countries_iso_code_fk" FOREIGN KEY ("country_code") REFERENCES "tenant_template"."countries"("iso_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."addresses" ADD CONSTRAINT "addresses_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "tenant_template"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."coaching_endings" ADD CONSTRAINT "coaching_endings_coaching_type_id_coaching_types_id_fk" FOREIGN KEY ("coaching_type_id") REFERENCES "tenant_template"."coaching_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."coachings" ADD CONSTRAINT "coachings_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."coachings" ADD CONSTRAINT "coachings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."coachings" ADD CONSTRAINT "coachings_coaching_type_id_coaching_types_id_fk" FOREIGN KEY ("coaching_type_id") REFERENCES "tenant_template"."coaching_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."coachings" ADD CONSTRAINT "coachings_ending_id_coaching_endings_id_fk" FOREIGN KEY ("ending_id") REFERENCES "tenant_template"."coaching_endings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."partners" ADD CONSTRAINT "partners_country_code_countries_iso_code_fk" FOREIGN KEY ("country_code") REFERENCES "tenant_template"."countries"("iso_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."partners" ADD CONSTRAINT "partners_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "tenant_template"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."partners" ADD CONSTRAINT "partners_company_type_id_company_types_id_fk" FOREIGN KEY ("company_type_id") REFERENCES "tenant_template"."company_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."partners" ADD CONSTRAINT "partners_nationality_code_countries_iso_code_fk" FOREIGN KEY ("nationality_code") REFERENCES "tenant_template"."countries"("iso_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."partners" ADD CONSTRAINT "partners_birth_country_code_countries_iso_code_fk" FOREIGN KEY ("birth_country_code") REFERENCES "tenant_template"."countries"("iso_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "addresses_partner_idx" ON "tenant_template"."addresses" USING btree ("partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "addresses_one_primary" ON "tenant_template"."addresses" USING btree ("partner_id") WHERE "tenant_template"."addresses"."primary";--> statement-breakpoint
CREATE INDEX "coachings_client_idx" ON "tenant_template"."coachings" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "coachings_user_idx" ON "tenant_template"."coachings" USING btree ("user_id","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "coachings_one_primary" ON "tenant_template"."coachings" USING btree ("client_id") WHERE "tenant_template"."coachings"."primary";--> statement-breakpoint
CREATE UNIQUE INDEX "partners_national_id_key" ON "tenant_template"."partners" USING btree ("national_id");--> statement-breakpoint
CREATE INDEX "partners_name_idx" ON "tenant_template"."partners" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE INDEX "partners_last_name_idx" ON "tenant_template"."partners" USING btree (lower("last_name"));--> statement-breakpoint
CREATE INDEX "partners_client_state_idx" ON "tenant_template"."partners" USING btree ("client_state","id") WHERE "tenant_template"."partners"."is_client";--> statement-breakpoint
CREATE INDEX "partners_phonetic_idx" ON "tenant_template"."partners" USING gin ("phonetic_words");