CREATE TABLE "tenant_template"."revoked_sessions" (
	"sid" uuid PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."users" ADD COLUMN "directory_checked_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "revoked_sessions_expires_idx" ON "tenant_template"."revoked_sessions" USING btree ("expires_at");