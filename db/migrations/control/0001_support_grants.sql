CREATE TABLE "control"."support_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"granted_by_id" integer NOT NULL,
	"granted_by_name" text NOT NULL,
	"reason" text NOT NULL,
	"starts_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_id" integer,
	"revoked_by_name" text,
	CONSTRAINT "support_grants_period" CHECK ("control"."support_grants"."ends_at" > "control"."support_grants"."starts_at" AND "control"."support_grants"."ends_at" <= "control"."support_grants"."starts_at" + interval '7 days')
);
--> statement-breakpoint
CREATE TABLE "control"."support_tokens" (
	"jti" uuid PRIMARY KEY NOT NULL,
	"grant_id" uuid NOT NULL,
	"operator_id" uuid NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "control"."support_grants" ADD CONSTRAINT "support_grants_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "control"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control"."support_tokens" ADD CONSTRAINT "support_tokens_grant_id_support_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "control"."support_grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control"."support_tokens" ADD CONSTRAINT "support_tokens_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "control"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "support_grants_tenant_idx" ON "control"."support_grants" USING btree ("tenant_id","ends_at");--> statement-breakpoint
CREATE INDEX "support_tokens_grant_idx" ON "control"."support_tokens" USING btree ("grant_id");