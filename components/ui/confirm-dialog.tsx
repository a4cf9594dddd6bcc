"use client";

import dynamic from "next/dynamic";
import { useRef, useState } from "react";
import { buttonClass } from "./button";

const ConfirmDialogBody = dynamic(() => import("./confirm-dialog-body"), { ssr: false });

export type ConfirmDialogProps = {
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
};

/**
 * A confirmation before an action with consequences (Radix AlertDialog: focus trapped, Escape cancels).
 * `children` renders the confirming form and receives a function to close the dialog. The trigger is rendered at
 * once; the dialog's code loads when it is first used.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { trigger, triggerAriaLabel, onOpen, triggerVariant = "secondary", largeTrigger = false } = props;
  const [open, setOpen] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={triggerAriaLabel}
        className={buttonClass(triggerVariant, largeTrigger ? undefined : "text-sm")}
        onClick={() => {
          onOpen?.();
          setOpen(true);
        }}
      >
        {trigger}
      </button>
      {open ? <ConfirmDialogBody {...props} onOpenChange={setOpen} triggerRef={triggerRef} /> : null}
    </>
  );
}
