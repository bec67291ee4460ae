CREATE TABLE "tenant_template"."competences" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"faculty_id" integer NOT NULL,
	"weight" integer NOT NULL,
	"seqno" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "competences_weight" CHECK ("tenant_template"."competences"."weight" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."faculties" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"weight" integer DEFAULT 10 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "faculties_weight" CHECK ("tenant_template"."faculties"."weight" between 0 and 10)
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."partners" ADD COLUMN "faculty_id" integer;--> statement-breakpoint
ALTER TABLE "tenant_template"."competences" ADD CONSTRAINT "competences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."competences" ADD CONSTRAINT "competences_faculty_id_faculties_id_fk" FOREIGN KEY ("faculty_id") REFERENCES "tenant_template"."faculties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "competences_user_faculty_key" ON "tenant_template"."competences" USING btree ("user_id","faculty_id");--> statement-breakpoint
CREATE INDEX "competences_faculty_idx" ON "tenant_template"."competences" USING btree ("faculty_id","user_id");--> statement-breakpoint
ALTER TABLE "tenant_template"."partners" ADD CONSTRAINT "partners_faculty_id_faculties_id_fk" FOREIGN KEY ("faculty_id") REFERENCES "tenant_template"."faculties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coachings_start_idx" ON "tenant_template"."coachings" USING btree ("start_date","client_id");--> statement-breakpoint
CREATE INDEX "partners_faculty_idx" ON "tenant_template"."partners" USING btree ("faculty_id") WHERE "tenant_template"."partners"."faculty_id" is not null;