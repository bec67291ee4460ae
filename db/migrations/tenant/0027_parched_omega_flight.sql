CREATE TABLE "tenant_template"."reception_displays" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"shows" text DEFAULT 'ticket' NOT NULL,
	"token_hash" text NOT NULL,
	"token_enc" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "reception_displays_token" ON "tenant_template"."reception_displays" USING btree ("token_hash");