CREATE TABLE "tenant_template"."choice_extras" (
	"id" serial PRIMARY KEY NOT NULL,
	"list" text NOT NULL,
	"value" text NOT NULL,
	"names" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."user_preferences" (
	"user_id" integer NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_preferences_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "choice_extras_list_value_key" ON "tenant_template"."choice_extras" USING btree ("list",lower("value"));