import { getTranslations } from "next-intl/server";
import type { ConceptStatus } from "@/lib/permissions/permissions";
import { Badge } from "./ui/badge";

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

export async function ConceptStatusBadge({ status }: { status: ConceptStatus }) {
  const t = await getTranslations("status");
  return <Badge tone={CONCEPT_TONE[status]}>{t(status)}</Badge>;
}

export async function SectionStatusBadge({ status }: { status: "entwurf" | "zur_abstimmung" | "abgestimmt" }) {
  const t = await getTranslations("sectionStatus");
  return (
    <Badge tone={status === "abgestimmt" ? "ok" : status === "zur_abstimmung" ? "info" : "neutral"}>{t(status)}</Badge>
  );
}

export async function IllustrativeMark({ show }: { show: boolean }) {
  if (!show) return null;
  const t = await getTranslations("common");
  return (
    <span className="illustrative-mark" title={t("illustrativeHint")}>
      {`(${t("illustrative")})`}
    </span>
  );
}
