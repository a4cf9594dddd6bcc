import { berlinDateTime, germanDate, oparlDateTime, withoutEmpty } from "./oparl-format";
import { meetingKey, type OparlUrls } from "./oparl-urls";

/** Rows as lib/oparl's queries return them; timestamps are epoch milliseconds. */
type Stamped = { createdMs: number; modifiedMs: number };
export type PaperRow = Stamped & {
  id: string;
  paperType: string;
  reference: string;
  paperDate: string;
  fileId: string | null;
  title: string;
  leadOrganisationId: string;
  deleted: boolean;
  decisionProposal: string | null;
  financialImpact: string | null;
  reasoning: string | null;
};
export type ConsultationRow = Stamped & {
  id: string;
  paperId: string;
  committeeId: string;
  role: string;
  meetingDate: string;
  deleted: boolean;
};
export type MeetingRow = Stamped & {
  committeeId: string;
  meetingDate: string;
  /** HH:MM in Berlin, or null where the Beratungsfolge has no start time. */
  meetingTime: string | null;
  committeeName: string;
};
export type OrganizationRow = Stamped & {
  id: string;
  name: string;
  shortName: string;
  kind: string;
  classification: string | null;
};
export type FileRow = Stamped & {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha512: string;
  paperDate: string;
  paperIds: string;
  title: string;
  reference: string;
};

const type = (name: string) => `https://schema.oparl.org/1.1/${name}`;

const PAPER_TYPE: Record<string, string> = {
  informationsvorlage: "Informationsvorlage",
  beschlussvorlage: "Beschlussvorlage",
};
const ROLE: Record<string, string> = {
  vorberatung: "Vorberatung",
  entscheidung: "Entscheidung",
  kenntnisnahme: "Kenntnisnahme",
};
const CLASSIFICATION: Record<string, string> = { ausschuss: "Ausschuss", beirat: "Beirat" };

function stamps(row: Stamped) {
  return { created: oparlDateTime(row.createdMs), modified: oparlDateTime(row.modifiedMs) };
}

/** A soft-deleted object keeps only id, type, created and modified (OParl "Gelöschte Objekte"). */
function deletedStub(id: string, typeName: string, row: Stamped) {
  return { id, type: type(typeName), ...stamps(row), deleted: true };
}

export function toConsultation(row: ConsultationRow, urls: OparlUrls) {
  const id = urls.object("consultation", row.id);
  if (row.deleted) return deletedStub(id, "Consultation", row);
  return {
    id,
    type: type("Consultation"),
    paper: urls.object("paper", row.paperId),
    meeting: urls.object("meeting", meetingKey(row.committeeId, row.meetingDate)),
    organization: [urls.object("organization", row.committeeId)],
    role: ROLE[row.role] ?? row.role,
    authoritative: row.role === "entscheidung",
    ...stamps(row),
  };
}

export function toFile(row: FileRow, urls: OparlUrls) {
  return withoutEmpty({
    id: urls.object("file", row.id),
    type: type("File"),
    name: `Vorlage ${row.reference}: ${row.title}`,
    fileName: row.fileName,
    mimeType: row.mimeType,
    date: row.paperDate,
    size: Number(row.size),
    sha512Checksum: row.sha512,
    accessUrl: urls.fileAccess(row.id),
    downloadUrl: urls.fileDownload(row.id),
    paper: row.paperIds.split(",").map((id) => urls.object("paper", id)),
    ...stamps(row),
  });
}

/** A Paper embeds its Beratungsfolge (Consultation) and its PDF (File); organisations are referenced by URL. */
export function toPaper(row: PaperRow, consultations: ConsultationRow[], file: FileRow | undefined, urls: OparlUrls) {
  const id = urls.object("paper", row.id);
  if (row.deleted) return deletedStub(id, "Paper", row);
  return withoutEmpty({
    id,
    type: type("Paper"),
    body: urls.body,
    name: row.title,
    reference: row.reference,
    date: row.paperDate,
    paperType: PAPER_TYPE[row.paperType] ?? row.paperType,
    underDirectionOf: [urls.object("organization", row.leadOrganisationId)],
    mainFile: file ? toFile(file, urls) : undefined,
    consultation: consultations.map((c) => toConsultation(c, urls)),
    // OParl 1.1 has no properties for the paper's own parts; they are in the PDF (mainFile) and, for clients
    // that read them, here as vendor-prefixed extensions (OParl 1.1, "Herstellerspezifische Erweiterungen").
    "konzeptwerk:beschlussvorschlag": row.decisionProposal ?? undefined,
    "konzeptwerk:finanzielleAuswirkungen": row.financialImpact ?? undefined,
    "konzeptwerk:begruendung": row.reasoning ?? undefined,
    ...stamps(row),
  });
}

export function toMeeting(row: MeetingRow, urls: OparlUrls) {
  return withoutEmpty({
    id: urls.object("meeting", meetingKey(row.committeeId, row.meetingDate)),
    type: type("Meeting"),
    name: `${row.committeeName} – Sitzung am ${germanDate(row.meetingDate)}`,
    // The end of a meeting is not known before it took place, so only its start is given.
    start: row.meetingTime ? berlinDateTime(row.meetingDate, row.meetingTime) : undefined,
    organization: [urls.object("organization", row.committeeId)],
    ...stamps(row),
  });
}

export function toOrganization(row: OrganizationRow, urls: OparlUrls) {
  const gremium = row.kind === "gremium";
  return withoutEmpty({
    id: urls.object("organization", row.id),
    type: type("Organization"),
    body: urls.body,
    name: row.name,
    shortName: row.shortName,
    organizationType: gremium ? "Gremium" : "Verwaltungsbereich",
    classification: gremium && row.classification ? CLASSIFICATION[row.classification] : undefined,
    ...stamps(row),
  });
}
