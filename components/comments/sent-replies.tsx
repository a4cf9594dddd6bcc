"use client";

import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import type { CommentView } from "@/lib/comments/list-thread-comments";

type ThreadState = {
  sent: CommentView[];
  add: (reply: CommentView) => void;
  notice: string | null;
  announce: (text: string) => void;
  noticeRef: React.RefObject<HTMLParagraphElement | null>;
};

const SentReplies = createContext<ThreadState | null>(null);

/**
 * Replies the author sends appear in the thread at once, from what the reply action returns, instead of the
 * whole page (with all its threads) being rendered again for every reply. The next page load lists them from
 * the database; until then `NewReplies` shows those the server list does not contain yet.
 *
 * The thread also keeps the confirmation of an edit or a deletion (`ThreadNotice`): the form that sent it is
 * gone by then — closed, or remounted when a just-sent reply moves into the server-rendered list — while this
 * state lives as long as the thread is on the page.
 */
export function ThreadReplies({ children }: { children: ReactNode }) {
  const [sent, setSent] = useState<CommentView[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement | null>(null);
  const add = useCallback((reply: CommentView) => setSent((list) => [...list, reply]), []);
  const announce = useCallback((text: string) => {
    setNotice(text);
    // The editing field or the delete button the focus was on has gone: the confirmation takes the focus.
    requestAnimationFrame(() => noticeRef.current?.focus());
  }, []);
  const value = useMemo(() => ({ sent, add, notice, announce, noticeRef }), [sent, add, notice, announce]);
  return <SentReplies.Provider value={value}>{children}</SentReplies.Provider>;
}

export function useAddSentReply(): (reply: CommentView) => void {
  const context = useContext(SentReplies);
  return context?.add ?? (() => {});
}

/** What was sent in this thread since the page was loaded. */
export function useSentReplies(): CommentView[] {
  return useContext(SentReplies)?.sent ?? [];
}

/** Confirms an edit or a deletion in the thread (see ThreadNotice). */
export function useAnnounceInThread(): (text: string) => void {
  return useContext(SentReplies)?.announce ?? (() => {});
}

/** The thread's status line: always in the page (a live region announces what appears in it), empty until used. */
export function ThreadNotice() {
  const context = useContext(SentReplies);
  return (
    <p
      ref={context?.noticeRef}
      role="status"
      tabIndex={-1}
      className={context?.notice ? "mt-2 text-sm font-semibold text-ok" : "sr-only"}
    >
      {context?.notice}
    </p>
  );
}
