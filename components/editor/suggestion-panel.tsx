"use client";

import { revertSuggestion, selectSuggestion } from "@handlewithcare/prosemirror-suggest-changes";
import type { Editor } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import type { FormAction as TypedFormAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/textarea-field";
import { isSuggestionMarkName } from "@/lib/content/editor-extensions";
import { suggestionAnchor, suggestionAuthorId } from "@/lib/content/suggestion-ids";

type Decided = { decided: number; version: number | null };
export type SuggestionActions = { decide: TypedFormAction<Decided>; decideOrganisation: TypedFormAction<Decided> };
/** What the server knows of a suggestion already (from its Abwägung row). */
export type KnownSuggestion = {
  authorName: string;
  organisation: string | null;
  organisationId: string | null;
  createdAt: string;
};
export type Person = { name: string; organisation: string | null };

type Item = { id: string; authorId: string | null; deleted: string; inserted: string; formatting: boolean };

/** The suggestions in the text now, in reading order (one per id). */
function suggestionsIn(doc: PmNode): Item[] {
  const items = new Map<string, Item>();
  doc.descendants((node) => {
    for (const mark of node.marks) {
      if (!isSuggestionMarkName(mark.type.name)) continue;
      const id = String(mark.attrs.id);
      let item = items.get(id);
      if (!item) {
        item = { id, authorId: suggestionAuthorId(id), deleted: "", inserted: "", formatting: false };
        items.set(id, item);
      }
      const text = node.isText ? (node.text ?? "").replace(/\u200B/g, "") : node.isBlock ? " ¶ " : "";
      if (mark.type.name === "insertion") item.inserted += text;
      else if (mark.type.name === "deletion") item.deleted += text;
      else item.formatting = true;
    }
    return true;
  });
  return [...items.values()];
}

const DECISIONS = ["nicht_uebernommen", "zur_kenntnis_genommen", "teilweise_uebernommen"] as const;

/**
 * The open suggestions beside the text (Vorschlagsmodus): who, what, since when; the section's writers take one
 * over or turn it down with a reason (the Abwägung), or all of one organisation's at once; the author withdraws
 * their own. Follows the live text as it changes.
 */
export function SuggestionPanel(props: {
  editor: Editor;
  userId: string;
  mayDecide: boolean;
  conceptId: string;
  sectionId: string;
  known: Record<string, KnownSuggestion>;
  people: Record<string, Person>;
  actions: SuggestionActions;
  /** The section page, where a suggestion can be discussed. */
  readHref: string;
}) {
  const t = useTranslations("suggestions");
  const format = useFormatter();
  const headingId = useId();
  const [items, setItems] = useState<Item[]>(() => suggestionsIn(props.editor.state.doc));
  // The decided suggestion leaves the list (and its form with it): the outcome is said here instead.
  const [outcome, setOutcome] = useState("");
  // A suggestion being decided stays listed until the answer is here: the live text may drop it first, and its
  // form (which reports the outcome) must not disappear with it.
  const [deciding, setDeciding] = useState<Record<string, Item>>({});
  const shown = [...items, ...Object.values(deciding).filter((d) => !items.some((i) => i.id === d.id))];
  const settle = (ids: string[]) =>
    setDeciding((now) => Object.fromEntries(Object.entries(now).filter(([id]) => !ids.includes(id))));
  const onDecided = (data: Decided) => {
    settle(Object.keys(deciding));
    setOutcome(
      data.version
        ? t("acceptedAs", { version: data.version })
        : data.decided > 1
          ? t("decidedMany", { count: data.decided })
          : t("decided"),
    );
  };
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setItems(suggestionsIn(props.editor.state.doc)), 150);
    };
    props.editor.on("update", update);
    return () => {
      clearTimeout(timer);
      props.editor.off("update", update);
    };
  }, [props.editor]);

  const who = (item: Item) => {
    const known = props.known[item.id];
    const person = item.authorId ? props.people[item.authorId] : undefined;
    return {
      name: known?.authorName ?? person?.name ?? t("unknownAuthor"),
      organisation: known?.organisation ?? person?.organisation ?? null,
      organisationId: known?.organisationId ?? null,
      since: known
        ? format.dateTime(new Date(known.createdAt), { dateStyle: "medium", timeStyle: "short" })
        : t("justNow"),
    };
  };
  const byOrganisation = new Map<string, { name: string; count: number }>();
  for (const item of shown) {
    const w = who(item);
    if (!w.organisationId) continue;
    const entry = byOrganisation.get(w.organisationId) ?? { name: w.organisation ?? "", count: 0 };
    entry.count += 1;
    byOrganisation.set(w.organisationId, entry);
  }

  const show = (id: string) => {
    selectSuggestion(id)(props.editor.state, props.editor.view.dispatch);
    props.editor.view.focus();
  };
  const withdraw = (id: string) => {
    revertSuggestion(id)(props.editor.state, props.editor.view.dispatch);
  };

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-line bg-white p-4"
      data-testid="suggestion-panel"
    >
      <h2 id={headingId} className="text-lg font-bold">
        {t("heading", { count: shown.length })}
      </h2>
      <p role="status" className="mt-1 text-sm font-semibold text-ok">
        {outcome}
      </p>
      {shown.length === 0 ? (
        <p className="mt-2 text-muted">{t("empty")}</p>
      ) : (
        <ol className="mt-3 flex flex-col gap-3">
          {shown.map((item) => {
            const w = who(item);
            const own = item.authorId === props.userId;
            return (
              <li
                key={item.id}
                className="rounded-md border border-line p-3"
                data-suggestion-item={item.id}
                onSubmitCapture={() => setDeciding((now) => ({ ...now, [item.id]: item }))}
              >
                <p className="text-sm">
                  <span className="font-semibold">{w.name}</span>
                  {w.organisation ? ` (${w.organisation})` : ""} · {w.since}
                </p>
                <p className="mt-1 break-words">
                  {item.deleted && item.inserted
                    ? t.rich("replacement", {
                        before: item.deleted.trim(),
                        after: item.inserted.trim(),
                        del: (chunks) => <del className="diff-del-sample">{chunks}</del>,
                        ins: (chunks) => <ins className="diff-ins-sample">{chunks}</ins>,
                      })
                    : item.inserted
                      ? t.rich("insertion", {
                          text: item.inserted.trim(),
                          ins: (c) => <ins className="diff-ins-sample">{c}</ins>,
                        })
                      : item.deleted
                        ? t.rich("deletion", {
                            text: item.deleted.trim(),
                            del: (c) => <del className="diff-del-sample">{c}</del>,
                          })
                        : t("formatting")}
                </p>
                <div className="mt-2 flex flex-wrap items-start gap-2">
                  <Button type="button" variant="secondary" onClick={() => show(item.id)}>
                    {t("show")}
                  </Button>
                  {props.known[item.id] ? (
                    <a href={`${props.readHref}#${suggestionAnchor(item.id)}`} className="self-center text-sm">
                      {t("discussInSection")}
                    </a>
                  ) : null}
                  {own && !props.mayDecide ? (
                    <Button type="button" variant="secondary" onClick={() => withdraw(item.id)}>
                      {t("withdraw")}
                    </Button>
                  ) : null}
                  {props.mayDecide ? (
                    <DecideForms {...props} suggestionId={item.id} label={w.name} onDecided={onDecided} />
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {props.mayDecide && [...byOrganisation.values()].some((o) => o.count > 1) ? (
        <div className="mt-4 border-t border-line pt-3">
          <h3 className="font-semibold">{t("bulkHeading")}</h3>
          {[...byOrganisation.entries()]
            .filter(([, o]) => o.count > 1)
            .map(([organisationId, o]) => (
              <div
                key={organisationId}
                onSubmitCapture={() =>
                  setDeciding((now) => ({
                    ...now,
                    ...Object.fromEntries(
                      items.filter((i) => who(i).organisationId === organisationId).map((i) => [i.id, i]),
                    ),
                  }))
                }
              >
                <BulkForm
                  {...props}
                  organisationId={organisationId}
                  name={o.name}
                  count={o.count}
                  onDecided={onDecided}
                />
              </div>
            ))}
        </div>
      ) : null}
    </section>
  );
}

function Hidden({ conceptId, sectionId }: { conceptId: string; sectionId: string }) {
  return (
    <>
      <input type="hidden" name="conceptId" value={conceptId} />
      <input type="hidden" name="sectionId" value={sectionId} />
    </>
  );
}

function DecideForms(props: {
  conceptId: string;
  sectionId: string;
  suggestionId: string;
  label: string;
  actions: SuggestionActions;
  onDecided: (data: Decided) => void;
}) {
  const t = useTranslations("suggestions");
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <ActionForm
        action={props.actions.decide}
        label={t("acceptForm", { name: props.label })}
        resetOnSuccess={false}
        onSuccess={props.onDecided}
      >
        {() => (
          <>
            <Hidden {...props} />
            <input type="hidden" name="suggestionId" value={props.suggestionId} />
            <input type="hidden" name="decision" value="uebernommen" />
            <SubmitButton>{t("accept")}</SubmitButton>
          </>
        )}
      </ActionForm>
      <Button
        type="button"
        variant="secondary"
        aria-expanded={open}
        aria-controls={`${id}-form`}
        onClick={() => setOpen(!open)}
      >
        {t("decideOther")}
      </Button>
      {open ? (
        <div id={`${id}-form`} className="basis-full">
          <ActionForm
            action={props.actions.decide}
            onSuccess={props.onDecided}
            label={t("decideForm", { name: props.label })}
            className="flex flex-col gap-2"
          >
            {({ fieldErrors }) => (
              <>
                <Hidden {...props} />
                <input type="hidden" name="suggestionId" value={props.suggestionId} />
                <SelectField
                  id={`${id}-decision`}
                  name="decision"
                  label={t("decision")}
                  options={DECISIONS.map((d) => ({ value: d, label: t(`decisions.${d}`) }))}
                  error={fieldErrors.decision}
                />
                <TextAreaField
                  id={`${id}-reason`}
                  name="reason"
                  label={t("reason")}
                  rows={3}
                  maxLength={10000}
                  error={fieldErrors.reason}
                />
                <div>
                  <SubmitButton>{t("record")}</SubmitButton>
                </div>
              </>
            )}
          </ActionForm>
        </div>
      ) : null}
    </>
  );
}

function BulkForm(props: {
  conceptId: string;
  sectionId: string;
  organisationId: string;
  name: string;
  count: number;
  actions: SuggestionActions;
  onDecided: (data: Decided) => void;
}) {
  const t = useTranslations("suggestions");
  const id = useId();
  return (
    <ActionForm
      action={props.actions.decideOrganisation}
      onSuccess={props.onDecided}
      label={t("bulkForm", { organisation: props.name })}
      className="mt-3 flex flex-col gap-2 rounded-md border border-line p-3"
    >
      {({ fieldErrors }) => (
        <>
          <Hidden {...props} />
          <input type="hidden" name="organisationId" value={props.organisationId} />
          <p className="font-semibold">{t("bulkAll", { count: props.count, organisation: props.name })}</p>
          <SelectField
            id={`${id}-decision`}
            name="decision"
            label={t("decision")}
            options={["uebernommen", ...DECISIONS].map((d) => ({ value: d, label: t(`decisions.${d}`) }))}
            error={fieldErrors.decision}
          />
          <TextAreaField
            id={`${id}-reason`}
            name="reason"
            label={t("reasonOptional")}
            rows={2}
            maxLength={10000}
            error={fieldErrors.reason}
          />
          <div>
            <SubmitButton variant="secondary">{t("recordAll")}</SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}
