"use client";

import { useTranslations } from "next-intl";
import { ActionForm, type FormAction } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import type { FolgeRow } from "./submit-vorlage-form";

const ROLES = ["vorberatung", "entscheidung", "kenntnisnahme"] as const;

/**
 * The lead's editor of the Beratungsfolge until submission: every committee with its role, meeting date and
 * Vorlagenfrist, moved with buttons (never by dragging alone), removed, or added from the committees.
 */
export function BeratungsfolgeEditor({
  action,
  conceptId,
  folge,
  committees,
}: {
  action: FormAction;
  conceptId: string;
  folge: FolgeRow[];
  committees: { id: string; name: string; shortName: string }[];
}) {
  const t = useTranslations("vorlage.folgeEditor");
  const tr = useTranslations("consultationRole");
  const roles = ROLES.map((r) => ({ value: r, label: tr(r) }));
  return (
    <>
      <p className="mt-2 max-w-3xl text-muted">{t("intro")}</p>
      <ol className="mt-4 space-y-4">
        {folge.map((c, i) => {
          const id = c.id.slice(0, 8);
          const committee = c.committeeShortName;
          return (
            <li key={c.id} className="rounded-md border border-line p-4" aria-labelledby={`folge-${id}`}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <h3 id={`folge-${id}`} className="font-semibold">
                  {c.position}. {c.committeeName} ({committee})
                </h3>
                <div className="flex flex-wrap gap-2">
                  <SmallForm
                    action={action}
                    conceptId={conceptId}
                    fields={{ op: "move", consultationId: c.id, direction: "up" }}
                    label={t("moveUp", { committee })}
                    committee={committee}
                    disabled={i === 0}
                  >
                    {t("up")}
                  </SmallForm>
                  <SmallForm
                    action={action}
                    conceptId={conceptId}
                    fields={{ op: "move", consultationId: c.id, direction: "down" }}
                    label={t("moveDown", { committee })}
                    committee={committee}
                    disabled={i === folge.length - 1}
                  >
                    {t("down")}
                  </SmallForm>
                  <SmallForm
                    action={action}
                    conceptId={conceptId}
                    fields={{ op: "remove", consultationId: c.id }}
                    label={t("remove", { committee })}
                    committee={committee}
                    disabled={folge.length === 1}
                  >
                    {t("removeShort")}
                  </SmallForm>
                </div>
              </div>
              <ActionForm
                action={action}
                resetOnSuccess={false}
                label={t("changeLabel", { committee })}
                className="mt-3"
              >
                {({ pending, fieldErrors }) => (
                  <div className="flex flex-wrap items-end gap-4">
                    <input type="hidden" name="op" value="update" />
                    <input type="hidden" name="conceptId" value={conceptId} />
                    <input type="hidden" name="consultationId" value={c.id} />
                    <SelectField
                      id={`role-${id}`}
                      name="role"
                      label={t("roleOf", { committee })}
                      defaultValue={c.role}
                      options={roles}
                      error={fieldErrors.role}
                    />
                    <TextField
                      id={`meeting-${id}`}
                      name="meetingDate"
                      type="date"
                      required
                      label={t("meetingDateOf", { committee })}
                      defaultValue={c.meetingDate}
                      error={fieldErrors.meetingDate}
                    />
                    <TextField
                      id={`time-${id}`}
                      name="meetingTime"
                      type="time"
                      required
                      label={t("meetingTimeOf", { committee })}
                      defaultValue={c.meetingTime?.slice(0, 5) ?? ""}
                      error={fieldErrors.meetingTime}
                    />
                    <TextField
                      id={`deadline-${id}`}
                      name="submissionDeadline"
                      type="date"
                      label={t("submissionDeadlineOf", { committee })}
                      defaultValue={c.submissionDeadline ?? ""}
                      error={fieldErrors.submissionDeadline}
                    />
                    <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending || undefined}>
                      {t("save")}
                      <span className="sr-only"> {committee}</span>
                    </Button>
                  </div>
                )}
              </ActionForm>
            </li>
          );
        })}
      </ol>
      <div className="mt-6 rounded-md border border-dashed border-muted p-4">
        <h3 className="font-semibold">{t("addHeading")}</h3>
        {committees.length === 0 ? (
          <p className="mt-2 text-muted">{t("noneLeft")}</p>
        ) : (
          <ActionForm action={action} label={t("addHeading")} className="mt-3">
            {({ pending, fieldErrors }) => (
              <div className="flex flex-wrap items-end gap-4">
                <input type="hidden" name="op" value="add" />
                <input type="hidden" name="conceptId" value={conceptId} />
                <SelectField
                  id="add-committee"
                  name="committeeId"
                  required
                  label={t("committee")}
                  placeholder={t("chooseCommittee")}
                  defaultValue=""
                  options={committees.map((o) => ({ value: o.id, label: `${o.name} (${o.shortName})` }))}
                  error={fieldErrors.committeeId}
                />
                <SelectField
                  id="add-role"
                  name="role"
                  label={t("role")}
                  defaultValue="vorberatung"
                  options={roles}
                  error={fieldErrors.role}
                />
                <TextField
                  id="add-meeting"
                  name="meetingDate"
                  type="date"
                  required
                  label={t("meetingDate")}
                  error={fieldErrors.meetingDate}
                />
                <TextField
                  id="add-time"
                  name="meetingTime"
                  type="time"
                  required
                  label={t("meetingTime")}
                  error={fieldErrors.meetingTime}
                />
                <TextField
                  id="add-deadline"
                  name="submissionDeadline"
                  type="date"
                  label={t("submissionDeadline")}
                  hint={t("deadlineHint")}
                  error={fieldErrors.submissionDeadline}
                />
                <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
                  {t("add")}
                </Button>
              </div>
            )}
          </ActionForm>
        )}
      </div>
    </>
  );
}

/** One button that sends one change (move, remove); its accessible name says which committee it concerns. */
function SmallForm({
  action,
  conceptId,
  fields,
  label,
  committee,
  disabled,
  children,
}: {
  action: FormAction;
  conceptId: string;
  fields: Record<string, string>;
  label: string;
  committee: string;
  disabled: boolean;
  children: React.ReactNode;
}) {
  return (
    <ActionForm action={action} resetOnSuccess={false} label={label}>
      {({ pending }) => (
        <>
          <input type="hidden" name="conceptId" value={conceptId} />
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <Button type="submit" variant="secondary" className="text-sm" disabled={disabled || pending}>
            {children}
            <span className="sr-only"> ({committee})</span>
          </Button>
        </>
      )}
    </ActionForm>
  );
}
