CREATE TABLE "tenant_template"."dav_properties" (
	"id" serial PRIMARY KEY NOT NULL,
	"excerpt_id" integer NOT NULL,
	"on_file" boolean NOT NULL,
	"name" text NOT NULL,
	"value" jsonb NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."dav_properties" ADD CONSTRAINT "dav_properties_excerpt_id_excerpts_id_fk" FOREIGN KEY ("excerpt_id") REFERENCES "tenant_template"."excerpts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dav_properties_name" ON "tenant_template"."dav_properties" USING btree ("excerpt_id","on_file","name");