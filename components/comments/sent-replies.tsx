"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { CommentView } from "@/lib/comments/list-thread-comments";

const SentReplies = createContext<{ sent: CommentView[]; add: (reply: CommentView) => void } | null>(null);

/**
 * Replies the author sends appear in the thread at once, from what the reply action returns, instead of the
 * whole page (with all its threads) being rendered again for every reply. The next page load lists them from
 * the database; until then `NewReplies` shows those the server list does not contain yet.
 */
export function ThreadReplies({ children }: { children: ReactNode }) {
  const [sent, setSent] = useState<CommentView[]>([]);
  const add = useCallback((reply: CommentView) => setSent((list) => [...list, reply]), []);
  const value = useMemo(() => ({ sent, add }), [sent, add]);
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
