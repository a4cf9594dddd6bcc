"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, type FormAction } from "@/components/forms/action-form";

type Owner = { id: string; name: string };
type Item = { id: string; text: string };
export type SectionSettingsActions = { rename: FormAction; owner: FormAction; items: FormAction; remove: FormAction };

/** The lead's settings for one section: title, owner organisation, mandate items, removal. */
export function SectionSettings({
  conceptId,
  section,
  owners,
  mandateItems,
  actions,
}: {
  conceptId: string;
  section: { id: string; title: string; ownerOrganisationId: string; mandateItemIds: string[]; version: number };
  owners: Owner[];
  mandateItems: Item[];
  actions: SectionSettingsActions;
}) {
  const t = useTranslations("outline");
  const id = (name: string) => `${name}-${section.id}`;
  const hidden = (
    <>
      <input type="hidden" name="conceptId" value={conceptId} />
      <input type="hidden" name="sectionId" value={section.id} />
    </>
  );
  return (
    <div className="mt-4 grid gap-6 border-t border-line pt-4 lg:grid-cols-2">
      <ActionForm action={actions.rename} resetOnSuccess={false} className="flex flex-wrap items-end gap-3">
        {({ result: state }) => {
          const error = state && !state.ok ? state.fieldErrors.title : undefined;
          return (
            <>
              {hidden}
              <div className="flex min-w-56 flex-1 flex-col gap-1">
                <label htmlFor={id("titel")} className="font-semibold">
                  {t("titleLabel")}
                </label>
                <input
                  id={id("titel")}
                  name="title"
                  defaultValue={section.title}
                  required
                  maxLength={200}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? id("titel-fehler") : undefined}
                  className="rounded-md border border-muted bg-white px-3 py-2"
                />
                {error ? (
                  <p id={id("titel-fehler")} className="text-sm font-semibold text-danger">
                    {error}
                  </p>
                ) : null}
              </div>
              <SubmitButton variant="secondary">{t("rename")}</SubmitButton>
            </>
          );
        }}
      </ActionForm>

      <ActionForm action={actions.owner} resetOnSuccess={false} className="flex flex-wrap items-end gap-3">
        {() => (
          <>
            {hidden}
            <div className="flex min-w-56 flex-1 flex-col gap-1">
              <label htmlFor={id("zustaendig")} className="font-semibold">
                {t("ownerLabel")}
              </label>
              <select
                id={id("zustaendig")}
                name="ownerOrganisationId"
                defaultValue={section.ownerOrganisationId}
                className="rounded-md border border-muted bg-white px-3 py-2"
              >
                {owners.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
            <SubmitButton variant="secondary">{t("saveOwner")}</SubmitButton>
          </>
        )}
      </ActionForm>

      <ActionForm action={actions.items} resetOnSuccess={false} className="flex flex-col gap-3">
        {() => (
          <>
            {hidden}
            <fieldset>
              <legend className="font-semibold">{t("itemsLegend")}</legend>
              <ul className="mt-2 space-y-1">
                {mandateItems.map((item, i) => (
                  <li key={item.id} className="flex items-start gap-2">
                    <input
                      id={id(`auftrag-${item.id}`)}
                      type="checkbox"
                      name="mandateItemIds"
                      value={item.id}
                      defaultChecked={section.mandateItemIds.includes(item.id)}
                      className="mt-1.5 size-4"
                    />
                    <label htmlFor={id(`auftrag-${item.id}`)}>
                      {i + 1}. {item.text}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <div>
              <SubmitButton variant="secondary">{t("saveItems")}</SubmitButton>
            </div>
          </>
        )}
      </ActionForm>

      <ActionForm action={actions.remove} resetOnSuccess={false} className="flex flex-col gap-3">
        {() => (
          <>
            {hidden}
            <p id={id("entfernen-hinweis")} className="text-sm text-muted">
              {section.version > 0 ? t("removeHintArchive") : t("removeHintDelete")}
            </p>
            <div>
              <SubmitButton variant="danger" aria-describedby={id("entfernen-hinweis")}>
                {t("remove")}
              </SubmitButton>
            </div>
          </>
        )}
      </ActionForm>
    </div>
  );
}
