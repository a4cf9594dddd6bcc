import { Document, Packer, Paragraph } from "docx";
import { NextRequest } from "next/server";
import type { ActorKey, GlobalIds, Ids, State } from "./matrix-fixture";

/**
 * The authorization matrix as data: one row per exported server action and route handler, naming the service it
 * calls and, independently of lib/permissions, who may use it in which concept state. A guard test fails when an
 * action or handler exists that no row names.
 */
export type Call = (ids: Ids, g: GlobalIds, state: State) => Promise<unknown>;

export type Row = {
  /** "path/to/actions.ts#exportName" or "app/api/…/route.ts#POST" */
  id: string;
  service: string;
  /** Concept-scoped rows run in every state; global rows once. */
  scope: "concept" | "global";
  /** Only these states (e.g. a Vorlage exists only once submitted). */
  states?: readonly State[];
  allowed: (actor: ActorKey, state: State) => boolean;
  call: Call;
  /** Form actions: the valid form of a cell and the action itself, so the fuzzer can mutate the form. */
  form?: { of: (ids: Ids, g: GlobalIds) => FormData; invoke: (form: FormData) => Promise<unknown> };
  /** Route handlers: the call with any body and query string. */
  request?: (ids: Ids, body: string | undefined, query: string) => Promise<Response>;
};

/** Handlers deliberately outside the matrix, each with its reason (they are checked by their own tests). */
export const OUTSIDE_MATRIX: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts#GET": "next-auth's own sign-in endpoints; sign-in abuse tests cover them",
  "app/api/auth/[...nextauth]/route.ts#POST": "next-auth's own sign-in endpoints; sign-in abuse tests cover them",
  "app/api/health/route.ts#GET": "public health check without data",
  "app/api/calendar/[token]/route.ts#GET":
    "the secret token is the credential; calendar.integration and the matrix's token test",
  "app/api/test-support/users/route.ts#POST": "404 unless KONZEPTWERK_E2E=1 (checked below)",
  "app/api/test-support/submit/route.ts#POST": "404 unless KONZEPTWERK_E2E=1 (checked below)",
  "app/api/test-support/mail/route.ts#POST": "404 unless KONZEPTWERK_E2E=1 (checked below)",
  "app/api/test-support/concepts/released/route.ts#POST": "404 unless KONZEPTWERK_E2E=1 (checked below)",
  "app/api/test-support/concepts/route.ts#POST": "404 unless KONZEPTWERK_E2E=1 (checked below)",
  "app/abmelden/route.ts#POST":
    "ends the caller's own session (or, bereich=ueberall, all of their sessions) and clears its cookies; no data, any caller; foreign origins refused below (user-sessions.integration)",
  "app/api/test-support/reminders/route.ts#POST": "404 unless KONZEPTWERK_E2E=1 (checked below)",
  "app/locale-actions.ts#setLocaleAction":
    "sets the language cookie; the stored locale only for the signed-in actor themself",
  "app/(public)/zugang/[token]/actions.ts#redeemLinkAction":
    "public: the one-time token is the credential (administration.integration)",
};

/** OParl is public (or session-only with OPARL_REQUIRE_AUTH): every handler is a GET; oparl-routes.integration covers them. */
export const OPARL_PREFIX = "app/api/oparl/";

const DRAFTING: readonly ActorKey[] = ["lead", "author", "traegerOwner", "traegerOther"];
const VERWALTUNG: readonly ActorKey[] = ["lead", "author"];
const SECTION_EDITORS: readonly ActorKey[] = ["lead", "author", "traegerOwner"];
const SIGNED_IN: readonly ActorKey[] = [
  "lead",
  "author",
  "traegerOwner",
  "traegerOther",
  "traegerOutside",
  "committeeIn",
  "committeeOut",
  "admin",
];
const frozen = (s: State) => s === "mitzeichnung" || s === "eingereicht";
const submitted = (s: State) => s === "eingereicht";
const only = (who: readonly ActorKey[]) => (a: ActorKey) => who.includes(a);
const onlyWhileOpen = (who: readonly ActorKey[]) => (a: ActorKey, s: State) => who.includes(a) && !frozen(s);

export function form(fields: Record<string, string | readonly string[]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === "string") f.set(k, v);
    else for (const x of v) f.append(k, x);
  }
  return f;
}

export const paragraphDoc = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

const A = "app/(app)";
const K = `${A}/konzepte/[conceptId]`;
const S = `${K}/abschnitte/[sectionId]`;
const API = "app/api/concepts/[conceptId]";

type ActionModule = Record<string, (...args: never[]) => Promise<unknown>>;
type RouteModule = Record<
  string,
  (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>
>;
type PageModule = {
  default: (props: { params: Promise<unknown>; searchParams: Promise<unknown> }) => Promise<unknown>;
};
export type Modules = {
  actions: Record<string, ActionModule>;
  routes: Record<string, RouteModule>;
  pages: Record<string, PageModule>;
};

/** Pages whose access the matrix checks by rendering them (the page itself, not its children). */
export const MATRIX_PAGES = [
  "app/(app)/konzepte/[conceptId]/protokoll/page.tsx",
  "app/(app)/konzepte/[conceptId]/beteiligte/page.tsx",
  "app/(app)/administration/konzepte/[conceptId]/notfallzugriff/page.tsx",
];

/** A JSON request from our own origin, as the editor sends it (a NextRequest, as the handlers receive it). */
export function apiRequest(
  path: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): NextRequest {
  return new NextRequest(`http://127.0.0.1:3250${path}`, {
    method,
    headers: {
      host: "127.0.0.1:3250",
      origin: "http://127.0.0.1:3250",
      "sec-fetch-site": "same-origin",
      "content-type": "application/json",
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A small real DOCX, made once, for the upload route. */
const MATRIX_DOCX = await Packer.toBuffer(
  new Document({ sections: [{ children: [new Paragraph("Aus Word für die Matrix.")] }] }),
);

/** A multipart upload from our own origin, as the section page's Word form sends it. */
function docxUpload(path: string): Request {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(MATRIX_DOCX)]), "matrix.docx");
  return new Request(`http://127.0.0.1:3250${path}`, {
    method: "POST",
    headers: { host: "127.0.0.1:3250", origin: "http://127.0.0.1:3250", "sec-fetch-site": "same-origin" },
    body: form,
  });
}

export function buildRows(m: Modules): Row[] {
  const act =
    (file: string, name: string) =>
    (...args: unknown[]) =>
      (m.actions[file]![name] as (...a: unknown[]) => Promise<unknown>)(...args);
  const route = (file: string, method: string) => (request: Request, params: Record<string, string>) =>
    m.routes[file]![method]!(request, { params: Promise.resolve(params) });
  const rows: Row[] = [];
  const action = (
    file: string,
    name: string,
    service: string,
    scope: Row["scope"],
    allowed: Row["allowed"],
    make: (i: Ids, g: GlobalIds) => FormData | undefined,
    states?: readonly State[],
  ) =>
    rows.push({
      id: `${file}#${name}`,
      service,
      scope,
      states,
      allowed,
      call: (i, g) => act(file, name)(null, make(i, g)),
      form: { of: (i, g) => make(i, g) ?? new FormData(), invoke: (f) => act(file, name)(null, f) },
    });

  // Concept workflow panel.
  const TRANSITION: Record<State, string> = {
    entwurf: "open_consultation",
    konsultation: "close_consultation",
    mitzeichnung: "reopen_after_signoff",
    eingereicht: "complete_deliberation",
  };
  rows.push({
    id: `${K}/actions.ts#transitionConceptAction`,
    service: "transitionConcept",
    scope: "concept",
    allowed: only(["lead"]),
    call: (i, _g, s) =>
      act(`${K}/actions.ts`, "transitionConceptAction")(
        null,
        form({ conceptId: i.conceptId, transition: TRANSITION[s], reason: "Weitere Runde" }),
      ),
  });
  action(`${K}/actions.ts`, "setSectionStatusAction", "setSectionStatus", "concept", onlyWhileOpen(["lead"]), (i) =>
    form({ conceptId: i.conceptId, sectionId: i.sectionId, from: "entwurf", to: "zur_abstimmung", title: "Abschnitt" }),
  );
  action(`${K}/actions.ts`, "setSectionsStatusAction", "setSectionsStatus", "concept", onlyWhileOpen(["lead"]), (i) =>
    form({ conceptId: i.conceptId, to: "zur_abstimmung" }),
  );
  action(`${K}/actions.ts`, "setPlanningSettingsAction", "setPlanningSettings", "concept", only(["lead"]), (i) =>
    form({ conceptId: i.conceptId, submissionLeadDays: "21", signoffDays: "10", revisionDays: "7" }),
  );

  // Outline (Gliederung): the lead, never once frozen.
  const G = `${K}/gliederung/actions.ts`;
  action(G, "addSectionAction", "addSection", "concept", onlyWhileOpen(["lead"]), (i) =>
    form({ conceptId: i.conceptId, title: "Neuer Abschnitt", ownerOrganisationId: i.ownerOrganisationId }),
  );
  action(G, "renameSectionAction", "renameSection", "concept", onlyWhileOpen(["lead"]), (i) =>
    form({ conceptId: i.conceptId, sectionId: i.leadSectionId, title: "Umbenannt" }),
  );
  action(G, "setSectionOwnerAction", "setSectionOwner", "concept", onlyWhileOpen(["lead"]), (i) =>
    form({ conceptId: i.conceptId, sectionId: i.leadSectionId, ownerOrganisationId: i.ownerOrganisationId }),
  );
  action(G, "setSectionMandateItemsAction", "setSectionMandateItems", "concept", onlyWhileOpen(["lead"]), (i) =>
    form({ conceptId: i.conceptId, sectionId: i.leadSectionId, mandateItemIds: [i.mandateItemId] }),
  );
  action(G, "removeSectionAction", "removeSection", "concept", onlyWhileOpen(["lead"]), (i) =>
    form({ conceptId: i.conceptId, sectionId: i.leadSectionId }),
  );
  action(G, "restoreSectionAction", "restoreArchivedSection", "concept", onlyWhileOpen(["lead"]), (i) =>
    form({ conceptId: i.conceptId, sectionId: i.leadSectionId }),
  );
  rows.push({
    id: `${G}#moveSectionAction`,
    service: "moveSection",
    scope: "concept",
    allowed: onlyWhileOpen(["lead"]),
    call: (i) =>
      act(
        G,
        "moveSectionAction",
      )({ conceptId: i.conceptId, sectionId: i.sectionId, direction: "down", title: "Abschnitt" }),
  });

  action(`${K}/fassungen/actions.ts`, "createFassungAction", "createFassung", "concept", only(["lead"]), (i) =>
    form({ conceptId: i.conceptId, name: "Matrixfassung" }),
  );
  action(
    `${S}/verlauf/actions.ts`,
    "restoreRevisionAction",
    "restoreSectionRevision",
    "concept",
    onlyWhileOpen(SECTION_EDITORS),
    (i) => form({ conceptId: i.conceptId, sectionId: i.sectionId, number: "1", baseVersion: i.sectionVersion }),
  );

  // Reading room: committee members of the Beratungsfolge ask, the Verwaltung answers, once submitted.
  const L = `${K}/lesesaal/actions.ts`;
  action(
    L,
    "askQuestionAction",
    "askCommitteeQuestion",
    "concept",
    (a, s) => a === "committeeIn" && submitted(s),
    (i) => form({ conceptId: i.conceptId, body: "Rückfrage" }),
  );
  action(
    L,
    "answerQuestionAction",
    "answerCommitteeQuestion",
    "concept",
    (a, s) => VERWALTUNG.includes(a) && submitted(s),
    (i) => form({ conceptId: i.conceptId, questionId: i.questionId, answer: "Antwort" }),
  );

  // Proposals: the section's editors decide, the proposer (AWO) withdraws, the Verwaltung weighs (Abwägung).
  // Suggestions in the live text: the section's writers decide them while the concept is not frozen.
  const SG = `${S}/bearbeiten/suggestion-actions.ts`;
  action(SG, "decideSuggestionAction", "decideSuggestion", "concept", onlyWhileOpen(SECTION_EDITORS), (i) =>
    form({
      conceptId: i.conceptId,
      sectionId: i.sectionId,
      suggestionId: i.suggestionId,
      decision: "zur_kenntnis_genommen",
      reason: "Abgewogen",
    }),
  );
  action(
    SG,
    "decideOrganisationSuggestionsAction",
    "decideOrganisationSuggestions",
    "concept",
    onlyWhileOpen(SECTION_EDITORS),
    (i) =>
      form({
        conceptId: i.conceptId,
        sectionId: i.sectionId,
        organisationId: i.suggestionOrganisationId,
        decision: "zur_kenntnis_genommen",
        reason: "Abgewogen",
      }),
  );
  const P = `${S}/vorschlaege/[proposalId]/actions.ts`;
  action(P, "acceptProposalAction", "acceptProposal", "concept", onlyWhileOpen(SECTION_EDITORS), (i) =>
    form({ conceptId: i.conceptId, proposalId: i.proposalId, baseVersion: i.sectionVersion }),
  );
  action(P, "rejectProposalAction", "rejectProposal", "concept", onlyWhileOpen(SECTION_EDITORS), (i) =>
    form({ conceptId: i.conceptId, proposalId: i.proposalId, reason: "Passt nicht" }),
  );
  action(P, "withdrawProposalAction", "withdrawProposal", "concept", onlyWhileOpen(["traegerOther"]), (i) =>
    form({ conceptId: i.conceptId, proposalId: i.proposalId }),
  );
  action(
    P,
    "decideProposalAction",
    "decideProposal",
    "concept",
    (a, s) => VERWALTUNG.includes(a) && !submitted(s),
    (i) =>
      form({
        conceptId: i.conceptId,
        proposalId: i.proposalId,
        decision: "zur_kenntnis_genommen",
        reason: "Abgewogen",
      }),
  );

  // Vorlage and deliberation: the lead only.
  const V = `${K}/vorlage/actions.ts`;
  action(V, "submitVorlageAction", "submitVorlage", "concept", only(["lead"]), (i) =>
    form({
      conceptId: i.conceptId,
      paperType: "beschlussvorlage",
      reference: `AGS/${Math.floor(Math.random() * 1e6)}/2022`,
      paperDate: "2022-05-02",
      decisionProposal: "Der Ausschuss beschließt das Konzept.",
      financialImpact: "Keine zusätzlichen Kosten.",
      reasoning: "Der Rat hat das Konzept beauftragt.",
      consultationId: [i.consultationId],
      position: ["1"],
      role: ["entscheidung"],
      meetingDate: ["2022-06-23"],
      submissionDeadline: [""],
    }),
  );
  action(V, "recordOutcomeAction", "recordOutcome", "concept", only(["lead"]), (i) =>
    form({
      conceptId: i.conceptId,
      consultationId: i.consultationId,
      outcome: "zur_kenntnis_genommen",
      outcomeDate: "2022-06-01",
    }),
  );
  // After submission the lead is told why (a conflict: the Beratungsfolge is on record); everyone else is denied.
  action(V, "changeBeratungsfolgeAction", "changeBeratungsfolge", "concept", only(["lead"]), (i) =>
    form({
      conceptId: i.conceptId,
      op: "update",
      consultationId: i.consultationId,
      role: "entscheidung",
      meetingDate: "2022-06-23",
      meetingTime: "14:30",
      submissionDeadline: "",
    }),
  );
  action(V, "deliberationStepAction", "takeDeliberationStep", "concept", only(["lead"]), (i) =>
    form({ conceptId: i.conceptId, transition: "refer_back" }),
  );

  // Mitzeichnung: members of the required organisations sign; the lead sets who must, before the round.
  const M = `${K}/mitzeichnung/actions.ts`;
  action(
    M,
    "signOffAction",
    "signOff",
    "concept",
    (a, s) => ["author", "traegerOwner", "traegerOther"].includes(a) && s === "mitzeichnung",
    (i) =>
      form({
        conceptId: i.conceptId,
        roundId: i.roundId,
        contentHash: i.contentHash,
        decision: "zugestimmt",
        organisationId: "",
        remarks: "",
      }),
  );
  action(M, "setRequiredSignoffsAction", "setRequiredSignoffs", "concept", onlyWhileOpen(["lead"]), (i) =>
    form({ conceptId: i.conceptId, organisationIds: [i.ownerOrganisationId] }),
  );

  // Participants: the lead and administrators.
  const B = `${K}/beteiligte/actions.ts`;
  action(B, "addParticipantAction", "addParticipant", "concept", only(["lead", "admin"]), (i, g) =>
    form({ conceptId: i.conceptId, kind: "organisation", organisationId: g.gremiumId, role: "committee" }),
  );
  action(B, "changeParticipantRoleAction", "changeParticipantRole", "concept", only(["lead", "admin"]), (i) =>
    form({ conceptId: i.conceptId, participantId: i.participantId, role: "contributor" }),
  );
  action(B, "removeParticipantAction", "removeParticipant", "concept", only(["lead", "admin"]), (i) =>
    form({ conceptId: i.conceptId, participantId: i.participantId }),
  );

  // Comments: drafting participants while open; own comments only; deciding for the Verwaltung until submitted.
  const C = `${S}/comment-actions.ts`;
  action(C, "createThreadAction", "createThread", "concept", onlyWhileOpen(DRAFTING), (i) =>
    form({ conceptId: i.conceptId, sectionId: i.sectionId, body: "Neuer Kommentar", visibility: "alle" }),
  );
  action(C, "replyAction", "replyToThread", "concept", onlyWhileOpen(DRAFTING), (i) =>
    form({ conceptId: i.conceptId, sectionId: i.sectionId, threadId: i.threadId, body: "Antwort" }),
  );
  action(C, "editCommentAction", "editComment", "concept", onlyWhileOpen(["traegerOwner"]), (i) =>
    form({ conceptId: i.conceptId, sectionId: i.sectionId, commentId: i.commentId, body: "Geändert" }),
  );
  action(C, "deleteCommentAction", "deleteComment", "concept", onlyWhileOpen(["traegerOwner"]), (i) =>
    form({ conceptId: i.conceptId, sectionId: i.sectionId, commentId: i.commentId }),
  );
  action(
    C,
    "resolveThreadAction",
    "setThreadResolved",
    "concept",
    onlyWhileOpen(["lead", "author", "traegerOwner"]),
    (i) => form({ conceptId: i.conceptId, sectionId: i.sectionId, threadId: i.threadId, resolved: "true" }),
  );
  action(
    C,
    "decideThreadAction",
    "decideThread",
    "concept",
    (a, s) => VERWALTUNG.includes(a) && !submitted(s),
    (i) =>
      form({
        conceptId: i.conceptId,
        sectionId: i.sectionId,
        threadId: i.threadId,
        decision: "zur_kenntnis_genommen",
        reason: "Abgewogen",
      }),
  );
  // The internal thread: a reply reveals nothing to the Träger side, not even that it exists.
  rows.push({
    id: `${C}#replyAction (nur Verwaltung)`,
    service: "replyToThread",
    scope: "concept",
    allowed: onlyWhileOpen(VERWALTUNG),
    call: (i) =>
      act(C, "replyAction")(
        null,
        form({ conceptId: i.conceptId, sectionId: i.sectionId, threadId: i.internalThreadId, body: "Intern" }),
      ),
  });

  // Global: administration, new concepts, own inbox, profile and calendar link.
  const ADMIN = only(["admin"]);
  action(`${A}/administration/personen/actions.ts`, "createUserAction", "createUser", "global", ADMIN, (_i, g) =>
    form({
      name: "Neue Person",
      email: `neu-${crypto.randomUUID().slice(0, 8)}@matrix.example`,
      organisationIds: [g.organisationId],
      access: "link",
    }),
  );
  action(`${A}/administration/personen/actions.ts`, "updateUserAction", "updateUser", "global", ADMIN, (_i, g) =>
    form({
      userId: g.userId,
      name: "Deniz Aydın",
      email: "awo@demo.example",
      organisationIds: [g.traegerOrganisationId],
    }),
  );
  action(`${A}/administration/personen/actions.ts`, "setUserActiveAction", "setUserActive", "global", ADMIN, (_i, g) =>
    form({ userId: g.userId, active: "false" }),
  );
  action(
    `${A}/administration/personen/actions.ts`,
    "sendSignInLinkAction",
    "sendSignInLink",
    "global",
    ADMIN,
    (_i, g) => form({ userId: g.userId }),
  );
  action(
    `${A}/administration/personen/actions.ts`,
    "setUserPasswordAction",
    "setUserPasswordByAdmin",
    "global",
    ADMIN,
    (_i, g) => form({ userId: g.userId, password: "ein-neues-passwort-1", passwordConfirm: "ein-neues-passwort-1" }),
  );
  action(
    `${A}/administration/organisationen/actions.ts`,
    "createOrganisationAction",
    "createOrganisation",
    "global",
    ADMIN,
    () => form({ name: `Träger ${crypto.randomUUID().slice(0, 6)}`, shortName: "Neu", kind: "traeger" }),
  );
  action(
    `${A}/administration/organisationen/actions.ts`,
    "updateOrganisationAction",
    "updateOrganisation",
    "global",
    ADMIN,
    (_i, g) => form({ organisationId: g.organisationId, name: "Caritasverband Düsseldorf", shortName: "Caritas" }),
  );
  action(
    `${A}/administration/organisationen/actions.ts`,
    "setOrganisationActiveAction",
    "setOrganisationActive",
    "global",
    ADMIN,
    (_i, g) => form({ organisationId: g.organisationId, active: "false" }),
  );
  // Vertretung (deputies): administrators, and an organisation's own signers (none of the matrix actors signs for
  // Caritas, so here: administrators only).
  action(`${A}/profil/deputy-actions.ts`, "nameDeputyAction", "nameDeputy", "global", ADMIN, (_i, g) =>
    form({ organisationId: g.organisationId, email: "awo@demo.example" }),
  );
  action(`${A}/profil/deputy-actions.ts`, "removeDeputyAction", "removeDeputy", "global", ADMIN, (_i, g) =>
    form({ organisationId: g.organisationId, userId: g.userId }),
  );
  action(`${A}/administration/e-mails/actions.ts`, "retryMailAction", "retryMail", "global", ADMIN, (_i, g) =>
    form({ mailId: g.mailId }),
  );
  action(
    `${A}/konzepte/neu/actions.ts`,
    "createConceptAction",
    "createConceptFromMandate",
    "global",
    only(["lead", "admin"]),
    (_i, g) =>
      form({
        title: "Neues Konzept",
        mandateText: "Der Rat beauftragt die Verwaltung.",
        mandateReference: "RAT/1/2026",
        decisionDate: "2026-01-10",
        deadline: "2026-06-30",
        leadOrganisationId: g.verwaltungOrganisationId,
        mandateItems: ["Prüfen"],
        consultationCommitteeId: [g.gremiumId],
        consultationRole: ["entscheidung"],
        consultationMeetingDate: ["2026-05-01"],
        outline: "none",
      }),
  );
  action(
    `${A}/benachrichtigungen/actions.ts`,
    "markReadAction",
    "markNotificationsRead",
    "global",
    only(SIGNED_IN),
    () => form({ all: "true" }),
  );
  action(
    `${A}/benachrichtigungen/actions.ts`,
    "savePreferencesAction",
    "setEmailPreferences",
    "global",
    only(SIGNED_IN),
    () => form({ email: [] }),
  );
  action(`${A}/profil/actions.ts`, "updateProfileAction", "updateOwnProfile", "global", only(SIGNED_IN), () =>
    form({ name: "Gleicher Name", locale: "de" }),
  );
  action(`${A}/profil/actions.ts`, "changePasswordAction", "changeOwnPassword", "global", only(SIGNED_IN), () =>
    form({
      currentPassword: "welcome-points-demo",
      newPassword: "ein-ganz-neues-passwort",
      newPasswordConfirm: "ein-ganz-neues-passwort",
    }),
  );
  rows.push({
    id: `${A}/profil/calendar-actions.ts#createCalendarLinkAction`,
    service: "createCalendarToken",
    scope: "global",
    allowed: only(SIGNED_IN),
    call: () => act(`${A}/profil/calendar-actions.ts`, "createCalendarLinkAction")(),
  });
  rows.push({
    id: `${A}/profil/calendar-actions.ts#revokeCalendarLinkAction`,
    service: "revokeCalendarToken",
    scope: "global",
    allowed: only(SIGNED_IN),
    call: () => act(`${A}/profil/calendar-actions.ts`, "revokeCalendarLinkAction")(),
  });

  // Route handlers.
  const sectionPath = (i: Ids) => `/api/concepts/${i.conceptId}/sections/${i.sectionId}`;
  const sectionParams = (i: Ids) => ({ conceptId: i.conceptId, sectionId: i.sectionId });
  const handler = (
    file: string,
    method: string,
    service: string,
    allowed: Row["allowed"],
    make: (i: Ids) => [Request, Record<string, string>],
    states?: readonly State[],
  ) =>
    rows.push({
      id: `${file}#${method}`,
      service,
      scope: "concept",
      allowed,
      states,
      call: (i) => route(file, method)(...make(i)),
      request: (i, body, query) => {
        const [valid, params] = make(i);
        const url = new URL(valid.url);
        const headers = new Headers(valid.headers);
        return route(file, method)(
          new Request(`${url.origin}${url.pathname}?${query}`, {
            method,
            headers,
            body: method === "GET" ? undefined : body,
          }),
          params,
        );
      },
    });
  const SEC = `${API}/sections/[sectionId]`;
  handler(`${SEC}/revisions/route.ts`, "POST", "saveSection", onlyWhileOpen(SECTION_EDITORS), (i) => [
    apiRequest(`${sectionPath(i)}/revisions`, "POST", {
      baseVersion: Number(i.sectionVersion),
      content: paragraphDoc("Gespeichert in der Matrix"),
    }),
    sectionParams(i),
  ]);
  handler(`${SEC}/conflict/route.ts`, "POST", "getSectionConflict", onlyWhileOpen(SECTION_EDITORS), (i) => [
    apiRequest(`${sectionPath(i)}/conflict`, "POST", {
      baseVersion: Number(i.sectionVersion),
      content: paragraphDoc("Mein Stand"),
    }),
    sectionParams(i),
  ]);
  handler(`${SEC}/proposals/route.ts`, "POST", "createProposal", onlyWhileOpen(DRAFTING), (i) => [
    apiRequest(`${sectionPath(i)}/proposals`, "POST", {
      baseVersion: Number(i.sectionVersion),
      content: paragraphDoc("Vorschlag"),
      reason: "Besser",
    }),
    sectionParams(i),
  ]);
  handler(
    `${SEC}/proposals/[proposalId]/accept/route.ts`,
    "POST",
    "acceptProposal",
    onlyWhileOpen(SECTION_EDITORS),
    (i) => [
      apiRequest(`${sectionPath(i)}/proposals/${i.proposalId}/accept`, "POST", {
        baseVersion: Number(i.sectionVersion),
      }),
      { ...sectionParams(i), proposalId: i.proposalId },
    ],
  );
  handler(`${API}/working-text/route.ts`, "GET", "exportWorkingText", only(DRAFTING), (i) => [
    apiRequest(`/api/concepts/${i.conceptId}/working-text?section=${i.sectionId}`, "GET"),
    { conceptId: i.conceptId },
  ]);
  // A Word file into a section, as a preview (nothing stored): whoever may edit or suggest, before any freeze.
  handler(`${API}/sections/[sectionId]/word/route.ts`, "POST", "importSectionDocx", onlyWhileOpen(DRAFTING), (i) => [
    docxUpload(`/api/concepts/${i.conceptId}/sections/${i.sectionId}/word`),
    sectionParams(i),
  ]);
  handler(`${API}/synopse/route.ts`, "GET", "listSynopseForDownload", only(DRAFTING), (i) => [
    apiRequest(`/api/concepts/${i.conceptId}/synopse?format=csv`, "GET"),
    { conceptId: i.conceptId },
  ]);
  handler(
    `${API}/export/route.ts`,
    "GET",
    "buildExportDocument",
    (a, s) => DRAFTING.includes(a) || (a === "committeeIn" && submitted(s)),
    (i) => [apiRequest(`/api/concepts/${i.conceptId}/export?format=md`, "GET"), { conceptId: i.conceptId }],
  );
  // The JSON backup holds every draft, internal threads and the audit trail: the lead only; an administrator only
  // through break-glass access (rows below), never by the admin flag alone.
  handler(`${API}/export/route.ts`, "GET", "exportConceptBackup", only(["lead"]), (i) => [
    apiRequest(`/api/concepts/${i.conceptId}/export?format=json`, "GET"),
    { conceptId: i.conceptId },
  ]);
  // The reading room's Synopse download: the snapshot, for the committees of the Beratungsfolge and the Verwaltung.
  handler(
    `${API}/vorlage/synopse/route.ts`,
    "GET",
    "getReadingRoomSynopse",
    (a) => VERWALTUNG.includes(a) || a === "committeeIn",
    (i) => [apiRequest(`/api/concepts/${i.conceptId}/vorlage/synopse?format=csv`, "GET"), { conceptId: i.conceptId }],
    ["eingereicht"],
  );
  handler(`${API}/audit/route.ts`, "GET", "listConceptAudit", only(["lead"]), (i) => [
    apiRequest(`/api/concepts/${i.conceptId}/audit`, "GET"),
    { conceptId: i.conceptId },
  ]);

  // Break-glass (docs/decisions/0011): every actor first tries to open it (only an admin can), then calls. The admin
  // then gets the backup and the audit trail; everyone else exactly what they get without trying.
  const BREAK_GLASS = `${A}/administration/konzepte/actions.ts`;
  const openBreakGlassFirst = async (i: Ids) => {
    await act(BREAK_GLASS, "openBreakGlassAction")(
      null,
      form({ conceptId: i.conceptId, reason: "Ticket 4711: Umzug des Konzepts auf die neue Installation" }),
    ).catch(() => undefined);
  };
  for (const [file, service, query] of [
    [`${API}/export/route.ts`, "exportConceptBackup", "?format=json"],
    [`${API}/audit/route.ts`, "listConceptAudit", ""],
  ] as const)
    rows.push({
      id: `${file}#GET (break-glass)`,
      service,
      scope: "concept",
      allowed: only(["lead", "admin"]),
      call: async (i) => {
        await openBreakGlassFirst(i);
        const path = file.includes("export") ? "export" : "audit";
        return route(file, "GET")(apiRequest(`/api/concepts/${i.conceptId}/${path}${query}`, "GET"), {
          conceptId: i.conceptId,
        });
      },
    });
  rows.push({
    id: `${BREAK_GLASS}#openBreakGlassAction`,
    service: "openBreakGlass",
    scope: "concept",
    allowed: only(["admin"]),
    call: (i) =>
      act(BREAK_GLASS, "openBreakGlassAction")(
        null,
        form({ conceptId: i.conceptId, reason: "Ticket 4711: Umzug des Konzepts auf die neue Installation" }),
      ),
    form: {
      of: (i) => form({ conceptId: i.conceptId, reason: "Ticket 4711: Umzug des Konzepts auf die neue Installation" }),
      invoke: (f) => act(BREAK_GLASS, "openBreakGlassAction")(null, f),
    },
  });

  // Pages (finding 2 of issue 16): the Protokoll is the lead's (an admin's only through break-glass); the Beteiligte
  // page shows names and roles, administration data, to drafting participants and admins; the break-glass page is
  // the admins'.
  const page = (file: string, params: (i: Ids) => Record<string, string>) => (i: Ids) =>
    m.pages[file]!.default({ params: Promise.resolve(params(i)), searchParams: Promise.resolve({}) });
  const [PROTOKOLL, BETEILIGTE, NOTFALL] = MATRIX_PAGES as [string, string, string];
  rows.push(
    {
      id: `${PROTOKOLL}#page`,
      service: "listConceptAudit",
      scope: "concept",
      allowed: only(["lead"]),
      call: page(PROTOKOLL, (i) => ({ conceptId: i.conceptId })),
    },
    {
      id: `${PROTOKOLL}#page (break-glass)`,
      service: "listConceptAudit",
      scope: "concept",
      allowed: only(["lead", "admin"]),
      call: async (i) => {
        await openBreakGlassFirst(i);
        return page(PROTOKOLL, (x) => ({ conceptId: x.conceptId }))(i);
      },
    },
    {
      id: `${BETEILIGTE}#page`,
      service: "listParticipants",
      scope: "concept",
      allowed: only([...DRAFTING, "admin"]),
      call: page(BETEILIGTE, (i) => ({ conceptId: i.conceptId })),
    },
    {
      id: `${NOTFALL}#page`,
      service: "getBreakGlassTarget",
      scope: "concept",
      allowed: only(["admin"]),
      call: page(NOTFALL, (i) => ({ conceptId: i.conceptId })),
    },
  );
  handler(
    `${API}/vorlage/pdf/route.ts`,
    "GET",
    "getVorlagePdf",
    (a) => DRAFTING.includes(a) || a === "committeeIn",
    (i) => [apiRequest(`/api/concepts/${i.conceptId}/vorlage/pdf`, "GET"), { conceptId: i.conceptId }],
    ["eingereicht"],
  );
  return rows;
}
