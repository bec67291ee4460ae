CREATE TABLE "tenant_template"."cv_person_properties" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" integer NOT NULL,
	"group_id" integer NOT NULL,
	"property_id" integer NOT NULL,
	"value" text DEFAULT '' NOT NULL,
	"remark" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."cv_prop_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"kind" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."cv_prop_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"choice_list" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_template"."cv_properties" (
	"id" serial PRIMARY KEY NOT NULL,
	"group_id" integer NOT NULL,
	"type_id" integer NOT NULL,
	"names" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
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
ALTER TABLE "tenant_template"."cv_person_properties" ADD CONSTRAINT "cv_person_properties_client_id_partners_id_fk" FOREIGN KEY ("client_id") REFERENCES "tenant_template"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_person_properties" ADD CONSTRAINT "cv_person_properties_group_id_cv_prop_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "tenant_template"."cv_prop_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_person_properties" ADD CONSTRAINT "cv_person_properties_property_id_cv_properties_id_fk" FOREIGN KEY ("property_id") REFERENCES "tenant_template"."cv_properties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_properties" ADD CONSTRAINT "cv_properties_group_id_cv_prop_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "tenant_template"."cv_prop_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."cv_properties" ADD CONSTRAINT "cv_properties_type_id_cv_prop_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "tenant_template"."cv_prop_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_template"."dav_locks" ADD CONSTRAINT "dav_locks_excerpt_id_excerpts_id_fk" FOREIGN KEY ("excerpt_id") REFERENCES "tenant_template"."excerpts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cv_person_properties_client_idx" ON "tenant_template"."cv_person_properties" USING btree ("client_id","group_id");--> statement-breakpoint
CREATE INDEX "cv_person_properties_property_idx" ON "tenant_template"."cv_person_properties" USING btree ("property_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cv_prop_groups_kind" ON "tenant_template"."cv_prop_groups" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "cv_properties_group_idx" ON "tenant_template"."cv_properties" USING btree ("group_id");--> statement-breakpoint
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
WHERE NOT EXISTS (SELECT 1 FROM "tenant_template"."excerpt_types" e WHERE e."template" = v.template);--> statement-breakpoint
-- The printed PIIS and the Art. 61 convention (server/isip/print.ts, server/art61/print.ts: the same rows), for
-- a centre that has no document type of their content type.
INSERT INTO "tenant_template"."excerpt_types" ("names", "content_type", "template", "is_primary", "certifying")
SELECT v.names::jsonb, v.content_type, v.template, true, v.certifying
FROM (VALUES
  ('{"fr":"Projet individualisé d’intégration sociale","nl":"Geïndividualiseerd project voor maatschappelijke integratie","de":"Vertrag zur sozialen Eingliederung","en":"Individualised social integration project"}', 'isipContract', 'isipContract', true),
  ('{"fr":"Convention art. 61","nl":"Overeenkomst art. 61","de":"Konvention Art. 61","en":"Art. 61 convention"}', 'art61Contract', 'art61Convention', false)
) AS v(names, content_type, template, certifying)
WHERE NOT EXISTS (SELECT 1 FROM "tenant_template"."excerpt_types" e WHERE e."content_type" = v.content_type);--> statement-breakpoint
-- hand-written
-- Eupen's property groups, types and properties (server/cv/properties-seed.ts, the same rows), for a
-- centre that has no property group yet: existing centres get them here, new ones too (the
-- reference seed then finds them).
WITH fresh AS (SELECT NOT EXISTS (SELECT 1 FROM "tenant_template"."cv_prop_groups") AS yes),
groups AS (
  INSERT INTO "tenant_template"."cv_prop_groups" ("names", "kind")
  SELECT v.names::jsonb, v.kind FROM (VALUES
    ('{"fr":"Compétences professionnelles","nl":"Vakbekwaamheden","de":"Fachkompetenzen","en":"Skills"}', 'skills'),
    ('{"fr":"Compétences sociales","nl":"Sociale vaardigheden","de":"Sozialkompetenzen","en":"Soft skills"}', 'softSkills'),
    ('{"fr":"Obstacles","nl":"Belemmeringen","de":"Hindernisse","en":"Obstacles"}', 'obstacles')
  ) AS v(names, kind), fresh WHERE fresh.yes
  RETURNING "id", "kind"
),
types AS (
  INSERT INTO "tenant_template"."cv_prop_types" ("names", "choice_list")
  SELECT v.names::jsonb, v.choice_list FROM (VALUES
    (1, '{"fr":"Présent ou pas","nl":"Aanwezig of niet","de":"Vorhanden oder nicht","en":"Present or not"}', NULL),
    (2, '{"fr":"Appréciation","nl":"Beoordeling","de":"Bewertung","en":"Rating"}', 'howWell')
  ) AS v(ord, names, choice_list), fresh WHERE fresh.yes ORDER BY v.ord
  RETURNING "id", "choice_list"
)
INSERT INTO "tenant_template"."cv_properties" ("names", "group_id", "type_id")
SELECT v.names::jsonb, groups."id", types."id"
FROM (VALUES
    (1, 'skills', '{"fr":"Jardinier","nl":"Tuinier","de":"Gartenarbeit","en":"Gardener"}'),
    (2, 'softSkills', '{"fr":"Obéissant","nl":"Gehoorzaam","de":"Gehorsam","en":"Obedient"}'),
    (3, 'obstacles', '{"fr":"Seulement temps plein","nl":"Alleen voltijds","de":"Nur Vollzeit","en":"Only full-time"}'),
    (4, 'obstacles', '{"fr":"Seulement mi-temps","nl":"Alleen deeltijds","de":"Nur Teilzeit","en":"Only part-time"}'),
    (5, 'skills', '{"fr":"Vendeur","nl":"Verkoper","de":"Verkäufer","en":"Salesman"}'),
    (6, 'softSkills', '{"fr":"Leader","nl":"Leiderschap","de":"Führungsfähigkeit","en":"Leader"}'),
    (7, 'skills', '{"fr":"Aide ménagère","nl":"Huishoudhulp","de":"Haushaltshilfe","en":"Household aid"}'),
    (8, 'skills', '{"fr":"Pâtisserie","nl":"Bakkerij","de":"Bäckerei","en":"Bakery"}'),
    (9, 'obstacles', '{"fr":"Pas le week-end","nl":"Niet in het weekend","de":"Nicht am Wochenende","en":"No work on weekend"}'),
    (10, 'obstacles', '{"fr":"Pas de travail posté","nl":"Geen ploegenarbeid","de":"Keine Schichtarbeit","en":"No shift work"}'),
    (11, 'skills', '{"fr":"Cuisiner","nl":"Koken","de":"Kochen","en":"Cook"}'),
    (12, 'obstacles', '{"fr":"Handicap physique","nl":"Lichamelijke beperking","de":"Körperliche Einschränkung","en":"Physical handicap"}'),
    (13, 'skills', '{"fr":"Permis de conduire","nl":"Rijbewijs","de":"Führerschein","en":"Driving licence"}'),
    (14, 'obstacles', '{"fr":"Handicap mental","nl":"Verstandelijke beperking","de":"Geistige Einschränkung","en":"Mental handicap"}'),
    (15, 'obstacles', '{"fr":"Handicap psychique","nl":"Psychische beperking","de":"Psychische Einschränkung","en":"Psychological handicap"}'),
    (16, 'obstacles', '{"fr":"Handicap santé","nl":"Gezondheidsbeperking","de":"Gesundheitliche Einschränkung","en":"Health handicap"}'),
    (17, 'obstacles', '{"fr":"Problèmes juridiques","nl":"Juridische problemen","de":"Juristische Probleme","en":"Juristic problems"}'),
    (18, 'obstacles', '{"fr":"Toxicomanie","nl":"Verslavingsproblemen","de":"Suchtprobleme","en":"Addiction problems"}'),
    (19, 'obstacles', '{"fr":"Manque de compétence sociale","nl":"Gebrek aan sociale vaardigheden","de":"Mangelnde Sozialkompetenz","en":"Lack of social competence"}'),
    (20, 'obstacles', '{"fr":"Manque de motivation","nl":"Gebrek aan motivatie","de":"Motivationsmangel","en":"Lack of motivation"}'),
    (21, 'obstacles', '{"fr":"Personnes à charge","nl":"Personen ten laste","de":"Personen zu Lasten","en":"Head of a family"}'),
    (22, 'obstacles', '{"fr":"Petits enfants à charge","nl":"Jonge kinderen ten laste","de":"Kleinkinder","en":"Small children"}'),
    (23, 'obstacles', '{"fr":"Analphabète","nl":"Analfabeet","de":"Analphabet","en":"Illiterate"}')
) AS v(ord, kind, names)
JOIN groups ON groups."kind" = v.kind
JOIN types ON types."choice_list" IS NOT DISTINCT FROM (CASE WHEN v.kind = 'softSkills' THEN 'howWell' END)
ORDER BY v.ord;
