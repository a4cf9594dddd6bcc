"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button, buttonClass } from "@/components/ui/button";
import { Fieldset } from "@/components/ui/checkbox-field";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/textarea-field";
import { createConceptAction } from "./actions";
import { RowControls, moveItem } from "./ordered-list-controls";

type Org = { id: string; name: string; shortName: string; classification: "ausschuss" | "beirat" | null };
export type ConceptFormOptions = {
  offices: Org[];
  committees: Org[];
  templates: { id: string; name: string; sectionCount: number }[];
  copyable: { id: string; title: string; reference: string }[];
  defaultLeadOrganisationId: string | null;
};

type Item = { key: number; text: string };
type Consultation = { key: number; committeeId: string; role: string; meetingDate: string };

const ROLES = ["vorberatung", "entscheidung", "kenntnisnahme"] as const;

export function ConceptForm({ options }: { options: ConceptFormOptions }) {
  const t = useTranslations("newConcept");
  const tf = useTranslations("form");
  const tr = useTranslations("consultationRole");
  const tc = useTranslations("classification");
  const { state, pending, fieldError, formProps } = useActionForm(createConceptAction);
  const nextKey = useRef(2);
  const [items, setItems] = useState<Item[]>([{ key: 1, text: "" }]);
  const [folge, setFolge] = useState<Consultation[]>([
    { key: 1, committeeId: "", role: "vorberatung", meetingDate: "" },
  ]);
  const [outline, setOutline] = useState<string>("none");
  const [copyFrom, setCopyFrom] = useState<string>(options.copyable[0]?.id ?? "");
  const [announcement, setAnnouncement] = useState("");
  const focusAfterRender = useRef<string | null>(null);
  const setFocusId = (id: string) => (focusAfterRender.current = id);

  // After a move or removal, keep the keyboard where it was (the same button of the moved row, or the list's add button).
  useEffect(() => {
    const id = focusAfterRender.current;
    if (!id) return;
    focusAfterRender.current = null;
    const el = document.getElementById(id) as HTMLButtonElement | null;
    if (el && !el.disabled) el.focus();
    else document.getElementById(id.replace(/-(up|down)$/, "-text"))?.focus();
  });

  const key = () => nextKey.current++;
  const outlineValue = outline === "copy" ? (copyFrom ? `concept:${copyFrom}` : "") : outline;

  return (
    <form {...formProps} className="flex flex-col gap-8">
      <FormMessage
        state={state}
        fields={[
          "title",
          "mandateText",
          "mandateReference",
          "decisionDate",
          "deadline",
          "leadOrganisationId",
          "mandateItems",
          "consultations",
          "outline",
        ]}
      />
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>

      <section
        aria-labelledby="mandate-heading"
        className="flex flex-col gap-4 rounded-lg border border-line bg-white p-6"
      >
        <h2 id="mandate-heading" className="text-xl font-bold">
          {t("mandateTitle")}
        </h2>
        <TextField
          id="title"
          name="title"
          label={t("title")}
          hint={t("titleHint")}
          error={fieldError("title")}
          required
          maxLength={300}
        />
        <TextAreaField
          id="mandateText"
          name="mandateText"
          label={t("mandateText")}
          hint={t("mandateTextHint")}
          error={fieldError("mandateText")}
          rows={8}
          required
        />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            id="mandateReference"
            name="mandateReference"
            label={t("reference")}
            hint={t("referenceHint")}
            error={fieldError("mandateReference")}
            required
            maxLength={100}
          />
          <TextField
            id="decisionDate"
            name="decisionDate"
            type="date"
            label={t("decisionDate")}
            error={fieldError("decisionDate")}
            required
          />
          <TextField
            id="deadline"
            name="deadline"
            type="date"
            label={t("deadline")}
            hint={t("deadlineHint")}
            error={fieldError("deadline")}
            required
          />
        </div>
        <SelectField
          id="leadOrganisationId"
          name="leadOrganisationId"
          label={t("leadOffice")}
          hint={t("leadOfficeHint")}
          defaultValue={options.defaultLeadOrganisationId ?? ""}
          placeholder={tf("choose")}
          error={fieldError("leadOrganisationId")}
          options={options.offices.map((o) => ({ value: o.id, label: o.name }))}
        />
      </section>

      <section
        aria-labelledby="items-heading"
        className="flex flex-col gap-4 rounded-lg border border-line bg-white p-6"
      >
        <h2 id="items-heading" className="text-xl font-bold">
          {t("itemsTitle")}
        </h2>
        <p id="items-hint" className="text-muted">
          {t("itemsHint")}
        </p>
        {fieldError("mandateItems") ? <p className="font-semibold text-danger">{fieldError("mandateItems")}</p> : null}
        <ol className="flex flex-col gap-4">
          {items.map((item, i) => (
            <li key={item.key} className="grid gap-2 sm:grid-cols-[1fr_auto] sm:items-start">
              <TextAreaField
                id={`item-${item.key}-text`}
                name="mandateItems"
                label={t("item", { number: i + 1 })}
                rows={2}
                value={item.text}
                error={fieldError(`mandateItems.${i}`)}
                onChange={(e) => setItems(items.map((x) => (x.key === item.key ? { ...x, text: e.target.value } : x)))}
              />
              <div className="sm:pt-7">
                <RowControls
                  idPrefix={`item-${item.key}`}
                  index={i}
                  count={items.length}
                  labels={{
                    up: t("itemUp", { number: i + 1 }),
                    down: t("itemDown", { number: i + 1 }),
                    remove: t("itemRemove", { number: i + 1 }),
                  }}
                  onMove={(from, to) => {
                    setItems(moveItem(items, from, to));
                    setAnnouncement(t("moved", { number: to + 1 }));
                    setFocusId(`item-${item.key}-${to < from ? "up" : "down"}`);
                  }}
                  onRemove={(index) => {
                    setItems(items.filter((_, j) => j !== index));
                    setAnnouncement(t("removed"));
                    setFocusId("add-item");
                  }}
                />
              </div>
            </li>
          ))}
        </ol>
        <div>
          <button
            type="button"
            id="add-item"
            className={buttonClass("secondary")}
            onClick={() => setItems([...items, { key: key(), text: "" }])}
          >
            {t("addItem")}
          </button>
        </div>
      </section>

      <section
        aria-labelledby="folge-heading"
        className="flex flex-col gap-4 rounded-lg border border-line bg-white p-6"
      >
        <h2 id="folge-heading" className="text-xl font-bold">
          {t("folgeTitle")}
        </h2>
        <p className="text-muted">{t("folgeHint")}</p>
        {fieldError("consultations") ? (
          <p className="font-semibold text-danger" id="folge-error">
            {fieldError("consultations")}
          </p>
        ) : null}
        <ol className="flex flex-col gap-4">
          {folge.map((c, i) => (
            <li key={c.key} className="rounded-md border border-line bg-canvas p-4">
              <Fieldset legend={t("step", { number: i + 1 })} errorId={`step-${c.key}-error`}>
                <div className="grid gap-3 md:grid-cols-[2fr_1fr_1fr] md:items-start">
                  <SelectField
                    id={`step-${c.key}-committee`}
                    name="consultationCommitteeId"
                    label={t("committee")}
                    value={c.committeeId}
                    placeholder={tf("choose")}
                    error={fieldError(`consultations.${i}.committeeId`)}
                    onChange={(e) =>
                      setFolge(folge.map((x) => (x.key === c.key ? { ...x, committeeId: e.target.value } : x)))
                    }
                    options={options.committees.map((o) => ({
                      value: o.id,
                      label: `${o.name} (${o.shortName})${o.classification ? ` · ${tc(o.classification)}` : ""}`,
                    }))}
                  />
                  <SelectField
                    id={`step-${c.key}-role`}
                    name="consultationRole"
                    label={t("role")}
                    value={c.role}
                    error={fieldError(`consultations.${i}.role`)}
                    onChange={(e) => setFolge(folge.map((x) => (x.key === c.key ? { ...x, role: e.target.value } : x)))}
                    options={ROLES.map((r) => ({ value: r, label: tr(r) }))}
                  />
                  <TextField
                    id={`step-${c.key}-date`}
                    name="consultationMeetingDate"
                    type="date"
                    label={t("meetingDate")}
                    value={c.meetingDate}
                    error={fieldError(`consultations.${i}.meetingDate`)}
                    onChange={(e) =>
                      setFolge(folge.map((x) => (x.key === c.key ? { ...x, meetingDate: e.target.value } : x)))
                    }
                  />
                </div>
                <div className="flex justify-end">
                  <RowControls
                    idPrefix={`step-${c.key}`}
                    index={i}
                    count={folge.length}
                    labels={{
                      up: t("stepUp", { number: i + 1 }),
                      down: t("stepDown", { number: i + 1 }),
                      remove: t("stepRemove", { number: i + 1 }),
                    }}
                    onMove={(from, to) => {
                      setFolge(moveItem(folge, from, to));
                      setAnnouncement(t("moved", { number: to + 1 }));
                      setFocusId(`step-${c.key}-${to < from ? "up" : "down"}`);
                    }}
                    onRemove={(index) => {
                      setFolge(folge.filter((_, j) => j !== index));
                      setAnnouncement(t("removed"));
                      setFocusId("add-step");
                    }}
                  />
                </div>
              </Fieldset>
            </li>
          ))}
        </ol>
        <div>
          <button
            type="button"
            id="add-step"
            className={buttonClass("secondary")}
            onClick={() => setFolge([...folge, { key: key(), committeeId: "", role: "vorberatung", meetingDate: "" }])}
          >
            {t("addStep")}
          </button>
        </div>
      </section>

      <section
        aria-labelledby="outline-heading"
        className="flex flex-col gap-4 rounded-lg border border-line bg-white p-6"
      >
        <h2 id="outline-heading" className="text-xl font-bold">
          {t("outlineTitle")}
        </h2>
        <input type="hidden" name="outline" value={outlineValue} />
        <Fieldset
          legend={t("outlineLegend")}
          hint={t("outlineHint")}
          errorId="outline-error"
          error={fieldError("outline")}
        >
          <label className="flex items-start gap-2">
            <input
              type="radio"
              name="outlineChoice"
              value="none"
              checked={outline === "none"}
              onChange={() => setOutline("none")}
              className="mt-1 size-4 accent-brand"
            />
            <span>{t("outlineNone")}</span>
          </label>
          {options.templates.map((tpl) => (
            <label key={tpl.id} className="flex items-start gap-2">
              <input
                type="radio"
                name="outlineChoice"
                value={`template:${tpl.id}`}
                checked={outline === `template:${tpl.id}`}
                onChange={() => setOutline(`template:${tpl.id}`)}
                className="mt-1 size-4 accent-brand"
              />
              <span>{t("outlineTemplate", { name: tpl.name, count: tpl.sectionCount })}</span>
            </label>
          ))}
          {options.copyable.length ? (
            <>
              <label className="flex items-start gap-2">
                <input
                  type="radio"
                  name="outlineChoice"
                  value="copy"
                  checked={outline === "copy"}
                  onChange={() => setOutline("copy")}
                  className="mt-1 size-4 accent-brand"
                />
                <span>{t("outlineCopy")}</span>
              </label>
              {outline === "copy" ? (
                <div className="ml-6 max-w-xl">
                  <SelectField
                    id="copyFrom"
                    label={t("copyFrom")}
                    value={copyFrom}
                    onChange={(e) => setCopyFrom(e.target.value)}
                    options={options.copyable.map((c) => ({ value: c.id, label: `${c.title} (${c.reference})` }))}
                  />
                </div>
              ) : null}
            </>
          ) : null}
        </Fieldset>
      </section>

      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? tf("saving") : t("submit")}
        </Button>
        <p className="text-sm text-muted">{t("submitHint")}</p>
      </div>
    </form>
  );
}
