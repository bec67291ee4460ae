ALTER TABLE "tenant_template"."excerpts" ADD COLUMN "pdf_state" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "tenant_template"."excerpts" ADD COLUMN "pdf_storage_key" text;--> statement-breakpoint
ALTER TABLE "tenant_template"."excerpts" ADD COLUMN "pdf_file_size" bigint;--> statement-breakpoint
ALTER TABLE "tenant_template"."excerpts" ADD COLUMN "cleared_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "excerpts_owner_idx" ON "tenant_template"."excerpts" USING btree ("owner_type","owner_id","type_id");--> statement-breakpoint
ALTER TABLE "tenant_template"."excerpts" ADD CONSTRAINT "excerpts_pdf_storage_key_unique" UNIQUE("pdf_storage_key");--> statement-breakpoint
ALTER TABLE "tenant_template"."excerpts" ADD CONSTRAINT "excerpts_pdf_state" CHECK ("tenant_template"."excerpts"."pdf_state" in ('none', 'pending', 'ready', 'failed'));