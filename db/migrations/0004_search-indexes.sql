CREATE INDEX "sections_search_idx" ON "sections" USING gin (to_tsvector('german', "content_text"));--> statement-breakpoint
CREATE INDEX "change_proposals_search_idx" ON "change_proposals" USING gin (to_tsvector('german', "reason" || ' ' || "content_text"));--> statement-breakpoint
CREATE INDEX "comments_search_idx" ON "comments" USING gin (to_tsvector('german', "body"));