import { getTranslations } from "next-intl/server";
import type { ConceptStatus } from "@/lib/permissions/permissions";
import { Badge } from "./ui/badge";

type SectionStatus = "entwurf" | "zur_abstimmung" | "abgestimmt";

const CONCEPT_TONE: Record<ConceptStatus, "neutral" | "info" | "ok" | "warn"> = {
  entwurf: "neutral",
  konsultation: "info",
  ueberarbeitung: "warn",
  mitzeichnung: "info",
  freigegeben: "ok",
  eingereicht: "ok",
  beraten: "ok",
  abgeschlossen: "neutral",
};

const sectionTone = (status: SectionStatus) =>
  status === "abgestimmt" ? "ok" : status === "zur_abstimmung" ? "info" : "neutral";

export async function ConceptStatusBadge({ status }: { status: ConceptStatus }) {
  const t = await getTranslations("status");
  return <Badge tone={CONCEPT_TONE[status]}>{t(status)}</Badge>;
}

export async function SectionStatusBadge({ status }: { status: SectionStatus }) {
  const t = await getTranslations("sectionStatus");
  return <Badge tone={sectionTone(status)}>{t(status)}</Badge>;
}

export async function IllustrativeMark({ show }: { show: boolean }) {
  if (!show) return null;
  return illustrativeMark(await getTranslations("common"));
}

/**
 * For tables with a badge in every row: the translations read once, each row's badge made in place. (Not one
 * shared element: React sends a repeated element as a path back to its first use, longer than the badge.)
 */
export async function sectionStatusBadges(): Promise<(status: SectionStatus) => React.ReactElement> {
  const t = await getTranslations("sectionStatus");
  return function sectionStatusBadge(status) {
    return <Badge tone={sectionTone(status)}>{t(status)}</Badge>;
  };
}

/** The "(illustrativ)" mark for tables that show it in many rows, translated once. */
export async function illustrativeMarks(): Promise<() => React.ReactElement> {
  const t = await getTranslations("common");
  return () => illustrativeMark(t);
}

function illustrativeMark(t: Awaited<ReturnType<typeof getTranslations<"common">>>) {
  return (
    <span className="illustrative-mark" title={t("illustrativeHint")}>
      {`(${t("illustrative")})`}
    </span>
  );
}
