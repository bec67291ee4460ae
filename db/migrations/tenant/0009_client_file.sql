CREATE TABLE "tenant_template"."client_contact_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"can_refund" boolean DEFAULT false NOT NULL,
	"is_bailiff" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."client_contacts" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" integer NOT NULL,
	"type_id" integer,
	"company_id" integer,
	"contact_person_id" integer,
	"role_type_id" integer,
	"remark" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "client_contacts_someone" CHECK ("tenant_template"."client_contacts"."company_id" is not null or "tenant_template"."client_contacts"."contact_person_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."client_merges" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer NOT NULL,
	"acting_for_id" integer,
	"kept_id" integer NOT NULL,
	"merged_id" integer NOT NULL,
	"merged_name" text NOT NULL,
	"merged_row" jsonb NOT NULL,
	"moved" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"filled" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reason" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."convictions" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" integer NOT NULL,
	"date" date DEFAULT current_date NOT NULL,
	"prejudicial" boolean DEFAULT false NOT NULL,
	"designation" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."data_problems" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"checker" text NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" integer NOT NULL,
	"message_key" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"responsible_user_id" integer,
	"fixable" boolean DEFAULT false NOT NULL,
	"found_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."dispense_reasons" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."dispenses" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" integer NOT NULL,
	"reason_id" integer,
	"remarks" text DEFAULT '' NOT NULL,
	"start_date" date,
	"end_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "dispenses_dates" CHECK ("tenant_template"."dispenses"."end_date" is null or "tenant_template"."dispenses"."start_date" is null or "tenant_template"."dispenses"."end_date" >= "tenant_template"."dispenses"."start_date")
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."exclusion_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."exclusions" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" integer NOT NULL,
	"type_id" integer,
	"excluded_from" date,
	"excluded_until" date,
	"remark" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "exclusions_dates" CHECK ("tenant_template"."exclusions"."excluded_until" is null or "tenant_template"."exclusions"."excluded_from" is null or "tenant_template"."exclusions"."excluded_until" >= "tenant_template"."exclusions"."excluded_from")
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."person_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"ref_name" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."role_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"can_sign" boolean DEFAULT false NOT NULL,
	"use_in_contracts" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."roles" (
	"id" serial PRIMARY KEY NOT NULL,
	"company_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"type_id" integer,
	"start_date" date,
	"end_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "roles_dates" CHECK ("tenant_template"."roles"."end_date" is null or "tenant_template"."roles"."start_date" is null or "tenant_template"."roles"."end_date" >= "tenant_template"."roles"."start_date")
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"owner_type" text,
	"owner_id" integer,
	"auto_type" integer,
	"summary" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"start_date" date NOT NULL,
	"due_date" date,
	"state" text DEFAULT 'todo' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"modified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."partners" ADD COLUMN "client_contact_type_id" integer;--> statement-breakpoint
ALTER TABLE "tenant_template"."partners" ADD COLUMN "group_id" integer;--> statement-breakpoint
ALTER TABLE "tenant_template"."partners" ADD COLUMN "job_office_contact_id" integer;--> statement-breakpoint
ALTER TABLE "tenant_template"."partners" ADD COLUMN "is_seeking" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tenant_template"."client_contacts" ADD CONSTRAINT "client_contacts_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."client_contacts" ADD CONSTRAINT "client_contacts_type_id_client_contact_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "tenant_template"."client_contact_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."client_contacts" ADD CONSTRAINT "client_contacts_company_id_partners_id_fk" FOREIGN KEY ("company_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."client_contacts" ADD CONSTRAINT "client_contacts_contact_person_id_partners_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."client_contacts" ADD CONSTRAINT "client_contacts_role_type_id_role_types_id_fk" FOREIGN KEY ("role_type_id") REFERENCES "tenant_template"."role_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."client_merges" ADD CONSTRAINT "client_merges_kept_id_partners_id_fk" FOREIGN KEY ("kept_id") REFERENCES "tenant_template"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."convictions" ADD CONSTRAINT "convictions_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."data_problems" ADD CONSTRAINT "data_problems_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "tenant_template"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."dispenses" ADD CONSTRAINT "dispenses_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."dispenses" ADD CONSTRAINT "dispenses_reason_id_dispense_reasons_id_fk" FOREIGN KEY ("reason_id") REFERENCES "tenant_template"."dispense_reasons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."exclusions" ADD CONSTRAINT "exclusions_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."exclusions" ADD CONSTRAINT "exclusions_type_id_exclusion_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "tenant_template"."exclusion_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."roles" ADD CONSTRAINT "roles_company_id_partners_id_fk" FOREIGN KEY ("company_id") REFERENCES "tenant_template"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."roles" ADD CONSTRAINT "roles_person_id_partners_id_fk" FOREIGN KEY ("person_id") REFERENCES "tenant_template"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."roles" ADD CONSTRAINT "roles_type_id_role_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "tenant_template"."role_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."tasks" ADD CONSTRAINT "tasks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_contacts_client_idx" ON "tenant_template"."client_contacts" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "client_merges_kept_idx" ON "tenant_template"."client_merges" USING btree ("kept_id","at");--> statement-breakpoint
CREATE INDEX "convictions_client_idx" ON "tenant_template"."convictions" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "data_problems_owner_idx" ON "tenant_template"."data_problems" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "data_problems_responsible_idx" ON "tenant_template"."data_problems" USING btree ("responsible_user_id");--> statement-breakpoint
CREATE INDEX "data_problems_checker_idx" ON "tenant_template"."data_problems" USING btree ("checker");--> statement-breakpoint
CREATE INDEX "dispenses_client_idx" ON "tenant_template"."dispenses" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "exclusions_client_idx" ON "tenant_template"."exclusions" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "roles_company_idx" ON "tenant_template"."roles" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "roles_person_idx" ON "tenant_template"."roles" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "tasks_user_idx" ON "tenant_template"."tasks" USING btree ("user_id","start_date");--> statement-breakpoint
CREATE INDEX "tasks_owner_idx" ON "tenant_template"."tasks" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_auto_key" ON "tenant_template"."tasks" USING btree ("owner_type","owner_id","auto_type") WHERE "tenant_template"."tasks"."auto_type" is not null;--> statement-breakpoint
ALTER TABLE "tenant_template"."partners" ADD CONSTRAINT "partners_client_contact_type_id_client_contact_types_id_fk" FOREIGN KEY ("client_contact_type_id") REFERENCES "tenant_template"."client_contact_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."partners" ADD CONSTRAINT "partners_group_id_person_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "tenant_template"."person_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."partners" ADD CONSTRAINT "partners_job_office_contact_id_roles_id_fk" FOREIGN KEY ("job_office_contact_id") REFERENCES "tenant_template"."roles"("id") ON DELETE set null ON UPDATE no action;