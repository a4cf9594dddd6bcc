"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/http/action-result";

type MoveAction = (input: {
  conceptId: string;
  sectionId: string;
  direction: "up" | "down";
  title: string;
}) => Promise<ActionResult<unknown>>;

/**
 * "Nach oben" / "Nach unten": the keyboard way to reorder. The buttons stay focusable at the ends
 * (aria-disabled), and focus follows the moved section so one can press again.
 */
export function MoveButtons({
  action,
  conceptId,
  sectionId,
  title,
  isFirst,
  isLast,
}: {
  action: MoveAction;
  conceptId: string;
  sectionId: string;
  title: string;
  isFirst: boolean;
  isLast: boolean;
}) {
  const t = useTranslations("outline");
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [focusAfter, setFocusAfter] = useState<"up" | "down" | null>(null);
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!pending && focusAfter) (focusAfter === "up" ? up : down).current?.focus();
  }, [pending, focusAfter]);

  function move(direction: "up" | "down") {
    if ((direction === "up" && isFirst) || (direction === "down" && isLast) || pending) return;
    startTransition(async () => {
      setResult(await action({ conceptId, sectionId, direction, title }));
      setFocusAfter(direction);
    });
  }

  const button = (direction: "up" | "down", ref: React.RefObject<HTMLButtonElement | null>, disabled: boolean) => (
    <button
      ref={ref}
      type="button"
      aria-disabled={disabled || pending || undefined}
      onClick={() => move(direction)}
      className="rounded-md border border-line bg-white px-3 py-1.5 text-sm font-semibold hover:bg-canvas aria-disabled:cursor-not-allowed aria-disabled:text-muted aria-disabled:opacity-70"
    >
      {direction === "up" ? t("up") : t("down")}
      <span className="sr-only"> {t("moveLabel", { title })}</span>
    </button>
  );

  return (
    <div className="flex flex-wrap items-center gap-2">
      {button("up", up, isFirst)}
      {button("down", down, isLast)}
      <span role="status" className="basis-full text-sm">
        {result ? <span className={result.ok ? "text-ok" : "font-semibold text-danger"}>{result.message}</span> : null}
      </span>
    </div>
  );
}
