CREATE TABLE "tenant_template"."upload_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"upload_area" text DEFAULT '90' NOT NULL,
	"max_number" integer DEFAULT -1 NOT NULL,
	"wanted" boolean DEFAULT false NOT NULL,
	"shortcut" text,
	"warn_expiry_unit" text,
	"warn_expiry_value" integer DEFAULT 2 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "upload_types_max_number" CHECK ("tenant_template"."upload_types"."max_number" >= -1),
	CONSTRAINT "upload_types_warn_value" CHECK ("tenant_template"."upload_types"."warn_expiry_value" between 0 and 1000)
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."uploads" (
	"id" serial PRIMARY KEY NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"file_size" bigint NOT NULL,
	"type_id" integer NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"user_id" integer NOT NULL,
	"client_id" integer NOT NULL,
	"owner_type" text,
	"owner_id" integer,
	"start_date" date,
	"end_date" date,
	"needed" boolean DEFAULT true NOT NULL,
	"company_id" integer,
	"contact_person_id" integer,
	"remark" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "uploads_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "uploads_dates" CHECK ("tenant_template"."uploads"."end_date" is null or "tenant_template"."uploads"."start_date" is null or "tenant_template"."uploads"."end_date" >= "tenant_template"."uploads"."start_date"),
	CONSTRAINT "uploads_file_size" CHECK ("tenant_template"."uploads"."file_size" >= 0)
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."site_settings" ADD COLUMN "upload_max_megabytes" integer DEFAULT 50 NOT NULL;--> statement-breakpoint
ALTER TABLE "tenant_template"."uploads" ADD CONSTRAINT "uploads_type_id_upload_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "tenant_template"."upload_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."uploads" ADD CONSTRAINT "uploads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."uploads" ADD CONSTRAINT "uploads_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."uploads" ADD CONSTRAINT "uploads_company_id_partners_id_fk" FOREIGN KEY ("company_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."uploads" ADD CONSTRAINT "uploads_contact_person_id_partners_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "uploads_client_idx" ON "tenant_template"."uploads" USING btree ("client_id","type_id");--> statement-breakpoint
CREATE INDEX "uploads_user_idx" ON "tenant_template"."uploads" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "uploads_owner_idx" ON "tenant_template"."uploads" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "uploads_end_date_idx" ON "tenant_template"."uploads" USING btree ("end_date") WHERE "tenant_template"."uploads"."needed";