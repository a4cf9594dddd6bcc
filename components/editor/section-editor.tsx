"use client";

import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { EditorContent, useEditor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import { Button } from "@/components/ui/button";
import { EditorToolbar } from "./editor-toolbar";
import { LinkDialog } from "./link-dialog";
import { colourFor, liveExtensions, type LiveUser } from "./live-extensions";
import { LivePresence, type PresentUser } from "./live-presence";
import { setSuggesting, SUGGESTION_BLOCKED_EVENT } from "./suggest-changes";
import { SuggestionPanel, type KnownSuggestion, type Person, type SuggestionActions } from "./suggestion-panel";
import { LIVE_VERSION_EVENT, type LiveVersionDetail } from "./live-version";

export type SectionEditorProps = {
  conceptId: string;
  sectionId: string;
  userId: string;
  userName: string;
  organisation: string | null;
  sectionLabel: string;
  /** What the server will allow: edit the text, only suggest changes, or only follow it. */
  mode: LiveMode;
  /** Why this person may not edit the text directly (suggest and read), or null. */
  readOnlyReason: string | null;
  /** What suggesting means here (whose section, who decides). */
  suggestReason: string;
  /** A writer who came to suggest ("Änderung vorschlagen") starts in suggesting mode. */
  startSuggesting: boolean;
  readHref: string;
  known: Record<string, KnownSuggestion>;
  people: Record<string, Person>;
  suggestionActions: SuggestionActions;
};

type LiveMode = "write" | "suggest" | "read";

type Connection = "connecting" | "connected" | "offline";
type Notice = { kind: "info" | "error"; message: string; diverged?: boolean } | null;
type ServerNotice =
  | { type: "refused"; message: string }
  | { type: "mode"; mode: LiveMode; message: string | null }
  | { type: "revision"; number: number | null; message: string }
  | { type: "version"; number: number };

/**
 * The section editor on the live document: everyone with the section open types in the same text (Yjs over
 * Hocuspocus at /collab on this origin), sees the others' cursors and names, and keeps unsent typing in the
 * browser (IndexedDB) until the connection is back. The server checks every change and says what it refuses.
 */
export default function SectionEditor(props: SectionEditorProps) {
  const t = useTranslations("editor");
  const baseId = useId();
  const toolbarId = `werkzeuge${baseId.replace(/[^a-zA-Z0-9]/g, "")}`;
  const hintId = `${toolbarId}-hinweis`;
  const [linkOpen, setLinkOpen] = useState(false);
  const [connection, setConnection] = useState<Connection>("connecting");
  // Typing only once the text is here (from the server, or this browser's copy): typing into the empty editor
  // before that would add a second text beside the real one.
  const [loaded, setLoaded] = useState<"no" | "local" | "server">("no");
  const [mode, setMode] = useState<{ mode: LiveMode; reason: string | null }>({
    mode: props.mode,
    reason: props.readOnlyReason,
  });
  const readOnly = mode.mode === "read" ? (mode.reason ?? "") : null;
  const [suggesting, setSuggestingChoice] = useState(props.startSuggesting || props.mode === "suggest");
  const [notice, setNotice] = useState<Notice>(null);
  const [note, setNote] = useState("");
  const [present, setPresent] = useState<PresentUser[]>([]);
  // Everyone seen in this section (suggestion authors from the server, people present now): names for suggestions.
  const [people, setPeople] = useState<Record<string, Person>>(() => ({
    ...props.people,
    [props.userId]: { name: props.userName, organisation: props.organisation },
  }));
  const actions = useRef({ openLink: () => {}, toToolbar: () => {} });
  const localStore = useRef<IndexeddbPersistence | null>(null);

  const [live] = useState(() => {
    const document = new Y.Doc();
    const url = `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/collab`;
    // The socket connects when the component mounts (below), not at creation.
    const socket = new HocuspocusProviderWebsocket({ url, autoConnect: false });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: props.sectionId,
      document,
      token: "session",
    });
    provider.attach();
    const user: LiveUser = {
      id: props.userId,
      name: props.userName,
      organisation: props.organisation,
      color: colourFor(props.userId),
    };
    return { document, provider, socket, user };
  });

  useEffect(() => {
    const { document, provider } = live;
    // Unsent typing survives a reload or a lost connection; it is sent when the server is reachable again.
    const local = new IndexeddbPersistence(`konzeptwerk-live-${props.userId}-${props.sectionId}`, document);
    localStore.current = local;
    const onLocal = () => {
      if (document.getXmlFragment("default").length > 0) setLoaded((was) => (was === "no" ? "local" : was));
    };
    local.on("synced", onLocal);
    const onSynced = ({ state }: { state: boolean }) => {
      if (state) setLoaded("server");
    };
    const onStatus = ({ status }: { status: string }) =>
      setConnection(status === "connected" ? "connected" : status === "connecting" ? "connecting" : "offline");
    const onClose = () => setConnection("offline");
    const onStateless = ({ payload }: { payload: string }) => {
      let message: ServerNotice;
      try {
        message = JSON.parse(payload) as ServerNotice;
      } catch {
        return;
      }
      if (message.type === "mode")
        setMode({ mode: message.mode, reason: message.mode === "write" ? null : (message.message ?? t("readOnly")) });
      // A refused change stays in this browser only: from then on the text here differs from everyone else's.
      else if (message.type === "refused") setNotice({ kind: "error", message: message.message, diverged: true });
      else if (message.type === "version")
        window.dispatchEvent(
          new CustomEvent<LiveVersionDetail>(LIVE_VERSION_EVENT, {
            detail: { sectionId: props.sectionId, number: message.number },
          }),
        );
      else
        setNotice({
          kind: "info",
          message: message.number ? t("revisionCut", { version: message.number }) : t("revisionUnchanged"),
        });
    };
    const onDenied = () => setMode({ mode: "read", reason: t("noAccess") });
    const onAwareness = () => {
      const people: PresentUser[] = [];
      for (const [clientId, state] of provider.awareness?.getStates() ?? []) {
        const user = (state as { user?: LiveUser }).user;
        if (user && clientId !== provider.awareness?.clientID) people.push({ ...user, clientId });
      }
      setPresent(people);
      setPeople((known) =>
        people.some((p) => p.id && !known[p.id])
          ? {
              ...known,
              ...Object.fromEntries(people.map((p) => [p.id, { name: p.name, organisation: p.organisation }])),
            }
          : known,
      );
    };
    provider.on("status", onStatus);
    provider.on("synced", onSynced);
    provider.on("close", onClose);
    provider.on("stateless", onStateless);
    provider.on("authenticationFailed", onDenied);
    provider.awareness?.on("change", onAwareness);
    return () => {
      provider.off("status", onStatus);
      provider.off("synced", onSynced);
      local.off("synced", onLocal);
      provider.off("close", onClose);
      provider.off("stateless", onStateless);
      provider.off("authenticationFailed", onDenied);
      provider.awareness?.off("change", onAwareness);
      void local.destroy();
    };
  }, [live, props.userId, props.sectionId, t]);

  // Disconnect (not destroy) on unmount: React's development double mount connects again.
  useEffect(() => {
    void live.socket.connect();
    return () => live.socket.disconnect();
  }, [live]);

  const editor = useEditor({
    extensions: liveExtensions(live.document, live.provider, live.user),
    immediatelyRender: false,
    editable: false,
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
  });

  const writable = readOnly === null && loaded !== "no";
  // Someone who may only suggest always suggests; a writer chooses.
  const suggestingNow = mode.mode === "suggest" || (mode.mode === "write" && suggesting);
  useEffect(() => {
    editor?.setEditable(writable);
    if (editor) editor.view.dom.setAttribute("aria-readonly", String(readOnly !== null));
  }, [editor, readOnly, writable]);
  useEffect(() => {
    if (editor) setSuggesting(editor, suggestingNow);
  }, [editor, suggestingNow]);
  useEffect(() => {
    if (!editor) return;
    const element = editor.view.dom;
    const onBlocked = (event: Event) => {
      const authorId = (event as CustomEvent<string>).detail;
      setNotice({
        kind: "error",
        message: t("suggestionBlocked", { name: people[authorId]?.name ?? t("someoneElse") }),
      });
    };
    element.addEventListener(SUGGESTION_BLOCKED_EVENT, onBlocked);
    return () => element.removeEventListener(SUGGESTION_BLOCKED_EVENT, onBlocked);
  }, [editor, people, t]);

  useEffect(() => {
    actions.current = {
      openLink: () => setLinkOpen(true),
      toToolbar: () => {
        const toolbar = document.getElementById(toolbarId);
        const target =
          toolbar?.querySelector<HTMLButtonElement>('button[tabindex="0"]:not([disabled])') ??
          toolbar?.querySelector<HTMLButtonElement>("button:not([disabled])");
        target?.focus();
      },
    };
  });

  const state =
    readOnly !== null
      ? "readOnly"
      : connection === "connected" && loaded === "server"
        ? "connected"
        : connection !== "offline" && loaded === "no"
          ? "connecting"
          : "offline";

  return (
    <div>
      <LivePresence people={present} />
      <p
        role="status"
        data-connection={state}
        className={`mt-3 inline-flex items-center gap-2 rounded-md border px-3 py-1 text-sm font-semibold ${
          state === "connected" ? "border-ok text-ok" : "border-warn text-warn"
        }`}
      >
        <span aria-hidden="true">{state === "connected" ? "●" : "○"}</span>
        {t(`connection.${state}`)}
      </p>
      {readOnly !== null ? (
        <p className="mt-3 rounded-md border border-line bg-white p-3 font-semibold" data-testid="read-only-notice">
          {readOnly}
        </p>
      ) : null}
      {mode.mode === "suggest" ? (
        <p className="mt-3 rounded-md border border-line bg-white p-3" data-testid="suggest-notice">
          <span className="font-semibold">{t("suggestOnly")}</span> {props.suggestReason}
        </p>
      ) : null}
      {mode.mode === "write" ? (
        <div
          role="group"
          aria-label={t("modeGroup")}
          className="mt-3 inline-flex rounded-md border border-line bg-white"
        >
          {(["edit", "suggest"] as const).map((choice) => (
            <button
              key={choice}
              type="button"
              aria-pressed={(choice === "suggest") === suggesting}
              onClick={() => setSuggestingChoice(choice === "suggest")}
              className="px-4 py-2 font-semibold aria-pressed:bg-brand aria-pressed:text-white"
            >
              {t(`mode.${choice}`)}
            </button>
          ))}
        </div>
      ) : null}
      <div className="mt-4 grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0">
          {editor ? (
            <>
              {readOnly === null ? (
                <EditorToolbar
                  editor={editor}
                  id={toolbarId}
                  onLink={() => setLinkOpen(true)}
                  onReturnToText={() => editor.view.focus()}
                />
              ) : null}
              <div className="section-editor rounded-b-lg border border-line bg-white">
                <EditorContent editor={editor} />
              </div>
              <LinkDialog editor={editor} open={linkOpen} onOpenChange={setLinkOpen} />
            </>
          ) : (
            <p className="rounded-lg border border-line bg-white p-8 text-muted">{t("loading")}</p>
          )}
          <p id={hintId} className="mt-2 text-sm text-muted">
            {suggestingNow ? `${t("suggestingHint")} ` : ""}
            {t("keyboardHint")}
          </p>
        </div>
        {editor ? (
          <SuggestionPanel
            editor={editor}
            userId={props.userId}
            mayDecide={mode.mode === "write"}
            conceptId={props.conceptId}
            sectionId={props.sectionId}
            known={props.known}
            people={people}
            actions={props.suggestionActions}
            readHref={props.readHref}
          />
        ) : null}
      </div>
      <form
        className="mt-6 flex flex-wrap items-end gap-4 rounded-lg border border-line bg-white p-4"
        onSubmit={(event) => {
          event.preventDefault();
          live.provider.sendStateless(JSON.stringify({ type: "cut", note: note.trim() }));
          setNote("");
        }}
      >
        <div className="flex min-w-0 basis-full flex-col gap-1 sm:min-w-64 sm:flex-1 sm:basis-auto">
          <label htmlFor={`${toolbarId}-notiz`} className="font-semibold">
            {t("noteLabel")}
          </label>
          <input
            id={`${toolbarId}-notiz`}
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.target.value)}
            disabled={mode.mode !== "write"}
            className="rounded-md border border-muted bg-white px-3 py-2"
          />
        </div>
        <Button type="submit" disabled={state !== "connected" || mode.mode !== "write"}>
          {t("cutRevision")}
        </Button>
        <Link href={props.readHref} className="py-2">
          {t("toReadView")}
        </Link>
      </form>
      <div className="mt-3 min-h-6 text-sm">
        <p role="status" className="text-muted">
          {notice?.kind === "info" ? notice.message : ""}
        </p>
        <div role="alert">
          {notice?.kind === "error" ? (
            <div className="rounded-md border border-danger bg-[#fce8e6] p-3 text-danger">
              <p className="font-semibold">{notice.message}</p>
              {notice.diverged ? (
                <>
                  <p className="mt-1">{t("diverged")}</p>
                  <Button
                    type="button"
                    variant="secondary"
                    className="mt-2"
                    onClick={async () => {
                      await localStore.current?.clearData();
                      window.location.reload();
                    }}
                  >
                    {t("reloadShared")}
                  </Button>
                </>
              ) : null}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}
