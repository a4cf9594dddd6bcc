-- The search reads stored tsvectors instead of computing to_tsvector per row: ranking and matching use the column, and its GIN index replaces the expression indexes of 0004.
DROP INDEX "sections_search_idx";--> statement-breakpoint
DROP INDEX "change_proposals_search_idx";--> statement-breakpoint
DROP INDEX "comments_search_idx";--> statement-breakpoint
ALTER TABLE "sections" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('german', "content_text")) STORED;--> statement-breakpoint
ALTER TABLE "change_proposals" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('german', "reason" || ' ' || "content_text")) STORED;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('german', "body")) STORED;--> statement-breakpoint
CREATE INDEX "sections_search_vector_idx" ON "sections" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "change_proposals_search_vector_idx" ON "change_proposals" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "comments_search_vector_idx" ON "comments" USING gin ("search_vector");
