import "server-only";
import { Hocuspocus, type Connection, type Document, type Extension } from "@hocuspocus/server";
import { inArray } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { sections } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { identifyCollabUser, isOwnOrigin } from "./collab-identity";
import {
  createLiveStoreBatch,
  cutLiveRevision,
  loadLiveDocument,
  storeLiveDocument,
  type LiveState,
} from "./live-document-store";
import type { LivePeers, PeerHandlers } from "./live-peers";
import { liveSectionRights } from "./live-section-rights";
import { rightsFingerprints } from "./rights-fingerprint";
import { listSuggestions } from "@/lib/content/suggestions";
import { validateLiveContent } from "@/lib/content/validate-content";
import { syncSectionSuggestions } from "@/lib/suggestions/sync-section-suggestions";
import { liveDocumentJson } from "./live-content";
import { checkLiveUpdate, hasCheckedSuggestions, resetLiveCheck } from "./validate-live-update";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A revision is cut after this long without a change. */
export const IDLE_REVISION_MS = 10 * 60 * 1000;
/** How often open connections' rights are compared with the database. */
const RIGHTS_CHECK_MS = 1000;

/** What the server tells one client (Hocuspocus "stateless" messages, JSON). */
export type LiveNotice =
  | { type: "refused"; message: string }
  | { type: "mode"; mode: LiveMode; message: string | null }
  | { type: "revision"; number: number | null; message: string }
  /** To everyone with the section open (in every process): the section's latest revision number now. */
  | { type: "version"; number: number };

/** write: edits the text; suggest: only adds and withdraws own suggestions; read: follows the text. */
export type LiveMode = "write" | "suggest" | "read";

export type ConnectionContext = {
  actor: Actor;
  sessionId: string;
  sessionVersion: string;
  conceptId: string;
  mode: LiveMode;
  /** Why the person may not edit the text directly (read and suggest), or null. */
  readReason: string | null;
  fingerprint?: string;
};

const notice = (connection: Connection, payload: LiveNotice) => connection.sendStateless(JSON.stringify(payload));
const contextOf = (connection: Connection) => connection.context as ConnectionContext;

type Options = {
  getDb: () => Promise<Db>;
  extensions?: Extension[];
  idleRevisionMs?: number;
  /** With several processes (Redis): how this one reaches the others (live-peers.ts). */
  connectPeers?: (handlers: PeerHandlers) => LivePeers;
};

/**
 * The live-editing server: who connects (session cookie, Origin, section rights), what is accepted (every update
 * checked against the content rules before it is applied), where it is kept (section_live_documents) and when a
 * revision is cut (on request, after 10 minutes without changes, when the last writer leaves, before a freeze).
 */
export function createCollabServer(options: Options) {
  const states = new Map<string, LiveState>();
  const connections = new Set<Connection>();
  /** Documents whose text held suggestions when last stored (or may hold rows still open). */
  const withSuggestions = new Set<string>();
  /** Connections whose current message was refused: made read-only for that one message. */
  const refusing = new WeakSet<Connection>();
  const idleMs = options.idleRevisionMs ?? IDLE_REVISION_MS;
  const storeLater = createLiveStoreBatch(options.getDb);

  async function cut(documentName: string, document: Document, actor: Actor | null, note: string | null) {
    const state = states.get(documentName);
    if (!state) return null;
    const db = await options.getDb();
    const number = await document.saveMutex.runExclusive(() =>
      db.transaction((tx) => cutLiveRevision(tx, document, state, actor ?? state.lastActor, note)),
    );
    if (number) announceVersion(documentName, number);
    return number;
  }

  /**
   * Everyone with the section open learns its new number: here and, through Redis, in the other processes; or
   * here only (`relayStateless`) when every process is told anyway.
   */
  function announceVersion(sectionId: string, number: number, where: "everywhere" | "here" = "everywhere") {
    const payload = JSON.stringify({ type: "version", number } satisfies LiveNotice);
    const document = hocuspocus.documents.get(sectionId);
    if (where === "everywhere") document?.broadcastStateless(payload);
    else document?.relayStateless(payload);
  }

  function scheduleIdleCut(documentName: string, document: Document) {
    const state = states.get(documentName);
    if (!state) return;
    state.lastChangeAt = Date.now();
    // One timer per document, not one per keystroke: when it fires early (there were changes since it was set),
    // it waits for the rest of the idle time.
    if (state.idleTimer) return;
    const arm = (delay: number) => {
      state.idleTimer = setTimeout(() => {
        const idleFor = Date.now() - (state.lastChangeAt ?? 0);
        if (idleFor < idleMs) return arm(idleMs - idleFor);
        state.idleTimer = undefined;
        void cut(documentName, document, null, null).catch((e) => console.error("Konzeptwerk: Versionsschnitt", e));
      }, delay);
      state.idleTimer.unref?.();
    };
    arm(idleMs);
  }

  const hocuspocus = new Hocuspocus({
    name: "konzeptwerk",
    quiet: true,
    // Stored 1 s after typing pauses and at most 1.5 s after the first unstored change (the next change after
    // that moment starts the write), so an acknowledged change is in the database within 2 s even while typing
    // goes on; and at once when the last person leaves. test/live-editing-crash.integration.test.ts measures it.
    debounce: 1000,
    maxDebounce: 1500,
    extensions: options.extensions ?? [],

    async onAuthenticate({ requestHeaders, documentName, connectionConfig }) {
      if (!isOwnOrigin(requestHeaders)) throw forbidden("origin");
      if (!UUID.test(documentName)) throw forbidden("document");
      const db = await options.getDb();
      const identity = await identifyCollabUser(db, requestHeaders.get("cookie"));
      if (!identity) throw forbidden("session");
      const rights = await liveSectionRights(db, identity.actor, documentName);
      if (rights.mode === "none") throw forbidden("rights");
      connectionConfig.readOnly = rights.mode === "read";
      const context: ConnectionContext = {
        ...identity,
        conceptId: rights.conceptId,
        mode: rights.mode,
        readReason: rights.mode === "write" ? null : rights.reason.message,
      };
      return context;
    },

    async connected({ connection }) {
      connections.add(connection);
      const context = contextOf(connection);
      if (context.mode !== "write")
        notice(connection, { type: "mode", mode: context.mode, message: context.readReason });
    },

    async onLoadDocument({ document, documentName }) {
      const db = await options.getDb();
      states.set(documentName, await loadLiveDocument(db, documentName, document));
      withSuggestions.add(documentName);
    },

    async beforeSync({ connection, type, payload, document }) {
      // 1: sync step 2 (what a client has that the server lacks), 2: an update.
      if (type !== 1 && type !== 2) return;
      if (connection.readOnly) {
        if (payload.byteLength > 2) notice(connection, { type: "refused", message: readOnlyReason(connection) });
        return;
      }
      const context = contextOf(connection);
      const problem = checkLiveUpdate(document, payload, context.actor.id, context.mode === "suggest");
      if (problem) {
        // Read-only for this one message: Hocuspocus then drops it and answers "not applied".
        refusing.add(connection);
        connection.readOnly = true;
        notice(connection, { type: "refused", message: problem.message });
      }
    },

    async afterHandleMessage({ connection }) {
      if (refusing.has(connection)) {
        refusing.delete(connection);
        connection.readOnly = contextOf(connection).mode === "read";
      }
    },

    async onChange({ documentName, document, connection }) {
      const state = states.get(documentName);
      if (!state || !connection) return;
      state.dirty = true;
      // A suggestion does not change the text a revision holds: its author is not a contributor of it.
      if (contextOf(connection).mode !== "write") return;
      state.lastActor = contextOf(connection).actor;
      state.contributors.add(state.lastActor.id);
      scheduleIdleCut(documentName, document);
    },

    async onStoreDocument({ documentName, document }) {
      const state = states.get(documentName);
      if (!state) return;
      await storeLater(documentName, document, state);
      // The Abwägung follows the suggestions in the text: read only where the text may hold any.
      if (!withSuggestions.has(documentName) && !hasCheckedSuggestions(document)) return;
      const found = listSuggestions(validateLiveContent(liveDocumentJson(document)));
      await syncSectionSuggestions(await options.getDb(), documentName, found);
      if (found.length) withSuggestions.add(documentName);
      else withSuggestions.delete(documentName);
    },

    async onStateless({ connection, payload, document, documentName }) {
      let request: { type?: unknown; note?: unknown };
      try {
        request = JSON.parse(payload);
      } catch {
        return;
      }
      if (request.type !== "cut") return;
      if (contextOf(connection).mode !== "write") {
        notice(connection, { type: "refused", message: readOnlyReason(connection) });
        return;
      }
      const note = typeof request.note === "string" ? request.note.trim().slice(0, 500) || null : null;
      try {
        const number = await cut(documentName, document, contextOf(connection).actor, note);
        notice(connection, {
          type: "revision",
          number: number ?? null,
          message: number ? `Version ${number} festgehalten.` : "Keine Änderungen seit der letzten Version.",
        });
      } catch (error) {
        const message = error instanceof AppError ? error.message : "Die Version konnte nicht festgehalten werden.";
        notice(connection, { type: "refused", message });
      }
    },

    async onDisconnect({ documentName, document }) {
      for (const c of connections) if (!c.document.hasConnection(c)) connections.delete(c);
      const writersLeft = [...connections].some((c) => c.document === document && contextOf(c).mode !== "read");
      const state = states.get(documentName);
      if (!writersLeft && state?.dirty) {
        await cut(documentName, document, null, null).catch((e) => console.error("Konzeptwerk: Versionsschnitt", e));
      }
    },

    async afterUnloadDocument({ documentName }) {
      withSuggestions.delete(documentName);
      const state = states.get(documentName);
      clearTimeout(state?.idleTimer);
      states.delete(documentName);
    },
  });

  /** Compares every open connection's rights with the database; changed ones are downgraded, upgraded or closed. */
  let checking = false;
  async function recheckRights() {
    if (checking || connections.size === 0) return;
    checking = true;
    try {
      const db = await options.getDb();
      const open = [...connections];
      const keyOf = (c: Connection) => `${contextOf(c).actor.id}/${contextOf(c).sessionId}/${c.document.name}`;
      const fingerprints = await rightsFingerprints(
        db,
        open.map((c) => ({
          userId: contextOf(c).actor.id,
          sessionId: contextOf(c).sessionId,
          sectionId: c.document.name,
        })),
      );
      for (const connection of open) {
        const context = contextOf(connection);
        const fingerprint = fingerprints.get(keyOf(connection)) ?? "";
        if (context.fingerprint === undefined) context.fingerprint = fingerprint;
        if (context.fingerprint === fingerprint) continue;
        context.fingerprint = fingerprint;
        await applyRights(db, connection);
      }
    } catch (error) {
      console.error("Konzeptwerk: Rechteprüfung der Live-Verbindungen", error);
    } finally {
      checking = false;
    }
  }

  async function applyRights(db: Db, connection: Connection) {
    const context = contextOf(connection);
    const identity = await identifyAgain(db, context);
    const rights = identity
      ? await liveSectionRights(db, identity, connection.document.name)
      : { mode: "none" as const };
    if (rights.mode === "none") {
      connection.close({ code: 4403, reason: "Kein Zugriff mehr auf diesen Abschnitt." });
      connections.delete(connection);
      return;
    }
    context.actor = identity!;
    connection.readOnly = rights.mode === "read";
    if (rights.mode !== "write") resetLiveCheck(connection.document);
    if (rights.mode === context.mode) return;
    context.mode = rights.mode;
    context.readReason = rights.mode === "write" ? null : rights.reason.message;
    notice(connection, { type: "mode", mode: rights.mode, message: context.readReason });
  }

  async function identifyAgain(db: Db, context: ConnectionContext) {
    const { loadActor } = await import("@/lib/auth/load-actor");
    return loadActor(db, context.actor.id, context.sessionVersion, context.sessionId);
  }

  const timer = setInterval(() => void recheckRights(), RIGHTS_CHECK_MS);
  timer.unref?.();

  /** Stops taking changes on every open connection to the concept's sections until its rights are re-checked. */
  function holdConcept(conceptId: string) {
    for (const connection of connections) {
      if (contextOf(connection).conceptId !== conceptId) continue;
      connection.readOnly = true;
      resetLiveCheck(connection.document);
    }
  }

  /** The loaded live documents of a concept's sections, with their state. */
  function liveDocuments(conceptId: string) {
    return [...states.entries()]
      .filter(([, s]) => s.conceptId === conceptId)
      .map(([name, state]) => ({ document: hocuspocus.documents.get(name), state }))
      .filter((d): d is { document: Document; state: LiveState } => d.document !== undefined);
  }

  /** Re-checks the rights of everyone connected to the concept's sections now (after a workflow step). */
  async function recheckConcept(conceptId: string) {
    const db = await options.getDb();
    for (const connection of [...connections]) {
      if (contextOf(connection).conceptId === conceptId) await applyRights(db, connection);
    }
  }

  /** Rights re-checked, and everyone told the sections' revision numbers (a freeze cuts revisions). */
  async function refreshHere(conceptId: string) {
    await recheckConcept(conceptId);
    const open = liveDocuments(conceptId).map((d) => d.document.name);
    if (open.length === 0) return;
    const db = await options.getDb();
    const rows = await db
      .select({ id: sections.id, version: sections.version })
      .from(sections)
      .where(inArray(sections.id, open));
    for (const row of rows) announceVersion(row.id, row.version, "here");
  }

  const peers = options.connectPeers?.({
    async hold(conceptId) {
      holdConcept(conceptId);
      const db = await options.getDb();
      for (const { document, state } of liveDocuments(conceptId))
        await document.saveMutex.runExclusive(() => storeLiveDocument(db, document.name, document, state));
    },
    refresh: refreshHere,
  });

  return {
    hocuspocus,
    recheckConcept,
    /**
     * Before a freeze: no process takes changes to the concept's sections any more, and each has stored what its
     * open documents hold (acknowledged changes included). Without other processes only this one holds: its
     * documents are cut from memory.
     */
    async holdEverywhere(conceptId: string) {
      holdConcept(conceptId);
      if (peers) await peers.holdEverywhere(conceptId);
    },
    /** After a workflow step: every process re-checks rights and tells everyone the sections' revision numbers. */
    refreshEverywhere(conceptId: string) {
      if (peers) peers.refreshEverywhere(conceptId);
      else void refreshHere(conceptId).catch((e) => console.error("Konzeptwerk: Rechteprüfung nach Statuswechsel", e));
    },
    /** Who else has the section open in the live editor, for the read view. */
    presentPeople(sectionId: string, exceptUserId: string) {
      const seen = new Map<string, { name: string; organisations: string | null }>();
      for (const connection of connections) {
        const { actor } = contextOf(connection);
        if (connection.document.name !== sectionId || actor.id === exceptUserId) continue;
        seen.set(actor.id, {
          name: actor.name,
          organisations: actor.organisations.map((o) => o.name).join(", ") || null,
        });
      }
      return [...seen.values()];
    },
    liveDocuments,
    announceVersion,
    loadedDocument(sectionId: string) {
      const document = hocuspocus.documents.get(sectionId);
      const state = states.get(sectionId);
      return document && state ? { document, state } : null;
    },
    async close() {
      clearInterval(timer);
      await peers?.close();
      for (const state of states.values()) clearTimeout(state.idleTimer);
      hocuspocus.closeConnections();
      await Promise.all(
        [...hocuspocus.documents.values()].map((d) =>
          hocuspocus.storeDocumentHooks(
            d,
            {
              document: d,
              documentName: d.name,
              instance: hocuspocus,
              clientsCount: 0,
              lastContext: {},
              lastTransactionOrigin: null,
            } as never,
            true,
          ),
        ),
      );
    },
  };
}

export type CollabServer = ReturnType<typeof createCollabServer>;

function forbidden(reason: string) {
  return Object.assign(new Error(reason), { reason: `permission-denied:${reason}` });
}

function readOnlyReason(connection: Connection): string {
  return contextOf(connection).readReason ?? "Dieser Abschnitt ist für Sie schreibgeschützt.";
}
