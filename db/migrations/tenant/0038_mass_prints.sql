CREATE TABLE "tenant_template"."mass_prints" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"type_id" integer NOT NULL,
	"resource" text NOT NULL,
	"row_ids" jsonb NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer NOT NULL,
	"format" text NOT NULL,
	"storage_key" text,
	"file_size" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "mass_prints_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "mass_prints_state" CHECK ("tenant_template"."mass_prints"."state" in ('pending', 'running', 'ready', 'failed')),
	CONSTRAINT "mass_prints_format" CHECK ("tenant_template"."mass_prints"."format" in ('pdf', 'zip'))
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."document_templates" ADD COLUMN "current" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Hand-written: the newest upload of each template and language was the one used; it stays so.
UPDATE "tenant_template"."document_templates" SET "current" = true WHERE "id" IN (SELECT DISTINCT ON ("template", "language") "id" FROM "tenant_template"."document_templates" ORDER BY "template", "language", "created_at" DESC, "id" DESC);--> statement-breakpoint
ALTER TABLE "tenant_template"."mass_prints" ADD CONSTRAINT "mass_prints_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."mass_prints" ADD CONSTRAINT "mass_prints_type_id_excerpt_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "tenant_template"."excerpt_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mass_prints_user_idx" ON "tenant_template"."mass_prints" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "mass_prints_type_idx" ON "tenant_template"."mass_prints" USING btree ("type_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_templates_one_current" ON "tenant_template"."document_templates" USING btree ("template","language") WHERE "tenant_template"."document_templates"."current";