ALTER TABLE "tenant_template"."client_reminders" DROP CONSTRAINT "client_reminders_mail_id_mails_id_fk";
--> statement-breakpoint
ALTER TABLE "tenant_template"."client_reminders" DROP CONSTRAINT "client_reminders_sms_id_sms_messages_id_fk";
--> statement-breakpoint
ALTER TABLE "tenant_template"."client_reminders" ADD CONSTRAINT "client_reminders_mail_id_mails_id_fk" FOREIGN KEY ("mail_id") REFERENCES "tenant_template"."mails"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."client_reminders" ADD CONSTRAINT "client_reminders_sms_id_sms_messages_id_fk" FOREIGN KEY ("sms_id") REFERENCES "tenant_template"."sms_messages"("id") ON DELETE set null ON UPDATE no action;