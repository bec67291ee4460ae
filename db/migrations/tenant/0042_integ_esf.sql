CREATE TABLE "tenant_template"."esf_entry_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"entry_type_id" integer NOT NULL,
	"field" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "esf_entry_types_entry_type_id_unique" UNIQUE("entry_type_id")
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."esf_summaries" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" integer NOT NULL,
	"year" integer NOT NULL,
	"education_level_id" integer,
	"children_at_charge" integer DEFAULT 0 NOT NULL,
	"certified_handicap" boolean DEFAULT false NOT NULL,
	"other_difficulty" boolean DEFAULT false NOT NULL,
	"result" text DEFAULT '' NOT NULL,
	"remark" text DEFAULT '' NOT NULL,
	"minutes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"user_modified" boolean DEFAULT false NOT NULL,
	"computed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "esf_summaries_year" CHECK ("tenant_template"."esf_summaries"."year" between 1900 and 2999),
	CONSTRAINT "esf_summaries_children" CHECK ("tenant_template"."esf_summaries"."children_at_charge" >= 0)
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."esf_entry_types" ADD CONSTRAINT "esf_entry_types_entry_type_id_entry_types_id_fk" FOREIGN KEY ("entry_type_id") REFERENCES "tenant_template"."entry_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."esf_summaries" ADD CONSTRAINT "esf_summaries_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."esf_summaries" ADD CONSTRAINT "esf_summaries_education_level_id_cv_education_levels_id_fk" FOREIGN KEY ("education_level_id") REFERENCES "tenant_template"."cv_education_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "esf_summaries_client_year_key" ON "tenant_template"."esf_summaries" USING btree ("client_id","year");--> statement-breakpoint
CREATE INDEX "esf_summaries_year_idx" ON "tenant_template"."esf_summaries" USING btree ("year","client_id");