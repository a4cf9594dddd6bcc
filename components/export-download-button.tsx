"use client";

import { useState } from "react";

export type ExportDownloadLabels = { busy: string; done: string; failed: string };

function fileNameFrom(disposition: string | null, fallback: string): string {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return disposition?.match(/filename="([^"]+)"/)?.[1] ?? fallback;
}

/**
 * Starts an export in the background: the button shows a busy state and a polite live region says
 * "Export wird erstellt …", then done or the server's German message. The file arrives as a blob download,
 * so a long PDF never leaves the page blank. Without JavaScript the plain link still downloads.
 */
export function ExportDownloadButton({
  href,
  label,
  accessibleLabel,
  labels,
  fallbackName,
}: {
  href: string;
  label: string;
  accessibleLabel?: string;
  labels: ExportDownloadLabels;
  fallbackName: string;
}) {
  const [state, setState] = useState<{ kind: "idle" | "busy" | "done" | "failed"; message: string }>({
    kind: "idle",
    message: "",
  });

  async function download(event: React.MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    if (state.kind === "busy") return;
    setState({ kind: "busy", message: labels.busy });
    try {
      const response = await fetch(href, { credentials: "same-origin" });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { message?: string } | null;
        throw new Error(body?.message ?? response.statusText);
      }
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = fileNameFrom(response.headers.get("Content-Disposition"), fallbackName);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ kind: "done", message: labels.done.replace("{file}", link.download) });
    } catch (error) {
      setState({
        kind: "failed",
        message: labels.failed.replace("{message}", error instanceof Error ? error.message : String(error)),
      });
    }
  }

  const busy = state.kind === "busy";
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <a
        href={href}
        download
        onClick={download}
        aria-disabled={busy || undefined}
        aria-busy={busy || undefined}
        aria-label={accessibleLabel}
        className={busy ? "cursor-progress opacity-70" : undefined}
      >
        {busy ? (
          <span
            aria-hidden="true"
            className="mr-1 inline-block h-3 w-3 animate-spin rounded-full border-2 border-current border-t-transparent align-[-1px]"
          />
        ) : null}
        {label}
      </a>
      <span role="status" aria-live="polite" className={state.kind === "failed" ? "text-danger" : "text-muted"}>
        {state.message}
      </span>
    </span>
  );
}
