CREATE TABLE "tenant_template"."site_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"allow_local" boolean DEFAULT true NOT NULL,
	"allow_ldap" boolean DEFAULT false NOT NULL,
	"totp_required" boolean DEFAULT false NOT NULL,
	"idle_timeout_minutes" integer DEFAULT 480 NOT NULL,
	"ldap" jsonb,
	"ldap_bind_password_enc" text,
	"version" integer DEFAULT 1 NOT NULL,
	"modified_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_settings_single_row" CHECK ("tenant_template"."site_settings"."id" = 1)
);
