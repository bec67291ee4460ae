CREATE TABLE "tenant_template"."household_members" (
	"id" serial PRIMARY KEY NOT NULL,
	"household_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"role" text DEFAULT '05' NOT NULL,
	"dependency" text DEFAULT '02' NOT NULL,
	"primary" boolean DEFAULT false NOT NULL,
	"start_date" date,
	"end_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "household_members_dates" CHECK ("tenant_template"."household_members"."end_date" is null or "tenant_template"."household_members"."start_date" is null or "tenant_template"."household_members"."end_date" >= "tenant_template"."household_members"."start_date")
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."household_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."households" (
	"partner_id" integer PRIMARY KEY NOT NULL,
	"type_id" integer
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."human_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"parent_id" integer NOT NULL,
	"child_id" integer NOT NULL,
	"type" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "human_links_not_self" CHECK ("tenant_template"."human_links"."parent_id" <> "tenant_template"."human_links"."child_id")
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."household_members" ADD CONSTRAINT "household_members_household_id_partners_id_fk" FOREIGN KEY ("household_id") REFERENCES "tenant_template"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."household_members" ADD CONSTRAINT "household_members_person_id_partners_id_fk" FOREIGN KEY ("person_id") REFERENCES "tenant_template"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."households" ADD CONSTRAINT "households_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "tenant_template"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."households" ADD CONSTRAINT "households_type_id_household_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "tenant_template"."household_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."human_links" ADD CONSTRAINT "human_links_parent_id_partners_id_fk" FOREIGN KEY ("parent_id") REFERENCES "tenant_template"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."human_links" ADD CONSTRAINT "human_links_child_id_partners_id_fk" FOREIGN KEY ("child_id") REFERENCES "tenant_template"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "household_members_household_idx" ON "tenant_template"."household_members" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "household_members_person_idx" ON "tenant_template"."household_members" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "household_members_one_primary" ON "tenant_template"."household_members" USING btree ("person_id") WHERE "tenant_template"."household_members"."primary";--> statement-breakpoint
CREATE INDEX "human_links_parent_idx" ON "tenant_template"."human_links" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "human_links_child_idx" ON "tenant_template"."human_links" USING btree ("child_id");