CREATE TABLE "tenant_template"."authorities" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"authorized_id" integer NOT NULL,
	"valid_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "authorities_not_self" CHECK ("tenant_template"."authorities"."user_id" <> "tenant_template"."authorities"."authorized_id")
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."authorities" ADD CONSTRAINT "authorities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "tenant_template"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."authorities" ADD CONSTRAINT "authorities_authorized_id_users_id_fk" FOREIGN KEY ("authorized_id") REFERENCES "tenant_template"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "authorities_pair_key" ON "tenant_template"."authorities" USING btree ("user_id","authorized_id");