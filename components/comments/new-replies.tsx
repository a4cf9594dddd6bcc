"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { CommentItem, commentAnchor } from "./comment-item";
import { useSentReplies } from "./sent-replies";
import { OwnCommentControls, type ThreadCtx as Ctx } from "./thread-forms";

/** The just-sent replies not yet in the server-rendered list (`listed`), as items of that list. */
export function NewReplies({ ctx, listed }: { ctx: Ctx; listed: string[] }) {
  const sent = useSentReplies();
  const t = useTranslations("comments");
  const format = useFormatter();
  const fresh = sent.filter((c) => !listed.includes(c.id));
  // A reply just sent takes the focus (the send button was disabled meanwhile, which dropped it to the page):
  // a screen reader reads the reply out, and the keyboard continues from there.
  const focused = useRef<string | null>(null);
  const latest = fresh.at(-1)?.id;
  useEffect(() => {
    if (!latest || latest === focused.current) return;
    focused.current = latest;
    document.getElementById(commentAnchor(latest))?.focus();
  }, [latest]);
  return (
    <>
      {fresh.map((c) => (
        <CommentItem
          key={c.id}
          comment={c}
          dateText={format.dateTime(new Date(c.createdAt), { dateStyle: "medium", timeStyle: "short" })}
          labels={{
            edited: t("edited"),
            deleted: t("deleted"),
            mentions: c.mentions.length ? t("mentions", { names: c.mentions.map((m) => `@${m}`).join(", ") }) : null,
          }}
          controls={<OwnCommentControls ctx={ctx} commentId={c.id} body={c.body ?? ""} />}
        />
      ))}
    </>
  );
}
