CREATE TABLE "tenant_template"."dav_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" integer NOT NULL,
	"excerpt_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."excerpt_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"excerpt_id" integer NOT NULL,
	"number" integer NOT NULL,
	"storage_key" text NOT NULL,
	"file_size" bigint NOT NULL,
	"user_id" integer NOT NULL,
	"made_at" timestamp with time zone NOT NULL,
	CONSTRAINT "excerpt_versions_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."dav_tokens" ADD CONSTRAINT "dav_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."dav_tokens" ADD CONSTRAINT "dav_tokens_excerpt_id_excerpts_id_fk" FOREIGN KEY ("excerpt_id") REFERENCES "tenant_template"."excerpts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."excerpt_versions" ADD CONSTRAINT "excerpt_versions_excerpt_id_excerpts_id_fk" FOREIGN KEY ("excerpt_id") REFERENCES "tenant_template"."excerpts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."excerpt_versions" ADD CONSTRAINT "excerpt_versions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dav_tokens_hash" ON "tenant_template"."dav_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "dav_tokens_excerpt_idx" ON "tenant_template"."dav_tokens" USING btree ("excerpt_id");--> statement-breakpoint
CREATE UNIQUE INDEX "excerpt_versions_number" ON "tenant_template"."excerpt_versions" USING btree ("excerpt_id","number");