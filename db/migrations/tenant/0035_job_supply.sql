CREATE TABLE "tenant_template"."job_candidatures" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" integer NOT NULL,
	"job_id" integer,
	"date_submitted" date NOT NULL,
	"state" text DEFAULT '10' NOT NULL,
	"art60" boolean DEFAULT false NOT NULL,
	"art61" boolean DEFAULT false NOT NULL,
	"remark" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."job_offers" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"provider_id" integer,
	"selection_from" date,
	"selection_until" date,
	"start_date" date,
	"remark" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."job_providers" (
	"company_id" integer PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."job_schedules" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."job_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"seqno" integer DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"remark" text DEFAULT '' NOT NULL,
	"is_social" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."jobs" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type_id" integer,
	"provider_id" integer,
	"hourly_rate" integer,
	"capacity" integer DEFAULT 1 NOT NULL,
	"remark" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "jobs_capacity" CHECK ("tenant_template"."jobs"."capacity" >= 0),
	CONSTRAINT "jobs_hourly_rate" CHECK ("tenant_template"."jobs"."hourly_rate" is null or "tenant_template"."jobs"."hourly_rate" >= 0)
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."job_candidatures" ADD CONSTRAINT "job_candidatures_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_candidatures" ADD CONSTRAINT "job_candidatures_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "tenant_template"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_offers" ADD CONSTRAINT "job_offers_provider_id_job_providers_company_id_fk" FOREIGN KEY ("provider_id") REFERENCES "tenant_template"."job_providers"("company_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_providers" ADD CONSTRAINT "job_providers_company_id_partners_id_fk" FOREIGN KEY ("company_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."jobs" ADD CONSTRAINT "jobs_type_id_job_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "tenant_template"."job_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."jobs" ADD CONSTRAINT "jobs_provider_id_job_providers_company_id_fk" FOREIGN KEY ("provider_id") REFERENCES "tenant_template"."job_providers"("company_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_candidatures_client_idx" ON "tenant_template"."job_candidatures" USING btree ("client_id","state");--> statement-breakpoint
CREATE INDEX "job_candidatures_job_idx" ON "tenant_template"."job_candidatures" USING btree ("job_id","state");--> statement-breakpoint
CREATE INDEX "job_offers_provider_idx" ON "tenant_template"."job_offers" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "jobs_provider_idx" ON "tenant_template"."jobs" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "jobs_type_idx" ON "tenant_template"."jobs" USING btree ("type_id");