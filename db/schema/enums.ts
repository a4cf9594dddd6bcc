import { pgEnum } from "drizzle-orm/pg-core";

export const organisationKind = pgEnum("organisation_kind", ["verwaltung", "traeger", "gremium"]);
export const gremiumClassification = pgEnum("gremium_classification", ["ausschuss", "beirat"]);
export const participantRole = pgEnum("participant_role", ["lead", "author", "contributor", "committee"]);
export const conceptStatus = pgEnum("concept_status", [
  "entwurf",
  "konsultation",
  "ueberarbeitung",
  "mitzeichnung",
  "freigegeben",
  "eingereicht",
  "beraten",
  "abgeschlossen",
]);
export const consultationRole = pgEnum("consultation_role", ["vorberatung", "entscheidung", "kenntnisnahme"]);
export const consultationOutcome = pgEnum("consultation_outcome", [
  "zur_kenntnis_genommen",
  "beschlossen",
  "geaendert_beschlossen",
  "vertagt",
  "zurueckverwiesen",
  // The recommendation a Vorberatung ends with.
  "empfohlen",
  "nicht_empfohlen",
]);
export const sectionStatus = pgEnum("section_status", ["entwurf", "zur_abstimmung", "abgestimmt"]);
export const mailStatus = pgEnum("mail_status", ["pending", "sent", "failed"]);
