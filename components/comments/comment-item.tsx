import type { ReactNode } from "react";
import type { CommentView } from "@/lib/comments/list-thread-comments";
import { LinkifiedText } from "./linkified-text";

export const commentAnchor = (id: string) => `kommentar-${id}`;

/**
 * One comment of a thread, as the discussion lists it. Shared by the server-rendered thread and the replies
 * the author has just sent (which appear at once, before the page is next loaded), so both look the same.
 * Texts come in already translated and formatted: the server and the client each use their own next-intl.
 */
export function CommentItem({
  comment,
  dateText,
  labels,
  controls,
}: {
  comment: Pick<CommentView, "id" | "authorName" | "organisationName" | "body" | "edited" | "deleted">;
  dateText: string;
  labels: { edited: string; deleted: string; mentions: string | null };
  controls?: ReactNode;
}) {
  return (
    // Focusable from script only: a reply just sent takes the focus (ReplyForm).
    <li id={commentAnchor(comment.id)} tabIndex={-1} className="border-t border-line pt-2 first:border-0 first:pt-0">
      <p className="text-sm">
        <strong>{comment.authorName}</strong>
        {comment.organisationName ? <span className="text-muted"> · {comment.organisationName}</span> : null}
        <span className="text-muted"> · {dateText}</span>
        {comment.edited ? <span className="text-muted"> · {labels.edited}</span> : null}
      </p>
      {comment.deleted ? (
        <p className="text-muted italic">{labels.deleted}</p>
      ) : (
        <p className="whitespace-pre-line">
          <LinkifiedText text={comment.body ?? ""} />
        </p>
      )}
      {labels.mentions ? <p className="text-sm text-muted">{labels.mentions}</p> : null}
      {controls}
    </li>
  );
}
