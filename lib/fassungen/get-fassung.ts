import "server-only";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { requireConceptAccess } from "@/lib/concepts/concept-access";
import { placeHtmlHeadings } from "@/lib/content/place-heading-levels";
import { renderCachedHtml } from "@/lib/content/render-cache";
import { renderContentHtml } from "@/lib/content/render-html";
import { loadFassungSnapshot } from "./fassung-snapshot";

/** One Fassung as a whole document, each section rendered from the revision the Fassung points to. */
export async function getFassung(db: Db, actor: Actor, conceptId: string, fassungId: string) {
  const access = await requireConceptAccess(db, actor, conceptId, "fassung.read");
  const { fassung, entries } = await loadFassungSnapshot(db, conceptId, fassungId);
  return {
    concept: access.concept,
    fassung,
    sections: entries.map((entry) => ({
      sectionId: entry.sectionId,
      number: entry.number,
      title: entry.title,
      ownerName: entry.ownerName,
      revisionNumber: entry.revisionNumber,
      html: entry.content
        ? placeHtmlHeadings(
            entry.revisionId ? renderCachedHtml(entry.revisionId, entry.content) : renderContentHtml(entry.content),
            2,
          )
        : "",
    })),
  };
}
