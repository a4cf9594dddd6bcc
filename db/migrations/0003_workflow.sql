CREATE TYPE "public"."paper_type" AS ENUM('informationsvorlage', 'beschlussvorlage');--> statement-breakpoint
CREATE TYPE "public"."signoff_decision" AS ENUM('zugestimmt', 'zugestimmt_mit_anmerkungen', 'abgelehnt');--> statement-breakpoint
CREATE TYPE "public"."signoff_round_status" AS ENUM('open', 'voided', 'completed');--> statement-breakpoint
CREATE TABLE "committee_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concept_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"organisation_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "required_signoffs" (
	"concept_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "required_signoffs_concept_id_organisation_id_pk" PRIMARY KEY("concept_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "signoff_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concept_id" uuid NOT NULL,
	"fassung_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" "signoff_round_status" DEFAULT 'open' NOT NULL,
	"content_hash" text NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"void_reason" text
);
--> statement-breakpoint
CREATE TABLE "signoffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"decision" "signoff_decision" NOT NULL,
	"remarks" text,
	"content_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concept_id" uuid,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha512" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vorlagen" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concept_id" uuid NOT NULL,
	"fassung_id" uuid NOT NULL,
	"paper_type" "paper_type" NOT NULL,
	"reference" text NOT NULL,
	"paper_date" date NOT NULL,
	"file_id" uuid,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "calendar_token_hash" text;--> statement-breakpoint
ALTER TABLE "concepts" ADD COLUMN "submission_lead_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "concepts" ADD COLUMN "signoff_days" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "concepts" ADD COLUMN "revision_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "committee_questions" ADD CONSTRAINT "committee_questions_concept_id_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."concepts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_questions" ADD CONSTRAINT "committee_questions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_questions" ADD CONSTRAINT "committee_questions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_questions" ADD CONSTRAINT "committee_questions_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "required_signoffs" ADD CONSTRAINT "required_signoffs_concept_id_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."concepts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "required_signoffs" ADD CONSTRAINT "required_signoffs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signoff_rounds" ADD CONSTRAINT "signoff_rounds_concept_id_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."concepts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signoff_rounds" ADD CONSTRAINT "signoff_rounds_fassung_id_fassungen_id_fk" FOREIGN KEY ("fassung_id") REFERENCES "public"."fassungen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signoff_rounds" ADD CONSTRAINT "signoff_rounds_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signoffs" ADD CONSTRAINT "signoffs_round_id_signoff_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."signoff_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signoffs" ADD CONSTRAINT "signoffs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signoffs" ADD CONSTRAINT "signoffs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_concept_id_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."concepts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vorlagen" ADD CONSTRAINT "vorlagen_concept_id_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."concepts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vorlagen" ADD CONSTRAINT "vorlagen_fassung_id_fassungen_id_fk" FOREIGN KEY ("fassung_id") REFERENCES "public"."fassungen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vorlagen" ADD CONSTRAINT "vorlagen_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vorlagen" ADD CONSTRAINT "vorlagen_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "committee_questions_concept_idx" ON "committee_questions" USING btree ("concept_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "signoff_rounds_concept_number_unique" ON "signoff_rounds" USING btree ("concept_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "signoff_rounds_one_open" ON "signoff_rounds" USING btree ("concept_id") WHERE "signoff_rounds"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "signoffs_round_org_unique" ON "signoffs" USING btree ("round_id","organisation_id");--> statement-breakpoint
CREATE INDEX "stored_files_concept_idx" ON "stored_files" USING btree ("concept_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vorlagen_concept_unique" ON "vorlagen" USING btree ("concept_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vorlagen_reference_unique" ON "vorlagen" USING btree ("reference");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_calendarTokenHash_unique" UNIQUE("calendar_token_hash");