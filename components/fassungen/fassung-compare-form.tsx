import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** GET form: two Fassungen, or a Fassung and the current state. */
export function FassungCompareForm({
  action,
  fassungen,
  from,
  to,
}: {
  action: string;
  fassungen: { id: string; name: string }[];
  from?: string;
  to?: string;
}) {
  const t = useTranslations("fassungen");
  return (
    <form action={action} method="get" className="mt-4 flex flex-wrap items-end gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor="fassung-von" className="font-semibold">
          {t("from")}
        </label>
        <select
          id="fassung-von"
          name="von"
          defaultValue={from ?? fassungen[0]?.id}
          className="rounded-md border border-muted bg-white px-3 py-2"
        >
          {fassungen.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="fassung-bis" className="font-semibold">
          {t("to")}
        </label>
        <select
          id="fassung-bis"
          name="bis"
          defaultValue={to ?? "aktuell"}
          className="rounded-md border border-muted bg-white px-3 py-2"
        >
          <option value="aktuell">{t("currentState")}</option>
          {fassungen.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit">{t("compare")}</Button>
    </form>
  );
}
