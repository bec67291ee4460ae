DROP INDEX "tenant_template"."coachings_user_idx";--> statement-breakpoint
DROP INDEX "tenant_template"."partners_name_idx";--> statement-breakpoint
CREATE INDEX "partners_search_idx" ON "tenant_template"."partners" USING gin (("prefix" || ' ' || "name" || ' ' || "phone" || ' ' || "gsm" || ' ' || "street" || ' ' || coalesce("national_id", '')) extensions.gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "partners_clients_idx" ON "tenant_template"."partners" USING btree ("id","is_obsolete") WHERE "tenant_template"."partners"."is_client";--> statement-breakpoint
CREATE INDEX "coachings_user_idx" ON "tenant_template"."coachings" USING btree ("user_id","client_id","start_date","end_date","primary");--> statement-breakpoint
CREATE INDEX "partners_name_idx" ON "tenant_template"."partners" USING btree (lower("name") nulls first,"id");--> statement-breakpoint
-- Written by hand: no statistics on the search text, so the planner estimates a search word as
-- selective (pattern heuristics) and sorts its matches, instead of walking the whole name index
-- hoping that matches are spread evenly (they are not: a name search matches one stretch of it).
ALTER INDEX "tenant_template"."partners_search_idx" ALTER COLUMN 1 SET STATISTICS 0;
