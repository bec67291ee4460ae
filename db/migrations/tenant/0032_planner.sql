CREATE TABLE "tenant_template"."working_hours" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"weekday" integer NOT NULL,
	"start_time" time NOT NULL,
	"end_time" time NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "working_hours_weekday" CHECK ("tenant_template"."working_hours"."weekday" between 1 and 7),
	CONSTRAINT "working_hours_order" CHECK ("tenant_template"."working_hours"."end_time" > "tenant_template"."working_hours"."start_time")
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."working_hours" ADD CONSTRAINT "working_hours_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "working_hours_user_idx" ON "tenant_template"."working_hours" USING btree ("user_id","weekday");--> statement-breakpoint
CREATE INDEX "calendar_entries_user_end_idx" ON "tenant_template"."calendar_entries" USING btree ("user_id","end_date") WHERE "tenant_template"."calendar_entries"."end_date" is not null;--> statement-breakpoint
CREATE INDEX "calendar_entries_room_idx" ON "tenant_template"."calendar_entries" USING btree ("room_id","start_date");