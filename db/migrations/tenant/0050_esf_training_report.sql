-- hand-written
-- The ESF summaries' Training report (server/integ/reports/esf-print.ts ESF_DOCUMENT_TYPE: the same row), for a
-- centre that has no document type of its template: existing centres get it here, new ones too (the
-- reference seed then finds it).
INSERT INTO "tenant_template"."excerpt_types" ("names", "content_type", "template", "is_primary")
SELECT '{"fr":"Rapport de formation","nl":"Opleidingsverslag","de":"Ausbildungsbericht","en":"Training report"}'::jsonb,
  'esfSummary', 'esfTrainingReport', true
WHERE NOT EXISTS (SELECT 1 FROM "tenant_template"."excerpt_types" e WHERE e."template" = 'esfTrainingReport');
