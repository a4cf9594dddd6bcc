"use client";

import { EditorContent, useEditor, type JSONContent } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { EditorToolbar } from "@/components/editor/editor-toolbar";
import { LinkDialog } from "@/components/editor/link-dialog";
import { Button } from "@/components/ui/button";
import { editorExtensions } from "@/lib/content/editor-extensions";
import { InterveningChanges, type InterveningChange } from "./intervening-changes";

export type ProposalEditorProps = {
  mode: "propose" | "reconcile";
  endpoint: string;
  /** Where to go after success. */
  doneHref: string;
  initialContent: { type: "doc"; content?: unknown[] };
  baseVersion: number;
  label: string;
  /**
   * Reconcile only: changes other people made since the proposal, which the accepted text replaces. The server
   * refuses the accept unless it carries the version they were confirmed as of.
   */
  intervening?: { proposalBase: number; changes: InterveningChange[] } | null;
};

/**
 * Drafting replacement text (propose) or reconciling a proposal with a section that changed meanwhile
 * (reconcile). The text stays in the editor whatever the server answers.
 */
export default function ProposalEditor(props: ProposalEditorProps) {
  const t = useTranslations("proposals");
  const router = useRouter();
  const id = useId().replace(/[^a-zA-Z0-9]/g, "");
  const [reason, setReason] = useState("");
  const [linkOpen, setLinkOpen] = useState(false);
  const [status, setStatus] = useState<{ kind: "idle" | "busy" | "error"; message: string; field?: string }>({
    kind: "idle",
    message: "",
  });
  const editor = useEditor({
    extensions: editorExtensions,
    content: props.initialContent as JSONContent,
    immediatelyRender: false,
    // The toolbar's aria-controls points at this id.
    editorProps: {
      attributes: {
        id: `werkzeuge${id}-text`,
        class: "rich-text min-h-64 p-4 focus:outline-none",
        "aria-label": props.label,
        "aria-multiline": "true",
        role: "textbox",
      },
    },
  });

  async function submit(confirmedVersion?: number) {
    if (!editor) return;
    setStatus({ kind: "busy", message: t("sending") });
    const body =
      props.mode === "propose"
        ? { baseVersion: props.baseVersion, content: editor.getJSON(), reason }
        : { baseVersion: props.baseVersion, content: editor.getJSON(), confirmedVersion };
    try {
      const response = await fetch(props.endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const json = (await response.json().catch(() => ({}))) as {
        ok?: boolean;
        proposalId?: string;
        message?: string;
        fieldErrors?: Record<string, string>;
      };
      if (response.ok && json.ok) {
        window.location.assign(
          props.mode === "propose" && json.proposalId ? `${props.doneHref}/${json.proposalId}` : props.doneHref,
        );
        return;
      }
      const field = json.fieldErrors ? Object.keys(json.fieldErrors)[0] : undefined;
      setStatus({ kind: "error", message: (field && json.fieldErrors?.[field]) || json.message || t("failed"), field });
      // The section moved on: the page reloads its data (the changes to confirm, the base); the text stays here.
      if (response.status === 409) router.refresh();
    } catch {
      setStatus({ kind: "error", message: t("offline") });
    }
  }

  return (
    <div className="mt-6 flex flex-col gap-4">
      <div className="rounded-lg border border-line bg-white">
        {editor ? (
          <EditorToolbar
            editor={editor}
            id={`werkzeuge${id}`}
            onLink={() => setLinkOpen(true)}
            onReturnToText={() => editor.commands.focus()}
          />
        ) : null}
        <EditorContent editor={editor} />
        {editor ? <LinkDialog editor={editor} open={linkOpen} onOpenChange={setLinkOpen} /> : null}
      </div>
      {props.mode === "propose" ? (
        <div>
          <label htmlFor={`reason-${id}`} className="font-semibold">
            {t("reason")}
          </label>
          <textarea
            id={`reason-${id}`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={3}
            maxLength={10000}
            aria-invalid={status.field === "reason" ? true : undefined}
            aria-describedby={status.field === "reason" ? `status-${id}` : undefined}
            className="mt-1 w-full rounded-md border border-muted bg-white px-3 py-2"
          />
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-4">
        {props.mode === "reconcile" && props.intervening ? (
          <InterveningChanges
            proposalBase={props.intervening.proposalBase}
            currentVersion={props.baseVersion}
            changes={props.intervening.changes}
            busy={status.kind === "busy" || !editor}
            error={status.kind === "error" ? status.message : ""}
            onConfirm={() => void submit(props.baseVersion)}
          />
        ) : (
          <Button type="button" onClick={() => void submit()} disabled={status.kind === "busy" || !editor}>
            {props.mode === "propose" ? t("submit") : t("acceptReconciled")}
          </Button>
        )}
        <p
          id={`status-${id}`}
          role={status.kind === "error" ? "alert" : "status"}
          className={status.kind === "error" ? "font-semibold text-danger" : "text-muted"}
        >
          {status.message}
        </p>
      </div>
    </div>
  );
}
