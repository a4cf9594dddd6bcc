CREATE TABLE "section_live_documents" (
	"section_id" uuid PRIMARY KEY NOT NULL,
	"state" "bytea" NOT NULL,
	"base_version" integer NOT NULL,
	"dirty" boolean DEFAULT false NOT NULL,
	"contributor_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "section_revision_contributors" (
	"revision_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "section_revision_contributors_revision_id_user_id_pk" PRIMARY KEY("revision_id","user_id")
);
--> statement-breakpoint
DROP TABLE "section_presence" CASCADE;--> statement-breakpoint
ALTER TABLE "section_live_documents" ADD CONSTRAINT "section_live_documents_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_revision_contributors" ADD CONSTRAINT "section_revision_contributors_revision_id_section_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."section_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_revision_contributors" ADD CONSTRAINT "section_revision_contributors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;