CREATE TYPE "tenant_template"."auth_method" AS ENUM('local', 'ldap');--> statement-breakpoint
CREATE TABLE "tenant_template"."login_audit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"username" text NOT NULL,
	"user_id" integer,
	"ip" text DEFAULT '' NOT NULL,
	"method" text NOT NULL,
	"outcome" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"first_name" text DEFAULT '' NOT NULL,
	"last_name" text DEFAULT '' NOT NULL,
	"initials" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'fr' NOT NULL,
	"user_type" text,
	"start_date" date,
	"end_date" date,
	"active" boolean DEFAULT true NOT NULL,
	"remarks" text DEFAULT '' NOT NULL,
	"auth_method" "tenant_template"."auth_method" DEFAULT 'local' NOT NULL,
	"password_hash" text,
	"ldap_dn" text,
	"coaching_supervisor" boolean DEFAULT false NOT NULL,
	"newcomer_quota" integer DEFAULT 0 NOT NULL,
	"newcomer_consultations" boolean DEFAULT false NOT NULL,
	"newcomer_appointments" boolean DEFAULT false NOT NULL,
	"access_class" text DEFAULT 'public' NOT NULL,
	"totp_secret" text,
	"totp_last_step" integer,
	"recovery_code_hashes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"session_epoch" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"modified_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "login_audit_user_idx" ON "tenant_template"."login_audit" USING btree ("user_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_key" ON "tenant_template"."users" USING btree (lower("username"));