DROP INDEX "tenant_template"."partners_name_idx";--> statement-breakpoint
DROP INDEX "tenant_template"."partners_search_idx";--> statement-breakpoint
ALTER TABLE "tenant_template"."partners" ADD COLUMN "search_text" text GENERATED ALWAYS AS (replace(lower(regexp_replace(normalize("prefix" || ' ' || "name" || ' ' || "phone" || ' ' || "gsm" || ' ' || "email" || ' ' || "street" || ' ' || "vat_id" || ' ' || coalesce("national_id", ''), NFD), '[\u0300-\u036f]', '', 'g')), 'ß', 'ss')) STORED;--> statement-breakpoint
CREATE INDEX "partners_name_idx" ON "tenant_template"."partners" USING btree ("name" collate "und-x-icu" nulls first,"id");--> statement-breakpoint
CREATE INDEX "partners_search_idx" ON "tenant_template"."partners" USING gin ("search_text" extensions.gin_trgm_ops);--> statement-breakpoint
-- Written by hand, as in 0011 (there on the index's expression, here on the column it became): no
-- statistics on the search text, so that the planner estimates a search word as selective and sorts
-- its matches rather than walking the whole name index.
ALTER TABLE "tenant_template"."partners" ALTER COLUMN "search_text" SET STATISTICS 0;
