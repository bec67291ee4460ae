CREATE TABLE "tenant_template"."cv_person_properties" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" integer NOT NULL,
	"group_id" integer NOT NULL,
	"property_id" integer NOT NULL,
	"value" text DEFAULT '' NOT NULL,
	"remark" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."cv_prop_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"kind" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."cv_prop_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"choice_list" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."cv_properties" (
	"id" serial PRIMARY KEY NOT NULL,
	"group_id" integer NOT NULL,
	"type_id" integer NOT NULL,
	"names" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_person_properties" ADD CONSTRAINT "cv_person_properties_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_person_properties" ADD CONSTRAINT "cv_person_properties_group_id_cv_prop_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "tenant_template"."cv_prop_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_person_properties" ADD CONSTRAINT "cv_person_properties_property_id_cv_properties_id_fk" FOREIGN KEY ("property_id") REFERENCES "tenant_template"."cv_properties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_properties" ADD CONSTRAINT "cv_properties_group_id_cv_prop_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "tenant_template"."cv_prop_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_properties" ADD CONSTRAINT "cv_properties_type_id_cv_prop_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "tenant_template"."cv_prop_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cv_person_properties_client_idx" ON "tenant_template"."cv_person_properties" USING btree ("client_id","group_id");--> statement-breakpoint
CREATE INDEX "cv_person_properties_property_idx" ON "tenant_template"."cv_person_properties" USING btree ("property_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cv_prop_groups_kind" ON "tenant_template"."cv_prop_groups" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "cv_properties_group_idx" ON "tenant_template"."cv_properties" USING btree ("group_id");