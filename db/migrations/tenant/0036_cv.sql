CREATE TABLE "tenant_template"."cv_durations" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."cv_education_levels" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"seq" integer DEFAULT 0 NOT NULL,
	"is_study" boolean DEFAULT true NOT NULL,
	"is_training" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."cv_experiences" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" integer NOT NULL,
	"company" text DEFAULT '' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"sector_id" integer,
	"function_id" integer,
	"country_code" text,
	"place_id" integer,
	"status_id" integer,
	"duration_id" integer,
	"regime_id" integer,
	"is_training" boolean DEFAULT false NOT NULL,
	"start_date" date,
	"end_date" date,
	"duration_text" text DEFAULT '' NOT NULL,
	"termination_reason" text DEFAULT '' NOT NULL,
	"remarks" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cv_experiences_dates" CHECK (end_date is null or start_date is null or end_date >= start_date)
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."cv_functions" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"sector_id" integer,
	"remark" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."cv_language_knowledge" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" integer NOT NULL,
	"language" text NOT NULL,
	"spoken" text,
	"written" text,
	"spoken_passively" text,
	"written_passively" text,
	"native" boolean DEFAULT false NOT NULL,
	"cef_level" text,
	"has_certificate" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."cv_obstacle_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."cv_obstacles" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" integer NOT NULL,
	"type_id" integer,
	"user_id" integer,
	"detected_date" date,
	"remark" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."cv_proofs" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."cv_regimes" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."cv_sectors" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"remark" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."cv_skills" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" integer NOT NULL,
	"sector_id" integer,
	"function_id" integer,
	"remark" text DEFAULT '' NOT NULL,
	"proof_id" integer,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."cv_soft_skill_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."cv_soft_skills" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" integer NOT NULL,
	"type_id" integer,
	"remark" text DEFAULT '' NOT NULL,
	"proof_id" integer,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."cv_statuses" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."cv_studies" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" integer NOT NULL,
	"start_date" date,
	"end_date" date,
	"duration_text" text DEFAULT '' NOT NULL,
	"type_id" integer,
	"education_level_id" integer,
	"content" text DEFAULT '' NOT NULL,
	"school" text DEFAULT '' NOT NULL,
	"country_code" text,
	"place_id" integer,
	"language" text,
	"state" text,
	"remarks" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cv_studies_dates" CHECK (end_date is null or start_date is null or end_date >= start_date)
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."cv_study_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"is_study" boolean DEFAULT true NOT NULL,
	"is_training" boolean DEFAULT false NOT NULL,
	"education_level_id" integer,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."cv_trainings" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" integer NOT NULL,
	"start_date" date,
	"end_date" date,
	"duration_text" text DEFAULT '' NOT NULL,
	"type_id" integer,
	"education_level_id" integer,
	"content" text DEFAULT '' NOT NULL,
	"school" text DEFAULT '' NOT NULL,
	"country_code" text,
	"place_id" integer,
	"language" text,
	"state" text,
	"remarks" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"sector_id" integer,
	"function_id" integer,
	"certificates" text DEFAULT '' NOT NULL,
	CONSTRAINT "cv_trainings_dates" CHECK (end_date is null or start_date is null or end_date >= start_date)
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_experiences" ADD CONSTRAINT "cv_experiences_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_experiences" ADD CONSTRAINT "cv_experiences_sector_id_cv_sectors_id_fk" FOREIGN KEY ("sector_id") REFERENCES "tenant_template"."cv_sectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_experiences" ADD CONSTRAINT "cv_experiences_function_id_cv_functions_id_fk" FOREIGN KEY ("function_id") REFERENCES "tenant_template"."cv_functions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_experiences" ADD CONSTRAINT "cv_experiences_country_code_countries_iso_code_fk" FOREIGN KEY ("country_code") REFERENCES "tenant_template"."countries"("iso_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_experiences" ADD CONSTRAINT "cv_experiences_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "tenant_template"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_experiences" ADD CONSTRAINT "cv_experiences_status_id_cv_statuses_id_fk" FOREIGN KEY ("status_id") REFERENCES "tenant_template"."cv_statuses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_experiences" ADD CONSTRAINT "cv_experiences_duration_id_cv_durations_id_fk" FOREIGN KEY ("duration_id") REFERENCES "tenant_template"."cv_durations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_experiences" ADD CONSTRAINT "cv_experiences_regime_id_cv_regimes_id_fk" FOREIGN KEY ("regime_id") REFERENCES "tenant_template"."cv_regimes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_functions" ADD CONSTRAINT "cv_functions_sector_id_cv_sectors_id_fk" FOREIGN KEY ("sector_id") REFERENCES "tenant_template"."cv_sectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_language_knowledge" ADD CONSTRAINT "cv_language_knowledge_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_obstacles" ADD CONSTRAINT "cv_obstacles_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_obstacles" ADD CONSTRAINT "cv_obstacles_type_id_cv_obstacle_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "tenant_template"."cv_obstacle_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_obstacles" ADD CONSTRAINT "cv_obstacles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "tenant_template"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_skills" ADD CONSTRAINT "cv_skills_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_skills" ADD CONSTRAINT "cv_skills_sector_id_cv_sectors_id_fk" FOREIGN KEY ("sector_id") REFERENCES "tenant_template"."cv_sectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_skills" ADD CONSTRAINT "cv_skills_function_id_cv_functions_id_fk" FOREIGN KEY ("function_id") REFERENCES "tenant_template"."cv_functions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_skills" ADD CONSTRAINT "cv_skills_proof_id_cv_proofs_id_fk" FOREIGN KEY ("proof_id") REFERENCES "tenant_template"."cv_proofs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_soft_skills" ADD CONSTRAINT "cv_soft_skills_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_soft_skills" ADD CONSTRAINT "cv_soft_skills_type_id_cv_soft_skill_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "tenant_template"."cv_soft_skill_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_soft_skills" ADD CONSTRAINT "cv_soft_skills_proof_id_cv_proofs_id_fk" FOREIGN KEY ("proof_id") REFERENCES "tenant_template"."cv_proofs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_studies" ADD CONSTRAINT "cv_studies_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_studies" ADD CONSTRAINT "cv_studies_type_id_cv_study_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "tenant_template"."cv_study_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_studies" ADD CONSTRAINT "cv_studies_education_level_id_cv_education_levels_id_fk" FOREIGN KEY ("education_level_id") REFERENCES "tenant_template"."cv_education_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_studies" ADD CONSTRAINT "cv_studies_country_code_countries_iso_code_fk" FOREIGN KEY ("country_code") REFERENCES "tenant_template"."countries"("iso_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_studies" ADD CONSTRAINT "cv_studies_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "tenant_template"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_study_types" ADD CONSTRAINT "cv_study_types_education_level_id_cv_education_levels_id_fk" FOREIGN KEY ("education_level_id") REFERENCES "tenant_template"."cv_education_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_trainings" ADD CONSTRAINT "cv_trainings_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_trainings" ADD CONSTRAINT "cv_trainings_type_id_cv_study_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "tenant_template"."cv_study_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_trainings" ADD CONSTRAINT "cv_trainings_education_level_id_cv_education_levels_id_fk" FOREIGN KEY ("education_level_id") REFERENCES "tenant_template"."cv_education_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_trainings" ADD CONSTRAINT "cv_trainings_country_code_countries_iso_code_fk" FOREIGN KEY ("country_code") REFERENCES "tenant_template"."countries"("iso_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_trainings" ADD CONSTRAINT "cv_trainings_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "tenant_template"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_trainings" ADD CONSTRAINT "cv_trainings_sector_id_cv_sectors_id_fk" FOREIGN KEY ("sector_id") REFERENCES "tenant_template"."cv_sectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_trainings" ADD CONSTRAINT "cv_trainings_function_id_cv_functions_id_fk" FOREIGN KEY ("function_id") REFERENCES "tenant_template"."cv_functions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cv_experiences_client_idx" ON "tenant_template"."cv_experiences" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "cv_experiences_sector_idx" ON "tenant_template"."cv_experiences" USING btree ("sector_id");--> statement-breakpoint
CREATE INDEX "cv_experiences_function_idx" ON "tenant_template"."cv_experiences" USING btree ("function_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cv_language_knowledge_client_language" ON "tenant_template"."cv_language_knowledge" USING btree ("client_id","language");--> statement-breakpoint
CREATE INDEX "cv_language_knowledge_language_idx" ON "tenant_template"."cv_language_knowledge" USING btree ("language","client_id");--> statement-breakpoint
CREATE INDEX "cv_obstacles_client_idx" ON "tenant_template"."cv_obstacles" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "cv_obstacles_type_idx" ON "tenant_template"."cv_obstacles" USING btree ("type_id");--> statement-breakpoint
CREATE INDEX "cv_skills_client_idx" ON "tenant_template"."cv_skills" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "cv_soft_skills_client_idx" ON "tenant_template"."cv_soft_skills" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "cv_studies_client_idx" ON "tenant_template"."cv_studies" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "cv_trainings_client_idx" ON "tenant_template"."cv_trainings" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "cv_trainings_sector_idx" ON "tenant_template"."cv_trainings" USING btree ("sector_id");--> statement-breakpoint
CREATE INDEX "cv_trainings_function_idx" ON "tenant_template"."cv_trainings" USING btree ("function_id");