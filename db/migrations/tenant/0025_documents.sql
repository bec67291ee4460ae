CREATE TABLE "tenant_template"."document_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "document_settings_single_row" CHECK ("tenant_template"."document_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."document_templates" (
	"id" serial PRIMARY KEY NOT NULL,
	"template" text NOT NULL,
	"language" text NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"file_size" bigint NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "document_templates_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."excerpt_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"content_type" text NOT NULL,
	"template" text NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"certifying" boolean DEFAULT false NOT NULL,
	"print_recipient" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."excerpts" (
	"id" serial PRIMARY KEY NOT NULL,
	"type_id" integer NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" integer NOT NULL,
	"client_id" integer,
	"user_id" integer NOT NULL,
	"recipient_id" integer,
	"language" text NOT NULL,
	"build_time" timestamp with time zone DEFAULT now() NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"file_size" bigint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "excerpts_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."document_templates" ADD CONSTRAINT "document_templates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."excerpts" ADD CONSTRAINT "excerpts_type_id_excerpt_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "tenant_template"."excerpt_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."excerpts" ADD CONSTRAINT "excerpts_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."excerpts" ADD CONSTRAINT "excerpts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."excerpts" ADD CONSTRAINT "excerpts_recipient_id_partners_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "tenant_template"."partners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_templates_idx" ON "tenant_template"."document_templates" USING btree ("template","language","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "excerpt_types_one_primary" ON "tenant_template"."excerpt_types" USING btree ("content_type") WHERE "tenant_template"."excerpt_types"."is_primary";--> statement-breakpoint
CREATE INDEX "excerpts_user_idx" ON "tenant_template"."excerpts" USING btree ("user_id","build_time");--> statement-breakpoint
CREATE INDEX "excerpts_client_idx" ON "tenant_template"."excerpts" USING btree ("client_id","build_time");--> statement-breakpoint
CREATE INDEX "excerpts_type_idx" ON "tenant_template"."excerpts" USING btree ("type_id");