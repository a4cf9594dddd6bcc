"use client";

import { AlertDialog } from "radix-ui";
import { useState } from "react";
import { buttonClass } from "./button";

/**
 * A confirmation before an action with consequences (Radix AlertDialog: focus trapped, Escape cancels).
 * `children` renders the confirming form and receives a function to close the dialog.
 */
export function ConfirmDialog({
  trigger,
  triggerAriaLabel,
  title,
  description,
  cancelLabel,
  emphasis,
  details,
  onOpen,
  children,
  triggerVariant = "secondary",
  largeTrigger = false,
  wide = false,
}: {
  trigger: string;
  /** When several triggers share a text, each names its object for screen readers. */
  triggerAriaLabel?: string;
  title: string;
  description: string;
  cancelLabel: string;
  /** The consequence that matters most (whose changes are taken back), read out with the description, shown on its own. */
  emphasis?: string;
  /** Runs as the dialog opens (e.g. to read what the form around it holds now). */
  onOpen?: () => void;
  /** What the description summarises, shown below it (a list, a diff); not read out when the dialog opens. */
  details?: React.ReactNode;
  children: (close: () => void) => React.ReactNode;
  triggerVariant?: "primary" | "secondary" | "danger";
  /** Full-size trigger (a main step such as "Mitzeichnung starten") instead of the small inline one. */
  largeTrigger?: boolean;
  /** Room for details such as a diff. */
  wide?: boolean;
}) {
  const [open, setOpen] = useState(false);
  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (next) onOpen?.();
        setOpen(next);
      }}
    >
      <AlertDialog.Trigger
        aria-label={triggerAriaLabel}
        className={buttonClass(triggerVariant, largeTrigger ? undefined : "text-sm")}
      >
        {trigger}
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <AlertDialog.Content
          className={`fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-line bg-white p-6 shadow-lg ${wide ? "w-[min(48rem,calc(100vw-2rem))]" : "w-[min(32rem,calc(100vw-2rem))]"}`}
        >
          <AlertDialog.Title className="text-xl font-bold">{title}</AlertDialog.Title>
          {emphasis ? (
            <AlertDialog.Description asChild>
              <div className="mt-2 space-y-2">
                <p className="text-muted">{description}</p>
                <p className="font-semibold">{emphasis}</p>
              </div>
            </AlertDialog.Description>
          ) : (
            <AlertDialog.Description className="mt-2 text-muted">{description}</AlertDialog.Description>
          )}
          {details ? <div className="mt-4">{details}</div> : null}
          <div className="mt-5">{children(() => setOpen(false))}</div>
          <AlertDialog.Cancel className={buttonClass("secondary", "mt-3 w-full")}>{cancelLabel}</AlertDialog.Cancel>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
