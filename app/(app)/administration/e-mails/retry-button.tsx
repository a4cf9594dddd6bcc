"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { buttonClass } from "@/components/ui/button";
import { retryMailAction } from "./actions";

export function RetryButton({ mailId, to }: { mailId: string; to: string }) {
  const t = useTranslations("outbox");
  const { state, pending, formProps } = useActionForm(retryMailAction);
  return (
    <form {...formProps} className="flex flex-col gap-2">
      <input type="hidden" name="mailId" value={mailId} />
      <button
        type="submit"
        disabled={pending}
        className={buttonClass("secondary", "text-sm")}
        aria-label={t("retryLabel", { to })}
      >
        {t("retry")}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
