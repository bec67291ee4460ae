CREATE TABLE "tenant_template"."calendar_feeds" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."calendar_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"remind_hours" integer,
	"remind_channel" text DEFAULT 'sms' NOT NULL,
	"feed_client_names" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "calendar_settings_single_row" CHECK ("tenant_template"."calendar_settings"."id" = 1),
	CONSTRAINT "calendar_settings_remind_hours" CHECK ("tenant_template"."calendar_settings"."remind_hours" between 1 and 336)
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."client_reminders" (
	"id" serial PRIMARY KEY NOT NULL,
	"guest_id" integer NOT NULL,
	"entry_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"mail_id" bigint,
	"sms_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."entry_types" ADD COLUMN "remind_hours" integer;--> statement-breakpoint
ALTER TABLE "tenant_template"."entry_types" ADD COLUMN "remind_channel" text;--> statement-breakpoint
ALTER TABLE "tenant_template"."calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."client_reminders" ADD CONSTRAINT "client_reminders_guest_id_calendar_guests_id_fk" FOREIGN KEY ("guest_id") REFERENCES "tenant_template"."calendar_guests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."client_reminders" ADD CONSTRAINT "client_reminders_entry_id_calendar_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "tenant_template"."calendar_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."client_reminders" ADD CONSTRAINT "client_reminders_mail_id_mails_id_fk" FOREIGN KEY ("mail_id") REFERENCES "tenant_template"."mails"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."client_reminders" ADD CONSTRAINT "client_reminders_sms_id_sms_messages_id_fk" FOREIGN KEY ("sms_id") REFERENCES "tenant_template"."sms_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_user_key" ON "tenant_template"."calendar_feeds" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_key" ON "tenant_template"."calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "client_reminders_key" ON "tenant_template"."client_reminders" USING btree ("guest_id","starts_at");--> statement-breakpoint
CREATE INDEX "client_reminders_entry_idx" ON "tenant_template"."client_reminders" USING btree ("entry_id");--> statement-breakpoint
ALTER TABLE "tenant_template"."entry_types" ADD CONSTRAINT "entry_types_remind_hours" CHECK ("tenant_template"."entry_types"."remind_hours" between 0 and 336);