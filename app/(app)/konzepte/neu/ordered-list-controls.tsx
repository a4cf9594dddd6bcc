"use client";

import { buttonClass } from "@/components/ui/button";

/** Move up / move down / remove for one row of an ordered list: plain buttons, so the keyboard does it all. */
export function RowControls({
  idPrefix,
  index,
  count,
  labels,
  onMove,
  onRemove,
}: {
  idPrefix: string;
  index: number;
  count: number;
  labels: { up: string; down: string; remove: string };
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}) {
  const small = buttonClass("secondary", "text-sm");
  return (
    <div className="flex flex-wrap gap-2">
      <button
        type="button"
        id={`${idPrefix}-up`}
        className={small}
        aria-label={labels.up}
        disabled={index === 0}
        onClick={() => onMove(index, index - 1)}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        id={`${idPrefix}-down`}
        className={small}
        aria-label={labels.down}
        disabled={index === count - 1}
        onClick={() => onMove(index, index + 1)}
      >
        <span aria-hidden="true">↓</span>
      </button>
      <button type="button" className={small} aria-label={labels.remove} onClick={() => onRemove(index)}>
        <span aria-hidden="true">✕</span>
      </button>
    </div>
  );
}

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}
