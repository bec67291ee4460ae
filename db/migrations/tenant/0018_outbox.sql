CREATE TABLE "tenant_template"."mail_recipients" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"mail_id" bigint NOT NULL,
	"kind" text DEFAULT 'to' NOT NULL,
	"address" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"partner_id" integer,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."mail_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"host" text DEFAULT '' NOT NULL,
	"port" integer DEFAULT 587 NOT NULL,
	"security" text DEFAULT 'starttls' NOT NULL,
	"username" text DEFAULT '' NOT NULL,
	"password_enc" text,
	"from_address" text DEFAULT '' NOT NULL,
	"from_name" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "mail_settings_single_row" CHECK ("tenant_template"."mail_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."mails" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer,
	"client_id" integer,
	"owner_type" text,
	"owner_id" integer,
	"subject" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."mail_recipients" ADD CONSTRAINT "mail_recipients_mail_id_mails_id_fk" FOREIGN KEY ("mail_id") REFERENCES "tenant_template"."mails"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."mail_recipients" ADD CONSTRAINT "mail_recipients_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "tenant_template"."partners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."mails" ADD CONSTRAINT "mails_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."mails" ADD CONSTRAINT "mails_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_recipients_mail_idx" ON "tenant_template"."mail_recipients" USING btree ("mail_id");--> statement-breakpoint
CREATE INDEX "mails_user_idx" ON "tenant_template"."mails" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "mails_client_idx" ON "tenant_template"."mails" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "mails_state_idx" ON "tenant_template"."mails" USING btree ("state");