CREATE TABLE "tenant_template"."calendar_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"type_id" integer,
	"summary" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"client_id" integer,
	"start_date" date NOT NULL,
	"start_time" time,
	"end_date" date,
	"end_time" time,
	"user_id" integer,
	"assigned_to_id" integer,
	"room_id" integer,
	"transparent" boolean DEFAULT false NOT NULL,
	"owner_type" text,
	"owner_id" integer,
	"auto_type" integer,
	"state" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"modified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "calendar_entries_end" CHECK ("tenant_template"."calendar_entries"."end_date" is null or "tenant_template"."calendar_entries"."end_date" >= "tenant_template"."calendar_entries"."start_date")
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."calendar_guests" (
	"id" serial PRIMARY KEY NOT NULL,
	"entry_id" integer NOT NULL,
	"partner_id" integer NOT NULL,
	"role_id" integer,
	"state" text DEFAULT 'invited' NOT NULL,
	"remark" text DEFAULT '' NOT NULL,
	"waiting_since" timestamp with time zone,
	"busy_since" timestamp with time zone,
	"gone_since" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."calendar_subscriptions" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"calendar_id" integer NOT NULL,
	"hidden" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."calendars" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"color" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."entry_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"event_label" jsonb,
	"ref" text,
	"seqno" integer DEFAULT 0 NOT NULL,
	"is_appointment" boolean DEFAULT true NOT NULL,
	"all_rooms" boolean DEFAULT false NOT NULL,
	"locks_user" boolean DEFAULT false NOT NULL,
	"force_guest_states" boolean DEFAULT false NOT NULL,
	"fill_presences" boolean DEFAULT false NOT NULL,
	"max_conflicting" integer DEFAULT 1 NOT NULL,
	"max_days" integer DEFAULT 1 NOT NULL,
	"transparent" boolean DEFAULT false NOT NULL,
	"planner_column" text,
	"default_duration" integer,
	"invite_client" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "entry_types_max_conflicting" CHECK ("tenant_template"."entry_types"."max_conflicting" >= 1),
	CONSTRAINT "entry_types_max_days" CHECK ("tenant_template"."entry_types"."max_days" >= 0),
	CONSTRAINT "entry_types_default_duration" CHECK ("tenant_template"."entry_types"."default_duration" > 0)
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."guest_roles" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"ref" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."rooms" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"company_id" integer,
	"color" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."calendar_entries" ADD CONSTRAINT "calendar_entries_type_id_entry_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "tenant_template"."entry_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."calendar_entries" ADD CONSTRAINT "calendar_entries_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."calendar_entries" ADD CONSTRAINT "calendar_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."calendar_entries" ADD CONSTRAINT "calendar_entries_assigned_to_id_users_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "tenant_template"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."calendar_entries" ADD CONSTRAINT "calendar_entries_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "tenant_template"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."calendar_guests" ADD CONSTRAINT "calendar_guests_entry_id_calendar_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "tenant_template"."calendar_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."calendar_guests" ADD CONSTRAINT "calendar_guests_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."calendar_guests" ADD CONSTRAINT "calendar_guests_role_id_guest_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "tenant_template"."guest_roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."calendar_subscriptions" ADD CONSTRAINT "calendar_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."calendar_subscriptions" ADD CONSTRAINT "calendar_subscriptions_calendar_id_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "tenant_template"."calendars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."rooms" ADD CONSTRAINT "rooms_company_id_partners_id_fk" FOREIGN KEY ("company_id") REFERENCES "tenant_template"."partners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_entries_user_idx" ON "tenant_template"."calendar_entries" USING btree ("user_id","start_date");--> statement-breakpoint
CREATE INDEX "calendar_entries_date_idx" ON "tenant_template"."calendar_entries" USING btree ("start_date");--> statement-breakpoint
CREATE INDEX "calendar_entries_client_idx" ON "tenant_template"."calendar_entries" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "calendar_entries_owner_idx" ON "tenant_template"."calendar_entries" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_guests_key" ON "tenant_template"."calendar_guests" USING btree ("entry_id","partner_id");--> statement-breakpoint
CREATE INDEX "calendar_guests_partner_idx" ON "tenant_template"."calendar_guests" USING btree ("partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "entry_types_ref" ON "tenant_template"."entry_types" USING btree ("ref");--> statement-breakpoint
CREATE UNIQUE INDEX "guest_roles_ref" ON "tenant_template"."guest_roles" USING btree ("ref");