CREATE TABLE "tenant_template"."deleted_rows" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"deleted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"acting_for" text,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"title" jsonb NOT NULL,
	"kind" jsonb NOT NULL,
	"with_it" jsonb NOT NULL,
	"rows" jsonb NOT NULL,
	"cleared" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"restored_at" timestamp with time zone,
	"restored_by" text
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."addresses" DROP CONSTRAINT "addresses_partner_id_partners_id_fk";
--> statement-breakpoint
ALTER TABLE "tenant_template"."authorities" DROP CONSTRAINT "authorities_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "tenant_template"."authorities" DROP CONSTRAINT "authorities_authorized_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "tenant_template"."client_contacts" DROP CONSTRAINT "client_contacts_client_id_partners_id_fk";
--> statement-breakpoint
ALTER TABLE "tenant_template"."client_merges" DROP CONSTRAINT "client_merges_kept_id_partners_id_fk";
--> statement-breakpoint
ALTER TABLE "tenant_template"."coachings" DROP CONSTRAINT "coachings_client_id_partners_id_fk";
--> statement-breakpoint
ALTER TABLE "tenant_template"."convictions" DROP CONSTRAINT "convictions_client_id_partners_id_fk";
--> statement-breakpoint
ALTER TABLE "tenant_template"."dispenses" DROP CONSTRAINT "dispenses_client_id_partners_id_fk";
--> statement-breakpoint
ALTER TABLE "tenant_template"."exclusions" DROP CONSTRAINT "exclusions_client_id_partners_id_fk";
--> statement-breakpoint
ALTER TABLE "tenant_template"."household_members" DROP CONSTRAINT "household_members_household_id_partners_id_fk";
--> statement-breakpoint
ALTER TABLE "tenant_template"."household_members" DROP CONSTRAINT "household_members_person_id_partners_id_fk";
--> statement-breakpoint
ALTER TABLE "tenant_template"."households" DROP CONSTRAINT "households_partner_id_partners_id_fk";
--> statement-breakpoint
ALTER TABLE "tenant_template"."human_links" DROP CONSTRAINT "human_links_parent_id_partners_id_fk";
--> statement-breakpoint
ALTER TABLE "tenant_template"."human_links" DROP CONSTRAINT "human_links_child_id_partners_id_fk";
--> statement-breakpoint
ALTER TABLE "tenant_template"."partner_photos" DROP CONSTRAINT "partner_photos_partner_id_partners_id_fk";
--> statement-breakpoint
ALTER TABLE "tenant_template"."roles" DROP CONSTRAINT "roles_company_id_partners_id_fk";
--> statement-breakpoint
ALTER TABLE "tenant_template"."roles" DROP CONSTRAINT "roles_person_id_partners_id_fk";
--> statement-breakpoint
CREATE INDEX "deleted_rows_deleted_at_idx" ON "tenant_template"."deleted_rows" USING btree ("deleted_at");--> statement-breakpoint
CREATE INDEX "deleted_rows_entity_idx" ON "tenant_template"."deleted_rows" USING btree ("entity","entity_id");--> statement-breakpoint
ALTER TABLE "tenant_template"."addresses" ADD CONSTRAINT "addresses_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."authorities" ADD CONSTRAINT "authorities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."authorities" ADD CONSTRAINT "authorities_authorized_id_users_id_fk" FOREIGN KEY ("authorized_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."client_contacts" ADD CONSTRAINT "client_contacts_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."client_merges" ADD CONSTRAINT "client_merges_kept_id_partners_id_fk" FOREIGN KEY ("kept_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."coachings" ADD CONSTRAINT "coachings_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."convictions" ADD CONSTRAINT "convictions_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."dispenses" ADD CONSTRAINT "dispenses_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."exclusions" ADD CONSTRAINT "exclusions_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."household_members" ADD CONSTRAINT "household_members_household_id_partners_id_fk" FOREIGN KEY ("household_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."household_members" ADD CONSTRAINT "household_members_person_id_partners_id_fk" FOREIGN KEY ("person_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."households" ADD CONSTRAINT "households_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."human_links" ADD CONSTRAINT "human_links_parent_id_partners_id_fk" FOREIGN KEY ("parent_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."human_links" ADD CONSTRAINT "human_links_child_id_partners_id_fk" FOREIGN KEY ("child_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."partner_photos" ADD CONSTRAINT "partner_photos_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."roles" ADD CONSTRAINT "roles_company_id_partners_id_fk" FOREIGN KEY ("company_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."roles" ADD CONSTRAINT "roles_person_id_partners_id_fk" FOREIGN KEY ("person_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;