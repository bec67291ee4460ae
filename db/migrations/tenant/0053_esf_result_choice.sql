ALTER TABLE "tenant_template"."esf_summaries" ALTER COLUMN "result" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "tenant_template"."esf_summaries" ALTER COLUMN "result" DROP NOT NULL;--> statement-breakpoint
-- hand-written
-- The ESF result becomes the choice list esfResults (server/integ/reports/esf.ts, Lino's
-- ParticipationCertificates): a free text that names its one value (its code, or its label in French,
-- with or without accents and typographic apostrophe, Dutch, German or English, any case, spaces around)
-- becomes '10'; any other text, and an empty one, becomes no result. Nothing can fail.
UPDATE "tenant_template"."esf_summaries"
SET "result" = CASE WHEN lower(replace(replace(btrim("result"), '’', ''''), 'É', 'é')) IN (
    '10',
    'épreuve d''évaluation réussie sans titre spécifique',
    'epreuve d''évaluation réussie sans titre spécifique',
    'epreuve d''evaluation reussie sans titre specifique',
    'evaluatieproef geslaagd, zonder specifiek diploma',
    'evaluierungsprüfung bestanden, ohne spezifischen abschluss',
    'evaluation test passed, without a specific qualification'
  ) THEN '10' END,
  "version" = "version" + 1
WHERE "result" IS NOT NULL AND "result" <> '10';
--> statement-breakpoint
-- The Training report certifies its summary (server/integ/reports/esf-print.ts ESF_DOCUMENT_TYPE, Lino's
-- esf std fixture): the type seeded before it did (migration esf_training_report) becomes certifying.
UPDATE "tenant_template"."excerpt_types" SET "certifying" = true, "version" = "version" + 1
WHERE "content_type" = 'esfSummary' AND "template" = 'esfTrainingReport' AND NOT "certifying";
