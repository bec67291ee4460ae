-- hand-written
-- The printed Art. 60§7 contract and immersion training (server/jobs/print.ts ART60_DOCUMENT_TYPE,
-- server/immersion/print.ts IMMERSION_DOCUMENT_TYPE: the same rows), for a centre that has no document
-- type of their content type.
INSERT INTO "tenant_template"."excerpt_types" ("names", "content_type", "template", "is_primary", "certifying")
SELECT v.names::jsonb, v.content_type, v.template, true, true
FROM (VALUES
  ('{"fr":"Convention de mise à l''emploi art. 60§7","nl":"Overeenkomst tewerkstelling art. 60§7","de":"Konvention Art. 60§7","en":"Art. 60§7 job supply contract"}', 'art60Contract', 'art60Contract'),
  ('{"fr":"Convention de stage d''immersion","nl":"Overeenkomst inleefstage","de":"Vereinbarung Immersionspraktikum","en":"Immersion training agreement"}', 'immersionContract', 'immersionContract')
) AS v(names, content_type, template)
WHERE NOT EXISTS (SELECT 1 FROM "tenant_template"."excerpt_types" e WHERE e."content_type" = v.content_type);--> statement-breakpoint
-- The Art. 61 convention certifies its contract like the PIIS (server/art61/print.ts seedConventionType):
-- the type seeded before it did becomes certifying.
UPDATE "tenant_template"."excerpt_types" SET "certifying" = true, "version" = "version" + 1
WHERE "content_type" = 'art61Contract' AND "template" = 'art61Convention' AND NOT "certifying";
