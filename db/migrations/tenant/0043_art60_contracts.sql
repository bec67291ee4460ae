CREATE TABLE "tenant_template"."job_contract_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"full_names" jsonb,
	"ref" text,
	"exam_policy_id" integer,
	"overlap_group" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."job_contracts" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" integer NOT NULL,
	"user_id" integer,
	"user_asd_id" integer,
	"language" text,
	"applies_from" date NOT NULL,
	"applies_until" date,
	"date_ended" date,
	"ending_id" integer,
	"date_decided" date,
	"date_issued" date,
	"exam_policy_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"type_id" integer NOT NULL,
	"job_id" integer NOT NULL,
	"company_id" integer,
	"contact_person_id" integer,
	"regime_id" integer,
	"schedule_id" integer,
	"hourly_rate" integer,
	"refund_rate" text DEFAULT '' NOT NULL,
	"duration" integer,
	"reference_person" text DEFAULT '' NOT NULL,
	"responsibilities" text DEFAULT '' NOT NULL,
	"remark" text DEFAULT '' NOT NULL,
	CONSTRAINT "job_contracts_period" CHECK (coalesce("tenant_template"."job_contracts"."date_ended", "tenant_template"."job_contracts"."applies_until") is null or coalesce("tenant_template"."job_contracts"."date_ended", "tenant_template"."job_contracts"."applies_until") >= "tenant_template"."job_contracts"."applies_from"),
	CONSTRAINT "job_contracts_hourly_rate" CHECK ("tenant_template"."job_contracts"."hourly_rate" is null or "tenant_template"."job_contracts"."hourly_rate" >= 0),
	CONSTRAINT "job_contracts_duration" CHECK ("tenant_template"."job_contracts"."duration" is null or "tenant_template"."job_contracts"."duration" between 1 and 10000)
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."job_candidatures" ADD COLUMN "sector_id" integer;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_candidatures" ADD COLUMN "function_id" integer;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_offers" ADD COLUMN "sector_id" integer;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_offers" ADD COLUMN "function_id" integer;--> statement-breakpoint
ALTER TABLE "tenant_template"."jobs" ADD COLUMN "contract_type_id" integer;--> statement-breakpoint
ALTER TABLE "tenant_template"."jobs" ADD COLUMN "sector_id" integer;--> statement-breakpoint
ALTER TABLE "tenant_template"."jobs" ADD COLUMN "function_id" integer;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_contract_types" ADD CONSTRAINT "job_contract_types_exam_policy_id_exam_policies_id_fk" FOREIGN KEY ("exam_policy_id") REFERENCES "tenant_template"."exam_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_contracts" ADD CONSTRAINT "job_contracts_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_contracts" ADD CONSTRAINT "job_contracts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_contracts" ADD CONSTRAINT "job_contracts_user_asd_id_users_id_fk" FOREIGN KEY ("user_asd_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_contracts" ADD CONSTRAINT "job_contracts_ending_id_contract_endings_id_fk" FOREIGN KEY ("ending_id") REFERENCES "tenant_template"."contract_endings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_contracts" ADD CONSTRAINT "job_contracts_exam_policy_id_exam_policies_id_fk" FOREIGN KEY ("exam_policy_id") REFERENCES "tenant_template"."exam_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_contracts" ADD CONSTRAINT "job_contracts_type_id_job_contract_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "tenant_template"."job_contract_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_contracts" ADD CONSTRAINT "job_contracts_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "tenant_template"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_contracts" ADD CONSTRAINT "job_contracts_company_id_partners_id_fk" FOREIGN KEY ("company_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_contracts" ADD CONSTRAINT "job_contracts_contact_person_id_partners_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_contracts" ADD CONSTRAINT "job_contracts_regime_id_cv_regimes_id_fk" FOREIGN KEY ("regime_id") REFERENCES "tenant_template"."cv_regimes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_contracts" ADD CONSTRAINT "job_contracts_schedule_id_job_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "tenant_template"."job_schedules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_contracts_client_idx" ON "tenant_template"."job_contracts" USING btree ("client_id","applies_from");--> statement-breakpoint
CREATE INDEX "job_contracts_user_idx" ON "tenant_template"."job_contracts" USING btree ("user_id","applies_from");--> statement-breakpoint
CREATE INDEX "job_contracts_job_idx" ON "tenant_template"."job_contracts" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "job_contracts_company_idx" ON "tenant_template"."job_contracts" USING btree ("company_id");--> statement-breakpoint
ALTER TABLE "tenant_template"."job_candidatures" ADD CONSTRAINT "job_candidatures_sector_id_cv_sectors_id_fk" FOREIGN KEY ("sector_id") REFERENCES "tenant_template"."cv_sectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_candidatures" ADD CONSTRAINT "job_candidatures_function_id_cv_functions_id_fk" FOREIGN KEY ("function_id") REFERENCES "tenant_template"."cv_functions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_offers" ADD CONSTRAINT "job_offers_sector_id_cv_sectors_id_fk" FOREIGN KEY ("sector_id") REFERENCES "tenant_template"."cv_sectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_offers" ADD CONSTRAINT "job_offers_function_id_cv_functions_id_fk" FOREIGN KEY ("function_id") REFERENCES "tenant_template"."cv_functions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."jobs" ADD CONSTRAINT "jobs_contract_type_id_job_contract_types_id_fk" FOREIGN KEY ("contract_type_id") REFERENCES "tenant_template"."job_contract_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."jobs" ADD CONSTRAINT "jobs_sector_id_cv_sectors_id_fk" FOREIGN KEY ("sector_id") REFERENCES "tenant_template"."cv_sectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."jobs" ADD CONSTRAINT "jobs_function_id_cv_functions_id_fk" FOREIGN KEY ("function_id") REFERENCES "tenant_template"."cv_functions"("id") ON DELETE no action ON UPDATE no action;