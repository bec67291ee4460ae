CREATE TABLE "tenant_template"."immersion_contract_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"full_names" jsonb,
	"ref" text,
	"exam_policy_id" integer,
	"overlap_group" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."immersion_contracts" (
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
	"goal_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"contact_person_id" integer,
	"contact_role_id" integer,
	"sector_id" integer,
	"function_id" integer,
	"reference_person" text DEFAULT '' NOT NULL,
	"responsibilities" text DEFAULT '' NOT NULL,
	"remark" text DEFAULT '' NOT NULL,
	CONSTRAINT "immersion_contracts_period" CHECK (coalesce("tenant_template"."immersion_contracts"."date_ended", "tenant_template"."immersion_contracts"."applies_until") is null or coalesce("tenant_template"."immersion_contracts"."date_ended", "tenant_template"."immersion_contracts"."applies_until") >= "tenant_template"."immersion_contracts"."applies_from")
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."immersion_goals" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."job_search_proofs" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" integer NOT NULL,
	"date" date,
	"company_id" integer,
	"spontaneous" boolean DEFAULT false NOT NULL,
	"response" boolean DEFAULT false NOT NULL,
	"remarks" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."immersion_contract_types" ADD CONSTRAINT "immersion_contract_types_exam_policy_id_exam_policies_id_fk" FOREIGN KEY ("exam_policy_id") REFERENCES "tenant_template"."exam_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."immersion_contracts" ADD CONSTRAINT "immersion_contracts_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."immersion_contracts" ADD CONSTRAINT "immersion_contracts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."immersion_contracts" ADD CONSTRAINT "immersion_contracts_user_asd_id_users_id_fk" FOREIGN KEY ("user_asd_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."immersion_contracts" ADD CONSTRAINT "immersion_contracts_ending_id_contract_endings_id_fk" FOREIGN KEY ("ending_id") REFERENCES "tenant_template"."contract_endings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."immersion_contracts" ADD CONSTRAINT "immersion_contracts_exam_policy_id_exam_policies_id_fk" FOREIGN KEY ("exam_policy_id") REFERENCES "tenant_template"."exam_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."immersion_contracts" ADD CONSTRAINT "immersion_contracts_type_id_immersion_contract_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "tenant_template"."immersion_contract_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."immersion_contracts" ADD CONSTRAINT "immersion_contracts_goal_id_immersion_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "tenant_template"."immersion_goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."immersion_contracts" ADD CONSTRAINT "immersion_contracts_company_id_partners_id_fk" FOREIGN KEY ("company_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."immersion_contracts" ADD CONSTRAINT "immersion_contracts_contact_person_id_partners_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."immersion_contracts" ADD CONSTRAINT "immersion_contracts_contact_role_id_role_types_id_fk" FOREIGN KEY ("contact_role_id") REFERENCES "tenant_template"."role_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."immersion_contracts" ADD CONSTRAINT "immersion_contracts_sector_id_cv_sectors_id_fk" FOREIGN KEY ("sector_id") REFERENCES "tenant_template"."cv_sectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."immersion_contracts" ADD CONSTRAINT "immersion_contracts_function_id_cv_functions_id_fk" FOREIGN KEY ("function_id") REFERENCES "tenant_template"."cv_functions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_search_proofs" ADD CONSTRAINT "job_search_proofs_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_search_proofs" ADD CONSTRAINT "job_search_proofs_company_id_partners_id_fk" FOREIGN KEY ("company_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "immersion_contracts_client_idx" ON "tenant_template"."immersion_contracts" USING btree ("client_id","applies_from");--> statement-breakpoint
CREATE INDEX "immersion_contracts_user_idx" ON "tenant_template"."immersion_contracts" USING btree ("user_id","applies_from");--> statement-breakpoint
CREATE INDEX "immersion_contracts_company_idx" ON "tenant_template"."immersion_contracts" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "job_search_proofs_client_idx" ON "tenant_template"."job_search_proofs" USING btree ("client_id","date");