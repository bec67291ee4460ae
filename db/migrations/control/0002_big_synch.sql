CREATE TABLE "control"."revoked_operator_sessions" (
	"sid" uuid PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "revoked_operator_sessions_expires_idx" ON "control"."revoked_operator_sessions" USING btree ("expires_at");