import type { Message } from "@/i18n/message";

/**
 * What a Beratungsfolge must satisfy, pure so it is unit-tested: checked by the editor after every change
 * and again at submission, against the Beratungsfolge as stored.
 */
export type FolgeEntry = {
  position: number;
  role: "vorberatung" | "entscheidung" | "kenntnisnahme";
  meetingDate: string;
  submissionDeadline: string | null;
  committee: string;
};
export type FolgeProblem = {
  code: "empty" | "tooMany" | "deadlineAfterMeeting" | "outOfOrder" | "noDecision";
  message: Message;
  committee?: string;
};

export const MAX_CONSULTATIONS = 20;

/** Problems that an edit must never leave behind. */
export function folgeEditProblems(folge: FolgeEntry[]): FolgeProblem[] {
  const problems: FolgeProblem[] = [];
  if (folge.length === 0) problems.push({ code: "empty", message: { key: "appError.vorlage.committeeRequired" } });
  if (folge.length > MAX_CONSULTATIONS)
    problems.push({
      code: "tooMany",
      message: { key: "appError.vorlage.tooManyCommittees", params: { max: MAX_CONSULTATIONS } },
    });
  for (const c of folge) {
    if (c.submissionDeadline && c.submissionDeadline > c.meetingDate)
      problems.push({
        code: "deadlineAfterMeeting",
        committee: c.committee,
        message: { key: "appError.vorlage.committeeDeadlineAfterMeeting", params: { committee: c.committee } },
      });
  }
  return problems;
}

/** Problems that keep a Vorlage from being submitted: the edit rules, meetings in order, and a deciding body for a Beschlussvorlage. */
export function folgeSubmissionProblems(
  folge: FolgeEntry[],
  paperType: "informationsvorlage" | "beschlussvorlage",
): FolgeProblem[] {
  const problems = folgeEditProblems(folge);
  const ordered = [...folge].sort((a, b) => a.position - b.position);
  ordered.forEach((c, i) => {
    const previous = ordered[i - 1];
    if (previous && c.meetingDate < previous.meetingDate)
      problems.push({
        code: "outOfOrder",
        committee: c.committee,
        message: {
          key: "appError.vorlage.meetingBeforePrevious",
          params: { committee: c.committee, previous: previous.committee },
        },
      });
  });
  if (paperType === "beschlussvorlage" && folge.length > 0 && !folge.some((c) => c.role === "entscheidung"))
    problems.push({
      code: "noDecision",
      message: { key: "appError.vorlage.decisionBodyRequired" },
    });
  return problems;
}
