CREATE TABLE "tenant_template"."poll_answer_choices" (
	"id" serial PRIMARY KEY NOT NULL,
	"response_id" integer NOT NULL,
	"question_id" integer NOT NULL,
	"choice_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."poll_answer_remarks" (
	"id" serial PRIMARY KEY NOT NULL,
	"response_id" integer NOT NULL,
	"question_id" integer NOT NULL,
	"remark" text NOT NULL,
	CONSTRAINT "poll_answer_remarks_not_empty" CHECK ("tenant_template"."poll_answer_remarks"."remark" <> '')
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."poll_choice_sets" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."poll_choices" (
	"id" serial PRIMARY KEY NOT NULL,
	"choice_set_id" integer NOT NULL,
	"seqno" integer DEFAULT 1 NOT NULL,
	"names" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."poll_questions" (
	"id" serial PRIMARY KEY NOT NULL,
	"poll_id" integer NOT NULL,
	"seqno" integer DEFAULT 1 NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"choice_set_id" integer,
	"multiple_choices" boolean DEFAULT false NOT NULL,
	"is_heading" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."poll_responses" (
	"id" serial PRIMARY KEY NOT NULL,
	"poll_id" integer NOT NULL,
	"partner_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"date" date NOT NULL,
	"state" text DEFAULT '10' NOT NULL,
	"remark" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."polls" (
	"id" serial PRIMARY KEY NOT NULL,
	"ref" text,
	"title" text NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"user_id" integer NOT NULL,
	"default_choice_set_id" integer,
	"default_multiple_choices" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT '10' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."poll_answer_choices" ADD CONSTRAINT "poll_answer_choices_response_id_poll_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "tenant_template"."poll_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."poll_answer_choices" ADD CONSTRAINT "poll_answer_choices_question_id_poll_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "tenant_template"."poll_questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."poll_answer_choices" ADD CONSTRAINT "poll_answer_choices_choice_id_poll_choices_id_fk" FOREIGN KEY ("choice_id") REFERENCES "tenant_template"."poll_choices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."poll_answer_remarks" ADD CONSTRAINT "poll_answer_remarks_response_id_poll_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "tenant_template"."poll_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."poll_answer_remarks" ADD CONSTRAINT "poll_answer_remarks_question_id_poll_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "tenant_template"."poll_questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."poll_choices" ADD CONSTRAINT "poll_choices_choice_set_id_poll_choice_sets_id_fk" FOREIGN KEY ("choice_set_id") REFERENCES "tenant_template"."poll_choice_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."poll_questions" ADD CONSTRAINT "poll_questions_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "tenant_template"."polls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."poll_questions" ADD CONSTRAINT "poll_questions_choice_set_id_poll_choice_sets_id_fk" FOREIGN KEY ("choice_set_id") REFERENCES "tenant_template"."poll_choice_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."poll_responses" ADD CONSTRAINT "poll_responses_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "tenant_template"."polls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."poll_responses" ADD CONSTRAINT "poll_responses_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."poll_responses" ADD CONSTRAINT "poll_responses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."polls" ADD CONSTRAINT "polls_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "tenant_template"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."polls" ADD CONSTRAINT "polls_default_choice_set_id_poll_choice_sets_id_fk" FOREIGN KEY ("default_choice_set_id") REFERENCES "tenant_template"."poll_choice_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "poll_answer_choices_unique" ON "tenant_template"."poll_answer_choices" USING btree ("response_id","question_id","choice_id");--> statement-breakpoint
CREATE INDEX "poll_answer_choices_question_idx" ON "tenant_template"."poll_answer_choices" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "poll_answer_choices_choice_idx" ON "tenant_template"."poll_answer_choices" USING btree ("choice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "poll_answer_remarks_unique" ON "tenant_template"."poll_answer_remarks" USING btree ("response_id","question_id");--> statement-breakpoint
CREATE INDEX "poll_answer_remarks_question_idx" ON "tenant_template"."poll_answer_remarks" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "poll_choices_set_idx" ON "tenant_template"."poll_choices" USING btree ("choice_set_id","seqno");--> statement-breakpoint
CREATE INDEX "poll_questions_poll_idx" ON "tenant_template"."poll_questions" USING btree ("poll_id","seqno");--> statement-breakpoint
CREATE UNIQUE INDEX "poll_responses_one_per_day" ON "tenant_template"."poll_responses" USING btree ("poll_id","partner_id","date");--> statement-breakpoint
CREATE INDEX "poll_responses_partner_idx" ON "tenant_template"."poll_responses" USING btree ("partner_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "polls_ref_unique" ON "tenant_template"."polls" USING btree ("ref");