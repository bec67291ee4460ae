ALTER TABLE "tenant_template"."note_types" ADD COLUMN "mail_template" jsonb;--> statement-breakpoint
ALTER TABLE "tenant_template"."upload_types" ADD COLUMN "mail_template" jsonb;