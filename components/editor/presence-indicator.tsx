"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

export type PresentPerson = { name: string; organisations: string | null };
const HEARTBEAT_MS = 10_000;

/**
 * Tells the server every 10 s that this section is open for editing, shows who else has it open, and
 * says goodbye when the page is left (otherwise the server forgets us after 30 s).
 */
export function PresenceIndicator({ url, initial }: { url: string; initial: PresentPerson[] }) {
  const t = useTranslations("presence");
  const [others, setOthers] = useState<PresentPerson[]>(initial);

  useEffect(() => {
    let stopped = false;
    async function beat() {
      try {
        const response = await fetch(url, { method: "POST" });
        if (!response.ok) {
          if (response.status >= 400 && response.status < 500) stopped = true;
          return;
        }
        const body = (await response.json()) as { others: PresentPerson[] };
        if (!stopped) setOthers(body.others);
      } catch {
        // Offline for a moment: the next beat will tell.
      }
    }
    const leave = () => void fetch(url, { method: "DELETE", keepalive: true }).catch(() => {});
    void beat();
    const timer = window.setInterval(() => {
      if (!stopped) void beat();
    }, HEARTBEAT_MS);
    window.addEventListener("pagehide", leave);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [url]);

  const names = others.map((o) => (o.organisations ? `${o.name} (${o.organisations})` : o.name));
  return (
    <p
      role="status"
      className={
        others.length
          ? "rounded-md border border-[#f0d3a1] bg-[#fdf2e0] px-3 py-2 font-semibold text-warn"
          : "text-sm text-muted"
      }
    >
      {others.length ? t("others", { count: others.length, names: names.join(", ") }) : t("alone")}
    </p>
  );
}
