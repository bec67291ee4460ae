ALTER TABLE "tenant_template"."art61_contracts" ADD COLUMN "signer1_id" integer;--> statement-breakpoint
ALTER TABLE "tenant_template"."art61_contracts" ADD COLUMN "signer2_id" integer;--> statement-breakpoint
ALTER TABLE "tenant_template"."document_settings" ADD COLUMN "signer1_id" integer;--> statement-breakpoint
ALTER TABLE "tenant_template"."document_settings" ADD COLUMN "signer2_id" integer;--> statement-breakpoint
ALTER TABLE "tenant_template"."immersion_contracts" ADD COLUMN "signer1_id" integer;--> statement-breakpoint
ALTER TABLE "tenant_template"."immersion_contracts" ADD COLUMN "signer2_id" integer;--> statement-breakpoint
ALTER TABLE "tenant_template"."isip_contract_types" ADD COLUMN "printed_clauses" text;--> statement-breakpoint
ALTER TABLE "tenant_template"."isip_contracts" ADD COLUMN "signer1_id" integer;--> statement-breakpoint
ALTER TABLE "tenant_template"."isip_contracts" ADD COLUMN "signer2_id" integer;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_contract_types" ADD COLUMN "printed_clauses" text;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_contracts" ADD COLUMN "signer1_id" integer;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_contracts" ADD COLUMN "signer2_id" integer;--> statement-breakpoint
ALTER TABLE "tenant_template"."art61_contracts" ADD CONSTRAINT "art61_contracts_signer1_id_partners_id_fk" FOREIGN KEY ("signer1_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."art61_contracts" ADD CONSTRAINT "art61_contracts_signer2_id_partners_id_fk" FOREIGN KEY ("signer2_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."document_settings" ADD CONSTRAINT "document_settings_signer1_id_partners_id_fk" FOREIGN KEY ("signer1_id") REFERENCES "tenant_template"."partners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."document_settings" ADD CONSTRAINT "document_settings_signer2_id_partners_id_fk" FOREIGN KEY ("signer2_id") REFERENCES "tenant_template"."partners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."immersion_contracts" ADD CONSTRAINT "immersion_contracts_signer1_id_partners_id_fk" FOREIGN KEY ("signer1_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."immersion_contracts" ADD CONSTRAINT "immersion_contracts_signer2_id_partners_id_fk" FOREIGN KEY ("signer2_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."isip_contracts" ADD CONSTRAINT "isip_contracts_signer1_id_partners_id_fk" FOREIGN KEY ("signer1_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."isip_contracts" ADD CONSTRAINT "isip_contracts_signer2_id_partners_id_fk" FOREIGN KEY ("signer2_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_contracts" ADD CONSTRAINT "job_contracts_signer1_id_partners_id_fk" FOREIGN KEY ("signer1_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."job_contracts" ADD CONSTRAINT "job_contracts_signer2_id_partners_id_fk" FOREIGN KEY ("signer2_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "art61_contracts_signer1_idx" ON "tenant_template"."art61_contracts" USING btree ("signer1_id") WHERE "tenant_template"."art61_contracts"."signer1_id" is not null;--> statement-breakpoint
CREATE INDEX "art61_contracts_signer2_idx" ON "tenant_template"."art61_contracts" USING btree ("signer2_id") WHERE "tenant_template"."art61_contracts"."signer2_id" is not null;--> statement-breakpoint
CREATE INDEX "immersion_contracts_signer1_idx" ON "tenant_template"."immersion_contracts" USING btree ("signer1_id") WHERE "tenant_template"."immersion_contracts"."signer1_id" is not null;--> statement-breakpoint
CREATE INDEX "immersion_contracts_signer2_idx" ON "tenant_template"."immersion_contracts" USING btree ("signer2_id") WHERE "tenant_template"."immersion_contracts"."signer2_id" is not null;--> statement-breakpoint
CREATE INDEX "isip_contracts_signer1_idx" ON "tenant_template"."isip_contracts" USING btree ("signer1_id") WHERE "tenant_template"."isip_contracts"."signer1_id" is not null;--> statement-breakpoint
CREATE INDEX "isip_contracts_signer2_idx" ON "tenant_template"."isip_contracts" USING btree ("signer2_id") WHERE "tenant_template"."isip_contracts"."signer2_id" is not null;--> statement-breakpoint
CREATE INDEX "job_contracts_signer1_idx" ON "tenant_template"."job_contracts" USING btree ("signer1_id") WHERE "tenant_template"."job_contracts"."signer1_id" is not null;--> statement-breakpoint
CREATE INDEX "job_contracts_signer2_idx" ON "tenant_template"."job_contracts" USING btree ("signer2_id") WHERE "tenant_template"."job_contracts"."signer2_id" is not null;--> statement-breakpoint
-- hand-written
-- The printed clauses of the contract types the centres already have (server/isip/seed.ts, server/jobs/seed.ts
-- seed the same values): Lino's refs vsea/vsed/vsec and art60-7a/7c/7d/7e. Existing contracts keep no
-- signers: the centres had none to give (Site → Administration → Letterhead now has them).
UPDATE "tenant_template"."isip_contract_types" SET "printed_clauses" = CASE "ref"
  WHEN 'vsea' THEN 'training' WHEN 'vsed' THEN 'studies' WHEN 'vsec' THEN 'apprenticeship' END,
  "version" = "version" + 1
WHERE "ref" IN ('vsea', 'vsed', 'vsec') AND "printed_clauses" IS NULL;--> statement-breakpoint
UPDATE "tenant_template"."job_contract_types" SET "printed_clauses" = CASE "ref"
  WHEN 'art60-7a' THEN 'socialEconomy' WHEN 'art60-7c' THEN 'refund' WHEN 'art60-7d' THEN 'refund' WHEN 'art60-7e' THEN 'city' END,
  "version" = "version" + 1
WHERE "ref" IN ('art60-7a', 'art60-7c', 'art60-7d', 'art60-7e') AND "printed_clauses" IS NULL;

