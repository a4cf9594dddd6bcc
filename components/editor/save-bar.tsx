"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export type SaveStatus = { kind: "idle" | "saving" | "saved" | "error"; message: string };

/** Change note, the save button (Ctrl+S) and the status and error regions that announce the outcome. */
export function SaveBar(props: {
  id: string;
  note: string;
  onNoteChange: (note: string) => void;
  onSave: () => void;
  locked: boolean;
  ready: boolean;
  merging: boolean;
  readHref: string;
  status: SaveStatus;
  draftInfo: string | null;
  storageFailed: boolean;
}) {
  const t = useTranslations("editor");
  const { status } = props;
  return (
    <>
      <form
        className="mt-6 flex flex-wrap items-end gap-4 rounded-lg border border-line bg-white p-4"
        onSubmit={(event) => {
          event.preventDefault();
          props.onSave();
        }}
      >
        <div className="flex min-w-64 flex-1 flex-col gap-1">
          <label htmlFor={props.id} className="font-semibold">
            {t("noteLabel")}
          </label>
          <input
            id={props.id}
            value={props.note}
            maxLength={500}
            onChange={(e) => props.onNoteChange(e.target.value)}
            disabled={props.locked}
            className="rounded-md border border-muted bg-white px-3 py-2"
          />
        </div>
        <Button
          type="submit"
          disabled={props.locked || status.kind === "saving" || !props.ready}
          aria-keyshortcuts="Control+S Meta+S"
          title={t("saveShortcut")}
        >
          {props.merging ? t("saveMerged") : t("save")}
        </Button>
        <Link href={props.readHref} className="py-2">
          {t("toReadView")}
        </Link>
      </form>
      <div className="mt-3 min-h-6 text-sm">
        <p role="status" className={status.kind === "saved" ? "font-semibold text-ok" : "text-muted"}>
          {status.kind !== "error" ? status.message : ""}
          {status.kind !== "error" && props.draftInfo ? ` ${props.draftInfo}` : ""}
        </p>
        <div role="alert">
          {status.kind === "error" ? (
            <p className="rounded-md border border-danger bg-[#fce8e6] p-3 font-semibold text-danger">
              {status.message}
            </p>
          ) : null}
        </div>
        {props.storageFailed ? <p className="font-semibold text-warn">{t("storageFailed")}</p> : null}
      </div>
    </>
  );
}
