CREATE SCHEMA "control";
--> statement-breakpoint
CREATE TYPE "control"."migration_state" AS ENUM('running', 'ok', 'failed');--> statement-breakpoint
CREATE TYPE "control"."tenant_kind" AS ENUM('production', 'training', 'demo');--> statement-breakpoint
CREATE TYPE "control"."tenant_status" AS ENUM('provisioning', 'active', 'suspended', 'deleting');--> statement-breakpoint
CREATE TABLE "control"."clusters" (
	"id" text PRIMARY KEY NOT NULL,
	"url_env" text NOT NULL,
	"description" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "control"."audit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"tenant_id" text,
	"tenant_slug" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "control"."domains" (
	"host" text PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"is_primary" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "control"."operators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"session_epoch" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "control"."tenant_migrations" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"state" "control"."migration_state" NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "control"."tenants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"names" jsonb NOT NULL,
	"default_locale" text NOT NULL,
	"kind" "control"."tenant_kind" DEFAULT 'production' NOT NULL,
	"status" "control"."tenant_status" DEFAULT 'provisioning' NOT NULL,
	"cluster_id" text DEFAULT 'default' NOT NULL,
	"schema_name" text NOT NULL,
	"schema_version" integer DEFAULT 0 NOT NULL,
	"session_epoch" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "control"."domains" ADD CONSTRAINT "domains_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "control"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control"."tenant_migrations" ADD CONSTRAINT "tenant_migrations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "control"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control"."tenants" ADD CONSTRAINT "tenants_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "control"."clusters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_tenant_idx" ON "control"."audit" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "domains_tenant_idx" ON "control"."domains" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "operators_email_key" ON "control"."operators" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "tenants_slug_key" ON "control"."tenants" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "tenants_schema_name_key" ON "control"."tenants" USING btree ("schema_name");