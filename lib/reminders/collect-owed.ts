import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { committeeQuestions, concepts, consultations, signoffRounds, signoffs } from "@/db/schema";
import { leadsOf } from "@/lib/notifications/notify";
import { signersOf } from "@/lib/permissions/signers";
import { conceptMilestones } from "@/lib/tasks/concept-deadlines";
import { questionDueDate } from "@/lib/tasks/list-my-tasks";
import { requiredOrganisations } from "@/lib/workflow/gather-workflow-facts";

/** Something still owed by a deadline: who owes it, and what a reminder about it says. */
export type Owed = {
  conceptId: string;
  conceptTitle: string;
  reminderDays: number;
  /** Stable key of the obligation, part of the exactly-once key of each reminder. */
  subject: string;
  due: string;
  recipients: string[];
  what: "signoff" | "vorlagenfrist" | "question";
  /** Organisation (sign-off) or committee (Vorlagenfrist); empty for a Rückfrage. */
  name: string;
  link: string;
};

const BEFORE_SUBMISSION = ["entwurf", "konsultation", "ueberarbeitung", "mitzeichnung", "freigegeben"] as const;

/**
 * Everything still owed across all concepts, read fresh on every sweep (so a reminder for something already done is
 * never sent): sign-offs of the open round (to every signer and deputy of each organisation that has not signed), the
 * first Vorlagenfrist of a concept not yet submitted (to the lead), unanswered Rückfragen (to the lead).
 */
export async function collectOwed(db: Db | Tx): Promise<Owed[]> {
  const owed: Owed[] = [];
  const live = await db
    .select()
    .from(concepts)
    .where(inArray(concepts.status, [...BEFORE_SUBMISSION, "eingereicht", "beraten"]));
  for (const concept of live) {
    const base = { conceptId: concept.id, conceptTitle: concept.title, reminderDays: concept.reminderDays };
    const milestones = await conceptMilestones(db, concept);
    if (concept.status === "mitzeichnung") {
      const [round] = await db
        .select({ id: signoffRounds.id })
        .from(signoffRounds)
        .where(and(eq(signoffRounds.conceptId, concept.id), eq(signoffRounds.status, "open")));
      if (round) {
        const required = await requiredOrganisations(db, concept.id);
        const done = await db
          .select({ organisationId: signoffs.organisationId })
          .from(signoffs)
          .where(eq(signoffs.roundId, round.id));
        const pending = required.filter((o) => !done.some((d) => d.organisationId === o.id));
        const signers = await signersOf(
          db,
          pending.map((o) => o.id),
        );
        const due = milestones.find((m) => m.kind === "mitzeichnung")!.date;
        for (const o of pending)
          owed.push({
            ...base,
            subject: `signoff:${round.id}:${o.id}`,
            due,
            recipients: signers.filter((s) => s.organisationId === o.id).map((s) => s.userId),
            what: "signoff",
            name: o.name,
            link: `/konzepte/${concept.id}/mitzeichnung`,
          });
      }
    }
    if ((BEFORE_SUBMISSION as readonly string[]).includes(concept.status)) {
      const first = milestones.find((m) => m.kind === "vorlagenfrist");
      if (first)
        owed.push({
          ...base,
          subject: `vorlagenfrist:${concept.id}:${first.committee ?? ""}`,
          due: first.date,
          recipients: await leadsOf(db, concept.id),
          what: "vorlagenfrist",
          name: first.committee ?? "",
          link: `/konzepte/${concept.id}/vorlage`,
        });
    }
    if (concept.status === "eingereicht" || concept.status === "beraten") {
      const [questions, folge] = await Promise.all([
        db
          .select({ id: committeeQuestions.id, createdAt: committeeQuestions.createdAt })
          .from(committeeQuestions)
          .where(and(eq(committeeQuestions.conceptId, concept.id), isNull(committeeQuestions.answer))),
        db
          .select({ meetingDate: consultations.meetingDate, outcome: consultations.outcome })
          .from(consultations)
          .where(eq(consultations.conceptId, concept.id))
          .orderBy(asc(consultations.position)),
      ]);
      const leads = questions.length ? await leadsOf(db, concept.id) : [];
      for (const q of questions) {
        const due = questionDueDate(folge, q.createdAt);
        if (due)
          owed.push({
            ...base,
            subject: `question:${q.id}`,
            due,
            recipients: leads,
            what: "question",
            name: "",
            link: `/konzepte/${concept.id}/lesesaal#rueckfrage-${q.id}`,
          });
      }
    }
  }
  return owed;
}
