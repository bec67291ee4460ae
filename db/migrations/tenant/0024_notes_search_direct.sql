DROP INDEX "tenant_template"."notes_search_idx";--> statement-breakpoint
CREATE INDEX "notes_search_idx" ON "tenant_template"."notes" USING gin ("search") WITH (fastupdate=false);