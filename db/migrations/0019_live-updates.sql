CREATE TABLE "section_live_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"section_id" uuid NOT NULL,
	"update" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "section_live_updates" ADD CONSTRAINT "section_live_updates_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "section_live_updates_section_idx" ON "section_live_updates" USING btree ("section_id","id");