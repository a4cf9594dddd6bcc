import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { ReadingRoomSnapshot } from "@/lib/workflow/reading-room-snapshot";
import { ScrollBox } from "../ui/scroll-box";

type Decision = "uebernommen" | "teilweise_uebernommen" | "nicht_uebernommen" | "zur_kenntnis_genommen";

/** What one row shows; the live table and the reading room's snapshot both have it (the snapshot never an internal entry). */
export type SynopseTableEntry = Omit<ReadingRoomSnapshot["synopse"][number], "createdAt"> & { internal?: boolean };

/** The Abwägung table: one row per comment thread or change proposal, as on the Synopse page and in the reading room. */
export async function SynopseTable({ entries, caption }: { entries: SynopseTableEntry[]; caption: string }) {
  const t = await getTranslations("synopse");
  const ta = await getTranslations("abwaegung");
  return (
    <ScrollBox label={caption} className="rounded-lg border border-line bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-canvas">
          <tr>
            {[t("section"), t("organisation"), t("kind"), t("text"), t("decision"), t("reason"), t("result")].map(
              (h) => (
                <th key={h} scope="col" className="px-3 py-2 align-bottom">
                  {h}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-t border-line align-top">
              <td className="px-3 py-2">
                {e.sectionNumber ? `${e.sectionNumber}. ` : ""}
                {e.sectionTitle}
              </td>
              <td className="px-3 py-2">
                {e.organisation}
                <br />
                <span className="text-muted">{e.author}</span>
              </td>
              <td className="px-3 py-2">
                {e.kind === "kommentar"
                  ? t("kindComment")
                  : e.kind === "vorschlag"
                    ? t("kindProposal")
                    : t("kindSuggestion")}
                {e.internal ? (
                  <>
                    {" "}
                    <Badge tone="warn">{t("internal")}</Badge>
                  </>
                ) : null}
              </td>
              <td className="max-w-md px-3 py-2">
                {e.quote ? <q className="block text-muted italic">{e.quote}</q> : null}
                <span className="whitespace-pre-line">{e.text}</span>
              </td>
              <td className="px-3 py-2">
                {e.decision ? ta(e.decision as Decision) : <span className="text-warn">{t("undecided")}</span>}
              </td>
              <td className="max-w-sm px-3 py-2 whitespace-pre-line">{e.reason ?? ""}</td>
              <td className="px-3 py-2">{e.resultRevision ? t("revision", { number: e.resultRevision }) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
