/** What the app notifies about; each user may switch e-mail off per kind (the inbox always keeps them). */
export const NOTIFICATION_KINDS = [
  "mention",
  "reply",
  "decision",
  "section_activity",
  "lead_activity",
  "signoff_requested",
  "signoff_result",
  "question",
  "committee",
  "reminder",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
