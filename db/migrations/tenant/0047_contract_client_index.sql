DROP INDEX "tenant_template"."art61_contracts_client_idx";--> statement-breakpoint
DROP INDEX "tenant_template"."immersion_contracts_client_idx";--> statement-breakpoint
DROP INDEX "tenant_template"."isip_contracts_client_idx";--> statement-breakpoint
DROP INDEX "tenant_template"."job_contracts_client_idx";--> statement-breakpoint
CREATE INDEX "art61_contracts_client_idx" ON "tenant_template"."art61_contracts" USING btree ("client_id","applies_from","applies_until","date_ended");--> statement-breakpoint
CREATE INDEX "immersion_contracts_client_idx" ON "tenant_template"."immersion_contracts" USING btree ("client_id","applies_from","applies_until","date_ended");--> statement-breakpoint
CREATE INDEX "isip_contracts_client_idx" ON "tenant_template"."isip_contracts" USING btree ("client_id","applies_from","applies_until","date_ended");--> statement-breakpoint
CREATE INDEX "job_contracts_client_idx" ON "tenant_template"."job_contracts" USING btree ("client_id","applies_from","applies_until","date_ended");