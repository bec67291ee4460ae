DROP INDEX "tenant_template"."partners_name_idx";--> statement-breakpoint
DROP INDEX "tenant_template"."partners_search_idx";--> statement-breakpoint
CREATE INDEX "partners_name_idx" ON "tenant_template"."partners" USING btree ("name" collate "und-x-icu" nulls first,"id");--> statement-breakpoint
CREATE INDEX "partners_search_idx" ON "tenant_template"."partners" USING gin ((replace(lower(regexp_replace(normalize("prefix" || ' ' || "name" || ' ' || "phone" || ' ' || "gsm" || ' ' || "street" || ' ' || coalesce("national_id", ''), NFD), '[\u0300-\u036f]', '', 'g')), 'ß', 'ss')) extensions.gin_trgm_ops);--> statement-breakpoint
-- Written by hand, as in 0011: no statistics on the search text, so that the planner estimates a
-- search word as selective and sorts its matches rather than walking the whole name index.
ALTER INDEX "tenant_template"."partners_search_idx" ALTER COLUMN 1 SET STATISTICS 0;
