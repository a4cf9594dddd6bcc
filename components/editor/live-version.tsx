"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/** Sent on window by the section editor when the live server announces a section's new revision number. */
export const LIVE_VERSION_EVENT = "konzeptwerk:live-version";
export type LiveVersionDetail = { sectionId: string; number: number };

/** The editor header's "Version N": follows every revision cut while the page is open, by anyone. */
export function LiveVersion({ sectionId, initial }: { sectionId: string; initial: number }) {
  const t = useTranslations("editor");
  const [number, setNumber] = useState(initial);
  useEffect(() => {
    const onVersion = (event: Event) => {
      const detail = (event as CustomEvent<LiveVersionDetail>).detail;
      if (detail.sectionId === sectionId) setNumber((was) => Math.max(was, detail.number));
    };
    window.addEventListener(LIVE_VERSION_EVENT, onVersion);
    return () => window.removeEventListener(LIVE_VERSION_EVENT, onVersion);
  }, [sectionId]);
  return <span data-testid="live-version">{t("version", { number })}</span>;
}
