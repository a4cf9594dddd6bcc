DROP INDEX "vorlagen_concept_unique";--> statement-breakpoint
CREATE UNIQUE INDEX "vorlagen_concept_active_unique" ON "vorlagen" USING btree ("concept_id") WHERE "vorlagen"."withdrawn_at" is null;