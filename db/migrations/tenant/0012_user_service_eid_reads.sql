CREATE TABLE "tenant_template"."eid_card_reads" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"card" text,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."users" ADD COLUMN "coaching_type_id" integer;--> statement-breakpoint
CREATE INDEX "eid_card_reads_expires_idx" ON "tenant_template"."eid_card_reads" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "tenant_template"."users" ADD CONSTRAINT "users_coaching_type_id_coaching_types_id_fk" FOREIGN KEY ("coaching_type_id") REFERENCES "tenant_template"."coaching_types"("id") ON DELETE set null ON UPDATE no action;