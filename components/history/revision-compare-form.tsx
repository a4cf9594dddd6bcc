import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** A plain GET form (version numbers 1 … latest): works without JavaScript and gives every comparison its own URL. */
export function RevisionCompareForm({
  action,
  latest,
  from,
  to,
}: {
  action: string;
  latest: number;
  from: number;
  to: number;
}) {
  const t = useTranslations("history");
  const select = (name: string, label: string, value: number) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`vergleich-${name}`} className="font-semibold">
        {label}
      </label>
      {/* A number, not a list: a long history would put thousands of options into every page. */}
      <input
        id={`vergleich-${name}`}
        name={name}
        type="number"
        inputMode="numeric"
        min={1}
        max={latest}
        step={1}
        required
        defaultValue={value}
        className="w-32 rounded-md border border-muted bg-white px-3 py-2"
      />
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
