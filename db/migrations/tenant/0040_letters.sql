CREATE TABLE "tenant_template"."dav_locks" (
	"token" text PRIMARY KEY NOT NULL,
	"excerpt_id" integer NOT NULL,
	"on_file" boolean NOT NULL,
	"scope" text NOT NULL,
	"lock_type" text DEFAULT 'write' NOT NULL,
	"depth" integer NOT NULL,
	"user_uid" text,
	"owner" jsonb,
	"timeout_seconds" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenant_template"."dav_locks" ADD CONSTRAINT "dav_locks_excerpt_id_excerpts_id_fk" FOREIGN KEY ("excerpt_id") REFERENCES "tenant_template"."excerpts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dav_locks_excerpt_idx" ON "tenant_template"."dav_locks" USING btree ("excerpt_id","expires_at");--> statement-breakpoint
-- hand-written
-- The document types added after centres existed (server/documents/area.ts SEEDED_DOCUMENT_TYPES and
-- server/reception/certificate.ts, server/polls/printout.ts: the same rows): each for a centre that has no type of its template.
INSERT INTO "tenant_template"."excerpt_types" ("names", "content_type", "template", "is_primary", "print_recipient")
SELECT v.names::jsonb, v.content_type, v.template, v.is_primary, v.print_recipient
FROM (VALUES
  ('{"fr":"Contenu carte eID","nl":"Inhoud eID-kaart","de":"eID-Inhalt","en":"eID sheet"}', 'client', 'eidSheet', false, false),
  ('{"fr":"Plan d''action","nl":"Actieplan","de":"Aktionsplan","en":"Action plan"}', 'client', 'actionPlan', false, true),
  ('{"fr":"Lettre à une organisation","nl":"Brief aan een organisatie","de":"Brief an eine Organisation","en":"Letter to an organisation"}', 'clientContact', 'organisationLetter', true, true),
  ('{"fr":"Attestation de présence","nl":"Aanwezigheidsattest","de":"Anwesenheitsbescheinigung","en":"Presence certificate"}', 'guest', 'presenceCertificate', true, false),
  ('{"fr":"Réponses au questionnaire","nl":"Antwoorden op de vragenlijst","de":"Antworten auf die Umfrage","en":"Poll answers"}', 'pollResponse', 'pollAnswers', true, false)
) AS v(names, content_type, template, is_primary, print_recipient)
WHERE NOT EXISTS (SELECT 1 FROM "tenant_template"."excerpt_types" e WHERE e."template" = v.template);
