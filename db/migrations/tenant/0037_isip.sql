CREATE TABLE "tenant_template"."contract_endings" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"use_in_isip" boolean DEFAULT true NOT NULL,
	"use_in_jobs" boolean DEFAULT true NOT NULL,
	"is_success" boolean DEFAULT false NOT NULL,
	"needs_date_ended" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."exam_policies" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"ref" text,
	"every" integer DEFAULT 1 NOT NULL,
	"every_unit" text,
	"max_events" integer,
	"start_time" time,
	"end_time" time,
	"entry_type_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "exam_policies_every" CHECK ("tenant_template"."exam_policies"."every" >= 1),
	CONSTRAINT "exam_policies_max_events" CHECK ("tenant_template"."exam_policies"."max_events" >= 1)
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."isip_contract_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"full_names" jsonb,
	"ref" text,
	"exam_policy_id" integer,
	"overlap_group" text,
	"version" integer DEFAULT 1 NOT NULL,
	"needs_study_type" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."isip_contracts" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" integer NOT NULL,
	"user_id" integer,
	"user_asd_id" integer,
	"language" text,
	"applies_from" date NOT NULL,
	"applies_until" date,
	"date_ended" date,
	"ending_id" integer,
	"date_decided" date,
	"date_issued" date,
	"exam_policy_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"type_id" integer NOT NULL,
	"stages" text DEFAULT '' NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"duties_asd" text DEFAULT '' NOT NULL,
	"duties_dsbe" text DEFAULT '' NOT NULL,
	"duties_pcsw" text DEFAULT '' NOT NULL,
	"duties_person" text DEFAULT '' NOT NULL,
	"print_override_by_id" integer,
	"print_override_at" timestamp with time zone,
	CONSTRAINT "isip_contracts_period" CHECK (coalesce("tenant_template"."isip_contracts"."date_ended", "tenant_template"."isip_contracts"."applies_until") is null or coalesce("tenant_template"."isip_contracts"."date_ended", "tenant_template"."isip_contracts"."applies_until") >= "tenant_template"."isip_contracts"."applies_from")
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."isip_partners" (
	"id" serial PRIMARY KEY NOT NULL,
	"contract_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"contact_person_id" integer,
	"duties_company" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."exam_policies" ADD CONSTRAINT "exam_policies_entry_type_id_entry_types_id_fk" FOREIGN KEY ("entry_type_id") REFERENCES "tenant_template"."entry_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."isip_contract_types" ADD CONSTRAINT "isip_contract_types_exam_policy_id_exam_policies_id_fk" FOREIGN KEY ("exam_policy_id") REFERENCES "tenant_template"."exam_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."isip_contracts" ADD CONSTRAINT "isip_contracts_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."isip_contracts" ADD CONSTRAINT "isip_contracts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."isip_contracts" ADD CONSTRAINT "isip_contracts_user_asd_id_users_id_fk" FOREIGN KEY ("user_asd_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."isip_contracts" ADD CONSTRAINT "isip_contracts_ending_id_contract_endings_id_fk" FOREIGN KEY ("ending_id") REFERENCES "tenant_template"."contract_endings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."isip_contracts" ADD CONSTRAINT "isip_contracts_exam_policy_id_exam_policies_id_fk" FOREIGN KEY ("exam_policy_id") REFERENCES "tenant_template"."exam_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."isip_contracts" ADD CONSTRAINT "isip_contracts_type_id_isip_contract_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "tenant_template"."isip_contract_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."isip_contracts" ADD CONSTRAINT "isip_contracts_print_override_by_id_users_id_fk" FOREIGN KEY ("print_override_by_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."isip_partners" ADD CONSTRAINT "isip_partners_contract_id_isip_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "tenant_template"."isip_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."isip_partners" ADD CONSTRAINT "isip_partners_company_id_partners_id_fk" FOREIGN KEY ("company_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."isip_partners" ADD CONSTRAINT "isip_partners_contact_person_id_partners_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "isip_contracts_client_idx" ON "tenant_template"."isip_contracts" USING btree ("client_id","applies_from");--> statement-breakpoint
CREATE INDEX "isip_contracts_user_idx" ON "tenant_template"."isip_contracts" USING btree ("user_id","applies_from");--> statement-breakpoint
CREATE INDEX "isip_partners_contract_idx" ON "tenant_template"."isip_partners" USING btree ("contract_id");