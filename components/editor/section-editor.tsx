"use client";

import { EditorContent, useEditor, type JSONContent } from "@tiptap/react";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { editorExtensions } from "@/lib/content/editor-extensions";
import { ConflictPanel, type ConflictView } from "./conflict-panel";
import { clearDraft, draftKey, readDraft, sameDoc, writeDraft, type StoredDraft } from "./draft-storage";
import { DraftOffer } from "./draft-offer";
import { EditorToolbar } from "./editor-toolbar";
import { LinkDialog } from "./link-dialog";
import { PresenceIndicator, type PresentPerson } from "./presence-indicator";
import { SaveBar, type SaveStatus } from "./save-bar";
import { fetchConflict, postRevision } from "./section-api";

export type SectionEditorProps = {
  conceptId: string;
  sectionId: string;
  userId: string;
  sectionLabel: string;
  /** The stored tiptap JSON, already validated by the server. */
  initialContent: { type: "doc"; content?: unknown[] };
  initialVersion: number;
  others: PresentPerson[];
  readHref: string;
};

const MAX_CONTENT_BYTES = 512 * 1024;
const DRAFT_DELAY_MS = 300;

/** The initial draft offer: a stored draft that differs from what the server has. */
function initialOffer(key: string, content: JSONContent): StoredDraft | null {
  const draft = readDraft(key);
  if (!draft) return null;
  if (sameDoc(draft.content, content) && !draft.note) {
    clearDraft(key);
    return null;
  }
  return draft;
}

/**
 * The section editor: tiptap with the shared extension list, explicit saving with a change note, a
 * browser-side draft as you type, conflict handling that never loses the user's text, and presence.
 * Loaded only on the editing page (see section-editor-loader), so readers never download tiptap.
 */
export default function SectionEditor(props: SectionEditorProps) {
  const t = useTranslations("editor");
  const format = useFormatter();
  const baseId = useId();
  const toolbarId = `werkzeuge${baseId.replace(/[^a-zA-Z0-9]/g, "")}`;
  const hintId = `${toolbarId}-hinweis`;
  const key = draftKey(props.userId, props.sectionId);
  const initialContent = props.initialContent as JSONContent;
  const apiBase = `/api/concepts/${props.conceptId}/sections/${props.sectionId}`;

  const [offer, setOffer] = useState<StoredDraft | null>(() => initialOffer(key, initialContent));
  const [baseVersion, setBaseVersion] = useState(props.initialVersion);
  const [note, setNote] = useState("");
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle", message: "" });
  const [conflict, setConflict] = useState<ConflictView | null>(null);
  const [merged, setMerged] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [draftSavedAt, setDraftSavedAt] = useState<Date | null>(null);
  const [storageFailed, setStorageFailed] = useState(false);
  const [linkOpen, setLinkOpen] = useState(false);

  // Callbacks handed to tiptap once, at creation, read the latest state through these refs.
  const saved = useRef<JSONContent>(initialContent);
  const latest = useRef({ baseVersion, note, offer, conflict });
  const actions = useRef({ save: () => {}, openLink: () => {}, toToolbar: () => {} });
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    latest.current = { baseVersion, note, offer, conflict };
  }, [baseVersion, note, offer, conflict]);

  const editor = useEditor({
    extensions: editorExtensions,
    content: initialContent,
    immediatelyRender: false,
    editable: offer === null,
    editorProps: {
      attributes: {
        id: `${toolbarId}-text`,
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": t("textLabel", { section: props.sectionLabel }),
        "aria-describedby": hintId,
        class: "rich-text max-w-none",
      },
      handleKeyDown: (_view, event) => {
        const mod = event.ctrlKey || event.metaKey;
        if (mod && !event.altKey && event.key.toLowerCase() === "s") {
          event.preventDefault();
          actions.current.save();
          return true;
        }
        if (mod && !event.altKey && event.key.toLowerCase() === "k") {
          event.preventDefault();
          actions.current.openLink();
          return true;
        }
        if (event.key === "Escape" || (event.altKey && event.key === "F10")) {
          event.preventDefault();
          actions.current.toToolbar();
          return true;
        }
        return false;
      },
    },
    onUpdate: () => scheduleDraft(),
  });

  /** Writes the browser draft shortly after typing stops (and at once when the page is hidden). */
  const writeNow = useCallback(() => {
    window.clearTimeout(timer.current);
    if (!editor || latest.current.offer) return;
    const content = editor.getJSON();
    const changed = !sameDoc(content, saved.current) || latest.current.note.trim() !== "";
    setDirty(!sameDoc(content, saved.current));
    if (!changed) {
      clearDraft(key);
      setDraftSavedAt(null);
      return;
    }
    const ok = writeDraft(key, {
      baseVersion: latest.current.baseVersion,
      content: content as Record<string, unknown>,
      note: latest.current.note,
    });
    setStorageFailed(!ok);
    if (ok) setDraftSavedAt(new Date());
  }, [editor, key]);
  const scheduleDraft = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(writeNow, DRAFT_DELAY_MS);
  }, [writeNow]);

  useEffect(() => {
    const flush = () => writeNow();
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
  }, [writeNow]);

  async function save() {
    if (!editor || status.kind === "saving" || latest.current.offer) return;
    const content = editor.getJSON();
    if (new Blob([JSON.stringify(content)]).size > MAX_CONTENT_BYTES) {
      setStatus({ kind: "error", message: t("tooLarge") });
      return;
    }
    // In the conflict view the user has seen the others' changes: the save goes against the new base.
    const base = conflict ? conflict.currentVersion : baseVersion;
    setStatus({ kind: "saving", message: t("saving") });
    const outcome = await postRevision(apiBase, base, content, note.trim() || null);
    if (outcome.kind === "saved" || outcome.kind === "unchanged") {
      saved.current = content;
      setBaseVersion(outcome.version);
      setConflict(null);
      setMerged(false);
      setNote("");
      latest.current = { ...latest.current, baseVersion: outcome.version, note: "", conflict: null };
      clearDraft(key);
      setDraftSavedAt(null);
      // Typing that happened while the request was on its way stays a draft against the new version.
      writeNow();
      setStatus({
        kind: "saved",
        message: outcome.kind === "saved" ? t("saved", { version: outcome.version }) : t("unchanged"),
      });
    } else if (outcome.kind === "stale") {
      const described = await fetchConflict(apiBase, base, content);
      if (described) {
        setConflict(described);
        setMerged(false);
      }
      setStatus({ kind: "error", message: outcome.message || t("failed") });
    } else if (outcome.kind === "offline") {
      setStatus({ kind: "error", message: t("offline") });
    } else if (outcome.kind === "error") {
      setStatus({ kind: "error", message: outcome.message ?? t("failed") });
    }
  }

  function focusToolbar() {
    const toolbar = document.getElementById(toolbarId);
    const target =
      toolbar?.querySelector<HTMLButtonElement>('button[tabindex="0"]:not([disabled])') ??
      toolbar?.querySelector<HTMLButtonElement>("button:not([disabled])");
    target?.focus();
  }

  useEffect(() => {
    actions.current = { save: () => void save(), openLink: () => setLinkOpen(true), toToolbar: focusToolbar };
  });

  function mergeChanges() {
    if (!editor || !conflict?.merged) return;
    editor.chain().focus().setContent(conflict.merged, { emitUpdate: true }).run();
    setMerged(true);
  }

  function restoreDraft() {
    if (!editor || !offer) return;
    editor.commands.setContent(offer.content, { emitUpdate: false });
    setBaseVersion(offer.baseVersion);
    setNote(offer.note);
    latest.current = { ...latest.current, baseVersion: offer.baseVersion, note: offer.note, offer: null };
    setOffer(null);
    editor.setEditable(true);
    setDirty(!sameDoc(offer.content, saved.current));
    editor.commands.focus("end");
    setStatus({ kind: "idle", message: t("draftRestored") });
  }

  function discardDraft() {
    clearDraft(key);
    latest.current.offer = null;
    setOffer(null);
    editor?.setEditable(true);
    editor?.commands.focus("start");
    setStatus({ kind: "idle", message: t("draftDiscarded") });
  }

  return (
    <div>
      <PresenceIndicator url={`${apiBase}/presence`} initial={props.others} />
      {offer ? (
        <DraftOffer draft={offer} currentVersion={baseVersion} onRestore={restoreDraft} onDiscard={discardDraft} />
      ) : null}
      <div className="mt-4">
        {conflict ? <ConflictPanel conflict={conflict} merged={merged} onMerge={mergeChanges} /> : null}
        {editor ? (
          <>
            <EditorToolbar
              editor={editor}
              id={toolbarId}
              onLink={() => setLinkOpen(true)}
              onReturnToText={() => editor.view.focus()}
            />
            <div className="section-editor rounded-b-lg border border-line bg-white">
              <EditorContent editor={editor} />
            </div>
            <LinkDialog editor={editor} open={linkOpen} onOpenChange={setLinkOpen} />
          </>
        ) : (
          <p className="rounded-lg border border-line bg-white p-8 text-muted">{t("loading")}</p>
        )}
        <p id={hintId} className="mt-2 text-sm text-muted">
          {t("keyboardHint")}
        </p>
      </div>

      <SaveBar
        id={`${toolbarId}-notiz`}
        note={note}
        onNoteChange={(value) => {
          setNote(value);
          latest.current.note = value;
          scheduleDraft();
        }}
        onSave={() => void save()}
        locked={offer !== null}
        ready={editor !== null}
        merging={conflict !== null}
        readHref={props.readHref}
        status={status}
        draftInfo={
          dirty && draftSavedAt
            ? t("draftKept", { time: format.dateTime(draftSavedAt, { timeStyle: "medium" }) })
            : null
        }
        storageFailed={storageFailed}
      />
    </div>
  );
}
