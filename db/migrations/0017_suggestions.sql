CREATE TYPE "public"."suggestion_kind" AS ENUM('insertion', 'deletion', 'replacement', 'formatting');--> statement-breakpoint
CREATE TYPE "public"."suggestion_status" AS ENUM('open', 'accepted', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TABLE "section_suggestions" (
	"id" text PRIMARY KEY NOT NULL,
	"concept_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"author_organisation_id" uuid,
	"kind" "suggestion_kind" NOT NULL,
	"deleted_text" text DEFAULT '' NOT NULL,
	"inserted_text" text DEFAULT '' NOT NULL,
	"context" text DEFAULT '' NOT NULL,
	"status" "suggestion_status" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"decision" "abwaegung",
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"result_revision_id" uuid
);
--> statement-breakpoint
ALTER TABLE "section_suggestions" ADD CONSTRAINT "section_suggestions_concept_id_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."concepts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_suggestions" ADD CONSTRAINT "section_suggestions_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_suggestions" ADD CONSTRAINT "section_suggestions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_suggestions" ADD CONSTRAINT "section_suggestions_author_organisation_id_organisations_id_fk" FOREIGN KEY ("author_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_suggestions" ADD CONSTRAINT "section_suggestions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_suggestions" ADD CONSTRAINT "section_suggestions_result_revision_id_section_revisions_id_fk" FOREIGN KEY ("result_revision_id") REFERENCES "public"."section_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "section_suggestions_section_idx" ON "section_suggestions" USING btree ("section_id","status");--> statement-breakpoint
CREATE INDEX "section_suggestions_concept_idx" ON "section_suggestions" USING btree ("concept_id","status");