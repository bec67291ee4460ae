CREATE TABLE "tenant_template"."job_failures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job_id" text NOT NULL,
	"job_name" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text NOT NULL,
	"attempts" integer NOT NULL,
	"failed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."notify_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"owner_type" text,
	"owner_id" integer,
	"message_type" text NOT NULL,
	"subject" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"mail_mode" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seen_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."users" ADD COLUMN "mail_mode" text DEFAULT 'often' NOT NULL;--> statement-breakpoint
ALTER TABLE "tenant_template"."users" ADD COLUMN "notify_myself" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tenant_template"."notify_messages" ADD CONSTRAINT "notify_messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_failures_failed_idx" ON "tenant_template"."job_failures" USING btree ("failed_at");--> statement-breakpoint
CREATE INDEX "notify_messages_user_idx" ON "tenant_template"."notify_messages" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notify_messages_unseen_owner_key" ON "tenant_template"."notify_messages" USING btree ("user_id","owner_type","owner_id") WHERE "tenant_template"."notify_messages"."seen_at" is null and "tenant_template"."notify_messages"."owner_type" is not null;--> statement-breakpoint
CREATE INDEX "notify_messages_unsent_idx" ON "tenant_template"."notify_messages" USING btree ("user_id") WHERE "tenant_template"."notify_messages"."sent_at" is null;