CREATE TABLE "tenant_template"."access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer NOT NULL,
	"acting_for_id" integer,
	"partner_id" integer NOT NULL,
	"what" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."partner_photos" (
	"partner_id" integer PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"content" "bytea" NOT NULL,
	"source" text DEFAULT 'eid' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."partner_photos" ADD CONSTRAINT "partner_photos_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "tenant_template"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_log_partner_idx" ON "tenant_template"."access_log" USING btree ("partner_id","at");--> statement-breakpoint
CREATE INDEX "access_log_user_idx" ON "tenant_template"."access_log" USING btree ("user_id","at");