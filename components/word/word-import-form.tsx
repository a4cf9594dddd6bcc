"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

type Change = { kind: string; deletedText: string; insertedText: string };
type Preview = {
  mode: "revision" | "suggestions";
  applied: boolean;
  baseVersion: number;
  changes: Change[];
  dropped: { part: string; count: number }[];
  warnings: string[];
  revision?: number;
};
type State =
  | { kind: "idle" | "checking" | "cancelled" }
  | { kind: "preview" | "applying"; preview: Preview }
  | { kind: "done"; result: Preview }
  | { kind: "failed"; message: string; preview?: Preview };

const SHOWN_CHANGES = 50;

async function post(url: string, file: File, extra: Record<string, string>): Promise<Preview> {
  const form = new FormData();
  form.set("file", file);
  for (const [key, value] of Object.entries(extra)) form.set(key, value);
  const response = await fetch(url, { method: "POST", body: form, credentials: "same-origin" });
  const body = (await response.json().catch(() => null)) as (Preview & { message?: string }) | null;
  if (!response.ok || !body) throw new Error(body?.message ?? response.statusText);
  return body;
}

/**
 * Upload a .docx into a section: first a preview (what changes, what the editor cannot hold), stored only on
 * "Übernehmen"; the file is sent again then, so "Abbrechen" leaves nothing behind.
 */
export function WordImportForm({
  conceptId,
  sectionId,
  importAs,
}: {
  conceptId: string;
  sectionId: string;
  importAs: "revision" | "suggestions";
}) {
  const t = useTranslations("word");
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ kind: "idle" });
  const url = `/api/concepts/${conceptId}/sections/${sectionId}/word`;

  async function showPreview(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = input.current?.files?.[0] ?? null;
    setFile(chosen);
    if (!chosen) return;
    setState({ kind: "checking" });
    try {
      setState({ kind: "preview", preview: await post(url, chosen, {}) });
    } catch (error) {
      setState({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  }

  async function apply(preview: Preview) {
    if (!file) return;
    setState({ kind: "applying", preview });
    try {
      const result = await post(url, file, { apply: "1", baseVersion: String(preview.baseVersion) });
      setState({ kind: "done", result });
      if (input.current) input.current.value = "";
      router.refresh();
    } catch (error) {
      setState({ kind: "failed", message: error instanceof Error ? error.message : String(error), preview });
    }
  }

  function cancel() {
    setFile(null);
    if (input.current) input.current.value = "";
    setState({ kind: "cancelled" });
  }

  const preview = state.kind === "preview" || state.kind === "applying" ? state.preview : null;
  const status =
    state.kind === "checking"
      ? t("checking")
      : state.kind === "cancelled"
        ? t("cancelled")
        : state.kind === "done"
          ? state.result.mode === "revision"
            ? t("doneRevision", { number: state.result.revision ?? 0 })
            : t("doneSuggestions", { count: state.result.changes.length })
          : "";

  return (
    <div>
      <p className="mt-2 max-w-3xl text-muted">
        {importAs === "revision" ? t("importIntroRevision") : t("importIntroSuggestions")}
      </p>
      <form onSubmit={showPreview} className="mt-3 flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-file`} className="font-semibold">
            {t("file")}
          </label>
          <input
            ref={input}
            id={`${id}-file`}
            name="file"
            type="file"
            required
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            className="rounded-md border border-line bg-white px-2 py-1"
          />
        </div>
        <Button type="submit" variant="secondary" disabled={state.kind === "checking" || state.kind === "applying"}>
          {t("preview")}
        </Button>
      </form>

      <p role="status" aria-live="polite" className="mt-3 font-semibold">
        {status}
      </p>
      {state.kind === "failed" ? (
        <p role="alert" className="mt-3 rounded-md border border-danger bg-white px-4 py-3 text-danger">
          {t("failed", { message: state.message })}
        </p>
      ) : null}

      {preview ? (
        <section aria-labelledby={`${id}-preview`} className="mt-4 rounded-md border border-line bg-canvas p-4">
          <h3 id={`${id}-preview`} className="text-lg font-bold">
            {t("previewTitle")}
          </h3>
          <p className="mt-1">
            {preview.mode === "revision"
              ? t("previewRevision", { count: preview.changes.length })
              : t("previewSuggestions", { count: preview.changes.length })}
          </p>
          <ChangeList changes={preview.changes} />
          <h4 className="mt-4 font-bold">{t("droppedTitle")}</h4>
          {preview.dropped.length ? (
            <ul className="mt-1 list-disc pl-6">
              {preview.dropped.map((d) => (
                <li key={d.part}>{t("dropped", { part: d.part, count: d.count })}</li>
              ))}
            </ul>
          ) : (
            <p className="mt-1">{t("droppedNone")}</p>
          )}
          {preview.warnings.length ? (
            <details className="mt-3">
              <summary>{t("warnings")}</summary>
              <ul className="mt-1 list-disc pl-6">
                {preview.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </details>
          ) : null}
          <div className="mt-4 flex flex-wrap gap-3">
            <Button
              type="button"
              onClick={() => apply(preview)}
              disabled={state.kind === "applying" || !preview.changes.length}
            >
              {state.kind === "applying" ? t("applying") : t("apply")}
            </Button>
            <Button type="button" variant="secondary" onClick={cancel} disabled={state.kind === "applying"}>
              {t("cancel")}
            </Button>
          </div>
        </section>
      ) : null}

      {state.kind === "done" && state.result.mode === "suggestions" ? (
        <ChangeList changes={state.result.changes} />
      ) : null}
    </div>
  );
}

function ChangeList({ changes }: { changes: Change[] }) {
  const t = useTranslations("word");
  if (!changes.length) return null;
  return (
    <ol aria-label={t("previewTitle")} className="mt-2 flex max-h-96 flex-col gap-2 overflow-y-auto pl-6" tabIndex={0}>
      {changes.slice(0, SHOWN_CHANGES).map((c, i) => (
        <li key={i} className="list-decimal">
          <span className="font-semibold">{t("kind", { kind: c.kind })}</span>
          {c.deletedText ? (
            <>
              {" "}
              {t("removed")} <del className="text-danger">{c.deletedText}</del>
            </>
          ) : null}
          {c.insertedText ? (
            <>
              {" "}
              {t("added")} <ins className="text-ok">{c.insertedText}</ins>
            </>
          ) : null}
        </li>
      ))}
      {changes.length > SHOWN_CHANGES ? <li>{t("moreChanges", { count: changes.length - SHOWN_CHANGES })}</li> : null}
    </ol>
  );
}
