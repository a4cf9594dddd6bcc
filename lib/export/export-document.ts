import "server-only";
import type { SuggestionAuthors } from "./content-blocks";

/** Stored section content as the editor saves it; validated against the schema elsewhere, so renderers stay defensive. */
export type TiptapDoc = { type: "doc"; content?: unknown[] };

export type SignoffStatus = "zugestimmt" | "zugestimmt_mit_anmerkungen" | "abgelehnt" | "ausstehend";

export type SynopseRow = {
  section: string;
  organisation: string;
  author: string;
  kind: "Kommentar" | "Änderungsvorschlag" | "Vorschlag im Text";
  text: string;
  decision: string;
  reason: string;
  result: string;
};

/**
 * Everything an export shows, already filtered for the reader's visibility. The renderers trust nothing in here
 * beyond its shape: text is cleaned and links are checked again on the way out.
 */
export type ExportDocument = {
  title: string;
  versionLabel: string; // e.g. "Einreichungsfassung" or "Aktueller Stand"
  generatedAt: string; // ISO date-time
  leadOrganisation: string;
  mandate: { reference: string; decisionDate: string; deadline: string; text: string; items: string[] };
  consultations?: { committee: string; role: string; meetingDate: string }[];
  vorlage?: {
    type: string;
    reference: string;
    date: string;
    /** The parts of a council paper before the concept: Beschlussvorschlag (Beschlussvorlage only), finanzielle Auswirkungen, Begründung. */
    decisionProposal?: string;
    financialImpact?: string;
    reasoning?: string;
  };
  sections: {
    number: number;
    title: string;
    owner: string;
    content: TiptapDoc;
    /** Only for the live text with open suggestions (working-text DOCX): who made each, and when. */
    suggestions?: SuggestionAuthors;
  }[];
  signoffs?: { organisation: string; status: SignoffStatus; by?: string; at?: string; remarks?: string }[];
  contentHash?: string; // SHA-256 of the frozen Fassung, printed on the sign-off page
  /** The audit chain's head when the Vorlage was made (external anchor for `audit:verify --head`). */
  auditHead?: { seq: number; hash: string };
  synopse?: SynopseRow[];
  /**
   * DOCX only: the sections' text and nothing around it (no title page, contents, section headings or appendices),
   * its headings from Word's "Überschrift 1" — a section's Word file to edit and upload again.
   */
  bodyOnly?: boolean;
};
