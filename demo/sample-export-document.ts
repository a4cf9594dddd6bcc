import "server-only";
import { doc, h, link, p, text } from "./tiptap";
import { BERATUNGSFOLGE, CONCEPT, MANDATE_ITEMS, MOTION_TEXT, ORGANISATIONS, SECTIONS } from "./welcome-points";
import type { ExportDocument, SynopseRow } from "@/lib/export/export-document";

/**
 * The Welcome Points concept as an export would see it, for tests and for looking at the output. Sign-offs,
 * Synopse and the last section are illustrative; the rest is the seed's content.
 */
const CONTACT_SECTION = doc(
  p("Die Beteiligung folgt ", text("drei Grundsätzen", "bold"), ", die ", text("alle", "italic"), " Träger mittragen:"),
  {
    type: "orderedList",
    attrs: { start: 1 },
    content: [
      { type: "listItem", content: [p("Transparenz gegenüber den Nutzerinnen und Nutzern")] },
      {
        type: "listItem",
        content: [
          p("Verbindliche Absprachen je Stadtbezirk"),
          {
            type: "bulletList",
            content: [
              { type: "listItem", content: [p("Quartalstreffen der Träger")] },
              { type: "listItem", content: [p("Gemeinsame Jahresplanung")] },
            ],
          },
        ],
      },
      { type: "listItem", content: [p("Regelmäßige Evaluation")] },
    ],
  },
  h(3, "Ansprechpartnerin"),
  {
    type: "paragraph",
    content: [
      text("Amt für Migration und Integration"),
      { type: "hardBreak" },
      link("welcome-points@duesseldorf.example", "mailto:welcome-points@duesseldorf.example"),
    ],
  },
  p("Weitere Informationen: ", link("Evaluation der Hochschule Düsseldorf", "https://www.hs-duesseldorf.de/"), "."),
);

export const SAMPLE_SYNOPSE: SynopseRow[] = [
  {
    section: "3. Inhaltliche Weiterentwicklung",
    organisation: "AWO Düsseldorf",
    author: "Deniz Aydın",
    kind: "Änderungsvorschlag",
    text: "Lotsenfunktion ausdrücklich auch für Angebote der Gesundheitsversorgung vorsehen.",
    decision: "übernommen",
    reason: "Entspricht der Handlungsempfehlung 4 der Evaluation.",
    result: "Lotsenfunktion in Regelangebote (Beratung, Gesundheit, Sprachkurse, Arbeit, Bildung)",
  },
  {
    section: "5. Prüfung der Anbindung an die Familienzentren",
    organisation: "Diakonie Düsseldorf",
    author: "Miriam Schulte",
    kind: "Kommentar",
    text: "Die Familienzentren in den Bezirken 1 und 9 haben Raumkapazitäten signalisiert.",
    decision: "zur Kenntnis genommen",
    reason: "Wird in der Standortplanung berücksichtigt.",
    result: "",
  },
];

export function sampleExportDocument(): ExportDocument {
  const sections = SECTIONS.map((s, i) => ({
    number: i + 1,
    title: s.title,
    owner: ORGANISATIONS[s.owner].name,
    content: s.content,
  }));
  sections.push({
    number: sections.length + 1,
    title: "Beteiligung und Kontakt",
    owner: ORGANISATIONS.lead.name,
    content: CONTACT_SECTION,
  });
  return {
    title: CONCEPT.title,
    versionLabel: "Einreichungsfassung",
    generatedAt: "2022-06-01T09:30:00+02:00",
    leadOrganisation: ORGANISATIONS.lead.name,
    mandate: {
      reference: CONCEPT.mandateReference,
      decisionDate: CONCEPT.decisionDate,
      deadline: CONCEPT.deadline,
      text: MOTION_TEXT,
      items: MANDATE_ITEMS,
    },
    consultations: BERATUNGSFOLGE.map((c) => ({
      committee: ORGANISATIONS[c.committee].name,
      role: c.role,
      meetingDate: c.meetingDate,
    })),
    vorlage: { type: "Informationsvorlage", reference: "AGS/029/2022", date: "2022-05-17" },
    sections,
    signoffs: [
      {
        organisation: ORGANISATIONS.lead.name,
        status: "zugestimmt",
        by: "Lena Hoffmann",
        at: "2022-05-10T14:05:00+02:00",
      },
      {
        organisation: ORGANISATIONS.jugendamt.name,
        status: "zugestimmt",
        by: "Jonas Weber",
        at: "2022-05-11T09:12:00+02:00",
      },
      {
        organisation: ORGANISATIONS.diakonie.name,
        status: "zugestimmt_mit_anmerkungen",
        by: "Miriam Schulte",
        at: "2022-05-11T16:40:00+02:00",
        remarks: "Raumfrage in Bezirk 1 bis Herbst klären.",
      },
      {
        organisation: ORGANISATIONS.awo.name,
        status: "zugestimmt",
        by: "Deniz Aydın",
        at: "2022-05-12T08:55:00+02:00",
      },
      { organisation: ORGANISATIONS.caritas.name, status: "ausstehend" },
    ],
    contentHash: "9f2c1e7a5b0d4c3e8f6a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60",
    synopse: SAMPLE_SYNOPSE,
  };
}
