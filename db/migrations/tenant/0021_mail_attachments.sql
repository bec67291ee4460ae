CREATE TABLE "tenant_template"."mail_attachments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"mail_id" bigint NOT NULL,
	"upload_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."mail_attachments" ADD CONSTRAINT "mail_attachments_mail_id_mails_id_fk" FOREIGN KEY ("mail_id") REFERENCES "tenant_template"."mails"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."mail_attachments" ADD CONSTRAINT "mail_attachments_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "tenant_template"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_attachments_mail_idx" ON "tenant_template"."mail_attachments" USING btree ("mail_id");--> statement-breakpoint
CREATE INDEX "mail_attachments_upload_idx" ON "tenant_template"."mail_attachments" USING btree ("upload_id");