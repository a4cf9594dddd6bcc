import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** A plain GET form: works without JavaScript and gives every comparison its own URL. */
export function RevisionCompareForm({ action, numbers, from, to }: { action: string; numbers: number[]; from: number; to: number }) {
  const t = useTranslations("history");
  const select = (name: string, label: string, value: number) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`vergleich-${name}`} className="font-semibold">
        {label}
      </label>
      <select id={`vergleich-${name}`} name={name} defaultValue={value} className="rounded-md border border-muted bg-white px-3 py-2">
        {numbers.map((n) => (
          <option key={n} value={n}>
            {t("versionOption", { number: n })}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form action={action} method="get" className="mt-4 flex flex-wrap items-end gap-4">
      {select("von", t("from"), from)}
      {select("bis", t("to"), to)}
      <Button type="submit">{t("compare")}</Button>
    </form>
  );
}
