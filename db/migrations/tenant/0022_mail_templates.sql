ALTER TABLE "tenant_template"."note_types" ADD COLUMN "mail_template" jsonb;--> statement-breakpoint
ALTER TABLE "tenant_template"."upload_types" ADD COLUMN "mail_template" jsonb;--> statement-breakpoint
CREATE INDEX "mails_message_id_idx" ON "tenant_template"."mails" USING btree ("message_id");