CREATE TABLE "tenant_template"."sms_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer,
	"client_id" integer,
	"owner_type" text,
	"owner_id" integer,
	"to" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"provider_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."sms_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"base_url" text DEFAULT 'https://api.twilio.com' NOT NULL,
	"account_sid" text DEFAULT '' NOT NULL,
	"token_enc" text,
	"sender_id" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "sms_settings_single_row" CHECK ("tenant_template"."sms_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."sms_messages" ADD CONSTRAINT "sms_messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."sms_messages" ADD CONSTRAINT "sms_messages_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sms_messages_user_idx" ON "tenant_template"."sms_messages" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "sms_messages_client_idx" ON "tenant_template"."sms_messages" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "sms_messages_state_idx" ON "tenant_template"."sms_messages" USING btree ("state");