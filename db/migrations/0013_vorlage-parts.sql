ALTER TYPE "public"."consultation_outcome" ADD VALUE 'empfohlen';--> statement-breakpoint
ALTER TYPE "public"."consultation_outcome" ADD VALUE 'nicht_empfohlen';--> statement-breakpoint
ALTER TABLE "committee_questions" ADD COLUMN "section_id" uuid;--> statement-breakpoint
ALTER TABLE "committee_questions" ADD COLUMN "anchor" jsonb;--> statement-breakpoint
ALTER TABLE "vorlagen" ADD COLUMN "decision_proposal" text;--> statement-breakpoint
ALTER TABLE "vorlagen" ADD COLUMN "financial_impact" text;--> statement-breakpoint
ALTER TABLE "vorlagen" ADD COLUMN "reasoning" text;--> statement-breakpoint
ALTER TABLE "committee_questions" ADD CONSTRAINT "committee_questions_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE no action ON UPDATE no action;